#include "bench_command.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "bench_accuracy.h"
#include "commands.h"

extern char** environ;

namespace gdprscan {

namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

constexpr const char* kTruthFile = "truth.jsonl";

// bench/compare.sh's RG_PATTERNS_10, ASCII-only ((?-u): \b, \d and the classes are ASCII,
// as gdprscan's own patterns are). Keep the two lists the same.
constexpr const char* kRipgrepPatterns[] = {
    R"((?-u)\b[0-3]\d[01]\d{3}[-/. \t]?\d{4}\b)",
    R"((?-u)\b[6-9]\d[01]\d{3}[-/. \t]?\d{4}\b)",
    R"((?-u)\b\d{6}-?\d[A-Z]{2}\d\b)",
    R"((?-u)[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})",
    R"((?-u)\b\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{1,7}\b)",
    R"((?-u)\b[A-Z]{2}\d{2} ?[A-Z0-9]{4}( ?[A-Z0-9]{4}){1,6}( ?[A-Z0-9]{1,3})?\b)",
    R"((?-u)(\+45 ?)?\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b)",
    R"((?-u)\b\d{6}[-+]\d{4}\b)",
    R"((?-u)\b(\d{1,3}\.){3}\d{1,3}\b)",
    R"((?-u)\b([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}\b)",
};

struct Spread {
  double median = 0, min = 0, max = 0;
};

Spread spread_of(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  return {median, values.front(), values.back()};
}

struct Throughput {
  uint64_t files = 0, bytes = 0;
  std::vector<double> seconds, mb_per_s, files_per_s;
};

// "/srv/share/" -> "/srv/share": the walker joins names with '/', and the truth file's
// paths are relative to this spelling.
std::string checked_dir(std::string dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  struct stat st;
  if (stat(dir.c_str(), &st) != 0)
    throw std::runtime_error("cannot bench '" + dir + "': " + std::strerror(errno));
  if (!S_ISDIR(st.st_mode)) throw std::runtime_error("cannot bench '" + dir + "': not a directory");
  return dir;
}

// "10%" or "10" -> 0.10.
double parse_threshold(const std::string& text) {
  std::string number = text;
  if (!number.empty() && number.back() == '%') number.pop_back();
  size_t used = 0;
  double percent = -1;
  try {
    percent = std::stod(number, &used);
  } catch (const std::exception&) {
  }
  if (number.empty() || used != number.size() || !(percent >= 0 && percent <= 100))
    throw std::invalid_argument("--max-regression '" + text + "': expected a percentage from 0 to 100, e.g. 10%");
  return percent / 100;
}

std::string glob_escaped(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

bool file_exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

Json read_baseline(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read baseline '" + path + "': " + std::strerror(errno));
  Json baseline = Json::parse(in, nullptr, false);
  if (baseline.is_discarded() || !baseline.is_object())
    throw std::runtime_error("baseline '" + path + "' is not a JSON object (expected a gdprscan bench --json result)");
  for (const char* figure : {"mb_per_s", "files_per_s"}) {
    const Json* t = baseline.contains("throughput") ? &baseline["throughput"] : nullptr;
    if (!t || !t->contains(figure) || !(*t)[figure].contains("median") || !(*t)[figure]["median"].is_number())
      throw std::runtime_error(std::string("baseline '").append(path).append("' has no throughput.").append(figure).append(".median"));
  }
  return baseline;
}

ScanCommandOptions scan_options_for(const std::string& dir, size_t threads, std::vector<std::string> include = {}) {
  ScanCommandOptions o;
  o.roots = {dir};
  o.threads = threads;
  // The truth file lists the planted values: it is not part of the corpus.
  o.exclude = {glob_escaped(dir + "/" + kTruthFile)};
  o.include = std::move(include);
  o.progress = "never";
  o.quiet = true;
  return o;
}

// The plain-text part of a tree: files ripgrep reads as they are, as gdprscan does (no
// container, markup or document format to extract first). --compare rg times both tools on
// these alone, so the ratio compares matching with matching, not Poppler with a byte search.
const std::vector<std::string> kPlainTextGlobs = {"*.txt", "*.csv", "*.log", "*.tsv"};

// One scan; records go to `sink`. Returns the summary and adds the figures when timed.
Summary timed_scan(const ScanSetup& setup, Sink& sink, Throughput* into) {
  auto start = Clock::now();
  Summary summary = run_scan(setup.scan, sink);
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (into) {
    into->files = summary.files_scanned;
    into->bytes = summary.bytes_read;
    seconds = std::max(seconds, 1e-9);
    into->seconds.push_back(seconds);
    into->mb_per_s.push_back(double(summary.bytes_read) / 1e6 / seconds);
    into->files_per_s.push_back(double(summary.files_scanned) / seconds);
  }
  return summary;
}

// The timed runs write JSON Lines to /dev/null, as `gdprscan scan --output /dev/null`
// does in bench/compare.sh: rendering the records is part of the work being measured.
Throughput timed_runs(const ScanSetup& setup, int runs) {
  int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (null_fd < 0) throw std::runtime_error(std::string("cannot open /dev/null: ") + std::strerror(errno));
  Throughput t;
  for (int i = 0; i < runs; ++i) {
    std::unique_ptr<Sink> sink = make_jsonl_sink(null_fd, {setup.scan.scan_id, false});
    timed_scan(setup, *sink, &t);
  }
  close(null_fd);
  return t;
}

uint64_t peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<uint64_t>(usage.ru_maxrss);  // KiB on Linux
}

// ---- ripgrep -------------------------------------------------------------------------

std::string find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  for (size_t start = 0; start <= dirs.size();) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate = (end > start ? dirs.substr(start, end - start) : std::string(".")) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return {};
}

