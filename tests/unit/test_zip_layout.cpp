// read_zip_layout on a real zip (tests/cases/archives/input/sager.zip, Info-ZIP 3.0: two
// folders and two files) and on damaged and crafted variants of its bytes. The bombs
// themselves (Fifield's constructions) and the other legitimate layouts (zip64, data
// descriptors, self-extractors) are run end to end by tests/e2e/test_zip_overlap.py.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "zip_layout.h"

namespace gdprscan {
namespace {

std::string real_zip() {
  std::ifstream in(std::string(GDPRSCAN_SOURCE_DIR) + "/tests/cases/archives/input/sager.zip", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

ZipLayout layout_of(const std::string& bytes) {
  MemorySource source(bytes);
  return read_zip_layout(source);
}

// Where the central directory starts, from the end-of-central-directory record (no comment).
size_t directory_start(const std::string& zip) {
  size_t eocd = zip.size() - 22;
  return static_cast<unsigned char>(zip[eocd + 16]) | static_cast<unsigned char>(zip[eocd + 17]) << 8 |
         static_cast<unsigned char>(zip[eocd + 18]) << 16 | static_cast<size_t>(static_cast<unsigned char>(zip[eocd + 19])) << 24;
}

TEST(ZipLayout, ReadsARealZipWithoutOverlap) {
  std::string zip = real_zip();
  ASSERT_GT(zip.size(), 100u);
  ZipLayout layout = layout_of(zip);
  EXPECT_TRUE(layout.parsed);
  EXPECT_EQ(layout.entries, 4u);
  EXPECT_EQ(layout.overlapping, 0u);
  EXPECT_EQ(layout.prefix, 0u);
}

TEST(ZipLayout, FindsTheZipBehindPrependedBytes) {
  std::string zip = std::string(5000, '\x7f') + real_zip();  // `cat stub a.zip`, offsets not adjusted
  ZipLayout layout = layout_of(zip);
  EXPECT_TRUE(layout.parsed);
  EXPECT_EQ(layout.entries, 4u);
  EXPECT_EQ(layout.overlapping, 0u);
  EXPECT_EQ(layout.prefix, 5000u);
}

TEST(ZipLayout, TwoEntriesAtOneLocalHeaderOverlap) {
  std::string zip = real_zip();
  size_t cd = directory_start(zip);
  // The third entry (sager/2019/notat.txt) is made to point at the first one's local header.
  size_t entry = cd;
  for (int i = 0; i < 2; ++i) {
    size_t name = static_cast<unsigned char>(zip[entry + 28]) | static_cast<unsigned char>(zip[entry + 29]) << 8;
    size_t extra = static_cast<unsigned char>(zip[entry + 30]) | static_cast<unsigned char>(zip[entry + 31]) << 8;
    size_t comment = static_cast<unsigned char>(zip[entry + 32]) | static_cast<unsigned char>(zip[entry + 33]) << 8;
    entry += 46 + name + extra + comment;
  }
  ASSERT_EQ(zip.compare(entry, 4, "PK\x01\x02"), 0);
  zip.replace(entry + 42, 4, std::string(4, '\0'));
  ZipLayout layout = layout_of(zip);
  EXPECT_TRUE(layout.parsed);
  // Both the moved entry (at the first one's header) and the second entry (a folder, whose
  // header now lies inside the moved entry's compressed data) begin inside another.
  EXPECT_EQ(layout.overlapping, 2u);
}

TEST(ZipLayout, ATruncatedZipIsNotJudged) {
  std::string zip = real_zip();
  for (size_t n = 0; n < zip.size(); ++n) EXPECT_FALSE(layout_of(zip.substr(0, n)).parsed) << "cut at " << n;
}

// Only the index is read: damage to the members' bytes changes nothing, and damage to the
// index never reads out of bounds or reports overlap that the bytes do not have.
TEST(ZipLayout, DamageOutsideTheIndexChangesNothing) {
  std::string zip = real_zip();
  size_t cd = directory_start(zip);
  for (size_t at = 0; at < zip.size(); ++at) {
    std::string damaged = zip;
    damaged[at] = static_cast<char>(damaged[at] ^ 0xFF);
    ZipLayout layout = layout_of(damaged);
    if (at < cd) {
      EXPECT_TRUE(layout.parsed) << "byte " << at;
      EXPECT_EQ(layout.overlapping, 0u) << "byte " << at;
    }
    EXPECT_LE(layout.entries, 4u) << "byte " << at;
  }
}

}  // namespace
}  // namespace gdprscan
