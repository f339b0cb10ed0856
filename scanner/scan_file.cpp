#include "scan_file.h"
#include "text_decode.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <tbb/task_arena.h>
#include <tbb/task_group.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>

#include "budget.h"
#include "registry.h"
#include "sniff.h"
#include "walker.h"
#include "zip_layout.h"

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
  int64_t seek(int64_t offset, int whence) override { return lseek(fd_, offset, whence); }
  bool seekable() const override { return true; }
  int descriptor() const override { return fd_; }

 private:
  int fd_;
};

Problem make_problem(bool is_error, ProblemKind kind, std::string message, LocationChain location = {});

// Counts what a child expands to against the top-level file's budget; past a limit it
// reports end of data (the caller then records limit_exceeded).
class BudgetedSource final : public ByteSource {
 public:
  BudgetedSource(ByteSource& inner, Budget& budget) : inner_(inner), budget_(budget) {}
  long read(char* buf, size_t n) override {
    if (!stopped_.empty()) return 0;
    long got = inner_.read(buf, n);
    if (got > 0) stopped_ = budget_.charge_bytes(static_cast<uint64_t>(got));
    return got;
  }
  int64_t seek(int64_t offset, int whence) override { return inner_.seek(offset, whence); }
  bool seekable() const override { return inner_.seekable(); }
  const std::string& stopped() const { return stopped_; }

 private:
  ByteSource& inner_;
  Budget& budget_;
  std::string stopped_;
};

// What one top-level file's scan shares between the threads that scan its children.
struct SharedScan {
  const FileScanConfig& config;
  FileReport& report;
  Budget budget;
  std::mutex mutex;                        // guards report
  std::atomic<uint64_t> buffered_bytes{0};  // children copied for parallel scanning
  std::atomic<bool> examined{false};        // an extractor ran on the file
  // --special-scope document: terms with no identifier nearby wait for the file's end, and
  // are reported with its first person identifier if it has one.
  std::vector<Finding> pending_terms;
  std::vector<std::string> first_identifier;  // {rule id, fingerprint} or empty

  void pair_with_document() {
    for (auto& f : pending_terms) {
      if (first_identifier.empty()) break;
      f.awaiting_pair = false;
      f.paired_detector = first_identifier[0];
      f.paired_fingerprint = first_identifier[1];
      std::replace(f.signals.begin(), f.signals.end(), std::string("awaiting_document_pair"),
                   "paired_in_document:" + first_identifier[0]);
      report.findings.push_back(std::move(f));
    }
    pending_terms.clear();
  }

  // Moves a context's findings and problems into the report; hands a full batch on unless
  // this is the file's last merge.
  void merge(std::vector<Finding>& findings, std::vector<Problem>& problems, uint64_t text_bytes, bool scanned,
             bool final_merge) {
    std::lock_guard lock(mutex);
    report.text_bytes += text_bytes;
    report.scanned = report.scanned || scanned;
    for (auto& p : problems) report.problems.push_back(std::move(p));
    problems.clear();
    bool plain = std::none_of(findings.begin(), findings.end(),
                              [](const Finding& f) { return f.awaiting_pair || f.anchor_only; });
    if (plain && first_identifier.empty()) {
      auto person = std::find_if(findings.begin(), findings.end(), [](const Finding& f) { return f.identifies_person; });
      if (person != findings.end()) first_identifier = {person->detector, person->fingerprint};
    }
    if (plain && report.findings.empty()) report.findings.swap(findings);  // a citizen list's million, not moved one by one
    for (auto& f : findings) {
      if (f.awaiting_pair) {
        pending_terms.push_back(std::move(f));
        continue;
      }
      if (first_identifier.empty() && f.identifies_person)
        first_identifier = {f.detector, f.fingerprint};
      if (!f.anchor_only) report.findings.push_back(std::move(f));
    }
    findings.clear();
    if (final_merge) pair_with_document();
    if (config.flush_findings && report.findings.size() >= config.findings_batch && !final_merge) {
      // Only the findings go out early; problems stay for the file's final report.
      FileReport batch;
      batch.file = report.file;
      batch.findings = std::move(report.findings);
      report.findings.clear();
      config.flush_findings(batch);
    }
  }
};

