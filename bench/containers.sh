#!/usr/bin/env bash
# Containers against their peers: one big mbox, a maildir of the same messages, and the
# generated corpus's text packed as one zip and one tar.gz.
#
#   bench/containers.sh [--runs 3] [--corpus DIR] [--mail-size 200M] [--archive-size 256M]
#                       [--gdprscan PATH]
#
# * Mail: `gdprscan corpus generate --shape large-files --mix mbox=1` writes mboxes of a
#   third of --mail-size each (GMime: realistic headers, quoted-printable UTF-8 bodies, 40%
#   with an HTML alternative, attachments of the other formats, attached mails), joined here
#   into one mbox; the generator writes no maildir, so Python's stdlib `mailbox` copies the
#   same messages into one (a conversion, not a second generator). MB/s of the mbox's bytes
#   on disk and messages/s. Peer: ripgrep over the raw mbox and maildir files, which cannot
#   decode base64 or quoted-printable and so searches less than gdprscan: a lower bound.
# * Archives: a plain-text tree from `gdprscan corpus generate --mix text=9,csv=1` of
#   --archive-size (or the files of --corpus DIR in sorted order up to --archive-size),
#   packed with `zip` (deflate, level 6) and `tar -cz`. MB/s of the content. Peers:
#   `unzip -p` and `tar -xzO` piped into ripgrep.
# * gdprscan runs the full default rule set with `--max-extracted 4GiB` and `--max-members
#   100000` (the per-file container budget would otherwise stop a 256 MB archive, whose
#   members are counted once more at each level; an mbox is a mailbox store whose budget
#   scales with its size, and it is streamed, so it needs neither).
#   ripgrep runs the CPR family and e-mail patterns of bench/compare.sh, as it does there.
# * 1 thread and $(nproc); wall-clock medians of --runs, interleaved round by round on a
#   warm page cache; peak RSS of gdprscan is the largest of its runs.
# Inputs are kept in build/bench-containers (delete it to regenerate; a generated text tree
# is kept there too, with its truth.jsonl beside it).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GDPRSCAN="$ROOT/build/release/gdprscan"
CORPUS=""
RUNS=3
MAIL_SIZE=200M
ARCHIVE_SIZE=256M
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --corpus) CORPUS="$2"; shift 2 ;;
    --mail-size) MAIL_SIZE="$2"; shift 2 ;;
    --archive-size) ARCHIVE_SIZE="$2"; shift 2 ;;
    --gdprscan) GDPRSCAN="$2"; shift 2 ;;
    *) echo "containers.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
for tool in rg zip unzip tar /usr/bin/time bc; do
  command -v "$tool" >/dev/null || { echo "containers.sh: needs $tool" >&2; exit 2; }
done
[[ -x "$GDPRSCAN" ]] || { echo "containers.sh: no gdprscan at $GDPRSCAN (build first or --gdprscan)" >&2; exit 2; }
OUT="$ROOT/build/bench-containers"
# Inputs from before the move to `gdprscan corpus generate` (bench/gen_mail.py's mail, archives
# of gen_corpus.py's tree) are not reused: figures from them are not comparable.
[[ -f "$OUT/made-by-corpus-generate" ]] || rm -rf -- "$OUT"
mkdir -p "$OUT"
touch "$OUT/made-by-corpus-generate"

# generate DIR FLAGS...: a tree from the C++ generator, its truth.jsonl kept beside it.
generate() {
  local dir=$1; shift
  rm -rf -- "$dir.partial"
  "$GDPRSCAN" corpus generate --out "$dir.partial" --seed 42 --quiet "$@"
  mv -- "$dir.partial/truth.jsonl" "$dir.truth.jsonl"
  mv -- "$dir.partial" "$dir"
}
bytes_of() { local n=${1%[bB]}; numfmt --from=iec "${n%[iI]}"; }  # 256M, 256MB, 256MiB
if [[ ! -f "$OUT/mail/messages.txt" ]]; then
  rm -rf "$OUT/mail" "$OUT/mail-generated" "$OUT/mail-generated.truth.jsonl"
  generate "$OUT/mail-generated" --shape large-files --mix mbox=1 --size "$MAIL_SIZE"
  mkdir -p "$OUT/mail"
  find "$OUT/mail-generated" -type f -name '*.mbox' -print0 | LC_ALL=C sort -z | xargs -0 cat > "$OUT/mail/mail.mbox"
  rm -rf "$OUT/mail-generated" "$OUT/mail-generated.truth.jsonl"
  /usr/bin/python3 - "$OUT/mail" <<'PY'
import mailbox, os, sys
out = sys.argv[1]
box, maildir = mailbox.mbox(os.path.join(out, "mail.mbox"), create=False), mailbox.Maildir(os.path.join(out, "maildir"))
count = 0
for message in box:
    maildir.add(mailbox.MaildirMessage(message))
    count += 1
with open(os.path.join(out, "messages.txt"), "w") as f:
    f.write(f"{count}\n")
