// Where a zip's entries lie, read from the zip's own index, to recognise the non-recursive
// zip bomb (David Fifield, "A better zip bomb", WOOT 2019): thousands of central-directory
// entries whose data overlaps (all pointing at one local header, or each entry's compressed
// data quoting the next entry's header), so a 42 KB file expands to gigabytes although no
// zip is nested. A legitimate zip never lets two entries share a byte.
#pragma once

#include <cstdint>

#include "extract.h"

namespace gdprscan {

struct ZipLayout {
  bool parsed = false;       // an end-of-central-directory record and a consistent directory were found
  uint64_t entries = 0;      // central-directory entries read
  uint64_t overlapping = 0;  // entries whose bytes begin inside an earlier entry's (sorted by offset)
  uint64_t prefix = 0;       // bytes before the zip itself (a self-extractor's stub), not counted in its offsets
};

// Reads the end-of-central-directory record (zip64 too) and the central directory of the zip
// in `source` (seekable; its position is left anywhere). Reads at most the last `tail` bytes
// (64 KiB by default: the record plus the longest comment) and a directory of up to 16 MiB;
// not `parsed` for anything else (not a zip, multi-disk, damaged, a larger directory):
// libarchive and the budget then judge it as before.
constexpr uint64_t kZipTailMax = 22 + 0xFFFF;
ZipLayout read_zip_layout(ByteSource& source, uint64_t tail = kZipTailMax);

}  // namespace gdprscan
