// The JSON Lines contract that BI tools load; every field is documented in
// docs/output-format.md and checked against docs/output-schema.json by the tests.
#include <cmath>
#include <nlohmann/json.hpp>

#include "sink.h"
#include "text_decode.h"

namespace gdprscan {

namespace {

using nlohmann::ordered_json;

// Not valid UTF-8: an escaped `path` a person can read plus the exact bytes in base64.
void put_path(ordered_json& j, const std::string& path) {
  if (is_valid_utf8(path)) {
    j["path"] = path;
  } else {
    j["path"] = escape_invalid_utf8(path);
    j["path_bytes"] = base64(path);
  }
}

ordered_json location_json(const LocationChain& location) {
  ordered_json arr = ordered_json::array();
  for (const auto& part : location) arr.push_back(is_valid_utf8(part) ? part : escape_invalid_utf8(part));
  return arr;
}

void put_file_meta(ordered_json& j, const FileInfo& file) {
  if (!file.have_stat) return;
  j["size"] = file.size;
  j["mtime"] = file.mtime;
  j["owner"] = owner_name(file.uid);
}

std::string dump(const ordered_json& j) {
  // replace: a stray invalid byte must never abort the scan (all text is UTF-8 by now).
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

class JsonlSink final : public Sink {
 public:
  JsonlSink(int fd, SinkOptions options) : out_(fd), options_(std::move(options)) {}

  void file(const FileReport& r) override {
    for (const Finding& f : r.findings) out_.line(dump(finding_json(r.file, f)));
    for (const Problem& p : r.problems) out_.line(dump(problem_json(r.file, p)));
  }

  void summary(const Summary& s) override {
    ordered_json j;
    j["type"] = "summary";
    j["scan_id"] = s.scan_id;
    j["version"] = s.version;
    j["roots"] = location_json(s.roots);
    j["started_at"] = s.started_at;
    j["finished_at"] = s.finished_at;
    j["duration_s"] = s.duration_s;
    j["files_seen"] = s.files_seen;
    j["files_scanned"] = s.files_scanned;
    j["files_skipped"] = s.files_skipped;
    j["files_failed"] = s.files_failed;
    j["directories"] = s.directories;
    j["excluded"] = s.excluded;
    j["bytes_read"] = s.bytes_read;
    j["text_bytes"] = s.text_bytes;
    j["findings"] = s.findings;
    j["findings_by_detector"] = s.findings_by_detector;
    j["skipped_by_kind"] = s.skipped_by_kind;
    j["errors_by_kind"] = s.errors_by_kind;
    double secs = s.duration_s > 0 ? s.duration_s : 1e-9;
    j["mb_per_s"] = std::round(s.bytes_read / 1e6 / secs * 100) / 100;
    j["files_per_s"] = std::round(s.files_seen / secs * 10) / 10;
    j["complete"] = s.complete;
    out_.line(dump(j));
    out_.flush();
  }

  bool closed() const override { return out_.closed(); }

 private:
  ordered_json finding_json(const FileInfo& file, const Finding& f) const {
    ordered_json j;
    j["type"] = "finding";
    j["scan_id"] = options_.scan_id;
    j["detector"] = f.detector;
    j["category"] = f.category;
    j["severity"] = f.severity;
    j["confidence"] = f.confidence;
    j["signals"] = f.signals;
    put_path(j, file.path);
    j["location"] = location_json(f.location);
    j["line"] = f.line;
    j["offset"] = f.offset;
    j["match"] = f.match;
    j["context"] = f.context;
    j["fingerprint"] = f.fingerprint;
    if (options_.reveal) j["value"] = f.value;
    put_file_meta(j, file);
    return j;
  }

  ordered_json problem_json(const FileInfo& file, const Problem& p) const {
    ordered_json j;
    j["type"] = p.is_error ? "error" : "skipped";
    j["scan_id"] = options_.scan_id;
    put_path(j, file.path);
    j["location"] = location_json(p.location);
    j["kind"] = to_string(p.kind);
    j["message"] = p.message;
    put_file_meta(j, file);
    return j;
  }

  mutable LineWriter out_;
  SinkOptions options_;
};

}  // namespace

std::unique_ptr<Sink> make_jsonl_sink(int fd, SinkOptions options) {
  return std::make_unique<JsonlSink>(fd, std::move(options));
}

}  // namespace gdprscan
