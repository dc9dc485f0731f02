#!/usr/bin/env bash
# Install Överblick into .venv and open it on a generated demo stock.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh
ensure_venv "gui"
db="demo/overblick-demo.db"
if [ ! -f "$db" ]; then
  .venv/bin/overblick --db "$db" demo
fi
exec .venv/bin/overblick --db "$db" today "$@"
