// Which members of a RAR5 archive are encrypted, read from the archive's own block headers.
// libarchive 3.6 (Debian 12) reads RAR5 but ignores its encryption records: an encrypted
// member's data comes out as garbage ("Unsupported block header size", or ciphertext taken
// for a binary file), and encrypted headers give "Encryption is not supported". A user must
// learn that the member is encrypted, not that it is damaged or unsupported; no Debian
// library reads RAR5 headers, so this walks them (RAR 5.0 archive format,
// https://www.rarlab.com/technote.htm): a few hundred bytes a member, the data skipped.
#pragma once

#include <set>
#include <string>

#include "extract.h"

namespace gdprscan {

struct Rar5Layout {
  bool parsed = false;               // a RAR5 signature at the start and headers up to the end
  bool headers_encrypted = false;    // an archive encryption header: even the names are secret
  std::set<std::string> encrypted;   // names (as stored: UTF-8, '/' between folders) of encrypted files
};

// Whether `head` starts with the RAR5 signature.
bool is_rar5(std::string_view head);
// Walks the block headers of the RAR5 archive in `source` (seekable; its position is left
// anywhere), at most `max_blocks` of them.
Rar5Layout read_rar5_layout(ByteSource& source, size_t max_blocks = 1u << 20);

}  // namespace gdprscan
