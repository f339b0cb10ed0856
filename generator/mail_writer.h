// Mail written with GMime (the library our reader uses): a message with a plain-text body,
// sometimes an HTML alternative, attachments of the other formats and attached mails; and
// mbox files of such messages. Boundaries, Message-IDs and dates come from the caller, so
// the bytes depend on the seed only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "document.h"

namespace gdprscan::corpus {

struct MailAttachment {
  std::string filename;   // "Bilag 2 - Referat.pdf"
  std::string mime_type;  // "application/pdf"
  Rendered content;
};

struct Mail {
  std::string from_name, from_address, to_name, to_address, subject, message_id;
  int64_t time = 0;  // seconds since 1970
  Document body;
  bool html_alternative = false;
  std::vector<MailAttachment> attachments;
  std::vector<Mail> attached;  // message/rfc822 parts
};

// The message's bytes (RFC 5322, CRLF-free as GMime writes by default) and its truth: the
// body's, the attachments', the attached mails', and the header addresses (e-mail
// positives: our reader scans From/To).
Rendered write_eml(const Mail& mail);

// One mbox entry: the "From " separator line, the message with mboxrd ">From " quoting,
// and a blank line.
Rendered write_mbox_entry(const Mail& mail);

}  // namespace gdprscan::corpus