constexpr size_t kParallelChildMax = 8u << 20;     // children up to this size are copied ...
constexpr uint64_t kBufferedChildrenMax = 16u << 20;  // ... while a file's copies stay below this
// Whole text pieces are matched on other threads in batches of about this many bytes: one
// 2 KiB mail body takes about 2 µs to match, less than a task costs.
constexpr size_t kPieceBatchBytes = 256u << 10;

// The context of one item: the top-level file or a child at any depth. Findings are
// collected here and merged into the file's report; children run in this context's task
// group (in parallel) or in place.
class ScanContext final : public ExtractContext {
 public:
  // `mail`: the mail this item is part of (an attachment's), if any.
  ScanContext(SharedScan& shared, WorkerState& state, LocationChain location, int depth,
              std::shared_ptr<const MailFields> mail = nullptr)
      : shared_(shared), state_(state), location_(std::move(location)), depth_(depth), inherited_mail_(std::move(mail)) {}

  ~ScanContext() noexcept override {
    submit_batch();
    if (group_) group_->wait();
    // Children hand full batches on as they finish; the file's own last batch goes out
    // with its report.
    shared_.merge(findings_, problems_, text_bytes_, scanned_, depth_ == 0);
  }

  const LocationChain& location() const { return location_; }
  void mark_examined() { shared_.examined = true; }
  WorkerState& state() { return state_; }
  void wait_for_children() {
    submit_batch();
    if (group_) group_->wait();
  }

  std::unique_ptr<TextSink> open_text(LocationChain location) override {
    // Streamed text is matched as it arrives; a piece handed over whole (a mail body, a
    // sheet, a slide) may be matched on another thread (match_in_parallel), so that one
    // mailbox or workbook uses every core.
    struct CountingScanner final : TextSink {
      CountingScanner(ScanContext& ctx, LocationChain location) : ctx(ctx), location(std::move(location)) {}
      PieceScanner& inner() {
        if (!scanner) {
          const FileScanConfig& config = ctx.shared_.config;
          scanner.emplace(*config.detector, ctx.state_.scratch, config.policy, location, ctx.findings_);
          if (resolver) scanner->locate_by_offset(resolver);
          if (adjust) scanner->adjust_by_offset(adjust);
          scanner->after_each_finding([this] {
            ctx.findings_.back().mail = ctx.mail_at(ctx.findings_.back().location);
            ctx.maybe_flush_findings();
          });
        }
        return *scanner;
      }
      void write(std::string_view s) override { inner().write(s); }
      void finish() override {
        inner().finish();
        ctx.text_bytes_ += scanner->text_bytes();
      }
      void write_whole(std::string_view s) override {
        if (ctx.match_in_parallel(s, location, resolver, adjust)) return;
        inner().write_whole(s);
        ctx.text_bytes_ += scanner->text_bytes();
      }
      void locate_by_offset(std::function<LocationChain(uint64_t)> r) override { resolver = std::move(r); }
      void adjust_by_offset(std::function<std::optional<ConfidenceAdjustment>(uint64_t)> a) override { adjust = std::move(a); }
      ScanContext& ctx;
      LocationChain location;
      std::function<LocationChain(uint64_t)> resolver;
      std::function<std::optional<ConfidenceAdjustment>(uint64_t)> adjust;
      std::optional<PieceScanner> scanner;
    };
    scanned_ = true;
    return std::make_unique<CountingScanner>(*this, std::move(location));
  }

