// The JSON Lines contract that BI tools load; every field is documented in
// docs/output-format.md and checked against docs/output-schema.json by the tests.
#include <cmath>
#include <nlohmann/json.hpp>

#include "json_writer.h"
#include "validators.h"
#include "sink.h"
#include "text_decode.h"

namespace gdprscan {

namespace {

// Not valid UTF-8: an escaped `path` a person can read plus the exact bytes in base64.
void put_path(JsonWriter& j, const std::string& path) {
  if (is_valid_utf8(path)) {
    j.field("path", path);
  } else {
    j.field("path", escape_invalid_utf8(path));
    j.field("path_bytes", base64(path));
  }
}

std::vector<std::string> location_strings(const LocationChain& location) {
  std::vector<std::string> out;
  for (const auto& part : location) out.push_back(is_valid_utf8(part) ? part : escape_invalid_utf8(part));
  return out;
}

void put_file_meta(JsonWriter& j, const FileInfo& file, const std::string& owner) {
  if (!file.have_stat) return;
  j.field("size", file.size);
  j.field("mtime", static_cast<int64_t>(file.mtime));
  j.field("owner", owner);
  if (!file.doc_author.empty()) j.field("doc_author", file.doc_author);
  if (!file.doc_last_modified_by.empty()) j.field("doc_last_modified_by", file.doc_last_modified_by);
}

class JsonlSink final : public Sink {
 public:
  // The mail a finding is in; addresses are masked like e-mail findings unless --reveal.
  void put_mail(JsonWriter& j, const MailFields& mail) const {
    auto shown = [&](const std::string& a) { return options_.reveal ? a : mask_email_address(a); };
    std::vector<std::string> to;
    for (const auto& a : mail.to) to.push_back(shown(a));
    j.begin_object("mail");
    if (!mail.from.empty()) j.field("from", shown(mail.from));
    j.field("to", to);
    if (!mail.date.empty()) j.field("date", mail.date);
    j.end_object();
  }

  JsonlSink(int fd, SinkOptions options) : out_(fd), options_(std::move(options)) {}

  std::string render(const FileReport& r) const override {
    std::string out;
    std::string owner = r.file.have_stat ? owner_name(r.file.uid) : "";
    // What every finding of the file repeats, rendered once: a citizen list has thousands.
    std::string head, path, meta;
    JsonWriter head_writer(head), path_writer(path), meta_writer(meta);
    head_writer.field("type", "finding").field("scan_id", options_.scan_id);
    put_path(path_writer.continued(), r.file.path);
    put_file_meta(meta_writer.continued(), r.file, owner);
    // Findings in a row share their location (a file's, a sheet's, an attachment's): its
    // fragment is rendered again only when it changes.
    const LocationChain* last_location = nullptr;
    std::string location;
    for (const Finding& f : r.findings) {
      if (!last_location || f.location != *last_location) {
        location.clear();
        JsonWriter(location).continued().field("location", location_strings(f.location));
        last_location = &f.location;
      }
      JsonWriter j(out);
      j.begin()
          .fields(head)
          .field("detector", f.detector)
          .field("category", f.category)
          .field("severity", f.severity)
          .field("confidence", f.confidence)
          .field("signals", f.signals)
          .fields(path)
          .fields(location)
          .field("line", f.line)
          .field("offset", f.offset)
          .field("match", f.match)
          .field("context", f.context)
          .field("fingerprint", f.fingerprint);
      if (options_.reveal) j.field("value", f.value);
      if (!f.paired_detector.empty())
        j.begin_object("paired_with").field("detector", f.paired_detector).field("fingerprint", f.paired_fingerprint).end_object();
      if (f.mail) put_mail(j, *f.mail);
      j.fields(meta).end();
      // A file's records are alike in length: room for all of them after the first, so that
      // a citizen list's hundreds of megabytes are not copied again at every doubling.
      if (&f == &r.findings.front()) out.reserve(out.size() * (r.findings.size() + 1) + r.problems.size() * 512);
    }
    for (const Problem& p : r.problems) {
      JsonWriter j(out);
      j.begin().field("type", p.is_error ? "error" : "skipped").field("scan_id", options_.scan_id);
      put_path(j, r.file.path);
      j.field("location", location_strings(p.location)).field("kind", to_string(p.kind)).field("message", p.message);
      put_file_meta(j, r.file, owner);
      j.end();
    }
    return out;
  }

  void write(std::string_view rendered) override { out_.lines(rendered); }

  void summary(const Summary& s) override {
    nlohmann::ordered_json j;
    j["type"] = "summary";
    j["scan_id"] = s.scan_id;
    j["version"] = s.version;
    j["roots"] = location_strings(s.roots);
    j["started_at"] = s.started_at;
    j["finished_at"] = s.finished_at;
    j["duration_s"] = s.duration_s;
    j["files_seen"] = s.files_seen;
    j["files_scanned"] = s.files_scanned;
    j["files_skipped"] = s.files_skipped;
    j["files_failed"] = s.files_failed;
    j["directories"] = s.directories;
    j["directories_skipped"] = s.directories_skipped;
    j["directories_failed"] = s.directories_failed;
    j["excluded"] = s.excluded;
    j["bytes_read"] = s.bytes_read;
    j["text_bytes"] = s.text_bytes;
    j["findings"] = s.findings;
    j["findings_by_detector"] = s.findings_by_detector;
    j["ignored"] = s.ignored;
    j["skipped_by_kind"] = s.skipped_by_kind;
    j["errors_by_kind"] = s.errors_by_kind;
    double secs = s.duration_s > 0 ? s.duration_s : 1e-9;
    j["mb_per_s"] = std::round(s.bytes_read / 1e6 / secs * 100) / 100;
    j["files_per_s"] = std::round(s.files_seen / secs * 10) / 10;
    j["complete"] = s.complete;
    out_.line(j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    out_.flush();
  }

  bool closed() const override { return out_.closed(); }
  std::string failure() const override { return out_.failure(); }

 private:
  LineWriter out_;
  SinkOptions options_;
};

}  // namespace

std::unique_ptr<Sink> make_jsonl_sink(int fd, SinkOptions options) {
  return std::make_unique<JsonlSink>(fd, std::move(options));
}

}  // namespace gdprscan
