#!/usr/bin/env bash
# Document extractors against their peers, on documents made here by real writers.
#
#   bench/documents.sh [--runs 3] [--gdprscan PATH]
#
# * PDF: 60 reports (5-40 pages) and 150 letters (1-2 pages) made with enscript + Ghostscript
#   from text files of `gdprscan corpus generate --mix text=1` (a 128 MiB tree for the
#   reports, a 4 MiB `--shape small-files` tree for the letters). The generator writes PDFs
#   itself, but these are made by the writers real shares hold PDFs from; each set scanned
#   by gdprscan (extract and match, one process) against `pdftotext` run once per file
#   (xargs), the per-file pipeline a shell-based scanner would use. 1 thread and $(nproc).
# * Office: a 200 000-row citizen list (CSV, generated with a fixed seed) saved by LibreOffice
#   as .xlsx and .xls (Excel 97 keeps 65 536 rows), and a 3 MB letter saved as .doc and .docx;
#   gdprscan on one thread against the floor for the xlsx: unzip -p plus
#   `xmllint --stream --noout` over its sheet and shared strings.
# Needs enscript, ghostscript, poppler-utils, libreoffice-calc-nogui and -writer-nogui and
# libxml2-utils (fixture tools, not installed by scripts/install-deps.sh); the documents are
# kept in build/bench-documents. Wall-clock medians of --runs, interleaved.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GDPRSCAN="$ROOT/build/release/gdprscan"
RUNS=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --gdprscan) GDPRSCAN="$2"; shift 2 ;;
    *) echo "documents.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
for tool in enscript ps2pdf pdftotext soffice xmllint unzip; do
  command -v "$tool" >/dev/null || { echo "documents.sh: needs $tool (see the header)" >&2; exit 2; }
done
OUT="$ROOT/build/bench-documents"
[[ -x "$GDPRSCAN" ]] || { echo "documents.sh: no gdprscan at $GDPRSCAN (build first or --gdprscan)" >&2; exit 2; }
# PDFs from before the move to `gdprscan corpus generate` (text of gen_corpus.py) are made again.
[[ -f "$OUT/made-by-corpus-generate" ]] || rm -rf -- "$OUT/pdf" "$OUT/letters"
mkdir -p "$OUT/pdf" "$OUT/letters" "$OUT/office" "$OUT/text"
touch "$OUT/made-by-corpus-generate"

# text_tree NAME FLAGS...: $OUT/text/NAME, a text-only generated tree (made once).
text_tree() {
  local dir="$OUT/text/$1"; shift
  if [[ ! -d "$dir" ]]; then
    rm -rf -- "$dir.partial"
    "$GDPRSCAN" corpus generate --out "$dir.partial" --mix text=1 --seed 42 --quiet "$@"
    mv -- "$dir.partial" "$dir"
  fi
  echo "$dir"
}
if [[ ! -f "$OUT/pdf/doc60.pdf" ]]; then
  rm -f "$OUT/pdf"/*.pdf
  CORPUS=$(text_tree reports --size 128MiB)
  # awk, not head: head would close the pipe early and pipefail would end the script.
  i=0
  find "$CORPUS" -name '*.txt' -size +20k -size -120k | LC_ALL=C sort | awk 'NR <= 60' | while read -r f; do
    i=$((i + 1))
    enscript -q -B -X 88591 -o - "$f" 2>/dev/null | ps2pdf - "$OUT/pdf/doc$i.pdf"
  done
fi
if [[ ! -f "$OUT/letters/s150.pdf" ]]; then
  rm -f "$OUT/letters"/*.pdf
  CORPUS=$(text_tree letters --size 4MiB --shape small-files)
  i=0
  find "$CORPUS" -name '*.txt' -size +2k -size -6k | LC_ALL=C sort | awk 'NR <= 150' | while read -r f; do
    i=$((i + 1))
    enscript -q -B -X 88591 -o - "$f" 2>/dev/null | ps2pdf - "$OUT/letters/s$i.pdf"
  done
fi
office="$OUT/office"
if [[ ! -f "$office/brev.docx" ]]; then
  # One 200 000-row citizen list, written here: the generator's CSV files are a few MiB at
  # most, and this is the one table whose .xls keeps only Excel 97's 65 536 rows.
  /usr/bin/python3 - "$office/borgere.csv" <<'PY'
import random, sys
random.seed(7)
names = ["Anne Larsen", "Bo Jensen", "Carla Nielsen", "Søren Østergård", "Mette Holm", "Jens Hansen"]
with open(sys.argv[1], "w") as f:
    f.write("Navn;CPR;Adresse;E-mail;Note\n")
    for i in range(200000):
        d, m, y = random.randint(1, 28), random.randint(1, 12), random.randint(0, 99)
        f.write(f"{random.choice(names)};{d:02d}{m:02d}{y:02d}-{random.randint(1000, 9999)};"
                f"Vejen {i % 200} 2. th, {1000 + i % 8000} By;person{i}@kommune.dk;Sag {i} behandlet\n")
PY
  (cd "$office" && for fmt in xlsx xls; do soffice --headless --infilter="CSV:59,34,76" --convert-to $fmt borgere.csv >/dev/null 2>&1; done
   head -c 3000000 borgere.csv | tr ';' ' ' > brev.txt
   for fmt in doc docx; do soffice --headless --convert-to $fmt brev.txt >/dev/null 2>&1; done
   mkdir -p xlsx && (cd xlsx && unzip -o -q ../borgere.xlsx))
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
time_of() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
declare -A times
run() { local name="$1"; shift; times[$name]+="$(time_of "$@") "; }
threads=$(nproc)
for ((r = 0; r < RUNS; r++)); do
  for t in 1 "$threads"; do
    run "pdftotext/$t" sh -c "ls '$OUT/pdf'/*.pdf | xargs -P$t -I{} pdftotext {} /dev/null"
    run "gdprscan-pdf/$t" "$GDPRSCAN" scan --threads "$t" --progress never "$OUT/pdf" -o /dev/null
    run "pdftotext-letters/$t" sh -c "ls '$OUT/letters'/*.pdf | xargs -P$t -I{} pdftotext {} /dev/null"
    run "gdprscan-letters/$t" "$GDPRSCAN" scan --threads "$t" --progress never "$OUT/letters" -o /dev/null
  done
  for f in borgere.xlsx borgere.xls borgere.csv brev.doc brev.docx brev.txt; do
    run "gdprscan/$f" "$GDPRSCAN" scan --threads 1 --progress never "$office/$f" -o /dev/null
  done
  run "unzip+xmllint/borgere.xlsx" sh -c "unzip -p '$office/borgere.xlsx' >/dev/null; xmllint --stream --noout '$office/xlsx/xl/worksheets/sheet1.xml' '$office/xlsx/xl/sharedStrings.xml'"
done
printf '%-28s %8s %10s\n' "what" "median s" "MB/s"
for name in $(printf '%s\n' "${!times[@]}" | sort); do
  m=$(tr ' ' '\n' <<<"${times[$name]}" | grep . | median)
  case "$name" in
    *letters*) bytes=$(du -cb "$OUT/letters"/*.pdf | tail -1 | cut -f1) ;;
    *pdf*) bytes=$(du -cb "$OUT/pdf"/*.pdf | tail -1 | cut -f1) ;;
    *xlsx) bytes=$(stat -c %s "$office/borgere.xlsx") ;;
    *) bytes=$(stat -c %s "$office/${name#*/}") ;;
  esac
  printf '%-28s %8.2f %10.1f\n' "$name" "$m" "$(echo "$bytes / $m / 1000000" | bc -l)"
done