// Seconds one ripgrep run took, or a negative number when it failed (exit status > 1).
// `output`: "-c" counts matching lines (the issue's bar); "--json" writes every match as a
// record, the output closest to gdprscan's one record per finding.
double time_ripgrep(const std::string& rg, const std::string& dir, size_t threads, const char* output) {
  std::vector<std::string> args = {rg, output, "--no-messages", "-j" + std::to_string(threads), "-a", "-uu"};
  for (const std::string& glob : kPlainTextGlobs) args.insert(args.end(), {"-g", glob});
  for (const char* p : kRipgrepPatterns) args.insert(args.end(), {"-e", p});
  args.push_back(dir);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  auto start = Clock::now();
  pid_t pid = 0;
  int spawn_error = posix_spawn(&pid, rg.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  bool ok = WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1);
  return ok ? seconds : -1;
}

// Median seconds of `runs` ripgrep runs after one warm-up, or a negative number when one failed.
double ripgrep_median(const std::string& rg, const std::string& dir, size_t threads, int runs, const char* output) {
  std::vector<double> seconds;
  for (int i = 0; i <= runs; ++i) {
    double s = time_ripgrep(rg, dir, threads, output);
    if (s < 0) return -1;
    if (i > 0) seconds.push_back(s);
  }
  return spread_of(seconds).median;
}

// The plain-text part of the tree (kPlainTextGlobs), scanned by gdprscan with the full rule
// set and by ripgrep with the ten patterns of compare.sh, counting (-c) and writing every
// match (--json): each one warm-up, then `runs` timed runs. The ratios are gdprscan's
// median time over ripgrep's.
Json compare_with_ripgrep(const std::string& dir, size_t threads, int runs) {
  std::string rg = find_on_path("rg");
  if (rg.empty()) {
    std::cout << "compare: ripgrep not installed\n";
    return {{"tool", "rg"}, {"installed", false}};
  }
  std::unique_ptr<ScanSetup> plain = prepare_scan(scan_options_for(dir, threads, kPlainTextGlobs));
  timed_runs(*plain, 1);
  Throughput ours = timed_runs(*plain, runs);
  if (ours.files == 0) {
    std::cout << "compare: no plain-text files (*.txt, *.csv, *.log, *.tsv) to compare on\n";
    return {{"tool", "rg"}, {"installed", true}, {"plain_text_files", 0}};
  }
  double our_median_seconds = spread_of(ours.seconds).median;
  double counting = ripgrep_median(rg, dir, threads, runs, "-c");
  double writing = counting < 0 ? -1 : ripgrep_median(rg, dir, threads, runs, "--json");
  if (writing < 0) {
    std::cout << "compare: ripgrep failed on '" << dir << "'\n";
    return {{"tool", "rg"}, {"installed", true}, {"failed", true}};
  }
  double ratio = our_median_seconds / std::max(counting, 1e-9), json_ratio = our_median_seconds / std::max(writing, 1e-9);
  std::printf(
      "compare on the plain-text part (%llu files, %.1f MB): gdprscan %.3f s, ripgrep (10 patterns) %.3f s median; "
      "time ratio gdprscan/ripgrep %.2f\n"
      "  ripgrep writing every match as JSON (--json) %.3f s median; time ratio %.2f\n",
      static_cast<unsigned long long>(ours.files), double(ours.bytes) / 1e6, our_median_seconds, counting, ratio, writing,
      json_ratio);
  return {{"tool", "rg"},
          {"installed", true},
          {"plain_text_files", ours.files},
          {"plain_text_bytes", ours.bytes},
          {"gdprscan_seconds_median", our_median_seconds},
          {"seconds_median", counting},
          {"time_ratio", ratio},
          {"json_seconds_median", writing},
          {"json_time_ratio", json_ratio}};
}

