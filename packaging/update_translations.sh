#!/usr/bin/env bash
# Refresh resources/translations/*.ts from the sources (run after changing any visible string),
# then translate the new entries with Qt Linguist (pyside6-linguist) or by editing the .ts.
set -euo pipefail
cd "$(dirname "$0")/.."
sources=$(find frontera_desk/gui frontera_desk/app.py -name '*.py' -not -path '*/generated/*' | sort)
# Spanish (Mexico) translates everything; English is the source language and needs only the
# plural forms ("%n person(s)" → "1 person", "2 people").
pyside6-lupdate $sources forms/*.ui -ts resources/translations/frontera_desk_es.ts \
  -no-obsolete -locations none -target-language es_MX
pyside6-lupdate $sources forms/*.ui -ts resources/translations/frontera_desk_en.ts \
  -no-obsolete -locations none -target-language en_US -pluralonly
