// Excel 97-2003 (.xls, BIFF8) and Excel 5/95 (BIFF5/7): cells through the record stream,
// per [MS-XLS]. The "Workbook" (or "Book") stream is a sequence of records: the globals
// (sheet names with the offset of each sheet's records, the shared-string table split over
// CONTINUE records) and then one substream per sheet with its cells. Cells become the same
// located sheet text as xlsx (sheet_text.h): "sheet Personale" > "cell B7".
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <tuple>
#include <vector>

#include "ole2.h"
#include "registry.h"
#include "sheet_text.h"

namespace gdprscan {

namespace {

enum Record : uint16_t {
  kFormula = 0x0006, kEof = 0x000A, kHeader = 0x0014, kFooter = 0x0015, kFilePass = 0x002F,
  kContinue = 0x003C, kBoundSheet = 0x0085, kMulRk = 0x00BD, kRString = 0x00D6, kSst = 0x00FC,
  kLabelSst = 0x00FD, kTxo = 0x01B6, kNumber = 0x0203, kLabel = 0x0204, kString = 0x0207, kRk = 0x027E, kBof = 0x0809,
};

constexpr uint64_t kMaxSheetText = 64ull << 20;

struct RecordView {
  uint16_t type;
  size_t offset;  // of the record header in the stream
  std::string_view data;
};

std::vector<RecordView> records(std::string_view stream) {
  std::vector<RecordView> out;
  for (size_t at = 0; at + 4 <= stream.size();) {
    uint16_t type = le16(stream, at), size = le16(stream, at + 2);
    if (at + 4 + size > stream.size()) break;
    out.push_back({type, at, stream.substr(at + 4, size)});
    at += 4 + size;
  }
  return out;
}

// Reads strings that may run over CONTINUE records: at each record boundary inside the
// characters a new option byte says whether the rest is 8-bit or UTF-16.
class ContinuedReader {
 public:
  explicit ContinuedReader(std::vector<std::string_view> segments) : segments_(std::move(segments)) {}
  bool at_end() const { return seg_ >= segments_.size(); }
  uint8_t byte() {
    skip_empty();
    if (at_end()) return 0;
    return static_cast<uint8_t>(segments_[seg_][pos_++]);
  }
  uint16_t u16() { return static_cast<uint16_t>(byte() | byte() << 8); }
  uint32_t u32() { return static_cast<uint32_t>(u16()) | static_cast<uint32_t>(u16()) << 16; }
  void skip(uint64_t n) {
    while (n > 0 && !at_end()) {
      skip_empty();
      if (at_end()) break;
      size_t take = std::min<uint64_t>(n, segments_[seg_].size() - pos_);
      pos_ += take;
      n -= take;
    }
  }
  // XLUnicodeRichExtendedString (the SST entries).
  std::string rich_string() {
    uint16_t chars = u16();
    uint8_t options = byte();
    uint16_t runs = (options & 0x08) ? u16() : 0;
    uint32_t ext = (options & 0x04) ? u32() : 0;
    std::string text = characters(chars, options & 0x01);
    skip(4ull * runs + ext);
    return text;
  }

