#!/usr/bin/env bash
# How the archive fixtures in input/ were made, with the real tools (zip 3.0, GNU tar,
# gzip, xz, p7zip). Re-run only to change them; the results are committed.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf input work && mkdir -p input work/sager/2019 work/inner
printf 'Journalnotat\nBorger: Søren Østergård, CPR-nr. 150372-1003\n' > work/sager/2019/notat.txt
printf 'Skriv til mette.holm@vejstrand.dk\n' > work/sager/kontakt.txt
printf 'Dybt nede: personnummer 230485-1018\n' > work/inner/borger.txt
(cd work && zip -qr ../input/sager.zip sager)                       # zip with folders
(cd work && tar -cJf ../input/sager.tar.xz sager)                   # tar + xz
(cd work && 7z a -bd -bso0 ../input/sager.7z sager)                  # 7z
# Three deep: outer.zip > middle.tar.gz > inner.zip > borger.txt
(cd work && zip -q inner.zip inner/borger.txt && tar -czf middle.tar.gz inner.zip && zip -q ../input/outer.zip middle.tar.gz)
# An encrypted zip (traditional PKWARE encryption): an `encrypted` record, nothing leaks.
(cd work && zip -q -P hemmelig ../input/krypteret.zip sager/2019/notat.txt)
# A truncated zip: a `corrupt` record, and what could be read is scanned.
head -c 200 input/sager.zip > input/afbrudt.zip
rm -rf work
