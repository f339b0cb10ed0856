// Where records go. The scanner core hands FileReports and the final Summary to a Sink and
// never writes to stdout itself. Sinks run on the single writer thread: no locking.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "records.h"

namespace gdprscan {

struct Summary {
  std::string scan_id;
  std::string version;
  std::vector<std::string> roots;
  std::string started_at, finished_at;  // RFC 3339, UTC
  double duration_s = 0;
  uint64_t files_seen = 0, files_scanned = 0, files_skipped = 0, files_failed = 0;
  uint64_t directories = 0, directories_skipped = 0, directories_failed = 0, excluded = 0;
  uint64_t bytes_read = 0, text_bytes = 0;
  std::map<std::string, uint64_t> findings_by_detector;
  std::map<std::string, uint64_t> skipped_by_kind, errors_by_kind;
  uint64_t findings = 0;
  uint64_t ignored = 0;  // findings dropped by --ignore-file
  bool complete = true;
};

// Writes whole lines to a file descriptor: one write() per batch of complete lines, so a
// crash never leaves half a line and a reader never sees one. A closed pipe (EPIPE) ends
// output quietly; other write errors are reported once through `failed()`.
class LineWriter {
 public:
  explicit LineWriter(int fd);
  ~LineWriter() { flush(); }
  void line(std::string_view text);  // appends '\n'
  void lines(std::string_view text);  // text is zero or more whole lines, each ending in '\n'
  // Writes everything pending (the end of the output). While the scan runs, only whole
  // pages go out (write_pages).
  void flush();
  bool closed() const { return closed_; }
  const std::string& failure() const { return failure_; }

 private:
  void write_pages(bool all);
  bool write_chunk(std::string_view chunk);
  int fd_;
  bool regular_file_ = false;  // pages are padded only in a file (a pipe's writes are atomic)
  bool unpaged_ = false;       // neither a file nor a pipe or socket: written as it comes
  std::string pending_;
  std::string batch_;     // padded pages gathered for one write (write_pages)
  uint64_t written_ = 0;  // the output's offset: where the 4 KiB boundaries fall
  bool closed_ = false;
  std::string failure_;
};

class Sink {
 public:
  virtual ~Sink() = default;
  // Turns a file's records into output bytes. Thread-safe and run by the workers, so that
  // formatting scales with the cores and the single writer only copies bytes.
  virtual std::string render(const FileReport& report) const = 0;
  // Writer thread only: whole lines as render() made them.
  virtual void write(std::string_view rendered) = 0;
  virtual void summary(const Summary& summary) = 0;
  virtual bool closed() const = 0;  // the reader went away, or writing failed: stop scanning
  // Why writing failed (a full disk, an I/O error); empty when it did not, or when the
  // reader merely closed the pipe.
  virtual std::string failure() const = 0;
  void file(const FileReport& report) { write(render(report)); }
};

struct SinkOptions {
  std::string scan_id;
  bool reveal = false;
};

std::unique_ptr<Sink> make_jsonl_sink(int fd, SinkOptions options);
std::unique_ptr<Sink> make_text_sink(int fd, SinkOptions options);

// Shared by the sinks: user name for a uid (numeric when unknown), cached per thread.
std::string owner_name(uint32_t uid);
// Base64 (RFC 4648) for path_bytes.
std::string base64(std::string_view bytes);
// A lossless, readable rendering of a byte string that is not valid UTF-8: valid sequences
// stay, every other byte becomes \xHH.
std::string escape_invalid_utf8(std::string_view bytes);

}  // namespace gdprscan

namespace gdprscan {
// The few lines `--summary` and the text format print at the end.
std::string format_summary(const Summary& s);
}  // namespace gdprscan
