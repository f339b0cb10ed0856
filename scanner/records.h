// The values that flow from the scanner core to a sink: findings, problems (error and
// skipped records) and the per-file report that groups them. Plain data, no behaviour;
// serialisation lives in the sinks (jsonl_sink.cpp, text_sink.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gdprscan {

// The chain from the file on disk to the text: archive members, mail parts, pages,
// sheets, cells. Empty for a plain file.
using LocationChain = std::vector<std::string>;

// The mail a finding is in (its own or an attachment's text): who sent it, to whom, when, so
// that findings can be filtered by mailbox and period. Addresses are lower case; the date is
// ISO 8601 in UTC ("2019-03-02T10:14:00Z"), empty when the mail has none.
struct MailFields {
  std::string from;
  std::vector<std::string> to;  // To, Cc and Bcc, at most kMaxRecipients
  std::string date;
  static constexpr size_t kMaxRecipients = 50;
};

struct Finding {
  std::string detector;   // rule id, e.g. "dk.cpr"
  std::string category;
  std::string severity;
  double confidence = 0;  // 0..1
  std::vector<std::string> signals;  // why: "mod11_pass", "keyword:cpr-nr", ...
  LocationChain location;
  uint64_t line = 0;      // 1-based line in the innermost piece of text
  uint64_t offset = 0;    // byte offset of the match in the UTF-8 text of that piece
  std::string match;      // masked, as it appears ("010190-****")
  std::string context;    // about 60 characters each side, identifiers masked
  std::string fingerprint;  // hex HMAC-SHA256 of the normalised value
  std::string value;      // normalised value; serialised only with --reveal
  std::shared_ptr<const MailFields> mail;  // set for findings inside a mail
  // For a special-category term: the person identifier it was found next to (its rule id
  // and fingerprint), or "document" scope's first identifier in the file.
  std::string paired_detector, paired_fingerprint;
  bool awaiting_pair = false;  // --special-scope document: no identifier nearby (yet)
  bool identifies_person = false;  // its rule anchors special-category terms (rules.h)
  // --special-scope document: a person identifier of a rule whose findings are not written
  // (report = "on_request"), passed on only so that the file's terms can pair with it.
  bool anchor_only = false;
};

enum class ProblemKind {
  permission_denied,
  not_found,
  io,
  unsupported,
  too_large,
  special_file,
  symlink,
  symlink_loop,
  other_filesystem,
  encoding,
  corrupt,
  encrypted,
  limit_exceeded,
  timeout,
};
const char* to_string(ProblemKind kind);

// An `error` (we tried and failed) or a `skipped` record (we chose not to read it).
struct Problem {
  bool is_error = true;
  ProblemKind kind = ProblemKind::io;
  LocationChain location;
  std::string message;  // never contains a matched value
};

// File metadata shared by every record of one file.
struct FileInfo {
  std::string path;  // raw bytes as the file system gave them
  bool have_stat = false;
  uint64_t size = 0;
  int64_t mtime = 0;  // seconds since the epoch
  uint32_t uid = 0;
  // From the document itself (Office, OpenDocument, PDF properties): who wrote it and who
  // saved it last, for the owner of a finding when the file system's owner is a service
  // account. Empty when the format has none.
  std::string doc_author;
  std::string doc_last_modified_by;
};

// Everything one top-level file produced; the unit the writer receives.
struct FileReport {
  FileInfo file;
  bool scanned = false;  // text was extracted and matched (possibly partially)
  bool is_directory = false;  // a directory's problem, not a file's
  uint64_t bytes_read = 0;
  uint64_t text_bytes = 0;
  std::vector<Finding> findings;
  std::vector<Problem> problems;
  std::string rendered;  // the records as output bytes, made by the worker (Sink::render)
};

}  // namespace gdprscan