// ---- figures as text and JSON --------------------------------------------------------

Json spread_json(const std::vector<double>& values) {
  Spread s = spread_of(values);
  return {{"median", s.median}, {"min", s.min}, {"max", s.max}, {"runs", values}};
}

Json optional_json(std::optional<double> v) { return v ? Json(*v) : Json(nullptr); }

Json score_json(const Score& s) {
  return {{"true_positives", s.true_positives}, {"false_negatives", s.false_negatives},
          {"false_positives", s.false_positives}, {"precision", optional_json(s.precision())},
          {"recall", optional_json(s.recall())}, {"f2", optional_json(s.f2())}};
}

Json accuracy_json(const Accuracy& a) {
  Json out = {{"truth_items", a.truth_items}, {"detectors", Json::object()}, {"formats", Json::object()},
              {"decoys_reported", Json::array()}};
  for (const auto& [id, s] : a.by_detector) out["detectors"][id] = score_json(s);
  for (const auto& [format, s] : a.by_format) out["formats"][format] = score_json(s);
  for (const auto& d : a.decoys_reported)
    out["decoys_reported"].push_back(
        {{"file", d.file}, {"detector", d.detector}, {"match", d.match}, {"fingerprint", d.fingerprint}});
  return out;
}

std::string figure(std::optional<double> v) {
  if (!v) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", *v);
  return buf;
}

void print_scores(const char* heading, const std::map<std::string, Score>& scores) {
  std::printf("  %-22s %8s %8s %8s %9s %7s %7s\n", heading, "found", "missed", "false+", "precision", "recall", "F2");
  for (const auto& [name, s] : scores)
    std::printf("  %-22s %8llu %8llu %8llu %9s %7s %7s\n", name.c_str(), (unsigned long long)s.true_positives,
                (unsigned long long)s.false_negatives, (unsigned long long)s.false_positives,
                figure(s.precision()).c_str(), figure(s.recall()).c_str(), figure(s.f2()).c_str());
}

// Counts, detector ids, paths and masked matches only: never a value.
void print_accuracy(const Accuracy& a, const std::string& truth_path) {
  std::cout << "accuracy against " << truth_path << " (" << a.truth_items << " items):\n";
  print_scores("detector", a.by_detector);
  print_scores("format", a.by_format);
  std::cout << "decoys reported: " << a.decoys_reported.size() << "\n";
  for (const auto& d : a.decoys_reported)
    std::cout << "  " << d.file << "  " << d.detector << "  " << d.match << "  " << d.fingerprint.substr(0, 16) << "\n";
}

void print_throughput(const std::string& dir, const Throughput& t, size_t threads, uint64_t rss_kib) {
  Spread mb = spread_of(t.mb_per_s), fps = spread_of(t.files_per_s);
  std::printf("bench %s: %llu files, %.1f MB, %zu runs, %s threads\n", dir.c_str(), (unsigned long long)t.files,
              double(t.bytes) / 1e6, t.seconds.size(), threads ? std::to_string(threads).c_str() : "all");
  std::printf("  MB/s     median %10.1f  (min %.1f, max %.1f)\n", mb.median, mb.min, mb.max);
  std::printf("  files/s  median %10.1f  (min %.1f, max %.1f)\n", fps.median, fps.min, fps.max);
  std::printf("  peak resident memory %.1f MiB\n", double(rss_kib) / 1024);
}

// ---- regression gate -----------------------------------------------------------------

