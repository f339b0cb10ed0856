#!/usr/bin/env bash
# Installs the Debian 12 packages gdprscan needs to build, test and benchmark.
# Idempotent and quiet when everything is present: it asks apt only for what is missing,
# so `make scan` and `make test` can call it every time.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libvectorscan-dev      # Hyperscan API (pkg-config libhs)
  libtbb-dev             # oneTBB: the scan pipeline
  libcli11-dev           # command line
  nlohmann-json3-dev     # JSON output and schema tests
  libtomlplusplus-dev    # rule packs in rules/*.toml
  libxml2-dev            # HTML and XML extraction
  libarchive-dev         # archives: zip, tar, 7z, rar, cab, iso, cpio, bz2/xz/zst
  zlib1g-dev             # gzip layers, read one at a time
  libpoppler-cpp-dev     # PDF text per page
  libpoppler-private-dev # Poppler's core headers: files embedded in a PDF, streamed
  libgmime-3.0-dev       # MIME mail: eml and mbox
  libgsf-1-dev           # OLE2 compound files: doc, xls, ppt, msg
  libpst-dev             # Outlook .pst/.ost; LZFu for .msg RTF bodies
  libytnef0-dev          # TNEF winmail.dat
  libssl-dev             # HMAC-SHA256 fingerprints
  libsimdjson-dev        # SIMD UTF-8 validation of every byte we decode
  libjemalloc-dev        # the allocator: Poppler and libxml2 allocate per glyph and node
  libgtest-dev libgmock-dev
  libbenchmark-dev
  python3 python3-jsonschema  # the output-schema test validates every emitted line
  python3-stdnum         # test_accuracy: an independent check-digit reference for the labelled data
  ripgrep                # bench/compare.sh: the peer we measure against
  time                   # /usr/bin/time -v: peak memory in bench/many_files.sh and tests
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