  // Matches a whole piece on whichever thread is free, if it is small enough to copy and the
  // file's copies stay within bounds; false: match it here. Small pieces (a mail body, a
  // slide) are gathered into batches first, so that the task is worth its cost.
  bool match_in_parallel(std::string_view text, const LocationChain& location,
                         const std::function<LocationChain(uint64_t)>& resolver,
                         const std::function<std::optional<ConfidenceAdjustment>(uint64_t)>& adjust) {
    // A one-piece item (a text file) is matched here: files already run in parallel, and the
    // copy would be all cost. From an item's second piece on (a mailbox, a workbook) pieces
    // are batched, and only when there is another thread to take them.
    if (!shared_.config.workers || text.size() > kParallelChildMax || pieces_seen_++ == 0 ||
        tbb::this_task_arena::max_concurrency() < 2)
      return false;
    batch_.push_back({std::string(text), location, resolver, adjust, mail_at(location)});
    batch_bytes_ += text.size();
    if (batch_bytes_ >= kPieceBatchBytes) submit_batch();
    return true;
  }

  void submit_batch() {
    if (batch_.empty()) return;
    auto pieces = std::make_shared<std::vector<PendingPiece>>(std::move(batch_));
    uint64_t size = batch_bytes_;
    batch_.clear();
    batch_bytes_ = 0;
    SharedScan& shared = shared_;
    if ((shared.buffered_bytes += size) > kBufferedChildrenMax) {  // too much in flight: match here
      shared.buffered_bytes -= size;
      match_pieces(shared, state_, *pieces);
      return;
    }
    if (!group_) group_.emplace();
    group_->run([&shared, pieces, size] {
      match_pieces(shared, shared.config.workers->local(), *pieces);
      shared.buffered_bytes -= size;
    });
  }

  struct PendingPiece {
    std::string text;
    LocationChain location;
    std::function<LocationChain(uint64_t)> resolver;
    std::function<std::optional<ConfidenceAdjustment>(uint64_t)> adjust;
    std::shared_ptr<const MailFields> mail;
  };

  static void match_pieces(SharedScan& shared, WorkerState& state, std::vector<PendingPiece>& pieces) {
    std::vector<Finding> found;
    std::vector<Problem> none;
    uint64_t text_bytes = 0;
    for (PendingPiece& piece : pieces) {
      size_t first = found.size();
      PieceScanner scanner(*shared.config.detector, state.scratch, shared.config.policy, piece.location, found);
      if (piece.resolver) scanner.locate_by_offset(piece.resolver);
      if (piece.adjust) scanner.adjust_by_offset(piece.adjust);
      scanner.write_whole(piece.text);
      text_bytes += scanner.text_bytes();
      for (size_t i = first; i < found.size(); ++i) found[i].mail = piece.mail;
    }
    shared.merge(found, none, text_bytes, true, false);
  }

  void maybe_flush_findings() {
    if (findings_.size() >= shared_.config.findings_batch) shared_.merge(findings_, problems_, 0, false, false);
  }

  void problem(Problem p) override {
    // Once a limit has cut a stream short, the readers below it see a truncated member or
    // archive: that is the limit's doing, already reported, not damage.
    if (shared_.budget.exhausted() && (p.kind == ProblemKind::corrupt || p.kind == ProblemKind::io)) return;
    problems_.push_back(std::move(p));
  }

  void document_properties(const LocationChain& where, std::string author, std::string last_modified_by) override {
    if (!where.empty()) return;
    for (std::string* s : {&author, &last_modified_by}) {  // a person's name, shown as is but bounded and valid
      if (s->size() > 200) s->resize(utf8_complete_prefix(std::string_view(*s).substr(0, 200)));
      if (!is_valid_utf8(*s)) {
        std::string repaired;
        append_utf8_repaired(*s, repaired);
        *s = std::move(repaired);
      }
    }
    std::lock_guard lock(shared_.mutex);
    FileInfo& file = shared_.report.file;
    if (!author.empty()) file.doc_author = std::move(author);
    if (!last_modified_by.empty()) file.doc_last_modified_by = std::move(last_modified_by);
  }

  void count_bytes_read(uint64_t n) override {
    if (depth_ == 0) {  // bytes from disk; children's bytes are charged to the budget
      std::lock_guard lock(shared_.mutex);
      FileReport& r = shared_.report;
      // A seekable archive is read again from its start (after its index at the end):
      // bytes_read counts the file at most once.
      r.bytes_read = std::min(r.bytes_read + n, std::max<uint64_t>(r.file.size, r.bytes_read));
    }
  }

