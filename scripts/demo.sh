#!/usr/bin/env bash
# Install Överblick into .venv, build a demo stock once, and open the window on it.
# Without a display (no $DISPLAY / $WAYLAND_DISPLAY) it prints today's list instead.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh
ensure_venv "gui"
db="demo/overblick-demo.db"
if [ ! -f "$db" ]; then
  # Built beside and moved into place, so an interrupted build is simply built again.
  rm -f "$db.part" "$db.part-wal" "$db.part-shm"
  .venv/bin/overblick --db "$db.part" demo | sed "s/\.part//"
  mv "$db.part" "$db"
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]; then
  exec .venv/bin/overblick --db "$db" "$@"
fi
echo "Ingen skärm hittades; visar dagens lista i terminalen i stället." >&2
exec .venv/bin/overblick --db "$db" today "$@"
