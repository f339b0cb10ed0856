// MIME mail through GMime: a single message (.eml, a mail saved to a share) or an mbox
// (mboxo/mboxrd "From " lines), each message a level of its own in the location chain.
// Headers (From, To, Cc, Bcc, Reply-To, Subject; RFC 2047 words decoded) are a piece;
// text/plain bodies are decoded (base64, quoted-printable, the part's charset) to UTF-8;
// HTML bodies, attachments and attached messages are children, scanned like files, so a
// .docx attached to a mail attached to a mail is found.
#include <gmime/gmime.h>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>

#include "piece_scanner.h"
#include "registry.h"
#include "text_decode.h"

namespace gdprscan {

namespace {

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

struct Unref {
  void operator()(gpointer p) const {
    if (p) g_object_unref(p);
  }
};

std::string address_list(InternetAddressList* list) {
  if (!list || internet_address_list_length(list) == 0) return {};
  char* s = internet_address_list_to_string(list, nullptr, FALSE);
  std::string out = s ? s : "";
  g_free(s);
  return out;
}

std::string message_label(GMimeMessage* msg, int index) {
  std::string date;
  if (GDateTime* d = g_mime_message_get_date(msg)) {
    gchar* text = g_date_time_format(d, "%Y-%m-%d %H:%M");
    if (text) date = text;
    g_free(text);
  }
  return mail_label(date, g_mime_message_get_subject(msg), index);
}

std::string decoded_bytes(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return {};
  std::unique_ptr<GMimeStream, Unref> mem(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, mem.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.get()));
  return bytes ? std::string(reinterpret_cast<const char*>(bytes->data), bytes->len) : std::string();
}

// Every mailbox address in `list` (groups opened), lower case.
void add_addresses(InternetAddressList* list, std::vector<std::string>& out) {
  if (!list) return;
  for (int i = 0; i < internet_address_list_length(list); ++i) {
    InternetAddress* a = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(a)) {
      add_addresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), out);
    } else if (const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)); addr && *addr) {
      if (out.size() >= MailFields::kMaxRecipients) return;
      std::string lower = addr;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.push_back(std::move(lower));
    }
  }
}

MailFields mail_fields(GMimeMessage* msg) {
  MailFields fields;
  std::vector<std::string> from;
  add_addresses(g_mime_message_get_from(msg), from);
  if (!from.empty()) fields.from = from.front();
  for (auto list : {g_mime_message_get_to(msg), g_mime_message_get_cc(msg), g_mime_message_get_bcc(msg)})
    add_addresses(list, fields.to);
  if (GDateTime* date = g_mime_message_get_date(msg)) {
    GDateTime* utc = g_date_time_to_utc(date);
    if (gchar* text = utc ? g_date_time_format(utc, "%Y-%m-%dT%H:%M:%SZ") : nullptr) {
      fields.date = text;
      g_free(text);
    }
    if (utc) g_date_time_unref(utc);
  }
  return fields;
}

class MailWalker {
 public:
  // `base`: the length of the item's own location, which child_at() adds itself.
  MailWalker(ExtractContext& ctx, size_t base) : ctx_(ctx), base_(base) {}

  void message(GMimeMessage* msg, const LocationChain& where) {
    ctx_.mail_message(where, mail_fields(msg));
    std::string headers;
    auto add = [&](const char* name, const std::string& value) {
      if (!value.empty()) headers += std::string(name) + ": " + value + "\n";
    };
    add("From", address_list(g_mime_message_get_from(msg)));
    add("Reply-To", address_list(g_mime_message_get_reply_to(msg)));
    add("To", address_list(g_mime_message_get_to(msg)));
    add("Cc", address_list(g_mime_message_get_cc(msg)));
    add("Bcc", address_list(g_mime_message_get_bcc(msg)));
    if (const char* subject = g_mime_message_get_subject(msg)) add("Subject", subject);
    if (!headers.empty()) ctx_.open_text(with(where, "headers"))->write_whole(headers);
    if (GMimeObject* body = g_mime_message_get_mime_part(msg)) part(body, where);
  }

 private:
  static LocationChain with(const LocationChain& where, std::string name) {
    LocationChain out = where;
    out.push_back(std::move(name));
    return out;
  }

