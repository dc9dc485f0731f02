# Sourced by the other scripts: make .venv (Python 3.11+) and install the project into it.
# Usage: ensure_venv "EXTRAS"   e.g. ensure_venv "gui,test"
ensure_venv() {
  local extras="$1"
  local python="${PYTHON:-python3}"
  if ! command -v "$python" >/dev/null 2>&1; then
    echo "Python 3.11 eller senare behövs (hittade inte '$python')." >&2
    exit 2
  fi
  if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "Python 3.11 eller senare behövs; '$python' är $("$python" --version 2>&1)." >&2
    exit 2
  fi
  if [ ! -x .venv/bin/python ]; then
    if ! "$python" -m venv .venv; then
      echo "Kunde inte skapa .venv. På Debian/Ubuntu: sudo apt-get install python3-venv" >&2
      exit 2
    fi
  fi
  local stamp=".venv/.installed-${extras//,/-}"
  if ! installed_with "$extras"; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".[${extras}]"
    touch "$stamp"
  fi
  build_translations
  build_catalogues
}

# True when .venv already holds the project with every extra asked for (an install with more
# extras counts: "gui,test" serves "gui"), and pyproject.toml has not changed since.
installed_with() {
  local wanted="$1" stamp extra have
  for stamp in .venv/.installed-*; do
    [ -f "$stamp" ] && [ ! pyproject.toml -nt "$stamp" ] || continue
    have="-${stamp#.venv/.installed-}-"
    for extra in ${wanted//,/ }; do
      [[ "$have" == *"-$extra-"* ]] || continue 2
    done
    return 0
  done
  return 1
}

# Compile the Qt translation sources (.ts) into the .qm files the window loads.
build_translations() {
  local lrelease=.venv/bin/pyside6-lrelease
  [ -x "$lrelease" ] || return 0
  local ts
  for ts in resources/translations/*.ts; do
    [ -f "$ts" ] || continue
    if [ ! -f "${ts%.ts}.qm" ] || [ "$ts" -nt "${ts%.ts}.qm" ]; then
      "$lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
    fi
  done
}

# Compile the gettext catalogues (.po) of the command line and engine into .mo (app/base/i18n.py).
build_catalogues() {
  local pybabel=.venv/bin/pybabel
  [ -x "$pybabel" ] || return 0
  local po
  for po in resources/locale/*/LC_MESSAGES/*.po; do
    [ -f "$po" ] || continue
    if [ ! -f "${po%.po}.mo" ] || [ "$po" -nt "${po%.po}.mo" ]; then
      "$pybabel" -q compile --statistics -i "$po" -o "${po%.po}.mo" >/dev/null
    fi
  done
}
