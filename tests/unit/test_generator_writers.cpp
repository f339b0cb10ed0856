// The corpus generator's format plumbing on real bytes: Windows-1252, XML and RTF escaping,
// the PDF writer's cross-reference table, the RTF, flat ODF and ODP writers' truth, zips,
// tars, 7z and a lone .gz read back through libarchive (UTF-8 names, the seed's timestamp),
// and the --mix, --shape and --out checks. Whole corpora are checked
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

TEST(GeneratorEncoding, RtfEscaped) {
  // Windows-1252 letters as \'xx; Polish letters and emoji (a surrogate pair) as \uN?.
  EXPECT_EQ(rtf_escaped("Søren {x} \\ Łódź\n5 €\tok"),
            "S\\'f8ren \\{x\\} \\\\ \\u321?\\'f3d\\u378?\\line 5 \\'80\\tab ok");
  EXPECT_EQ(rtf_escaped("\xF0\x9F\x98\x80"), "\\u-10179?\\u-8704?");
  EXPECT_EQ(rtf_escaped("Æble"), "\\'c6ble");
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

// Braces balance outside escapes: an unbalanced group would swallow the rest of the text.
int rtf_depth(const std::string& rtf) {
  int depth = 0;
  for (size_t i = 0; i < rtf.size(); ++i) {
    if (rtf[i] == '\\') ++i;
    else if (rtf[i] == '{') ++depth;
    else if (rtf[i] == '}') --depth;
  }
  return depth;
}

TEST(GeneratorRtf, EscapedParagraphsAndUnplacedTruth) {
  Document doc = two_pages();
  doc.paragraphs.push_back({"Søren Ærø\nKærvej 4", {}, false, true});
  Rendered rtf = write_rtf(doc, {"Mette Holm", 1552554000});
  const std::string& b = rtf.bytes;
  EXPECT_EQ(b.rfind("{\\rtf1\\ansi\\ansicpg1252\\deff0", 0), 0u);
  EXPECT_EQ(rtf_depth(b), 0);
  EXPECT_NE(b.find("{\\b\\fs28 Notat om (sag) \\\\ 1}\\par"), std::string::npos);  // the heading
  EXPECT_NE(b.find("CPR-nr. 010190-1236\\par"), std::string::npos);
  EXPECT_NE(b.find("S\\'f8ren \\'c6r\\'f8\\line K\\'e6rvej 4\\par"), std::string::npos);
  EXPECT_NE(b.find("{\\creatim\\yr2019\\mo3\\dy14\\hr9\\min0}"), std::string::npos);
  EXPECT_EQ(b.find_first_of(std::string("\x80\xFF", 2)), std::string::npos) << "only 7-bit bytes";
  ASSERT_EQ(rtf.truth.size(), 1u);
  EXPECT_TRUE(rtf.truth[0].location.empty());
}

TEST(GeneratorOdf, FlatTextAndSlides) {
  Document doc = two_pages();  // 42 paragraphs: the CPR one is the last, on slide 11
  Rendered fodt = write_fodt(doc, {"Mette Holm", 1552554000});
  EXPECT_EQ(fodt.bytes.compare(0, 5, "<?xml"), 0);
  EXPECT_NE(fodt.bytes.find("office:mimetype=\"application/vnd.oasis.opendocument.text\""), std::string::npos);
  EXPECT_NE(fodt.bytes.find("<meta:initial-creator>Mette Holm</meta:initial-creator>"), std::string::npos);
  EXPECT_NE(fodt.bytes.find("<text:p>CPR-nr. 010190-1236</text:p>"), std::string::npos);
  ASSERT_EQ(fodt.truth.size(), 1u);
  EXPECT_TRUE(fodt.truth[0].location.empty());
  Rendered odp = write_odp(doc, {"Mette Holm", 1552554000});
  int64_t mtime = 0;
  auto members = read_back(odp.bytes, mtime);
  EXPECT_EQ(members["mimetype"], "application/vnd.oasis.opendocument.presentation");
  const std::string& content = members["content.xml"];
  size_t last_page = content.rfind("<draw:page draw:name=\"page11\">");
  ASSERT_NE(last_page, std::string::npos);
  EXPECT_GT(content.find("CPR-nr. 010190-1236"), last_page);
  ASSERT_EQ(odp.truth.size(), 1u);
  EXPECT_EQ(odp.truth[0].location, std::vector<std::string>{"slide 11"});
}

TEST(GeneratorArchives, ZipTarAnd7zReadBack) {
  for (auto kind : {ArchiveWriter::Kind::zip, ArchiveWriter::Kind::zip_stored, ArchiveWriter::Kind::tar_gz,
                    ArchiveWriter::Kind::tar_xz, ArchiveWriter::Kind::seven_zip}) {
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

// A lone .gz: no archive format inside, no time in the gzip header (bytes from the seed only).
TEST(GeneratorArchives, LoneGzipReadBack) {
  std::string text = "Journalnotat\nCPR-nr. 010190-1236\n";
  ArchiveWriter writer(ArchiveWriter::Kind::gzip, 1552554000);
  writer.add("data", text);
  std::string bytes = writer.finish();
  ASSERT_GT(bytes.size(), 18u);
  EXPECT_EQ(bytes.compare(0, 2, "\x1F\x8B"), 0);
  EXPECT_EQ(bytes.compare(4, 4, std::string(4, '\0')), 0) << "MTIME field set";
  archive* a = archive_read_new();
  archive_read_support_format_raw(a);
  archive_read_support_filter_gzip(a);
  ASSERT_EQ(archive_read_open_memory(a, bytes.data(), bytes.size()), ARCHIVE_OK);
  archive_entry* entry;
  ASSERT_EQ(archive_read_next_header(a, &entry), ARCHIVE_OK);
  std::string back(4096, '\0');
  back.resize(static_cast<size_t>(archive_read_data(a, back.data(), back.size())));
  archive_read_free(a);
  EXPECT_EQ(back, text);
}

TEST(GeneratorFlags, MixShapeAndOut) {
  auto mix = parse_mix("text=40,docx=15,tar.gz=5,pdf=0");
  ASSERT_EQ(mix.size(), 3u);  // a weight of 0 leaves the format out
  EXPECT_EQ(mix[2].first, Format::targz);
  auto newer = parse_mix("7z=1,tar.xz=2,gz=1,maildir=3,rtf=1,odp=1,fodt=1");
  ASSERT_EQ(newer.size(), 7u);
  EXPECT_EQ(newer[1].first, Format::tarxz);
  EXPECT_EQ(newer[3].first, Format::maildir);
  // "=1": a maildir has no extension, and an empty name must not select it.
  for (const char* bad : {"text=40,foo=3", "text", "text=-1", "text=4x", "text=1,text=2", "pdf=0", "=1",
                          "tarxz=1,txz=1"}) {
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
