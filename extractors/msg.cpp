// Outlook .msg ([MS-OXMSG]): a compound file whose streams are MAPI properties, named
// "__substg1.0_<id><type>" (type 001F UTF-16, 001E 8-bit, 0102 binary). Recipients and
// attachments are sub-storages; an attached message is a storage in the same layout.
//
// Pieces, following the .eml reader's locations (mail.cpp):
//   headers         From, To, Cc, Bcc, Subject and every recipient's address
//   body            the plain-text body
//   body (HTML)     the HTML body, a child scanned by the HTML extractor
//   body (RTF)      the compressed RTF body (LZFu, decompressed by libpst), only when the
//                   message has neither of the others: Outlook keeps the same text in each
//   properties      every other string property: a contact's names, addresses and phone
//                   numbers, a meeting's location, named properties
//   attachment X    a child, scanned like a file; an attached message is read in place as
//                   "attached message <date> "<subject>"", an attached OLE object as its
//                   compound file.
#include <cstddef>
#include <cstdint>
extern "C" {  // libpst's lzfu.h has no C++ guard and relies on these types being declared
#include <libpst/lzfu.h>
}

#include <cctype>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <ctime>
#include <set>
#include <string>
#include <vector>

#include "ole2.h"
#include "registry.h"

namespace gdprscan {

namespace {

constexpr int kMaxNesting = 16;

// Properties shown in `headers` or `body`, or that only repeat them (or hold no text).
const std::set<uint16_t> kShownElsewhere = {
    0x0037, 0x003D, 0x0070, 0x0E1D,  // subject, its prefix, conversation topic, normalised subject
    0x0C1A, 0x0C1F, 0x5D01, 0x0042, 0x0065, 0x0064, 0x0C1E, 0x0075, 0x0076,  // sender and "sent representing"
    0x0E02, 0x0E03, 0x0E04,          // display bcc, cc, to
    0x1000, 0x1013, 0x1009,          // bodies
    0x001A, 0x1035, 0x1042, 0x1039,  // message class, message ids, references
    0x3FFA, 0x0E28, 0x0E29,          // last modifier, account names (repeat the sender)
    // The transport headers repeat From/To/Cc and the message id many times over (Received
    // lines): one finding per address in `headers` is what a reviewer needs.
    0x007D,
};

std::string stream_name(uint16_t id, const char* type) {
  char name[40];
  std::snprintf(name, sizeof name, "__substg1.0_%04X%s", id, type);
  return name;
}

// A string property, UTF-16 or 8-bit; empty if absent. `damaged` is set when the stream is
// listed but cannot be read (a damaged or truncated file).
std::string string_property(GsfInfile* storage, uint16_t id, bool& damaged) {
  if (auto s = read_stream(storage, stream_name(id, "001F").c_str(), kMaxStreamBytes, nullptr, &damaged))
    return utf16le_to_utf8(*s);
  if (auto s = read_stream(storage, stream_name(id, "001E").c_str(), kMaxStreamBytes, nullptr, &damaged))
    return cp1252_to_utf8(*s);
  return {};
}

std::optional<std::string> binary_property(GsfInfile* storage, uint16_t id, bool& damaged) {
  return read_stream(storage, stream_name(id, "0102").c_str(), kMaxStreamBytes, nullptr, &damaged);
}

// The message's time from the fixed-size properties stream: submit time, else delivery
// time, formatted by strftime's `format` in UTC; empty when it has neither.
std::string message_time(GsfInfile* storage, size_t header_size, const char* format) {
  auto props = read_stream(storage, "__properties_version1.0", 1 << 20);
  if (!props) return {};
  for (uint32_t wanted : {0x00390040u, 0x0E060040u})
    for (size_t at = header_size; at + 16 <= props->size(); at += 16) {
      if (le32(*props, at) != wanted) continue;
      uint64_t filetime = le32(*props, at + 8) | static_cast<uint64_t>(le32(*props, at + 12)) << 32;
      std::time_t t = static_cast<std::time_t>(filetime / 10000000ull) - 11644473600ll;
      std::tm tm{};
      if (!gmtime_r(&t, &tm)) return {};
      char buf[32];
      std::strftime(buf, sizeof buf, format, &tm);
      return buf;
    }
  return {};
}

std::vector<std::string> children_prefixed(GsfInfile* storage, const char* prefix) {
  std::vector<std::string> names;
  size_t n = std::strlen(prefix);
  for (int i = 0; i < gsf_infile_num_children(storage); ++i)
    if (const char* name = gsf_infile_name_by_index(storage, i); name && std::strncmp(name, prefix, n) == 0)
      names.push_back(name);
  return names;
}

class MsgReader {
 public:
  MsgReader(Item& item, ExtractContext& ctx) : item_(item), ctx_(ctx) {}