// Throughput figures regress relatively (a 10% threshold: below 90% of the baseline),
// recall absolutely (10 percentage points). Prints one line per figure that moved too far.
int regressions(const Json& baseline, const Json& current, double threshold) {
  // Figures of different trees are not comparable: say so, but let the figures speak.
  if (baseline.value("bytes", Json()) != current["bytes"] || baseline.value("files", Json()) != current["files"])
    std::printf("note: the baseline scanned %s files, %s bytes; this run %s files, %s bytes\n",
                baseline.value("files", Json()).dump().c_str(), baseline.value("bytes", Json()).dump().c_str(),
                current["files"].dump().c_str(), current["bytes"].dump().c_str());
  int count = 0;
  for (const char* name : {"mb_per_s", "files_per_s"}) {
    double before = baseline["throughput"][name]["median"].get<double>();
    double now = current["throughput"][name]["median"].get<double>();
    if (now < before * (1 - threshold)) {
      ++count;
      std::printf("regression: %s median %.1f -> %.1f (%.1f%%; allowed -%.1f%%)\n", name, before, now,
                  100 * (now - before) / before, 100 * threshold);
    }
  }
  const Json* detectors = baseline.contains("accuracy") && baseline["accuracy"].is_object()
                              ? &baseline["accuracy"]["detectors"]
                              : nullptr;
  if (!detectors || !detectors->is_object()) return count;
  for (const auto& [id, score] : detectors->items()) {
    if (!score.contains("recall") || !score["recall"].is_number()) continue;
    double before = score["recall"].get<double>();
    const Json* now_score = current.contains("accuracy") && current["accuracy"]["detectors"].contains(id)
                                ? &current["accuracy"]["detectors"][id]
                                : nullptr;
    double now = now_score && (*now_score)["recall"].is_number() ? (*now_score)["recall"].get<double>() : 0;
    if (now < before - threshold) {
      ++count;
      std::printf("regression: %s recall %.3f -> %.3f (%+.1f points; allowed -%.1f)%s\n", id.c_str(), before, now,
                  100 * (now - before), 100 * threshold, now_score ? "" : " (no longer measured)");
    }
  }
  return count;
}

// --json's directory must take a file: found out before the scans, not after them.
void check_writable_parent(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string parent = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  if (access(parent.c_str(), W_OK) != 0)
    throw std::runtime_error("cannot write --json '" + path + "': " + std::strerror(errno));
}

void write_json(const std::string& path, const Json& result) {
  std::ofstream out(path);
  out << result.dump(2) << "\n";
  out.close();
  if (!out) throw std::runtime_error("cannot write --json '" + path + "': " + std::strerror(errno));
}

}  // namespace

int run_bench_command(const BenchCommandOptions& o) {
  // Configuration first: a bad flag or file is reported before minutes of scanning.
  // Then a warm-up scan, the timed runs, and with a truth file one more scan for accuracy.
  std::string dir = checked_dir(o.dir);
  double threshold = parse_threshold(o.max_regression);
  Json baseline = o.baseline.empty() ? Json() : read_baseline(o.baseline);
  if (!o.json_output.empty()) check_writable_parent(o.json_output);
  std::string truth_path = dir + "/" + kTruthFile;
  bool have_truth = file_exists(truth_path);
  std::vector<TruthItem> truth = have_truth ? read_truth_file(truth_path) : std::vector<TruthItem>{};

  // The warm-up scan fills the page cache; it and the timed runs are the ordinary scan.
  std::unique_ptr<ScanSetup> setup = prepare_scan(scan_options_for(dir, o.threads));
  timed_runs(*setup, 1);  // its figures are discarded
  Throughput t = timed_runs(*setup, o.runs);
  // Read before the accuracy scan, which holds every finding in memory: the peak is then
  // the scan's own.
  uint64_t rss = peak_rss_kib();
  // The accuracy scan runs with reveal, so that values can be compared in memory.
  std::vector<ObservedFinding> observed;
  if (have_truth) {
    setup->scan.file.policy.reveal = true;
    std::unique_ptr<Sink> sink = make_collecting_sink(dir, observed);
    timed_scan(*setup, *sink, nullptr);
  }

  Json result = {{"version", GDPRSCAN_VERSION}, {"dir", dir}, {"runs", o.runs}, {"threads", o.threads},
                 {"files", t.files}, {"bytes", t.bytes},
                 {"throughput", {{"seconds", spread_json(t.seconds)}, {"mb_per_s", spread_json(t.mb_per_s)},
                                 {"files_per_s", spread_json(t.files_per_s)}}},
                 {"peak_rss_kib", rss}};
  print_throughput(dir, t, o.threads, rss);
  if (have_truth) {
    Accuracy accuracy = score(truth, observed);
    print_accuracy(accuracy, truth_path);
    result["accuracy"] = accuracy_json(accuracy);
  }
  if (o.compare == "rg") {
    size_t threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
    result["compare"] = compare_with_ripgrep(dir, threads, o.runs);
  }
  if (!o.json_output.empty()) write_json(o.json_output, result);
  if (baseline.is_null()) return kExitClean;
  int moved = regressions(baseline, result, threshold);
  if (!moved) std::cout << "no regression beyond " << o.max_regression << " against " << o.baseline << "\n";
  return moved ? kExitFindings : kExitClean;
}

}  // namespace gdprscan
