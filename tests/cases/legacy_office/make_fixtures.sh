#!/usr/bin/env bash
# How the legacy Office fixtures in input/ were made: LibreOffice 7.4 (Debian 12,
# libreoffice-*-nogui) converts the plain-text sources of the office case (../office/source)
# to Word 97, Excel 97 and PowerPoint 97; source/notat.fodt to .doc, .docx, .odt and .pdf. Re-run only to change them; the results
# are committed.
set -euo pipefail
cd "$(dirname "$0")"
src=../office/source
rm -rf input work && mkdir -p input work
soffice --headless --convert-to doc --outdir input "$src/brev.fodt" >/dev/null
soffice --headless --convert-to ppt --outdir input "$src/slides.fodp" >/dev/null
# CSV as LibreOffice imports it: separator ';', UTF-8; numbers become numeric cells (so
# 0911550008 loses its leading zero, the Excel artefact).
soffice --headless --infilter="CSV:59,34,76" --convert-to xls --outdir input "$src/personale.csv" >/dev/null
# A note whose document properties name its author and last editor and whose title holds a
# CPR number, in each format that carries properties.
for format in doc docx odt pdf; do
  soffice --headless --convert-to "$format" --outdir input source/notat.fodt >/dev/null
done
head -c 5000 input/brev.doc > input/afbrudt.doc  # truncated: the compound file's sectors are gone
rm -rf work
