#include "scan_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "registry.h"
#include "sniff.h"
#include "walker.h"

namespace gdprscan {

namespace {

class FdSource final : public ByteSource {
 public:
  explicit FdSource(int fd) : fd_(fd) {}
  long read(char* buf, size_t n) override {
    size_t got = 0;
    while (got < n) {
      ssize_t r = ::read(fd_, buf + got, n - got);
      if (r < 0 && errno == EINTR) continue;
      if (r < 0 && errno == EAGAIN && got == 0) return -EAGAIN;
      if (r < 0) return got ? static_cast<long>(got) : -errno;
      if (r == 0) break;
      got += r;
    }
    return static_cast<long>(got);
  }

 private:
  int fd_;
};

class FileContext final : public ExtractContext {
 public:
  FileContext(const FileScanConfig& config, WorkerState& state, FileReport& report)
      : config_(config), state_(state), report_(report) {}

  std::unique_ptr<TextSink> open_text(LocationChain location) override {
    struct CountingScanner final : TextSink {
      CountingScanner(PieceScanner inner, FileContext& ctx) : inner(std::move(inner)), ctx(ctx) {
        this->inner.after_each_finding([&ctx] { ctx.maybe_flush_findings(); });
      }
      void write(std::string_view s) override { inner.write(s); }
      void finish() override {
        inner.finish();
        ctx.report_.text_bytes += inner.text_bytes();
      }
      void write_whole(std::string_view s) override {
        inner.write_whole(s);
        ctx.report_.text_bytes += inner.text_bytes();
      }
      PieceScanner inner;
      FileContext& ctx;
    };
    report_.scanned = true;
    return std::make_unique<CountingScanner>(
        PieceScanner(*config_.detector, state_.scratch, config_.policy, std::move(location), report_.findings), *this);
  }
  void maybe_flush_findings() {
    if (!config_.flush_findings || report_.findings.size() < config_.findings_batch) return;
    config_.flush_findings(report_);
    report_.findings.clear();
  }
  void problem(Problem p) override { report_.problems.push_back(std::move(p)); }
  void count_bytes_read(uint64_t n) override { report_.bytes_read += n; }
  std::vector<char>& read_buffer() override { return state_.buffer; }

 private:
  const FileScanConfig& config_;
  WorkerState& state_;
  FileReport& report_;
};

Problem problem(bool is_error, ProblemKind kind, std::string message) {
  Problem p;
  p.is_error = is_error;
  p.kind = kind;
  p.message = std::move(message);
  return p;
}

// Read-only, no access-time update where the kernel allows it (O_NOATIME needs ownership or
// CAP_FOWNER: quietly retried without), non-blocking so that a file swapped for a FIFO
// between walk and open cannot hang us. No locks are taken.
int open_for_scan(const std::string& path, bool follow_symlinks) {
  int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | O_NOATIME | (follow_symlinks ? 0 : O_NOFOLLOW);
  int fd = open(path.c_str(), flags);
  if (fd < 0 && errno == EPERM) fd = open(path.c_str(), flags & ~O_NOATIME);
  return fd;
}

}  // namespace

FileReport scan_file(const std::string& path, const FileScanConfig& config, WorkerState& state, bool is_root,
                     int open_fd) {
  FileReport report;
  report.file.path = path;
  int fd = open_fd >= 0 ? open_fd : open_for_scan(path, config.follow_symlinks || is_root);
  struct CloseOnExit {
    int fd;
    ~CloseOnExit() {
      if (fd >= 0) close(fd);
    }
  } guard{fd};  // also when an extractor throws
  if (fd < 0) {
    int err = errno;
    ProblemKind kind = problem_kind_for_errno(err);
    if (kind == ProblemKind::symlink_loop)  // O_NOFOLLOW: replaced by a symlink since the walk
      report.problems.push_back(problem(false, ProblemKind::symlink, "symlink not followed (use --follow-symlinks)"));
    else
      report.problems.push_back(problem(true, kind, std::string("open: ") + std::strerror(err)));
    return report;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    report.problems.push_back(problem(true, ProblemKind::io, std::string("stat: ") + std::strerror(errno)));
    return report;
  }
  report.file.have_stat = true;
  report.file.size = static_cast<uint64_t>(st.st_size);
  report.file.mtime = st.st_mtim.tv_sec;
  report.file.uid = st.st_uid;
  if (!S_ISREG(st.st_mode)) {
    report.problems.push_back(problem(false, ProblemKind::special_file, "not a regular file (FIFO, socket or device)"));
  } else if (report.file.size > config.max_filesize) {
    report.problems.push_back(problem(false, ProblemKind::too_large,
                                      "file is " + std::to_string(report.file.size) + " bytes, over --max-filesize " +
                                          std::to_string(config.max_filesize)));
  } else {
    // O_NONBLOCK stays: it changes nothing for files on disk, and a pseudo-file that would
    // block (/proc/kmsg) answers EAGAIN, which becomes an error record instead of a hang.
    state.buffer.resize(config.read_chunk);
    FdSource source(fd);
    long n = source.read(state.buffer.data(), state.buffer.size());
    if (n < 0) {
      report.problems.push_back(problem(true, problem_kind_for_errno(static_cast<int>(-n)),
                                        n == -EAGAIN ? "read would block (a pseudo-file such as /proc/kmsg): not scanned"
                                                     : std::string("read: ") + std::strerror(static_cast<int>(-n))));
    } else {
      report.bytes_read = n;
      std::string_view head(state.buffer.data(), n);
      ContentType type = sniff(head);
      if (ExtractFn extract = extractor_for(type)) {
        Item item{source, head, static_cast<size_t>(n) < state.buffer.size(), {}};
        FileContext ctx(config, state, report);
        extract(item, ctx);
      } else {
        report.problems.push_back(problem(false, ProblemKind::unsupported,
                                          std::string("no extractor for content type ") + to_string(type)));
      }
    }
  }
  return report;
}

std::vector<Finding> scan_text(std::string_view text, const Detector& detector, const ReportPolicy& policy,
                               MatchScratch& scratch) {
  std::vector<Finding> out;
  PieceScanner scanner(detector, scratch, policy, {}, out);
  scanner.write(text);
  scanner.finish();
  return out;
}

}  // namespace gdprscan
