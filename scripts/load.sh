#!/usr/bin/env bash
# Side-by-side load run: CoachBot (Release) and the botbuilder reference bot (bench/reference-bot), an in-memory Azurite each,
# same local Connector, loopback only, bounded per level. Prints a markdown report on stdout (progress on stderr);
# child-process logs go to .logs/load/. Not part of CI: it takes a few minutes and wants a quiet machine.
#
#   bash scripts/load.sh                                  # levels 1,8,32,64 closed loop + 10,25 turns/s open loop, 20 s each
#   bash scripts/load.sh --levels 1,8 --duration 5        # any LoadDriver option (bash scripts/load.sh --help)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"
require_tools
ensure_npm_packages >&2
if [ ! -d bench/reference-bot/node_modules/botbuilder ]; then
  npm ci --prefix bench/reference-bot --no-audit --no-fund >&2
fi

dotnet build src/CoachBot/CoachBot.csproj -c Release -nologo -v quiet >&2
dotnet build tools/LoadDriver/LoadDriver.csproj -c Release -nologo -v quiet >&2
exec dotnet tools/LoadDriver/bin/Release/net10.0/LoadDriver.dll --repo "$ROOT" "$@"
