#!/usr/bin/env bash
# How the PDF fixtures in input/ were made, with real writers: GNU enscript (text to
# PostScript, Latin-1), Ghostscript's ps2pdf (PostScript to PDF) and qpdf (encryption,
# attachments). Re-run only to change them; the results are committed.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf input work && mkdir -p input work
{
  printf 'Afgoerelse om hjemmehjaelp\n\nSide 1: ingen personnumre her.\n'
  printf '\f'
  printf 'Side 2\nBorger: Soeren Oestergaard, CPR-nr. 150372-1003\nKontakt: mette.holm@vejstrand.dk\n'
  printf '\f'
  printf 'Side 3\nPersonnummer 230485-1018 (datter)\n'
} > work/brev.txt
enscript -q -B -X latin1 -o work/brev.ps work/brev.txt
ps2pdf work/brev.ps input/brev.pdf                                   # three pages, text layer
qpdf --encrypt bruger ejer 256 -- input/brev.pdf input/krypteret.pdf  # needs a password to open
printf 'Vedhaeftet notat: cpr 070699-2006\n' > work/notat.txt
qpdf input/brev.pdf --add-attachment work/notat.txt --key=notat.txt -- input/med_bilag.pdf  # an embedded file
head -c 700 input/brev.pdf > input/afbrudt.pdf                        # truncated
rm -rf work
