#!/usr/bin/env bash
# Build the one-folder desktop app with PyInstaller: dist/overblick/overblick.
# Installs PyInstaller into .venv (the "package" extra) and compiles the translations first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh
ensure_venv "gui,package"  # also compiles resources/translations/*.ts into .qm (lrelease)
if ! .venv/bin/python -c 'import PyInstaller' 2>/dev/null; then
  .venv/bin/python -m pip install --quiet "pyinstaller>=6.10,<7"
fi
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
end=$(date +%s)
out=dist/overblick
echo "Byggt på $((end - start)) s: $out/overblick"
echo "Storlek: $(du -sh "$out" | cut -f1) ($(find "$out" -type f | wc -l) filer)"