  void read(GsfInfile* root) {
    message(root, {}, 0, 32);
    if (damaged_)
      ctx_.problem(Problem{true, ProblemKind::corrupt, item_.location,
                           "some of the message's properties are damaged or cut off; the readable ones were scanned (partial)"});
  }

 private:
  // `below`: the message's place under the item ({} for the .msg file itself);
  // `properties_header`: the size of its properties stream's header (32 at the top, 24 for
  // an attached message).
  void message(GsfInfile* msg, const LocationChain& below, int depth, size_t properties_header) {
    ctx_.mail_message(at(below), fields(msg, properties_header));
    write(below, "headers", headers(msg));
    std::string body = string_property(msg, 0x1000, damaged_);
    write(below, "body", body);
    auto html = binary_property(msg, 0x1013, damaged_);
    if (!html) {
      if (std::string h = string_property(msg, 0x1013, damaged_); !h.empty()) html = h;
    }
    if (html && !html->empty()) child(below, "body (HTML)", *html);
    if (body.empty() && (!html || html->empty())) rtf_body(msg, below);
    write(below, "properties", other_strings(msg));
    for (const std::string& name : children_prefixed(msg, "__attach_version1.0_"))
      if (Storage attachment = open_storage(msg, name.c_str())) attach(attachment.get(), below, depth);
  }

  MailFields fields(GsfInfile* msg, size_t properties_header) {
    MailFields f;
    auto lower = [](std::string s) {
      for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    };
    f.from = lower(string_property(msg, 0x5D01, damaged_));
    if (f.from.find('@') == std::string::npos) f.from = lower(string_property(msg, 0x0C1F, damaged_));
    if (f.from.find('@') == std::string::npos) f.from.clear();  // an Exchange X.500 address
    for (const std::string& name : children_prefixed(msg, "__recip_version1.0_"))
      if (Storage r = open_storage(msg, name.c_str()); r && f.to.size() < MailFields::kMaxRecipients) {
        std::string smtp = lower(string_property(r.get(), 0x39FE, damaged_));
        if (smtp.empty()) smtp = lower(string_property(r.get(), 0x3003, damaged_));
        if (smtp.find('@') != std::string::npos) f.to.push_back(std::move(smtp));
      }
    f.date = message_time(msg, properties_header, "%Y-%m-%dT%H:%M:%SZ");
    return f;
  }

  std::string headers(GsfInfile* msg) {
    std::string out;
    auto add = [&](const char* label, const std::string& value) {
      if (!value.empty()) out.append(label).append(": ").append(value).append("\n");
    };
    std::string sender = string_property(msg, 0x0C1A, damaged_), address = string_property(msg, 0x5D01, damaged_);
    if (address.empty()) address = string_property(msg, 0x0C1F, damaged_);
    add("From", address.empty() ? sender : sender + " <" + address + ">");
    add("To", string_property(msg, 0x0E04, damaged_));
    add("Cc", string_property(msg, 0x0E03, damaged_));
    add("Bcc", string_property(msg, 0x0E02, damaged_));
    add("Subject", string_property(msg, 0x0037, damaged_));
    for (const std::string& name : children_prefixed(msg, "__recip_version1.0_"))
      if (Storage r = open_storage(msg, name.c_str())) {
        std::string smtp = string_property(r.get(), 0x39FE, damaged_);
        if (smtp.empty()) smtp = string_property(r.get(), 0x3003, damaged_);
        std::string name = string_property(r.get(), 0x3001, damaged_);
        add("Recipient", smtp.empty() ? name : name + " <" + smtp + ">");
      }
    return out;
  }

