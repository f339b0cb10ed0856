// Encrypted RAR5 members, read from the archive's block headers (rar5_layout.h), on real
// archives from libarchive's and rarfile's test suites in ../shared/corpus (skipped when
// it is absent: no Debian package writes RAR). 7-Zip lists the same members as encrypted.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rar5_layout.h"

namespace gdprscan {
namespace {

namespace fs = std::filesystem;
const fs::path kRar = fs::path(GDPRSCAN_SOURCE_DIR) / ".." / "shared" / "corpus" / "archives" / "rar";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Rar5Layout layout_of(std::string_view bytes) {
  MemorySource source(bytes);
  return read_rar5_layout(source);
}

#define NEED(file)                                                          \
  if (!fs::exists(kRar / (file))) GTEST_SKIP() << "no " << (kRar / (file)); \
  const std::string bytes = read_file(kRar / (file))

TEST(Rar5Layout, EncryptedMembersByName) {
  NEED("libarchive__rar5_encrypted.rar");
  Rar5Layout layout = layout_of(bytes);
  EXPECT_TRUE(layout.parsed);
  EXPECT_FALSE(layout.headers_encrypted);
  EXPECT_EQ(layout.encrypted, (std::set<std::string>{"b.txt", "d.txt"}));  // a.txt and c.txt are not
}

TEST(Rar5Layout, EncryptedHeaders) {
  NEED("libarchive__rar5_encrypted_filenames.rar");
  Rar5Layout layout = layout_of(bytes);
  EXPECT_TRUE(layout.parsed);
  EXPECT_TRUE(layout.headers_encrypted);
}

TEST(Rar5Layout, PlainArchivesHaveNone) {
  NEED("libarchive__rar5_unicode.rar");
  Rar5Layout layout = layout_of(bytes);
  EXPECT_TRUE(layout.parsed);
  EXPECT_FALSE(layout.headers_encrypted);
  EXPECT_TRUE(layout.encrypted.empty());
  EXPECT_FALSE(layout_of("Rar!\x1A\x07\x00 a RAR4 signature").parsed);
}

// Cut anywhere, an archive is never taken for one with encrypted headers, and nothing is
// read beyond the bytes there are.
TEST(Rar5Layout, TruncatedAtEveryLength) {
  NEED("libarchive__rar5_encrypted.rar");
  for (size_t n = 0; n < bytes.size(); ++n) {
    Rar5Layout layout = layout_of(std::string_view(bytes).substr(0, n));
    EXPECT_FALSE(layout.headers_encrypted) << n;
    for (const std::string& name : layout.encrypted) EXPECT_TRUE(name == "b.txt" || name == "d.txt") << n;
  }
}

}  // namespace
}  // namespace gdprscan
