#include "mail_writer.h"

#include <gmime/gmime.h>

#include <ctime>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "encoding.h"
#include "writers.h"

namespace gdprscan::corpus {

namespace {

template <class T>
struct GObjectDeleter {
  void operator()(T* p) const {
    if (p) g_object_unref(p);
  }
};
template <class T>
using GPtr = std::unique_ptr<T, GObjectDeleter<T>>;

void ensure_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

std::string body_text(const Document& doc) {
  std::string text;
  for (const auto& p : doc.paragraphs) text.append(p.text).append(doc.lines ? "\n" : "\n\n");
  return text;
}

GMimeObject* text_part(const std::string& subtype, const std::string& text) {
  GMimeTextPart* part = g_mime_text_part_new_with_subtype(subtype.c_str());
  g_mime_text_part_set_text(part, text.c_str());  // declares charset utf-8
  g_mime_part_set_content_encoding(GMIME_PART(part), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  return GMIME_OBJECT(part);
}

GMimeObject* attachment_part(const MailAttachment& a) {
  std::string type = a.mime_type, subtype;
  size_t slash = type.find('/');
  subtype = type.substr(slash + 1);
  type.resize(slash);
  GMimePart* part = g_mime_part_new_with_type(type.c_str(), subtype.c_str());
  g_mime_part_set_filename(part, a.filename.c_str());
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(a.content.bytes.data(), a.content.bytes.size()));
  GPtr<GMimeDataWrapper> wrapper(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(part, wrapper.get());
  g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
  return GMIME_OBJECT(part);
}

// Boundaries are derived from the Message-ID: GMime would otherwise make random ones.
std::string boundary(const Mail& mail, const char* role) {
  std::string id = mail.message_id.substr(0, mail.message_id.find('@'));
  return std::string("=_").append(role).append("_").append(id);
}

GMimeMessage* build_message(const Mail& mail, std::vector<PlacedTruth>& truth);

GMimeObject* mime_body(const Mail& mail, std::vector<PlacedTruth>& truth) {
  std::string text = body_text(mail.body);
  for (const auto& p : mail.body.paragraphs) add_unplaced(truth, p.truth);
  GMimeObject* body = text_part("plain", text);
  if (mail.html_alternative) {
    GMimeMultipart* alternative = g_mime_multipart_new_with_subtype("alternative");
    g_mime_multipart_set_boundary(alternative, boundary(mail, "alt").c_str());
    g_mime_multipart_add(alternative, body);
    g_object_unref(body);
    GMimeObject* html = text_part("html", write_html(mail.body).bytes);
    g_mime_multipart_add(alternative, html);
    g_object_unref(html);
    body = GMIME_OBJECT(alternative);
  }
  if (mail.attachments.empty() && mail.attached.empty()) return body;
  GMimeMultipart* mixed = g_mime_multipart_new_with_subtype("mixed");
  g_mime_multipart_set_boundary(mixed, boundary(mail, "mix").c_str());
  g_mime_multipart_add(mixed, body);
  g_object_unref(body);
  for (const auto& a : mail.attachments) {
    GMimeObject* part = attachment_part(a);
    g_mime_multipart_add(mixed, part);
    g_object_unref(part);
    for (PlacedTruth placed : a.content.truth) {  // our reader: "attachment NAME", then the file's own levels
      placed.location.insert(placed.location.begin(), "attachment " + a.filename);
      truth.push_back(std::move(placed));
    }
  }
  for (const auto& inner : mail.attached) {
    // An attached mail's level is labelled with its date and masked subject: not predicted.
    std::vector<PlacedTruth> inner_truth;
    GPtr<GMimeMessage> message(build_message(inner, inner_truth));
    for (auto& placed : inner_truth) placed.location.clear();
    truth.insert(truth.end(), inner_truth.begin(), inner_truth.end());
    GMimeMessagePart* part = g_mime_message_part_new_with_message("rfc822", message.get());
    g_mime_multipart_add(mixed, GMIME_OBJECT(part));
    g_object_unref(part);
  }
  return GMIME_OBJECT(mixed);
}

void add_address_truth(const std::string& address, std::vector<PlacedTruth>& truth) {
  std::string lower = address;
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  truth.push_back({TruthItem{"email", lower, TruthKind::positive, "mail header address"}, {}});
}

GMimeMessage* build_message(const Mail& mail, std::vector<PlacedTruth>& truth) {
  GMimeMessage* message = g_mime_message_new(TRUE);
  g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_FROM, mail.from_name.c_str(), mail.from_address.c_str());
  g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_TO, mail.to_name.c_str(), mail.to_address.c_str());
  add_address_truth(mail.from_address, truth);
  add_address_truth(mail.to_address, truth);
  g_mime_message_set_subject(message, mail.subject.c_str(), "utf-8");
  g_mime_message_set_message_id(message, mail.message_id.c_str());
  GTimeZone* zone = g_time_zone_new_offset(3600);  // Danish winter time, the same on every machine
  GDateTime* utc = g_date_time_new_from_unix_utc(mail.time);
  GDateTime* local = g_date_time_to_timezone(utc, zone);
  g_mime_message_set_date(message, local);
  g_date_time_unref(local);
  g_date_time_unref(utc);
  g_time_zone_unref(zone);
  GMimeObject* body = mime_body(mail, truth);
  g_mime_message_set_mime_part(message, body);
  g_object_unref(body);
  return message;
}

std::string message_bytes(GMimeMessage* message) {
  GPtr<GMimeStream> stream(g_mime_stream_mem_new());
  if (g_mime_object_write_to_stream(GMIME_OBJECT(message), nullptr, stream.get()) < 0)
    throw std::runtime_error("GMime: cannot write a message");
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

}  // namespace

Rendered write_eml(const Mail& mail) {
  ensure_gmime();
  Rendered r;
  GPtr<GMimeMessage> message(build_message(mail, r.truth));
  r.bytes = message_bytes(message.get());
  return r;
}

Rendered write_mbox_entry(const Mail& mail) {
  Rendered message = write_eml(mail);
  std::string separator = utc_time(mail.time, "%a %b %e %H:%M:%S %Y");
  Rendered r;
  r.bytes.reserve(message.bytes.size() + 128);
  r.bytes.append("From ").append(mail.from_address).append(" ").append(separator).append("\n");
  // mboxrd: a line that starts with any number of '>' and then "From " gets one more '>'.
  size_t at = 0;
  while (at < message.bytes.size()) {
    size_t end = message.bytes.find('\n', at);
    end = end == std::string::npos ? message.bytes.size() : end + 1;
    size_t quotes = message.bytes.find_first_not_of('>', at);
    if (quotes != std::string::npos && message.bytes.compare(quotes, 5, "From ") == 0) r.bytes += '>';
    r.bytes.append(message.bytes, at, end - at);
    at = end;
  }
  if (r.bytes.back() != '\n') r.bytes += '\n';
  r.bytes += '\n';
  // A message in an mbox is a level labelled with its date and masked subject: not predicted.
  for (auto& placed : message.truth) placed.location.clear();
  r.truth = std::move(message.truth);
  return r;
}

}  // namespace gdprscan::corpus
