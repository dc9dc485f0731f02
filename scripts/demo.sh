#!/usr/bin/env bash
# Install Överblick into .venv, build a demo stock once, and open the window on it.
# Without a display (no $DISPLAY / $WAYLAND_DISPLAY) it prints today's list instead.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh
ensure_venv "gui"
db="${OVERBLICK_DEMO_DB:-demo/overblick-demo.db}"
if [ ! -f "$db" ]; then
  # Built beside and moved into place, so an interrupted build is simply built again.
  rm -f "$db.part" "$db.part-wal" "$db.part-shm"
  .venv/bin/overblick --db "$db.part" demo | sed "s/\.part//"
  mv "$db.part" "$db"
fi
# A window only where a person can see it: a display (X11 or Wayland) or macOS. With none,
# QT_QPA_PLATFORM=offscreen would open a window nobody sees, so print the list instead.
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname -s)" = "Darwin" ]; then
  exec .venv/bin/overblick --db "$db" "$@"
fi
echo "Ingen skärm hittades; visar dagens lista i terminalen i stället." >&2
exec .venv/bin/overblick --db "$db" today "$@"
