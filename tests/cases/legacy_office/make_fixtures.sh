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
# A letter with a spreadsheet embedded as an object: the OpenDocument parts in
# source/medbilag/ zipped into an .odt (mimetype first, stored), which LibreOffice saves as
# a .doc (the workbook in ObjectPool) and a .docx (word/embeddings/oleObject1.xlsx).
mkdir -p work && rm -f work/medbilag.odt
(cd source/medbilag && zip -q -X -0 ../../work/medbilag.odt mimetype && zip -q -X -r ../../work/medbilag.odt META-INF content.xml "Object 1")
soffice --headless --convert-to doc --outdir input work/medbilag.odt >/dev/null
soffice --headless --convert-to docx --outdir input work/medbilag.odt >/dev/null
head -c 5000 input/brev.doc > input/afbrudt.doc  # truncated: the compound file's sectors are gone
rm -rf work