  void part(GMimeObject* object, const LocationChain& where) {
    if (GMIME_IS_MULTIPART(object)) {
      GMimeMultipart* multipart = GMIME_MULTIPART(object);
      for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i)
        part(g_mime_multipart_get_part(multipart, i), where);
      return;
    }
    if (GMIME_IS_MESSAGE_PART(object)) {  // message/rfc822: a mail attached to a mail
      if (GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object)))
        message(inner, with(where, "attached " + message_label(inner, ++attached_)));
      return;
    }
    if (!GMIME_IS_PART(object)) return;
    GMimePart* leaf = GMIME_PART(object);
    const char* filename = g_mime_part_get_filename(leaf);
    GMimeContentType* type = g_mime_object_get_content_type(object);
    bool attachment = filename != nullptr;
    if (!attachment && GMIME_IS_TEXT_PART(object) && g_mime_content_type_is_type(type, "text", "plain")) {
      char* text = g_mime_text_part_get_text(GMIME_TEXT_PART(object));  // charset -> UTF-8
      if (text) ctx_.open_text(with(where, "body"))->write_whole(text);
      g_free(text);
      return;
    }
    std::string bytes = decoded_bytes(leaf);
    if (bytes.empty()) return;
    std::string name;
    if (attachment) name = std::string("attachment ") + filename;
    else if (g_mime_content_type_is_type(type, "text", "html")) name = "body (HTML)";
    else {
      char* mime_type = g_mime_content_type_get_mime_type(type);  // newly allocated: ours to free
      name = std::string("part ") + (mime_type ? mime_type : "");
      g_free(mime_type);
    }
    MemorySource source(bytes);
    LocationChain below(where.begin() + static_cast<std::ptrdiff_t>(base_), where.end());
    below.push_back(name);
    ctx_.child_at(below, source, static_cast<int64_t>(bytes.size()));
  }

  ExtractContext& ctx_;
  size_t base_;
  int attached_ = 0;
};

// The bytes GMime parses. An mbox on disk is streamed from its descriptor (a mailbox export
// can be many GB: one message is held at a time, and the mailbox gets a store's budget); a
// single message or a member is read into `data` (bounded by --max-whole-file and the budget).
GMimeStream* open_stream(Item& item, ExtractContext& ctx, bool mbox, std::string& data, bool& streamed) {
  if (mbox && item.source.descriptor() >= 0) {
    int fd = dup(item.source.descriptor());  // shares O_NOATIME; closed by the stream
    if (fd >= 0 && lseek(fd, 0, SEEK_SET) == 0) {
      ctx.mailbox_store();
      streamed = true;
      return g_mime_stream_fs_new(fd);
    }
    if (fd >= 0) close(fd);
  }
  // On a read error what was read is still scanned; a file over --max-whole-file is not.
  if (!read_whole(item, ctx, data) && data.empty()) return nullptr;
  return g_mime_stream_mem_new_with_buffer(data.data(), data.size());
}

void extract(Item& item, ExtractContext& ctx, bool mbox) {
  init_gmime();
  std::string data;
  bool streamed = false;
  std::unique_ptr<GMimeStream, Unref> stream(open_stream(item, ctx, mbox, data, streamed));
  if (!stream) return;
  std::unique_ptr<GMimeParser, Unref> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
  MailWalker walker(ctx, item.location.size());
  for (int index = 1;; ++index) {
    if (std::string why = ctx.time_check(); !why.empty()) {
      ctx.problem(Problem{true, ProblemKind::limit_exceeded, item.location, why});
      break;
    }
    std::unique_ptr<GMimeMessage, Unref> msg(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!msg) {
      if (index == 1) ctx.problem(Problem{true, ProblemKind::corrupt, item.location, "not a readable mail message"});
      break;
    }
    LocationChain where = item.location;
    if (mbox) where.push_back(message_label(msg.get(), index));
    walker.message(msg.get(), where);
    if (!mbox || g_mime_parser_eos(parser.get())) break;
  }
  if (streamed) {  // count what GMime read past the head
    gint64 at = g_mime_stream_tell(stream.get());
    if (at > static_cast<gint64>(item.head.size())) ctx.count_bytes_read(static_cast<uint64_t>(at) - item.head.size());
  }
}

}  // namespace

// "message 2019-03-02 10:14 "Re: løn"": enough to find the mail in a client.
std::string mail_label(const std::string& date, const char* subject, int index) {
  return item_label("message", date.empty() ? std::to_string(index) : date, subject ? subject : "");
}

// The subject is masked like library messages (it could hold a number), and cut to 60
// bytes of whole UTF-8 characters.
std::string item_label(const std::string& kind, const std::string& date, const std::string& subject) {
  std::string label = kind;
  if (!date.empty()) label.append(" ").append(date);
  if (!subject.empty()) {
    std::string s = subject;
    if (s.size() > 60) {
      s.resize(utf8_complete_prefix(std::string_view(s).substr(0, 60)));
      s.append("...");
    }
    mask_message(s);
    label.append(" \"").append(s).append("\"");
  }
  return label;
}

void extract_eml(Item& item, ExtractContext& ctx) { extract(item, ctx, false); }
void extract_mbox(Item& item, ExtractContext& ctx) { extract(item, ctx, true); }

}  // namespace gdprscan
