#!/usr/bin/env bash
# Refresh resources/translations/*.ts from the sources (run after changing any visible string),
# then translate the new entries with Qt Linguist (pyside6-linguist) or by editing the .ts.
set -euo pipefail
cd "$(dirname "$0")/.."
sources=$(find frontera_desk/gui frontera_desk/app.py -name '*.py' -not -path '*/generated/*' | sort)
# Spanish (Mexico) is the only translation: English is the source language.
pyside6-lupdate $sources forms/*.ui -ts resources/translations/frontera_desk_es.ts \
  -no-obsolete -locations none -target-language es_MX