 private:
  void skip_empty() {
    while (seg_ < segments_.size() && pos_ >= segments_[seg_].size()) {
      ++seg_;
      pos_ = 0;
    }
  }
  std::string characters(uint32_t count, bool wide) {
    std::string utf16;  // UTF-16LE
    while (count > 0 && !at_end()) {
      if (pos_ >= segments_[seg_].size()) {  // the string goes on in the next CONTINUE
        skip_empty();
        if (at_end()) break;
        wide = byte() & 0x01;
        continue;
      }
      if (wide) {
        if (pos_ + 2 > segments_[seg_].size()) break;
        utf16.append(segments_[seg_].substr(pos_, 2));
        pos_ += 2;
      } else {
        utf16.push_back(segments_[seg_][pos_++]);
        utf16.push_back('\0');
      }
      --count;
    }
    return utf16le_to_utf8(utf16);
  }
  std::vector<std::string_view> segments_;
  size_t seg_ = 0, pos_ = 0;
};

// A string inside one record: BIFF8 has a 16-bit count and an option byte, BIFF5 a count
// (8 or 16 bits) and Windows-1252 bytes.
std::string record_string(std::string_view d, size_t at, bool biff8, bool short_count = false) {
  size_t count = short_count ? static_cast<uint8_t>(d.size() > at ? d[at] : 0) : le16(d, at);
  at += short_count ? 1 : 2;
  if (!biff8) return cp1252_to_utf8(d.substr(std::min(at, d.size()), count));
  bool wide = at < d.size() && (d[at] & 0x01);
  at += 1;
  if (wide) return utf16le_to_utf8(d.substr(std::min(at, d.size()), 2 * count));
  return cp1252_to_utf8(d.substr(std::min(at, d.size()), count));  // Latin-1 in the file; 1252 is a superset
}

double rk_number(uint32_t rk) {
  double v;
  if (rk & 0x02) {
    v = static_cast<double>(static_cast<int32_t>(rk) >> 2);
  } else {
    uint64_t bits = static_cast<uint64_t>(rk & 0xFFFFFFFCu) << 32;
    std::memcpy(&v, &bits, sizeof v);
  }
  return (rk & 0x01) ? v / 100 : v;
}

double ieee_number(std::string_view d, size_t at) {
  uint64_t bits = static_cast<uint64_t>(le32(d, at)) | static_cast<uint64_t>(le32(d, at + 4)) << 32;
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

// A header or footer without its formatting codes: &C (centre), &"Arial,Bold" (font),
// &12 (size), &P (page number); "&&" is a literal ampersand.
std::string without_codes(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&' || i + 1 == s.size()) {
      out += s[i];
    } else if (s[i + 1] == '&') {
      out += '&';
      ++i;
    } else if (s[i + 1] == '"') {
      size_t close = s.find('"', i + 2);
      i = close == std::string::npos ? s.size() : close;
    } else {
      ++i;
      while (i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && std::isdigit(static_cast<unsigned char>(s[i + 1]))) ++i;
      if (out.size() && out.back() != ' ') out += ' ';
    }
  }
  return out;
}

struct Cell {
  uint16_t row, col;
  std::string shown;
  bool numeric;
};

struct Sheet {
  std::string name;
  size_t bof_offset;
  std::vector<Cell> cells;
  std::string header_footer;
  std::string objects;  // text boxes and comments
};

class BiffReader {
 public:
  BiffReader(std::vector<RecordView> recs, bool biff8) : recs_(std::move(recs)), biff8_(biff8) {}

  bool encrypted() const {
    return std::any_of(recs_.begin(), recs_.end(), [](const RecordView& r) { return r.type == kFilePass; });
  }

  std::vector<Sheet> read() {
    for (size_t i = 0; i < recs_.size(); ++i) {
      const RecordView& r = recs_[i];
      if (r.type == kBoundSheet && r.data.size() >= 8) {
        std::string name = record_string(r.data, 6, biff8_, true);
        sheets_.push_back({name, le32(r.data, 0), {}, {}, {}});
      } else if (r.type == kSst && biff8_) {
        read_shared_strings(i);
      } else if (r.type == kBof) {  // substreams nest (a chart inside a sheet)
        open_.push_back(sheet_at(r.offset));
        current_ = open_.back();
      } else if (r.type == kEof) {
        if (!open_.empty()) open_.pop_back();
        current_ = open_.empty() ? nullptr : open_.back();
      } else if (current_) {
        cell(i);
      }
    }
    return std::move(sheets_);
  }

 private:
  Sheet* sheet_at(size_t offset) {
    for (Sheet& s : sheets_)
      if (s.bof_offset == offset) return &s;
    return nullptr;  // the globals, a chart or a sheet the workbook does not list
  }

  void read_shared_strings(size_t i) {
    std::vector<std::string_view> segments{recs_[i].data.substr(std::min<size_t>(8, recs_[i].data.size()))};
    for (size_t j = i + 1; j < recs_.size() && recs_[j].type == kContinue; ++j) segments.push_back(recs_[j].data);
    uint32_t unique = le32(recs_[i].data, 4);
    ContinuedReader reader(std::move(segments));
    for (uint32_t k = 0; k < unique && !reader.at_end(); ++k) shared_.push_back(reader.rich_string());
  }

  void add(std::string_view d, std::string shown, bool numeric) {
    current_->cells.push_back({le16(d, 0), le16(d, 2), std::move(shown), numeric});
  }

  void cell(size_t i) {
    std::string_view d = recs_[i].data;
    switch (recs_[i].type) {
      case kLabelSst:
        if (uint32_t index = le32(d, 6); d.size() >= 10 && index < shared_.size()) add(d, shared_[index], false);
        break;
      case kLabel:
      case kRString:
        if (d.size() >= 8) add(d, record_string(d, 6, biff8_), false);
        break;
      case kNumber:
        if (d.size() >= 14) add(d, displayed_number(ieee_number(d, 6)), true);
        break;
      case kRk:
        if (d.size() >= 10) add(d, displayed_number(rk_number(le32(d, 6))), true);
        break;
      case kMulRk:
        for (size_t at = 4, col = le16(d, 2); at + 6 <= d.size() - 2; at += 6, ++col)
          current_->cells.push_back({le16(d, 0), static_cast<uint16_t>(col), displayed_number(rk_number(le32(d, at + 2))), true});
        break;
      case kFormula:
        formula(i);
        break;
      case kTxo:
        text_object(i);
        break;
      case kHeader:
      case kFooter:
        if (d.size() > 2) current_->header_footer.append(without_codes(record_string(d, 0, biff8_, !biff8_))).append("\n");
        break;
      default:
        break;
    }
  }