  std::vector<char>& read_buffer() override {
    if (depth_ == 0) return state_.buffer;
    own_buffer_.resize(shared_.config.read_chunk);
    return own_buffer_;
  }

  void mailbox_store() override {
    if (depth_ == 0) shared_.budget.widen_for_mailbox_store();
  }
  void mail_message(const LocationChain& where, MailFields fields) override {
    // Only the messages enclosing this one stay: a sibling's findings are all made by now.
    std::erase_if(mails_, [&](const auto& m) { return !is_prefix(m.first, where); });
    mails_.emplace_back(where, std::make_shared<const MailFields>(std::move(fields)));
  }
  // The innermost mail enclosing `location`.
  std::shared_ptr<const MailFields> mail_at(const LocationChain& location) const {
    const std::shared_ptr<const MailFields>* best = &inherited_mail_;
    size_t best_length = 0;
    for (const auto& [where, fields] : mails_)
      if (is_prefix(where, location) && (where.size() >= best_length)) {
        best = &fields;
        best_length = where.size();
      }
    return *best;
  }
  uint64_t whole_item_limit() const override { return depth_ == 0 ? shared_.config.max_whole_file : UINT64_MAX; }

  bool child_at(const LocationChain& below, ByteSource& source, int64_t size) override;
  std::string time_check() const override { return shared_.budget.time_left(); }
  uint64_t max_buffered() const { return shared_.config.limits.max_bytes; }

 private:
  SharedScan& shared_;
  WorkerState& state_;
  LocationChain location_;
  int depth_;
  std::vector<Finding> findings_;
  std::vector<Problem> problems_;
  uint64_t text_bytes_ = 0;
  bool scanned_ = false;
  std::vector<char> own_buffer_;
  std::optional<tbb::task_group> group_;  // made on the first parallel child: most files have none
  std::shared_ptr<const MailFields> inherited_mail_;  // the mail this item is part of
  std::vector<PendingPiece> batch_;  // whole pieces gathered for match_in_parallel
  uint64_t batch_bytes_ = 0;
  uint64_t pieces_seen_ = 0;
  std::vector<std::pair<LocationChain, std::shared_ptr<const MailFields>>> mails_;  // messages in this item

  static bool is_prefix(const LocationChain& prefix, const LocationChain& of) {
    return prefix.size() <= of.size() && std::equal(prefix.begin(), prefix.end(), of.begin());
  }
};

// Formats whose extractors hand children back (ExtractContext::child).
bool is_container(ContentType type) {
  switch (type) {
    case ContentType::text:
    case ContentType::html:
    case ContentType::xml:
    case ContentType::rtf: return false;
    default: return true;
  }
}

// A zip with something in front of it (a self-extractor's stub, `cat stub a.zip`) begins
// with the stub's magic; its index at the end still says it is a zip, and unzip and
// libarchive read it so. Only where the sniffed type has no extractor of its own, and only
// the last 4 KiB are searched (a zip comment up to 4 KB): every executable and unknown
// binary on a share pays this one small read at its end.
ContentType zip_behind_a_stub(ContentType sniffed, ByteSource& source) {
  if ((sniffed != ContentType::executable && sniffed != ContentType::binary) || !source.seekable()) return sniffed;
  ZipLayout layout = read_zip_layout(source, 4096);
  return layout.parsed && layout.entries > 0 ? ContentType::zip : sniffed;
}

