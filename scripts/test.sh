#!/usr/bin/env bash
# Install Överblick with its test tools into .venv and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh
ensure_venv "gui,test"
exec .venv/bin/python -m pytest "$@"