PY
fi
if [[ ! -f "$OUT/corpus.txt" ]]; then
  if [[ -z "$CORPUS" ]]; then
    CORPUS="$OUT/text-$ARCHIVE_SIZE"
    [[ -d "$CORPUS" ]] || generate "$CORPUS" --mix text=9,csv=1 --size "$ARCHIVE_SIZE"
  fi
  (cd "$CORPUS" && find . -type f -printf '%s %p\n' | LC_ALL=C sort -k2 |
    awk -v limit="$(bytes_of "$ARCHIVE_SIZE")" '!full { if (sum + $1 > limit) { full = 1; next }; sum += $1; sub(/^[0-9]+ /, ""); print }') \
    > "$OUT/files.txt"
  rm -f "$OUT/corpus.zip"
  (cd "$CORPUS" && zip -q -@ "$OUT/corpus.zip" < "$OUT/files.txt")
  (cd "$CORPUS" && tar -czf "$OUT/corpus.tar.gz" -T "$OUT/files.txt")
  echo "$CORPUS" > "$OUT/corpus.txt"
fi
CORPUS=$(cat "$OUT/corpus.txt")  # the tree the archives were packed from, for their content size
MESSAGES=$(cat "$OUT/mail/messages.txt")
MBOX_BYTES=$(stat -c %s "$OUT/mail/mail.mbox")
CONTENT_BYTES=$(cd "$CORPUS" && tr '\n' '\0' < "$OUT/files.txt" | du -cb --files0-from=- | tail -1 | cut -f1)

RG=(rg -c --no-messages -a -uu
  -e '(?-u)\b[0-3]\d[01]\d{3}[-/. \t]?\d{4}\b'
  -e '(?-u)\b[6-9]\d[01]\d{3}[-/. \t]?\d{4}\b'
  -e '(?-u)\b\d{6}-?\d[A-Z]{2}\d\b'
  -e '(?-u)[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}')
SCAN=(scan --progress never -o /dev/null --max-extracted 4GiB --max-members 100000)

cat "$OUT/mail/mail.mbox" "$OUT/corpus.zip" "$OUT/corpus.tar.gz" >/dev/null
find "$OUT/mail/maildir" -type f -exec cat {} + >/dev/null

declare -A times rss
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
# Wall seconds and peak RSS (KiB) of one run; exit codes 0 and 1 (findings) are success.
run() {
  local name="$1" log="$OUT/time.txt"
  shift
  /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null 2>"$OUT/stderr.txt" || [[ $? -eq 1 ]] ||
    { echo "containers.sh: $name failed: $(head -c 300 "$OUT/stderr.txt")" >&2; exit 1; }
  read -r secs kib < <(tail -1 "$log")
  times[$name]+="$secs "
  [[ ${rss[$name]:-0} -ge $kib ]] || rss[$name]=$kib
}
threads=$(nproc)
for ((r = 0; r < RUNS; r++)); do
  for t in 1 "$threads"; do
    run "gdprscan mbox/$t" "$GDPRSCAN" "${SCAN[@]}" --threads "$t" "$OUT/mail/mail.mbox"
    run "gdprscan maildir/$t" "$GDPRSCAN" "${SCAN[@]}" --threads "$t" "$OUT/mail/maildir"
    run "gdprscan zip/$t" "$GDPRSCAN" "${SCAN[@]}" --threads "$t" "$OUT/corpus.zip"
    run "gdprscan tar.gz/$t" "$GDPRSCAN" "${SCAN[@]}" --threads "$t" "$OUT/corpus.tar.gz"
    run "rg maildir/$t" "${RG[@]}" "-j$t" "$OUT/mail/maildir"
  done
  run "rg mbox/1" "${RG[@]}" -j1 "$OUT/mail/mail.mbox"
  run "unzip -p | rg zip/1" sh -c 'unzip -p "$0" | "${@}" -' "$OUT/corpus.zip" "${RG[@]}"
  run "tar -xzO | rg tar.gz/1" sh -c 'tar -xzOf "$0" | "${@}" -' "$OUT/corpus.tar.gz" "${RG[@]}"
done

echo "mbox $MBOX_BYTES bytes, $MESSAGES messages (maildir: the same); archives hold $CONTENT_BYTES bytes" \
  "($(stat -c %s "$OUT/corpus.zip") zip, $(stat -c %s "$OUT/corpus.tar.gz") tar.gz)"
printf '%-26s %8s %8s %10s %9s\n' "what/threads" "median s" "MB/s" "messages/s" "peak RSS"
for name in $(printf '%s\n' "${!times[@]}" | sort | tr ' ' '@'); do
  name=${name//@/ }
  m=$(median <<<"${times[$name]}")
  case "$name" in
    *mbox* | *maildir*) bytes=$MBOX_BYTES; per_s=$(echo "$MESSAGES / $m" | bc) ;;
    *) bytes=$CONTENT_BYTES; per_s="" ;;
  esac
  peak=""
  [[ $name == gdprscan* ]] && peak="$((rss[$name] / 1024)) MiB"
  printf '%-26s %8s %8s %10s %9s\n' "$name" "$m" "$(echo "$bytes / $m / 1000000" | bc)" "$per_s" "$peak"
done
