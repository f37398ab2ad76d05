#!/usr/bin/env bash
# Runs CoachBot locally: Azurite (Tables + Queues), the local Graph-shaped server with the sample
# organisation (samples/org.json), the bot on http://127.0.0.1:3978 and the Microsoft 365 Agents
# Playground (a Teams-like client) pointed at it. Ctrl-C stops everything.
# Nothing started here reaches beyond loopback: the Playground's browser launch, telemetry and
# statsbeat are switched off (without that it probes a cloud metadata address).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BOT_PORT=${BOT_PORT:-3978}
PLAYGROUND_PORT=${PLAYGROUND_PORT:-56150}
MANAGER_PLAYGROUND_PORT=${MANAGER_PLAYGROUND_PORT:-56151}
GRAPH_PORT=${GRAPH_PORT:-5299}
DATA_DIR=${COACHBOT_DATA_DIR:-$ROOT/.azurite}

# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"
require_tools
ensure_npm_packages

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "Stopping CoachBot, the Playground and Azurite..."
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT
set -m  # each background job gets its own process group, so Ctrl-C can stop it with its children

mkdir -p "$DATA_DIR" "$ROOT/.logs"
start_azurite_persistent "$DATA_DIR" >"$ROOT/.logs/azurite.log" 2>&1 &
pids+=($!)
wait_for_port 10002 30 "Azurite (Tables)"
wait_for_port 10001 30 "Azurite (Queues)"

echo "Building CoachBot and the local Graph server..."
for project in src/CoachBot tools/GraphServer; do
  dotnet build "$project" -c Debug -v quiet -nologo >>"$ROOT/.logs/build.log" 2>&1 || { cat "$ROOT/.logs/build.log"; exit 1; }
done
dotnet run --no-build --project tools/GraphServer -- --urls "http://127.0.0.1:$GRAPH_PORT" >"$ROOT/.logs/graph.log" 2>&1 &
pids+=($!)
wait_for_port "$GRAPH_PORT" 60 "Graph server"

# A local admin key (loopback only) so the field-day run below works; set COACHBOT_ADMIN_KEY to choose another.
ADMIN_KEY=${COACHBOT_ADMIN_KEY:-local-admin-key}
ASPNETCORE_ENVIRONMENT=Development Graph__BaseUrl="http://127.0.0.1:$GRAPH_PORT/v1.0" Admin__ApiKey="$ADMIN_KEY" \
  dotnet run --no-build --project src/CoachBot -- --urls "http://127.0.0.1:$BOT_PORT" >"$ROOT/.logs/bot.log" 2>&1 &
pids+=($!)
wait_for_port "$BOT_PORT" 60 "CoachBot"

# Two Playgrounds on one bot: Diego's (a rep) and Maya's (his manager); each has one fixed user.
start_playground() { # config dir, port, log name
  (cd "$1" && exec env TEAMSAPPTESTER_BROWSER=none APPLICATION_INSIGHTS_NO_STATSBEAT=true \
    node "$ROOT/node_modules/@microsoft/m365agentsplayground/cli.js" start \
      -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams -p "$2" --disable-telemetry) >"$ROOT/.logs/$3.log" 2>&1 &
  pids+=($!)
}
start_playground "$ROOT/dev/playground" "$PLAYGROUND_PORT" playground
start_playground "$ROOT/dev/playground/maya" "$MANAGER_PLAYGROUND_PORT" playground-maya
wait_for_port "$PLAYGROUND_PORT" 60 "Agents Playground (Diego)"
wait_for_port "$MANAGER_PLAYGROUND_PORT" 60 "Agents Playground (Maya)"

cat <<MSG

  CoachBot is running.
    Chat with it:  http://127.0.0.1:$PLAYGROUND_PORT   (Microsoft 365 Agents Playground, as Diego, a rep)
    As a manager:  http://127.0.0.1:$MANAGER_PLAYGROUND_PORT   (as Maya Patel, Diego's manager)
    Bot endpoint:  http://127.0.0.1:$BOT_PORT/api/messages   health: http://127.0.0.1:$BOT_PORT/healthz/ready
    Storage:       Azurite on 127.0.0.1:10001 (Queues) / 10002 (Tables), data in $DATA_DIR
    Graph:         sample organisation on http://127.0.0.1:$GRAPH_PORT/v1.0 (you are Diego, a rep on Maya Patel's team)
    Logs:          $ROOT/.logs/

  Try: "The buyer says we're too expensive, what do I do?"   Press Ctrl-C to stop.
  Manager view: as Diego state a plan and type "share"; then in Maya's Playground type "my day" (or "team", "field day", "settings").
  Field day: as Maya type "field day" and press Book; then send the prep and debrief without waiting (docs/field-days.md):
    curl -X POST -H "X-Admin-Key: $ADMIN_KEY" "http://127.0.0.1:$BOT_PORT/admin/fielddays/run?at=<prep or end time, ISO 8601>"

MSG
wait -n "${pids[@]}" || true
echo "A process stopped; see $ROOT/.logs/." >&2
