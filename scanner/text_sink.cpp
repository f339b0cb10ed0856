// Human-readable output for a person reviewing their own folder: findings grouped by file,
// one line each with where and why, then a short summary.
#include <cstdio>

#include "sink.h"
#include "text_decode.h"

namespace gdprscan {

namespace {

std::string fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

class TextSink final : public Sink {
 public:
  TextSink(int fd, SinkOptions options) : out_(fd), options_(std::move(options)) {}

  std::string render(const FileReport& r) const override {
    std::string out;
    auto line = [&out](const std::string& text) {
      out += text;
      out += '\n';
    };
    if (r.findings.empty() && r.problems.empty()) return out;
    line(escape_invalid_utf8(r.file.path));
    for (const Finding& f : r.findings) {
      std::string where = f.location.empty() ? "" : join(f.location, " > ") + " ";
      std::string text = "  " + where + "line " + std::to_string(f.line) + "  " + f.detector + "  " + f.match +
                         "  confidence " + fixed(f.confidence, 2) + " (" + join(f.signals, ", ") + ")";
      if (options_.reveal) text += "  value " + f.value;
      line(text);
      line("      " + f.context);
    }
    for (const Problem& p : r.problems) {
      std::string where = p.location.empty() ? "" : join(p.location, " > ") + ": ";
      line(std::string("  ") + where + (p.is_error ? "error " : "skipped ") + to_string(p.kind) + ": " + p.message);
    }
    line("");
    return out;
  }

  void write(std::string_view rendered) override { out_.lines(rendered); }

  void summary(const Summary& s) override {
    out_.line(format_summary(s));
    out_.flush();
  }

  bool closed() const override { return out_.closed(); }
  std::string failure() const override { return out_.failure(); }

 private:
  LineWriter out_;
  SinkOptions options_;
};

}  // namespace

std::string format_summary(const Summary& s) {
  std::string out = "Scanned " + std::to_string(s.files_scanned) + " of " + std::to_string(s.files_seen) + " files (" +
                    fixed(s.bytes_read / 1e6, 1) + " MB) in " + fixed(s.duration_s, 2) + " s: " +
                    std::to_string(s.findings) + " findings, " + std::to_string(s.files_skipped) + " skipped, " +
                    std::to_string(s.files_failed) + " failed.";
  for (const auto& [id, n] : s.findings_by_detector) out += "\n  " + id + ": " + std::to_string(n);
  for (const auto& [kind, n] : s.skipped_by_kind) out += "\n  skipped " + kind + ": " + std::to_string(n);
  for (const auto& [kind, n] : s.errors_by_kind) out += "\n  error " + kind + ": " + std::to_string(n);
  if (!s.complete) out += "\n  (incomplete: the scan was interrupted)";
  return out;
}

std::unique_ptr<Sink> make_text_sink(int fd, SinkOptions options) {
  return std::make_unique<TextSink>(fd, std::move(options));
}

}  // namespace gdprscan
