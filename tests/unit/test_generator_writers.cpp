// The corpus generator's format plumbing on real bytes: Windows-1252 and XML escaping, the
// PDF writer's cross-reference table, zips read back through libarchive (UTF-8 names, the
// seed's timestamp), and the --mix, --shape and --out checks. Whole corpora are checked
// against our readers, pdftotext and LibreOffice in tests/e2e/test_generator.py.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <locale.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "archive_writer.h"
#include "corpus.h"
#include "encoding.h"
#include "writers.h"

namespace gdprscan::corpus {
namespace {

TEST(GeneratorEncoding, Windows1252) {
  std::string out;
  ASSERT_TRUE(to_windows1252("Søren Ærø, 5 € – «ok»", out));
  EXPECT_EQ(out, "S\xF8ren \xC6r\xF8, 5 \x80 \x96 \xABok\xBB");
  EXPECT_FALSE(to_windows1252("Łódź", out));  // Polish letters have no Windows-1252 byte
  EXPECT_FALSE(to_windows1252("\xC3", out));   // a cut sequence
}

TEST(GeneratorEncoding, XmlEscaped) {
  EXPECT_EQ(xml_escaped("a<b & \"c\" >d"), "a&lt;b &amp; &quot;c&quot; &gt;d");
  EXPECT_EQ(xml_escaped(std::string("bell\x07 tab\t", 10)), "bell  tab\t");
  EXPECT_EQ(xml_escaped("æøå"), "æøå");
}

Document two_pages() {
  Document doc{"Notat", {}, false};
  doc.paragraphs.push_back({"Notat om (sag) \\ 1", {}, true, false});
  for (int i = 0; i < 40; ++i) doc.paragraphs.push_back({std::string(300, 'x'), {}, false, false});
  TruthItem item{"dk.cpr", "0101901236", TruthKind::positive, ""};
  doc.paragraphs.push_back({"CPR-nr. 010190-1236", {item}, false, true});
  return doc;
}

// Every xref entry must point at "N 0 obj" for its N, and startxref at the table.
TEST(GeneratorPdf, CrossReferenceTable) {
  Rendered pdf = write_pdf(two_pages(), {"Mette Holm", 1552554000});
  const std::string& b = pdf.bytes;
  ASSERT_EQ(b.compare(0, 8, "%PDF-1.4"), 0);
  size_t startxref = b.rfind("startxref\n");
  ASSERT_NE(startxref, std::string::npos);
  size_t xref = std::stoul(b.substr(startxref + 10));
  ASSERT_EQ(b.compare(xref, 5, "xref\n"), 0);
  size_t count = std::stoul(b.substr(xref + 7));      // "xref\n0 COUNT\n"
  size_t entries = b.find('\n', xref + 5) + 1;         // 20 bytes each, object 0 first
  ASSERT_GT(count, 6u);
  for (size_t i = 1; i < count; ++i) {
    size_t offset = std::stoul(b.substr(entries + i * 20, 10));
    std::string expected = std::to_string(i) + " 0 obj";
    EXPECT_EQ(b.compare(offset, expected.size(), expected), 0) << "object " << i;
  }
  EXPECT_NE(b.find("/Count 2"), std::string::npos);  // 40 long paragraphs need a second page
  ASSERT_EQ(pdf.truth.size(), 1u);
  EXPECT_EQ(pdf.truth[0].location, std::vector<std::string>{"page 2"});
  EXPECT_NE(b.find("/CreationDate (D:20190314090000Z)"), std::string::npos);
}

// Read as our archive reader does: names in UTF-8 under C.UTF-8 (extractors/archive.cpp).
std::map<std::string, std::string> read_back(const std::string& bytes, int64_t& mtime) {
  std::map<std::string, std::string> members;
  locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  locale_t previous = uselocale(utf8);
  archive* a = archive_read_new();
  archive_read_support_format_all(a);
  archive_read_support_filter_all(a);
  EXPECT_EQ(archive_read_open_memory(a, bytes.data(), bytes.size()), ARCHIVE_OK);
  archive_entry* entry;
  while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
    std::string data(static_cast<size_t>(archive_entry_size(entry)), '\0');
    archive_read_data(a, data.data(), data.size());
    const char* name = archive_entry_pathname_utf8(entry);
    members[name ? name : "(none)"] = data;
    mtime = archive_entry_mtime(entry);
  }
  archive_read_free(a);
  uselocale(previous);
  freelocale(utf8);
  return members;
}

TEST(GeneratorArchives, ZipAndTarGzReadBack) {
  for (auto kind : {ArchiveWriter::Kind::zip, ArchiveWriter::Kind::zip_stored, ArchiveWriter::Kind::tar_gz}) {
    ArchiveWriter writer(kind, 1552554000);
    writer.add("Afgørelser/Brev til borger.txt", "Kære Søren");
    writer.add("Bilag 2.csv", std::string(5000, 'a'));
    std::string bytes = writer.finish();
    int64_t mtime = 0;
    auto members = read_back(bytes, mtime);
    EXPECT_EQ(members["Afgørelser/Brev til borger.txt"], "Kære Søren");
    EXPECT_TRUE(members["Bilag 2.csv"] == std::string(5000, 'a')) << members["Bilag 2.csv"].size() << " bytes";
    EXPECT_EQ(mtime, 1552554000);
    ArchiveWriter again(kind, 1552554000);
    again.add("Afgørelser/Brev til borger.txt", "Kære Søren");
    again.add("Bilag 2.csv", std::string(5000, 'a'));
    EXPECT_EQ(again.finish(), bytes) << "same input, same bytes";
  }
}

TEST(GeneratorFlags, MixShapeAndOut) {
  auto mix = parse_mix("text=40,docx=15,tar.gz=5,pdf=0");
  ASSERT_EQ(mix.size(), 3u);  // a weight of 0 leaves the format out
  EXPECT_EQ(mix[2].first, Format::targz);
  for (const char* bad : {"text=40,foo=3", "text", "text=-1", "text=4x", "text=1,text=2", "pdf=0"}) {
    try {
      parse_mix(bad);
      ADD_FAILURE() << bad << " accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("--mix"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(parse_shape("small-files"), Shape::small_files);
  EXPECT_THROW(parse_shape("round"), std::invalid_argument);
  auto dir = std::filesystem::temp_directory_path() / "gdprscan-generator-out-test";
  std::filesystem::remove_all(dir);
  EXPECT_NO_THROW(check_output_dir(dir.string()));  // missing: created later
  std::filesystem::create_directories(dir);
  EXPECT_NO_THROW(check_output_dir(dir.string()));  // empty
  std::ofstream(dir / "old.txt") << "x";
  EXPECT_THROW(check_output_dir(dir.string()), std::invalid_argument);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gdprscan::corpus
