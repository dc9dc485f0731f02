#!/usr/bin/env bash
# Smoke test of the BUILT app (bash scripts/build.sh first): the frozen binary builds a demo
# stock, opens the window offscreen until the first data shows, and answers `today --json`.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=dist/overblick/overblick
if [ ! -x "$bin" ]; then
  echo "smoke: $bin saknas; bygg först med: bash scripts/build.sh" >&2
  exit 2
fi
python=.venv/bin/python
[ -x "$python" ] || python=python3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Keep the window's settings, log and backups out of the user's own folders.
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state"
export XDG_CACHE_HOME="$tmp/cache"
unset OVERBLICK_LANG

ms() { date +%s%3N; }
fail() { echo "smoke: FEL: $*" >&2; exit 1; }
total_start=$(ms)

start=$(ms)
"$bin" --db "$tmp/demo.db" demo --caseworkers 2 --cases 50 --today 2026-11-23 >"$tmp/demo.out" 2>&1 \
  || { cat "$tmp/demo.out" >&2; fail "demo avslutades med fel"; }
echo "demo: $(($(ms) - start)) ms: $(tail -n 1 "$tmp/demo.out")"

start=$(ms)
code=0
QT_QPA_PLATFORM=offscreen timeout 120 "$bin" --db "$tmp/demo.db" --exit-when-ready \
  >"$tmp/window.out" 2>&1 || code=$?
elapsed=$(($(ms) - start))
if [ "$code" -ne 0 ]; then
  cat "$tmp/window.out" >&2
  [ "$code" -eq 124 ] && fail "fönstret blev inte klart inom 120 s"
  fail "fönstret avslutades med kod $code"
fi
grep -q "ready in" "$tmp/window.out" || { cat "$tmp/window.out" >&2; fail "inget 'ready in'"; }
echo "window: $elapsed ms in all, $(grep -o 'ready in [0-9]* ms' "$tmp/window.out")"

caseworker=$("$bin" --db "$tmp/demo.db" profile | awk 'NR == 1 {print $1}')
[ -n "$caseworker" ] || fail "demon har ingen handläggare"
start=$(ms)
"$bin" --db "$tmp/demo.db" today --json --on 2026-11-23 --as "$caseworker" >"$tmp/today.json" \
  || fail "today --json avslutades med fel"
summary=$("$python" - "$tmp/today.json" "$caseworker" <<'EOF'
import json
import sys

doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["caseworker"] == sys.argv[2], doc["caseworker"]
rows = len(doc["planned"]) + len(doc["ranked"])
print(f"valid JSON for {doc['caseworker']} on {doc['on']}, {rows} cases listed")
EOF
) || fail "today --json gav ingen giltig JSON"
echo "today --json: $(($(ms) - start)) ms: $summary"

# The team server's driver and schema are in the build: an unreachable server is one line.
code=0
"$bin" --db "$tmp/demo.db" sync status >/dev/null || fail "sync status avslutades med fel"
"$bin" server init "postgresql://nobody@127.0.0.1:1/none" >"$tmp/server.out" 2>&1 || code=$?
[ "$code" -eq 2 ] && grep -q "svarar inte" "$tmp/server.out" \
  || { cat "$tmp/server.out" >&2; fail "server init mot en server som inte svarar: kod $code"; }
echo "team server: psycopg and the schema are in the build"

echo "smoke OK in $(($(ms) - total_start)) ms"
