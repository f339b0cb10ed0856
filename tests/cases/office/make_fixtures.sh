#!/usr/bin/env bash
# How the Office fixtures in input/ were made: LibreOffice 7.4 (Debian 12,
# libreoffice-*-nogui) converts the sources in source/ to .docx, .xlsx, .pptx, .odt, .ods and .odp. The
# sources are plain text (flat OpenDocument XML and CSV) so that a reader can see what is
# in each file. Re-run only to change them; the results are committed.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf input && mkdir -p input
soffice --headless --convert-to docx --outdir input source/brev.fodt >/dev/null
soffice --headless --convert-to odt --outdir input source/brev.fodt >/dev/null
soffice --headless --convert-to odp --outdir input source/slides.fodp >/dev/null
soffice --headless --convert-to pptx --outdir input source/slides.fodp >/dev/null
# CSV as LibreOffice imports it: separator ';', UTF-8; numbers become numeric cells (so
# 0911550008 loses its leading zero, the Excel artefact).
soffice --headless --infilter="CSV:59,34,76" --convert-to xlsx --outdir input source/personale.csv >/dev/null
soffice --headless --infilter="CSV:59,34,76" --convert-to ods --outdir input source/personale.csv >/dev/null
# A citizen list with the given names and the surname in columns of their own (names are
# found across the cells and masked beside the CPR numbers); the CSV is scanned as it is too.
soffice --headless --infilter="CSV:59,34,76" --convert-to xlsx --outdir input source/borgere.csv >/dev/null
cp source/borgere.csv input/
# A docx with the workbook embedded as an object is made by zipping it into word/embeddings.
mkdir -p work/word/embeddings && cp input/personale.xlsx work/word/embeddings/Microsoft_Excel_Worksheet.xlsx
cp input/brev.docx input/brev_med_regneark.docx && (cd work && zip -q ../input/brev_med_regneark.docx word/embeddings/Microsoft_Excel_Worksheet.xlsx)
rm -rf work
head -c 3000 input/brev.docx > input/afbrudt.docx  # truncated
cp source/brev.fodt source/slides.fodp input/  # flat OpenDocument: the sources themselves
