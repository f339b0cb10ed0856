#include "pipeline.h"

#include <openssl/rand.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <chrono>
#include <ctime>
#include <memory>
#include <thread>

namespace gdprscan {

std::string new_scan_id() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) {
    auto now = std::chrono::system_clock::now().time_since_epoch().count();
    for (int i = 0; i < 16; ++i) b[i] = static_cast<unsigned char>(now >> ((i % 8) * 8));
  }
  b[6] = (b[6] & 0x0F) | 0x40;  // UUID version 4
  b[8] = (b[8] & 0x3F) | 0x80;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[b[i] >> 4];
    out += kHex[b[i] & 15];
  }
  return out;
}

std::string rfc3339_utc_now() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

namespace {

void tally_findings(const FileReport& r, Summary& s) {
  for (const Finding& f : r.findings) ++s.findings_by_detector[f.detector];
  s.findings += r.findings.size();
}

void tally(const FileReport& r, Summary& s) {
  tally_findings(r, s);
  if (r.is_directory) {
    for (const Problem& p : r.problems) {
      (p.is_error ? s.errors_by_kind : s.skipped_by_kind)[to_string(p.kind)]++;
      ++(p.is_error ? s.directories_failed : s.directories_skipped);
    }
    return;
  }
  ++s.files_seen;
  s.bytes_read += r.bytes_read;
  s.text_bytes += r.text_bytes;
  bool failed = false, skipped = false;
  for (const Problem& p : r.problems) {
    (p.is_error ? s.errors_by_kind : s.skipped_by_kind)[to_string(p.kind)]++;
    (p.is_error ? failed : skipped) = true;
  }
  // A file counts once: scanned (even if partly, with an error record beside it), else
  // failed, else skipped.
  if (r.scanned) ++s.files_scanned;
  else if (failed) ++s.files_failed;
  else if (skipped) ++s.files_skipped;
}

}  // namespace

Summary run_scan(const ScanOptions& options, Sink& sink, ScanProgress* progress) {
  Summary summary;
  summary.scan_id = options.scan_id;
  summary.version = options.version;
  summary.roots = options.roots;
  summary.started_at = rfc3339_utc_now();
  auto t0 = std::chrono::steady_clock::now();

  size_t threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  tbb::enumerable_thread_specific<WorkerState> workers;
  Walker walker(options.roots, options.walk);
  std::atomic<bool> stop{false};  // set by the writer, read by the enumerator
  // The writer stage is serial, but a worker may hand on a batch of findings of a huge file
  // early (FileScanConfig::flush_findings): both go through this lock, one line at a time.
  std::mutex sink_mutex;
  FileScanConfig file_config = options.file;
  file_config.workers = &workers;
  file_config.flush_findings = [&](const FileReport& partial) {
    std::string rendered = sink.render(partial);
    std::lock_guard lock(sink_mutex);
    tally_findings(partial, summary);
    if (!stop) sink.write(rendered);
    if (sink.closed()) stop = true;
  };

  auto enumerate = [&](tbb::flow_control& fc) -> WalkEntry* {
    auto entry = std::make_unique<WalkEntry>();
    if (stop || !walker.next(*entry)) {
      fc.stop();
      return nullptr;
    }
    return entry.release();
  };
  auto scan_entry = [&](WalkEntry* raw) -> FileReport* {
    std::unique_ptr<WalkEntry> entry(raw);
    if (entry->kind == WalkEntry::Kind::problem) {
      auto r = std::make_unique<FileReport>();
      r->file.path = entry->path;
      r->is_directory = entry->is_directory;
      r->problems.push_back(std::move(entry->problem));
      return r.release();
    }
    try {
      return new FileReport(scan_file(entry->path, file_config, workers.local(), entry->is_root, entry->fd));
    } catch (const std::exception& e) {
      // One bad file never stops the scan. Messages from our own code never carry a value.
      auto r = std::make_unique<FileReport>();
      r->file.path = entry->path;
      r->problems.push_back(Problem{true, ProblemKind::io, {}, std::string("internal error: ") + e.what()});
      return r.release();
    }
  };
  auto work = [&](WalkEntry* raw) -> FileReport* {
    FileReport* report = scan_entry(raw);
    report->rendered = sink.render(*report);
    return report;
  };
  auto write = [&](FileReport* raw) {
    std::unique_ptr<FileReport> r(raw);
    std::lock_guard lock(sink_mutex);
    tally(*r, summary);
    if (!stop) sink.write(r->rendered);
    if (sink.closed()) stop = true;  // the reader went away: finish quietly
    if (progress) {
      progress->files.store(summary.files_seen, std::memory_order_relaxed);
      progress->bytes.store(summary.bytes_read, std::memory_order_relaxed);
      progress->findings.store(summary.findings, std::memory_order_relaxed);
      std::lock_guard lock(progress->path_mutex);
      progress->current_path = r->file.path;
    }
  };

  // Four tokens per thread keep every core busy while bounding what is in flight.
  tbb::parallel_pipeline(threads * 4,
                         tbb::make_filter<void, WalkEntry*>(tbb::filter_mode::serial_in_order, enumerate) &
                             tbb::make_filter<WalkEntry*, FileReport*>(tbb::filter_mode::parallel, work) &
                             tbb::make_filter<FileReport*, void>(tbb::filter_mode::serial_out_of_order, write));

  if (options.file.policy.ignored_count) summary.ignored = options.file.policy.ignored_count->load();
  summary.directories = walker.counters().directories;
  summary.excluded = walker.counters().excluded;
  summary.duration_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  summary.finished_at = rfc3339_utc_now();
  summary.complete = !stop;
  if (!stop) sink.summary(summary);
  return summary;
}

}  // namespace gdprscan