// Sniffs `source` (its first bytes are `head`), runs the matching extractor in `ctx`, and
// waits for the children it spawned.
void scan_source(ByteSource& source, std::string_view head, bool head_is_all, const std::string& name,
                 ScanContext& ctx) {
  ContentType type = zip_behind_a_stub(sniff(head), source);
  ExtractFn extract = extractor_for(type);
  if (!extract) {
    ctx.problem(make_problem(false, ProblemKind::unsupported, std::string("no extractor for content type ") + to_string(type),
                        ctx.location()));
    return;
  }
  // 7z keeps its index at the end: a member streamed from another container is held in
  // memory first (within the file's byte budget) so that it can be read at random.
  std::string held;
  std::unique_ptr<MemorySource> memory;
  if (type == ContentType::seven_zip && !source.seekable() && !head_is_all) {
    held.assign(head);
    std::vector<char> buf(64 * 1024);
    for (long n; (n = source.read(buf.data(), buf.size())) > 0 && held.size() <= ctx.max_buffered();)
      held.append(buf.data(), static_cast<size_t>(n));
    memory = std::make_unique<MemorySource>(held);
    memory->seek(static_cast<int64_t>(head.size()), SEEK_SET);
    Item item{*memory, std::string_view(held).substr(0, head.size()), false, ctx.location(), name};
    ctx.mark_examined();
    tbb::this_task_arena::isolate([&] {
      extract(item, ctx);
      ctx.wait_for_children();
    });
    return;
  }
  Item item{source, head, head_is_all, ctx.location(), name};
  ctx.mark_examined();
  if (!is_container(type)) {  // no children: nothing to wait for, nothing to isolate
    extract(item, ctx);
    return;
  }
  // Isolated: while this thread waits for the children, it may run them, but never another
  // file's pipeline task, which would reuse this thread's WorkerState (read buffer, where
  // the head may still be in use, and Hyperscan scratch).
  tbb::this_task_arena::isolate([&] {
    extract(item, ctx);
    ctx.wait_for_children();
  });
}

void scan_child_in_place(SharedScan& shared, WorkerState& state, LocationChain location, int depth,
                         ByteSource& source, const std::string& name, std::shared_ptr<const MailFields> mail) {
  ScanContext ctx(shared, state, std::move(location), depth, std::move(mail));
  std::vector<char> head(shared.config.read_chunk);
  long n = source.read(head.data(), head.size());
  if (n < 0) {
    ctx.problem(make_problem(true, ProblemKind::corrupt, "cannot read this member: " + std::string(std::strerror(static_cast<int>(-n))),
                        ctx.location()));
    return;
  }
  scan_source(source, std::string_view(head.data(), n), static_cast<size_t>(n) < head.size(), name, ctx);
}

bool ScanContext::child_at(const LocationChain& below, ByteSource& source, int64_t size) {
  LocationChain location = location_;
  location.insert(location.end(), below.begin(), below.end());
  const std::string name = below.empty() ? std::string() : below.back();
  Budget& budget = shared_.budget;
  if (std::string why = budget.admit_child(depth_ + 1); !why.empty()) {
    if (budget.first_refusal(why)) problems_.push_back(make_problem(true, ProblemKind::limit_exceeded, why, location));
    return !budget.exhausted() && why.rfind("nesting", 0) == 0;  // too deep: the next member may be fine
  }
  BudgetedSource budgeted(source, budget);
  auto record_limit = [&] {
    if (budgeted.stopped().empty()) return;
    budget.set_exhausted();
    if (budget.first_refusal(budgeted.stopped()))
      problems_.push_back(make_problem(true, ProblemKind::limit_exceeded, budgeted.stopped(), location));
  };
  bool small = size >= 0 && static_cast<uint64_t>(size) <= kParallelChildMax;
  if (small && (shared_.buffered_bytes += size) <= kBufferedChildrenMax) {
    // Copy now (the container's reader moves on), scan on whichever thread is free.
    auto data = std::make_shared<std::string>();
    data->reserve(size);
    // Not read_buffer(): at depth 0 it holds the file's head, which the container's reader
    // may still be using.
    std::vector<char> buf(64 * 1024);
    bool lied = false;
    for (long n; (n = budgeted.read(buf.data(), buf.size())) > 0;) {
      if (data->size() + n > static_cast<uint64_t>(size)) {  // bigger than the archive says
        data->append(buf.data(), static_cast<size_t>(size) - data->size());  // scanned up to there
        lied = true;
        break;
      }
      data->append(buf.data(), n);
    }
    record_limit();
    if (lied)
      problems_.push_back(make_problem(true, ProblemKind::limit_exceeded,
                                       "member is larger than its archive declares (" + std::to_string(size) +
                                           " bytes): scanned up to there; a crafted archive?",
                                       location));
    SharedScan& shared = shared_;
    int depth = depth_ + 1;
    if (!group_) group_.emplace();
    group_->run([&shared, data, location, depth, name, size, mail = mail_at(location)] {
      WorkerState& state = shared.config.workers->local();
      try {
        MemorySource memory(*data);
        scan_child_in_place(shared, state, location, depth, memory, name, mail);
      } catch (const std::exception& e) {
        std::vector<Finding> none;
        std::vector<Problem> p{make_problem(true, ProblemKind::io, std::string("internal error: ") + e.what(), location)};
        shared.merge(none, p, 0, false, false);
      }
      shared.buffered_bytes -= size;
    });
    return !budget.exhausted();
  }
  if (small) shared_.buffered_bytes -= size;
  scan_child_in_place(shared_, state_, location, depth_ + 1, budgeted, name, mail_at(location));
  record_limit();
  return !budget.exhausted();
}

