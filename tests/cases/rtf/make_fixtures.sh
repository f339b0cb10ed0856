#!/usr/bin/env bash
# The RTF fixture is LibreOffice 7.4's RTF export of the Office case's letter (header,
# footer, comment, table, footnote; æøå as \'hh escapes and \uN). Re-run only to change it.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf input && mkdir -p input
soffice --headless --convert-to rtf --outdir input ../office/source/brev.fodt >/dev/null
