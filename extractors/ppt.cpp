// PowerPoint 97-2003 (.ppt, .pps, .pot): text atoms, per [MS-PPT], located by slide.
//
// The "PowerPoint Document" stream is a tree of records (8-byte header: version/instance,
// type, length; version 0xF marks a container). Text lives in TextCharsAtom (UTF-16LE) and
// TextBytesAtom (8-bit) records, and comments in CString records. Where a text sits decides
// its location:
// - in the SlideListWithText of the document (placeholder text: titles, bullets), after the
//   SlidePersistAtom of slide N;
// - inside a SlideContainer (text boxes drawn on the slide) or a NotesContainer (speaker
//   notes). A container is matched to its slide through the persist directory: the slide
//   list names each slide's persist id, the directory gives the stream offset of that id.
// Text in masters and handouts is located by the file alone.
#include <map>
#include <string>
#include <vector>

#include "ole2.h"
#include "registry.h"

namespace gdprscan {

namespace {

enum RecordType : uint16_t {
  kSlide = 0x03EE, kSlideAtom = 0x03EF, kNotes = 0x03F0, kSlidePersistAtom = 0x03F3, kMainMaster = 0x03F8,
  kTextChars = 0x0FA0, kTextBytes = 0x0FA8, kCString = 0x0FBA, kSlideListWithText = 0x0FF0,
  kPersistDirectory = 0x1772, kComment10 = 0x2EE0, kCryptSession = 0x2F14,
};

struct Header {
  uint16_t instance, type;
  uint32_t length;
  bool container;
};

Header header_at(std::string_view s, size_t at) {
  uint16_t ver_inst = le16(s, at);
  return {static_cast<uint16_t>(ver_inst >> 4), le16(s, at + 2), le32(s, at + 4), (ver_inst & 0x0F) == 0x0F};
}

// Calls visit(header, offset of the record, body, depth) for every record, depth first.
template <typename Visit>
void walk(std::string_view s, size_t from, size_t to, int depth, Visit&& visit) {
  for (size_t at = from; at + 8 <= to;) {
    Header h = header_at(s, at);
    size_t body = at + 8, end = body + h.length;
    if (end > to || end < body) end = to;  // a damaged length: keep what is there
    visit(h, at, s.substr(body, end - body), depth);
    if (h.container && depth < 32) walk(s, body, end, depth + 1, visit);
    at = end;
  }
}

// First pass: which stream offset belongs to which slide (1-based) and whose notes.
struct SlideMap {
  std::map<uint32_t, uint32_t> offset_of_persist;  // persist id -> stream offset
  std::vector<std::pair<uint32_t, uint32_t>> slides, notes;  // (persist id, slide id) in list order
  std::map<size_t, uint32_t> slide_notes_ref;      // slide container offset -> notes slide id
  std::map<size_t, int> slide_at, notes_at;        // container offset -> slide number
  bool encrypted = false;                          // a CryptSession10Container: RC4-encrypted records

  explicit SlideMap(std::string_view s) {
    int list = -1;
    std::vector<size_t> containers;  // slide containers in stream order
    walk(s, 0, s.size(), 0, [&](const Header& h, size_t at, std::string_view body, int depth) {
      if (h.type == kSlideListWithText) list = static_cast<int>(h.instance);
      else if (depth == 0) list = -1;
      if (h.type == kPersistDirectory) read_directory(body);
      if (h.type == kCryptSession) encrypted = true;
      if (h.type == kSlidePersistAtom && body.size() >= 16 && (list == 0 || list == 2))
        (list == 0 ? slides : notes).push_back({le32(body, 0), le32(body, 12)});
      if (h.type == kSlide) containers.push_back(at);
      if (h.type == kSlideAtom && !containers.empty() && body.size() >= 20) slide_notes_ref[containers.back()] = le32(body, 16);
    });
    for (size_t i = 0; i < slides.size(); ++i)
      if (auto o = offset_of_persist.find(slides[i].first); o != offset_of_persist.end())
        slide_at[o->second] = static_cast<int>(i + 1);
    for (const auto& [notes_persist, notes_id] : notes) {
      auto o = offset_of_persist.find(notes_persist);
      if (o == offset_of_persist.end()) continue;
      for (const auto& [slide_offset, ref] : slide_notes_ref)
        if (ref == notes_id && slide_at.count(slide_offset)) notes_at[o->second] = slide_at[slide_offset];
    }
  }