Problem make_problem(bool is_error, ProblemKind kind, std::string message, LocationChain location) {
  Problem p;
  p.is_error = is_error;
  p.kind = kind;
  p.location = std::move(location);
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
      report.problems.push_back(make_problem(false, ProblemKind::symlink, "symlink not followed (use --follow-symlinks)"));
    else
      report.problems.push_back(make_problem(true, kind, std::string("open: ") + std::strerror(err)));
    return report;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    report.problems.push_back(make_problem(true, ProblemKind::io, std::string("stat: ") + std::strerror(errno)));
    return report;
  }
  report.file.have_stat = true;
  report.file.size = static_cast<uint64_t>(st.st_size);
  report.file.mtime = st.st_mtim.tv_sec;
  report.file.uid = st.st_uid;
  if (!S_ISREG(st.st_mode)) {
    report.problems.push_back(make_problem(false, ProblemKind::special_file, "not a regular file (FIFO, socket or device)"));
  } else if (report.file.size > config.max_filesize) {
    report.problems.push_back(make_problem(false, ProblemKind::too_large,
                                      "file is " + std::to_string(report.file.size) + " bytes, over --max-filesize " +
                                          std::to_string(config.max_filesize)));
  } else {
    // O_NONBLOCK stays: it changes nothing for files on disk, and a pseudo-file that would
    // block (/proc/kmsg) answers EAGAIN, which becomes an error record instead of a hang.
    state.buffer.resize(config.read_chunk);
    FdSource source(fd);
    long n = source.read(state.buffer.data(), state.buffer.size());
    if (n < 0) {
      report.problems.push_back(make_problem(true, problem_kind_for_errno(static_cast<int>(-n)),
                                        n == -EAGAIN ? "read would block (a pseudo-file such as /proc/kmsg): not scanned"
                                                     : std::string("read: ") + std::strerror(static_cast<int>(-n))));
    } else {
      report.bytes_read = n;
      SharedScan shared{config, report, Budget(config.limits, report.file.size), {}, {}, {}, {}, {}};
      {
        ScanContext ctx(shared, state, {}, 0);
        size_t slash = path.rfind('/');
        scan_source(source, std::string_view(state.buffer.data(), n), static_cast<size_t>(n) < state.buffer.size(),
                    slash == std::string::npos ? path : path.substr(slash + 1), ctx);
      }
      // Scanned: text was matched, or an extractor looked at it and found nothing wrong (an
      // archive of pictures, an empty document). An unreadable archive is a failure.
      bool any_error = std::any_of(report.problems.begin(), report.problems.end(),
                                   [](const Problem& p) { return p.is_error && p.location.empty(); });
      if (!report.scanned && shared.examined && !any_error) report.scanned = true;
      uint64_t recorded = std::count_if(report.problems.begin(), report.problems.end(),
                                        [](const Problem& p) { return p.kind == ProblemKind::limit_exceeded; });
      if (uint64_t more = shared.budget.refusals(); more > recorded)
        report.problems.push_back(make_problem(true, ProblemKind::limit_exceeded,
                                               std::to_string(more - recorded) +
                                                   " further members were not scanned after the limits above"));
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