  std::string other_strings(GsfInfile* msg) {
    std::string out;
    for (int i = 0; i < gsf_infile_num_children(msg); ++i) {
      const char* name = gsf_infile_name_by_index(msg, i);
      if (!name || std::strncmp(name, "__substg1.0_", 12) != 0 || std::strlen(name) != 20) continue;
      std::string type = name + 16;
      if (type != "001F" && type != "001E") continue;
      uint16_t id = static_cast<uint16_t>(std::strtoul(std::string(name + 12, 4).c_str(), nullptr, 16));
      if (kShownElsewhere.count(id)) continue;
      std::string value = string_property(msg, id, damaged_);
      if (value.find_first_not_of(" \t\r\n") != std::string::npos) out.append(value).append("\n");
    }
    return out;
  }

  void rtf_body(GsfInfile* msg, const LocationChain& below) {
    auto compressed = binary_property(msg, 0x1009, damaged_);
    if (!compressed || compressed->size() < 16) return;
    // libpst allocates the size the header claims and exits the process when that fails:
    // check the claim first. An LZFu reference (2 bytes) expands to at most 17 bytes.
    uint32_t raw = le32(*compressed, 4), magic = le32(*compressed, 8);
    bool plausible = (magic == 0x75465A4Cu /* LZFu */ || magic == 0x414C454Du /* MELA: stored */) &&
                     raw <= 16ull * compressed->size() + 4096 && raw <= kMaxStreamBytes;
    if (!plausible) {
      ctx_.problem(Problem{true, ProblemKind::corrupt, at(below), "the message's compressed RTF body is damaged"});
      return;
    }
    size_t size = 0;
    char* rtf = pst_lzfu_decompress(compressed->data(), static_cast<uint32_t>(compressed->size()), &size);
    if (!rtf) {
      ctx_.problem(Problem{true, ProblemKind::corrupt, at(below), "the message's compressed RTF body is damaged"});
      return;
    }
    child(below, "body (RTF)", std::string(rtf, size));
    std::free(rtf);
  }

  void attach(GsfInfile* attachment, const LocationChain& below, int depth) {
    std::string name = string_property(attachment, 0x3707, damaged_);
    if (name.empty()) name = string_property(attachment, 0x3704, damaged_);
    if (name.empty()) name = string_property(attachment, 0x3001, damaged_);
    if (name.empty()) name = std::to_string(++unnamed_);  // a signed mail's inner message, say
    if (auto data = binary_property(attachment, 0x3701, damaged_)) {
      child(below, "attachment " + name, *data);
      return;
    }
    Storage inner = open_storage(attachment, "__substg1.0_3701000D");
    if (!inner) return;  // a link to a file elsewhere: nothing stored here
    if (depth >= kMaxNesting) {
      ctx_.problem(Problem{true, ProblemKind::limit_exceeded, at(below),
                           "attached messages nest deeper than 16 levels: the deeper ones were not scanned"});
      return;
    }
    LocationChain deeper = below;
    if (has_child(inner.get(), "__properties_version1.0")) {  // an attached message
      std::string subject = string_property(inner.get(), 0x0037, damaged_);
      deeper.push_back("attached " + mail_label(message_time(inner.get(), 24, "%Y-%m-%d %H:%M"), subject.c_str(), ++attached_));
      message(inner.get(), deeper, depth + 1, 24);
    } else {  // an OLE object (a Word or Excel file inserted into the mail)
      deeper.push_back("attachment " + name);
      MemorySource nothing("");
      Item object{nothing, {}, true, at(deeper), name};
      read_compound(inner.get(), object, ctx_);
    }
  }

  LocationChain at(const LocationChain& below) const {
    LocationChain where = item_.location;
    where.insert(where.end(), below.begin(), below.end());
    return where;
  }

  void write(const LocationChain& below, const char* piece, const std::string& text) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return;
    LocationChain where = at(below);
    where.push_back(piece);
    ctx_.open_text(where)->write_whole(text);
  }

  void child(const LocationChain& below, const std::string& name, const std::string& data) {
    MemorySource source(data);
    LocationChain path = below;
    path.push_back(name);
    ctx_.child_at(path, source, static_cast<int64_t>(data.size()));
  }

  Item& item_;
  ExtractContext& ctx_;
  int attached_ = 0, unnamed_ = 0;
  bool damaged_ = false;
};

}  // namespace

void read_msg(GsfInfile* root, Item& item, ExtractContext& ctx) { MsgReader(item, ctx).read(root); }

}  // namespace gdprscan
