#include "helper_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "piece_scanner.h"
#include "text_decode.h"

extern char** environ;

namespace gdprscan {

namespace {

// Frame: kind (1 byte), part count (u32), each part as u32 length + bytes, payload length
// (u64), payload. Both ends are this binary on this machine: native byte order.
constexpr uint32_t kMaxParts = 64;
constexpr uint32_t kMaxPartBytes = 64 * 1024;
constexpr char kHello = 'H', kEnd = 'E', kText = 'T', kChild = 'C', kProblem = 'P', kMail = 'M';
constexpr std::string_view kProtocol = "gdprscan-helper-1";

// ---------------------------------------------------------------- helper process side

bool write_all(int fd, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, data, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    data += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

template <typename T>
void put(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

}  // namespace

bool HelperOutput::frame(char kind, const LocationChain& parts, std::string_view payload) {
  std::string header(1, kind);
  put<uint32_t>(header, static_cast<uint32_t>(parts.size()));
  for (const std::string& part : parts) {
    std::string_view p(part.data(), std::min<size_t>(part.size(), kMaxPartBytes));
    put<uint32_t>(header, static_cast<uint32_t>(p.size()));
    header.append(p);
  }
  put<uint64_t>(header, payload.size());
  return write_all(fd_, header.data(), header.size()) && write_all(fd_, payload.data(), payload.size());
}

bool HelperOutput::text(const LocationChain& below, std::string_view utf8) {
  return utf8.empty() || frame(kText, below, utf8);
}
bool HelperOutput::child(const LocationChain& below, std::string_view bytes) {
  return bytes.empty() || frame(kChild, below, bytes);
}
bool HelperOutput::problem(ProblemKind kind, const LocationChain& below, std::string_view message) {
  std::string payload(1, static_cast<char>(kind));
  payload.append(message);
  return frame(kProblem, below, payload);
}
// Payload: from, date and the recipients, one per line.
bool HelperOutput::mail(const LocationChain& below, const MailFields& fields) {
  std::string payload = fields.from + "\n" + fields.date;
  for (const auto& to : fields.to) payload.append("\n").append(to);
  return frame(kMail, below, payload);
}

MailFields mail_from_payload(const std::string& payload) {
  MailFields fields;
  size_t start = 0;
  for (int line = 0; start <= payload.size(); ++line) {
    size_t end = std::min(payload.find('\n', start), payload.size());
    std::string value = payload.substr(start, end - start);
    if (line == 0) fields.from = std::move(value);
    else if (line == 1) fields.date = std::move(value);
    else if (!value.empty() && fields.to.size() < MailFields::kMaxRecipients) fields.to.push_back(std::move(value));
    start = end + 1;
  }
  return fields;
}

bool HelperOutput::hello() { return frame(kHello, {}, kProtocol); }
bool HelperOutput::end() { return frame(kEnd, {}, {}); }

int extract_helper_main(int argc, char** argv) {
  // A crash must not leave a core file (it would hold the mailbox's text) on disk.
  struct rlimit no_core {0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  // A damaged length field can make the library ask for any amount: cap the address space
  // so that it fails (and the file gets a record) instead of swapping the machine.
  struct rlimit memory {4ull << 30, 4ull << 30};
  setrlimit(RLIMIT_AS, &memory);
  signal(SIGPIPE, SIG_IGN);
  if (argc < 3) return 2;
  HelperOutput out(3);
  if (!out.hello()) return 0;
  std::string_view format = argv[2];
  if (format == "pst") pst_helper(out, 4);
  else if (format == "tnef") tnef_helper(out, 4);
  else return 2;
  out.end();
  return 0;
}

// ---------------------------------------------------------------- scan process side

namespace {

// The read end of the helper's pipe. Every wait is cut into slices of a second so that the
// file's time limit is noticed even while the library is stuck on one item.
class HelperPipe {
 public:
  HelperPipe(int fd, ExtractContext& ctx) : fd_(fd), ctx_(ctx) {}

  // Up to `n` bytes; 0 at the end of the stream, on an error or once the time is up.
  size_t read_some(char* buf, size_t n) {
    while (stopped_.empty()) {
      struct pollfd p {fd_, POLLIN, 0};
      int ready = poll(&p, 1, 1000);
      if (std::string why = ctx_.time_check(); !why.empty()) {
        stopped_ = why;
        return 0;
      }
      if (ready < 0 && errno == EINTR) continue;
      if (ready == 0) continue;
      ssize_t r = ::read(fd_, buf, n);
      if (r < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (r <= 0) return 0;
      return static_cast<size_t>(r);
    }
    return 0;
  }
  bool read_exact(char* buf, size_t n) {
    while (n > 0) {
      size_t got = read_some(buf, n);
      if (got == 0) return false;
      buf += got;
      n -= got;
    }
    return true;
  }
  template <typename T>
  bool get(T& value) {
    return read_exact(reinterpret_cast<char*>(&value), sizeof value);
  }
  // Non-empty once the file's time limit stopped the reading.
  const std::string& stopped() const { return stopped_; }

 private:
  int fd_;
  ExtractContext& ctx_;
  std::string stopped_;
};

// A frame's payload as a ByteSource, read straight from the pipe: a large attachment is
// never held twice.
class PayloadSource final : public ByteSource {
 public:
  PayloadSource(HelperPipe& pipe, uint64_t size) : pipe_(pipe), left_(size) {}
  long read(char* buf, size_t n) override {
    size_t take = static_cast<size_t>(std::min<uint64_t>(n, left_));
    if (take == 0) return 0;
    size_t got = pipe_.read_some(buf, take);
    if (got == 0) {
      broken_ = true;
      left_ = 0;
      return -EPIPE;
    }
    left_ -= got;
    return static_cast<long>(got);
  }
  // Skips what the reader did not want, so that the next frame starts where it should.
  bool drain() {
    char buf[64 * 1024];
    while (left_ > 0 && !broken_) {
      if (read(buf, sizeof buf) <= 0) break;
    }
    return !broken_;
  }

 private:
  HelperPipe& pipe_;
  uint64_t left_;
  bool broken_ = false;
};

struct Frame {
  char kind = 0;
  LocationChain parts;
  uint64_t payload = 0;
};

bool read_frame(HelperPipe& pipe, Frame& f) {
  uint32_t count = 0;
  if (!pipe.get(f.kind) || !pipe.get(count) || count > kMaxParts) return false;
  f.parts.assign(count, {});
  for (std::string& part : f.parts) {
    uint32_t len = 0;
    if (!pipe.get(len) || len > kMaxPartBytes) return false;
    part.resize(len);
    if (!pipe.read_exact(part.data(), len)) return false;
  }
  return pipe.get(f.payload);
}

bool read_payload(HelperPipe& pipe, uint64_t size, std::string& out, uint64_t max) {
  if (size > max) return false;
  out.resize(size);
  return pipe.read_exact(out.data(), size);
}

LocationChain below_item(const Item& item, const LocationChain& parts) {
  LocationChain where = item.location;
  where.insert(where.end(), parts.begin(), parts.end());
  return where;
}

// Streams a text frame into its own piece.
bool forward_text(HelperPipe& pipe, const Frame& f, Item& item, ExtractContext& ctx) {
  std::unique_ptr<TextSink> sink = ctx.open_text(below_item(item, f.parts));
  if (f.payload <= (1u << 20)) {  // a body: handed over whole, so it can be matched on another thread
    std::string text;
    if (!read_payload(pipe, f.payload, text, 1u << 20)) return false;
    sink->write_whole(text);
    return true;
  }
  PayloadSource payload(pipe, f.payload);
  std::vector<char> buf(64 * 1024);
  for (long n; (n = payload.read(buf.data(), buf.size())) > 0;) sink->write(std::string_view(buf.data(), n));
  sink->finish();
  return payload.drain();
}

enum class Outcome { finished, stopped, broken };

// Reads frames until the helper ends, the budget is spent or the stream breaks.
Outcome forward_frames(HelperPipe& pipe, Item& item, ExtractContext& ctx, uint64_t& items) {
  Frame hello;
  std::string text;
  if (!read_frame(pipe, hello) || hello.kind != kHello || !read_payload(pipe, hello.payload, text, 64) ||
      text != kProtocol)
    return Outcome::broken;
  for (Frame f; read_frame(pipe, f);) {
    switch (f.kind) {
      case kEnd: return Outcome::finished;
      case kText:
        ++items;
        if (!forward_text(pipe, f, item, ctx)) return Outcome::broken;
        break;
      case kChild: {
        PayloadSource payload(pipe, f.payload);
        bool more = ctx.child_at(f.parts, payload, static_cast<int64_t>(f.payload));
        if (!payload.drain()) return Outcome::broken;
        if (!more) return Outcome::stopped;
        break;
      }
      case kMail:
        if (!read_payload(pipe, f.payload, text, 64 * 1024)) return Outcome::broken;
        ctx.mail_message(below_item(item, f.parts), mail_from_payload(text));
        break;
      case kProblem: {
        if (!read_payload(pipe, f.payload, text, 64 * 1024) || text.empty()) return Outcome::broken;
        auto kind = static_cast<ProblemKind>(static_cast<unsigned char>(text[0]));
        ctx.problem(Problem{kind != ProblemKind::unsupported, kind, below_item(item, f.parts), text.substr(1)});
        break;
      }
      default: return Outcome::broken;
    }
  }
  return pipe.stopped().empty() ? Outcome::broken : Outcome::stopped;
}

// The item as a descriptor the helper can read at random: the file on disk itself, or a
// memfd holding a member's bytes (memory, never disk), within the file's byte budget.
int item_descriptor(Item& item, bool& owned) {
  owned = false;
  if (int fd = item.source.descriptor(); fd >= 0) return fd;
  int fd = memfd_create("gdprscan-member", MFD_CLOEXEC);
  if (fd < 0) return -1;
  owned = true;
  bool ok = write_all(fd, item.head.data(), item.head.size());
  if (!item.head_is_all) {
    std::vector<char> buf(64 * 1024);
    for (long n; ok && (n = item.source.read(buf.data(), buf.size())) > 0;) ok = write_all(fd, buf.data(), n);
  }
  if (!ok) {
    close(fd);
    return -1;
  }
  return fd;
}

std::string describe_status(int status) {
  if (WIFSIGNALED(status)) return std::string("the reader crashed (signal ").append(std::to_string(WTERMSIG(status))).append(")");
  return std::string("the reader gave up (exit status ").append(std::to_string(WEXITSTATUS(status))).append(")");
}

pid_t spawn_helper(const char* format, int input, int output) {
  // High descriptor numbers first, so that the dup2 calls below cannot clobber each other.
  int in = fcntl(input, F_DUPFD_CLOEXEC, 10), out = fcntl(output, F_DUPFD_CLOEXEC, 10);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out, 3);
  posix_spawn_file_actions_adddup2(&actions, in, 4);
  char arg0[] = "gdprscan";
  std::string command = kHelperCommand, type = format;
  char* argv[] = {arg0, command.data(), type.data(), nullptr};
  pid_t pid = -1;
  int rc = (in < 0 || out < 0) ? EBADF : posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (in >= 0) close(in);
  if (out >= 0) close(out);
  if (rc != 0) {
    errno = rc;
    return -1;
  }
  return pid;
}

}  // namespace

void run_extract_helper(Item& item, ExtractContext& ctx, const char* format, const char* what) {
  auto report = [&](bool is_error, ProblemKind kind, std::string message) {
    ctx.problem(Problem{is_error, kind, item.location, std::move(message)});
  };
  bool owned = false;
  int input = item_descriptor(item, owned);
  if (input < 0) {
    report(true, ProblemKind::io, std::string("cannot hand this ").append(what).append(" to its reader: ").append(std::strerror(errno)));
    return;
  }
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    if (owned) close(input);
    report(true, ProblemKind::io, std::string("pipe: ").append(std::strerror(errno)));
    return;
  }
  pid_t pid = spawn_helper(format, input, pipe_fds[1]);
  int spawn_errno = errno;
  close(pipe_fds[1]);
  if (owned) close(input);
  if (pid < 0) {
    close(pipe_fds[0]);
    report(true, ProblemKind::io, std::string("cannot start the ").append(what).append(" reader: ").append(std::strerror(spawn_errno)));
    return;
  }
  HelperPipe pipe(pipe_fds[0], ctx);
  uint64_t items = 0;
  Outcome outcome = forward_frames(pipe, item, ctx, items);
  if (outcome != Outcome::finished) kill(pid, SIGKILL);  // our own child, by its pid
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!pipe.stopped().empty()) report(true, ProblemKind::limit_exceeded, pipe.stopped());
  else if (outcome == Outcome::broken)
    report(true, ProblemKind::corrupt,
           std::string("damaged ").append(what).append(": ").append(describe_status(status)).append(" after ")
               .append(std::to_string(items)).append(" pieces of text; what was read before is scanned"));
  if (int fd = item.source.descriptor(); fd >= 0) {
    struct stat st;
    if (fstat(fd, &st) == 0 && static_cast<uint64_t>(st.st_size) > item.head.size())
      ctx.count_bytes_read(static_cast<uint64_t>(st.st_size) - item.head.size());
  }
}

}  // namespace gdprscan
