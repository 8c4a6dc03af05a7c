#!/usr/bin/env bash
# Takes the README's dashboard screenshots from the real engine on the shipped rules/: the repository's tracked files
# are copied to a temp folder, `dotnet run --project engine/RulesEngine.Host -- run` starts there, the sample app beats
# once (so an issue resolves), and Debian's Chromium, headless, saves the pages into docs/.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
port=${PORT:-18181}
base="http://127.0.0.1:$port"
# A plain path: the sample app's record source, shown on the issue page, names it.
work=${TMPDIR:-/tmp}/rules-engine-demo
profile=$(mktemp -d)
rm -rf "$work" && mkdir -p "$work"

(cd "$repo" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$work"
cd "$work"
setsid dotnet run --project engine/RulesEngine.Host -- run --urls "$base" >"$work/sidecar.log" 2>&1 &
sidecar=$!
trap 'kill -- -"$sidecar" 2>/dev/null || true; rm -rf "$work" "$profile"' EXIT

wait_for() { # wait_for SECONDS COMMAND...: until the command succeeds
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "timed out waiting for: $*" >&2; cat "$work/sidecar.log" >&2; exit 1; }
    sleep 1
  done
}

wait_for 300 curl -sf "$base/readyz"
curl -sf -X POST "$base/api/heartbeats/sample-app" >/dev/null
# The heartbeat rule runs every minute: its issue resolves at the next run.
wait_for 90 sh -c "curl -sf '$base/api/issues?status=Resolved' | grep -q heartbeat"

first_profile_issue=$(curl -sf "$base/api/issues?name=profile%20pic%20missing&limit=1000" | grep -o '"id":[0-9]*' | tail -1 | cut -d: -f2)

shoot() { # shoot FILE WIDTHxHEIGHT PATH
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
    --window-size="${2/x/,}" --screenshot="$repo/docs/$1" "$base$3" 2>/dev/null
}

shoot dashboard-issues.png 1280x1000 "/"
shoot dashboard-issue.png 1280x820 "/issues/$first_profile_issue"
echo "saved docs/dashboard-issues.png and docs/dashboard-issue.png"
