#!/usr/bin/env bash
# Runs the whole CoachBot test suite: .NET unit, integration (real Azurite, started by the tests
# themselves on free loopback ports) and end-to-end (Agents Playground) tests, then the JS checks
# (cards, manifest, infrastructure). Browser checks use Debian's chromium, installed here if missing.
# Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"
require_tools
ensure_npm_packages
ensure_chromium

dotnet build CoachBot.sln -c Release -nologo -v quiet
dotnet test CoachBot.sln -c Release --no-build -nologo --logger "console;verbosity=minimal"

if compgen -G "tests/js/*.test.mjs" >/dev/null; then
  node --test tests/js/
fi
