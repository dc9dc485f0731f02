#!/usr/bin/env bash
# The gettext catalogues of the command line and the engine (app/base/i18n.py), managed with Babel.
#   bash scripts/i18n.sh extract   app/ -> resources/locale/overblick.pot, then update en
#   bash scripts/i18n.sh update    also refresh click's Swedish catalogue from the installed click
#   bash scripts/i18n.sh compile   .po -> .mo (the install scripts do this; app/base/i18n.py reads a
#                                  .po directly when its .mo is missing or older)
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel=.venv/bin/pybabel
locale=resources/locale
keywords=(-k _ -k N_ -k "ngettext:1,2" -k "counted:2,3")

extract() {
  "$pybabel" -q extract --no-location --sort-output --width 100 "${keywords[@]}" \
    --project overblick -o "$locale/overblick.pot" app db
  if [ -f "$locale/en/LC_MESSAGES/overblick.po" ]; then
    "$pybabel" -q update --no-fuzzy-matching --width 100 -D overblick \
      -i "$locale/overblick.pot" -d "$locale" -l en
  else
    "$pybabel" -q init --width 100 -D overblick -i "$locale/overblick.pot" -d "$locale" -l en
  fi
}

# Note: click builds "required" from a variable; after an update, check that its entry
# ("krävs") is still active in click.po (tests/test_cli_language.py checks it).
update_click() {
  local click_dir
  click_dir=$(.venv/bin/python -c 'import click, os; print(os.path.dirname(click.__file__))')
  "$pybabel" -q extract --no-location --sort-output --width 100 -k _ -k "ngettext:1,2" \
    -o "$locale/click.pot" "$click_dir"
  "$pybabel" -q update --no-fuzzy-matching --width 100 -D click \
    -i "$locale/click.pot" -d "$locale" -l sv
  rm -f "$locale/click.pot"
}

case "${1:-}" in
  extract) extract ;;
  update) extract; update_click ;;
  compile) source scripts/_venv.sh; build_catalogues ;;
  *) echo "Användning: bash scripts/i18n.sh extract|update|compile" >&2; exit 2 ;;
esac
