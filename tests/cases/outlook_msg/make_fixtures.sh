#!/usr/bin/env bash
# The fixtures made here from the real messages in input/ (see SOURCES.md).
set -euo pipefail
cd "$(dirname "$0")/input"
rm -f sager.zip afbrudt.msg
mkdir -p ../work/sager && cp poi__example_received_unicode.msg ../work/sager/besked.msg
(cd ../work && zip -qr ../input/sager.zip sager)
rm -rf ../work
head -c 20000 poi__example_received_unicode.msg > afbrudt.msg
