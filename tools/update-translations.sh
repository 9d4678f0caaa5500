#!/bin/sh
# Refreshes translations/*.ts from the GUI's sources (ea_ui, ea_core, main.cpp).
# German gets every string; English only the plural forms ("%n item(s)").
# Then translate the entries Qt Linguist marks unfinished; tst_translations
# fails until every German entry is finished.
set -eu
cd "$(dirname "$0")/../translations"
LUPDATE=${LUPDATE:-$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}
"$LUPDATE" -no-obsolete -locations none ../ui ../app/core ../app/main.cpp -ts enrollment-assigner_de.ts
"$LUPDATE" -no-obsolete -locations none -pluralonly ../ui ../app/core ../app/main.cpp -ts enrollment-assigner_en.ts