  void read_directory(std::string_view body) {
    for (size_t at = 0; at + 4 <= body.size();) {
      uint32_t entry = le32(body, at);
      uint32_t first = entry & 0xFFFFF, count = entry >> 20;
      at += 4;
      for (uint32_t k = 0; k < count && at + 4 <= body.size(); ++k, at += 4) offset_of_persist[first + k] = le32(body, at);
    }
  }
};

std::string atom_text(const Header& h, std::string_view body) {
  std::string text = h.type == kTextBytes ? cp1252_to_utf8(body) : utf16le_to_utf8(body);
  for (char& c : text)
    if (c == '\r' || c == 0x0B) c = '\n';  // paragraph and line breaks
  return text;
}

// Second pass: text into pieces by location.
class PptText {
 public:
  PptText(std::string_view stream, const SlideMap& map) : s_(stream), map_(map) {}

  std::map<std::vector<std::string>, std::string> collect() {
    walk(s_, 0, s_.size(), 0, [&](const Header& h, size_t at, std::string_view body, int depth) {
      enter(h, at, depth);
      if (h.type == kTextChars || h.type == kTextBytes) add(atom_text(h, body));
      else if (h.type == kCString && comment_depth_ >= 0 && depth > comment_depth_ && h.instance <= 1)
        add(utf16le_to_utf8(body), "comments");  // instance 0: author, 1: the comment
    });
    return std::move(pieces_);
  }

 private:
  void enter(const Header& h, size_t at, int depth) {
    if (depth <= comment_depth_) comment_depth_ = -1;
    if (depth == 0 || depth <= place_depth_) {  // left the container that set the place
      place_.clear();
      place_depth_ = -1;
    }
    if (h.type == kComment10) comment_depth_ = depth;
    if (h.type == kSlideListWithText) {
      list_ = static_cast<int>(h.instance);
      list_depth_ = depth;
      list_slide_ = 0;
    } else if (depth <= list_depth_) {
      list_ = -1;
      list_depth_ = -1;
    }
    if (h.type == kSlidePersistAtom && list_ == 0) place_ = {"slide " + std::to_string(++list_slide_)}, place_depth_ = depth - 1;
    if (h.type == kSlidePersistAtom && list_ != 0) place_.clear();
    if (h.type == kSlide) set_place(map_.slide_at, at, depth, {});
    if (h.type == kNotes) set_place(map_.notes_at, at, depth, {"notes"});
    if (h.type == kMainMaster) place_ = {"master"}, place_depth_ = depth;
  }

  void set_place(const std::map<size_t, int>& numbers, size_t at, int depth, std::vector<std::string> below) {
    place_.clear();
    if (auto n = numbers.find(at); n != numbers.end()) place_.push_back("slide " + std::to_string(n->second));
    place_.insert(place_.end(), below.begin(), below.end());
    place_depth_ = depth;
  }

  void add(const std::string& text, const char* extra = nullptr) {
    if (text.find_first_not_of(" \t\n") == std::string::npos) return;
    std::vector<std::string> where = place_;
    if (extra) where.push_back(extra);
    pieces_[where].append(text).append("\n");
  }

  std::string_view s_;
  const SlideMap& map_;
  std::map<std::vector<std::string>, std::string> pieces_;
  std::vector<std::string> place_;
  int place_depth_ = -1, comment_depth_ = -1, list_ = -1, list_depth_ = -1, list_slide_ = 0;
};

}  // namespace

void read_ppt(GsfInfile* root, Item& item, ExtractContext& ctx) {
  bool cut = false;
  auto stream = read_stream(root, "PowerPoint Document", kMaxStreamBytes, &cut);
  if (!stream || stream->size() < 8) {
    ctx.problem(Problem{true, ProblemKind::corrupt, item.location, "a PowerPoint file whose main stream is damaged"});
    return;
  }
  if (cut)
    ctx.problem(Problem{true, ProblemKind::limit_exceeded, item.location,
                        "the PowerPoint stream is larger than 256 MiB: only its start was scanned"});
  SlideMap map(*stream);
  // The Current User stream's header token says "encrypted" even when the records are
  // unreadable garbage to us.
  auto user = read_stream(root, "Current User", 4096);
  bool user_says_encrypted = user && le32(*user, 12) == 0xF3D1C4DFu;
  if (map.encrypted || user_says_encrypted || has_child(root, "EncryptedSummary")) {
    ctx.problem(Problem{true, ProblemKind::encrypted, item.location,
                        "an encrypted PowerPoint file (it needs a password to open): not scanned"});
    return;
  }
  for (auto& [below, text] : PptText(*stream, map).collect()) {
    LocationChain where = item.location;
    where.insert(where.end(), below.begin(), below.end());
    ctx.open_text(where)->write_whole(text);
  }
}

}  // namespace gdprscan