  // A text box or cell comment: its characters in the CONTINUE records after it, each
  // starting with an option byte (8-bit or UTF-16).
  void text_object(size_t i) {
    size_t left = le16(recs_[i].data, 10);
    std::string utf16;
    for (size_t j = i + 1; left > 0 && j < recs_.size() && recs_[j].type == kContinue; ++j) {
      std::string_view d = recs_[j].data;
      if (d.empty()) continue;
      bool wide = d[0] & 0x01;
      for (size_t at = 1; left > 0 && at + (wide ? 2 : 1) <= d.size(); at += wide ? 2 : 1, --left) {
        utf16.push_back(d[at]);
        utf16.push_back(wide ? d[at + 1] : '\0');
      }
    }
    if (!utf16.empty()) current_->objects.append(utf16le_to_utf8(utf16)).append("\n");
  }

  // A formula's cached result: a number in place, or a string in the STRING record after it.
  void formula(size_t i) {
    std::string_view d = recs_[i].data;
    if (d.size() < 14) return;
    bool special = le16(d, 12) == 0xFFFF;
    if (!special) {
      add(d, displayed_number(ieee_number(d, 6)), true);
      return;
    }
    if (d[6] != 0) return;  // boolean, error or empty
    for (size_t j = i + 1; j < recs_.size() && j < i + 4; ++j)
      if (recs_[j].type == kString) {
        add(d, record_string(recs_[j].data, 0, biff8_), false);
        return;
      }
  }

  std::vector<RecordView> recs_;
  bool biff8_;
  std::vector<std::string> shared_;
  std::vector<Sheet> sheets_;
  std::vector<Sheet*> open_;  // substreams begun and not ended
  Sheet* current_ = nullptr;
};

void write_cells(Sheet& sheet, Item& item, ExtractContext& ctx) {
  LocationChain where = item.location;
  where.push_back("sheet " + sheet.name);
  if (!sheet.header_footer.empty()) {
    LocationChain hf = where;
    hf.push_back("header and footer");
    ctx.open_text(hf)->write_whole(sheet.header_footer);
  }
  if (!sheet.objects.empty()) {
    LocationChain objects = where;
    objects.push_back("text boxes and comments");
    ctx.open_text(objects)->write_whole(sheet.objects);
  }
  std::stable_sort(sheet.cells.begin(), sheet.cells.end(),
                   [](const Cell& a, const Cell& b) { return std::tie(a.row, a.col) < std::tie(b.row, b.col); });
  SheetText text(kMaxSheetText);
  for (size_t k = 0; k < sheet.cells.size(); ++k) {
    const Cell& c = sheet.cells[k];
    if (k > 0 && sheet.cells[k - 1].row != c.row) text.end_row();
    text.add_cell(column_name(c.col), std::to_string(c.row + 1), c.shown, c.numeric);
  }
  if (text.truncated()) sheet_too_long(ctx, where);
  text.write(ctx, where);
}

}  // namespace

void read_biff(GsfInfile* root, Item& item, ExtractContext& ctx) {
  bool cut = false;
  auto stream = read_stream(root, has_child(root, "Workbook") ? "Workbook" : "Book", kMaxStreamBytes, &cut);
  auto recs = stream ? records(*stream) : std::vector<RecordView>{};
  if (recs.empty() || recs[0].type != kBof) {
    ctx.problem(Problem{true, ProblemKind::corrupt, item.location, "an Excel workbook whose record stream is damaged (or older than Excel 5)"});
    return;
  }
  if (cut)
    ctx.problem(Problem{true, ProblemKind::limit_exceeded, item.location,
                        "the Excel workbook stream is larger than 256 MiB: only its start was scanned"});
  bool biff8 = le16(recs[0].data, 0) == 0x0600;
  BiffReader reader(std::move(recs), biff8);
  if (reader.encrypted()) {
    ctx.problem(Problem{true, ProblemKind::encrypted, item.location,
                        "an encrypted Excel workbook (it needs a password to open): not scanned"});
    return;
  }
  for (Sheet& sheet : reader.read()) {
    if (std::string why = ctx.time_check(); !why.empty()) {
      ctx.problem(Problem{true, ProblemKind::limit_exceeded, item.location, why});
      return;
    }
    write_cells(sheet, item, ctx);
  }
}

}  // namespace gdprscan
