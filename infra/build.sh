#!/usr/bin/env bash
# Compiles and lints the CoachBot Bicep templates with the Bicep CLI from NuGet, offline.
#   bash infra/build.sh [infra-dir]     (default: the directory of this script)
#   bash infra/build.sh --bicep-path    prints the path of the Bicep CLI (restored if needed) and exits; the tests use
#                                       it to run `bicep snapshot` on each documented parameter combination
# Fails if bicep exits non-zero OR prints any warning or error: `bicep build` reports unknown
# properties and lint findings as warnings and still exits 0, so the output is checked too.
# Writes the compiled ARM JSON to ${BICEP_OUT:-<repo>/artifacts/infra}/main.json (+ main.parameters.json).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
print_path=0
if [[ "${1:-}" == "--bicep-path" ]]; then print_path=1; shift; fi
infra="$(cd "${1:-$here}" && pwd)"
out="${BICEP_OUT:-$repo/artifacts/infra}"
version="0.49.2"

# 1. The Bicep CLI: NuGet package Azure.Bicep.CommandLine.linux-x64 (a native binary under tools/).
dotnet restore "$repo/tools/bicep/bicep-tool.csproj" --nologo --verbosity quiet >/dev/null
packages="${NUGET_PACKAGES:-$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')}"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
[[ -f "$bicep" ]] || { echo "infra/build.sh: bicep not found at $bicep after restore" >&2; exit 1; }
[[ -x "$bicep" ]] || chmod +x "$bicep"
"$bicep" --version | grep -q "$version" || { echo "infra/build.sh: expected Bicep CLI $version" >&2; exit 1; }

if (( print_path )); then echo "$bicep"; exit 0; fi

mkdir -p "$out"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
failed=0

run() { # run <description> <bicep args...>: fails on a non-zero exit or any Warning/Error diagnostic
  local what="$1"; shift
  if ! "$bicep" "$@" >"$log" 2>&1; then
    echo "FAIL ($what): bicep exited non-zero" >&2; cat "$log" >&2; failed=1; return
  fi
  if grep -Eq ' : (Warning|Error) ' "$log"; then
    echo "FAIL ($what): bicep printed diagnostics" >&2; cat "$log" >&2; failed=1; return
  fi
  [[ -s "$log" ]] && cat "$log"   # informational output only
  echo "ok   $what"
}

run "build main.bicep" build "$infra/main.bicep" --outfile "$out/main.json"
run "lint main.bicep (and the modules it uses)" lint "$infra/main.bicep"
for p in "$infra"/*.bicepparam; do
  [[ -e "$p" ]] || continue
  # build-params type-checks the parameters file against main.bicep (and reports lint findings too).
  # Never let a real secret from the caller's environment end up in the compiled parameters file.
  env -u BOT_APP_PASSWORD -u GRAPH_CLIENT_SECRET -u ADMIN_API_KEY "$bicep" build-params "$p" --outfile "$out/$(basename "${p%.bicepparam}").parameters.json" >"$log" 2>&1 \
    && ! grep -Eq ' : (Warning|Error) ' "$log" && echo "ok   build-params ${p#"$infra"/}" \
    || { echo "FAIL (build-params ${p#"$infra"/})" >&2; cat "$log" >&2; failed=1; }
done

if (( failed )); then
  echo "infra/build.sh: FAILED" >&2
  exit 1
fi
echo "infra/build.sh: all Bicep files compile and lint clean (Bicep CLI $version); ARM JSON in $out"
