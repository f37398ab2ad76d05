# Shared helpers for scripts/run-local.sh and scripts/test.sh (sourced, not run).

require_tools() {
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not found)." >&2; exit 1; }
  command -v node >/dev/null || { echo "Node.js 20+ is required (node not found)." >&2; exit 1; }
  command -v npm >/dev/null || { echo "npm is required." >&2; exit 1; }
}

# Installs the pinned npm packages from package-lock.json when they are missing or stale.
ensure_npm_packages() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing npm packages (package-lock.json)..."
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

start_azurite_persistent() {
  exec node node_modules/azurite/dist/src/azurite.js --location "$1" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --disableTelemetry --skipApiVersionCheck --silent
}

wait_for_port() {
  local port=$1 seconds=$2 name=$3
  for _ in $(seq 1 $((seconds * 10))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "$name did not start on port $port within ${seconds}s." >&2
  return 1
}

# The browser checks drive Debian's Chromium (Playwright's own browser download cannot work offline).
ensure_chromium() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser checks..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is needed for the browser checks: sudo apt-get install chromium (or set CHROMIUM_PATH)." >&2
    exit 1
  fi
}
