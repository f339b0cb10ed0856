#include "commands.h"
#include "rule_docs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <fstream>
#include <unordered_set>
#include <chrono>
#include <cstdint>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>

#include "detector.h"
#include "fingerprint.h"
#include "pipeline.h"
#include "progress.h"
#include "rules.h"
#include "scan_file.h"

namespace gdprscan {

uint64_t parse_size(const std::string& text) {
  size_t pos = 0;
  while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
  if (pos == 0 || pos > 15) throw std::invalid_argument("invalid size '" + text + "' (expected e.g. 100MiB, 2G, 512k)");
  uint64_t number = std::stoull(text.substr(0, pos));  // at most 15 digits: no overflow
  std::string unit = text.substr(pos);
  for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  uint64_t factor = 1;
  // Sizes of files: K, M, G are binary multiples, as in ripgrep and du.
  if (unit.empty() || unit == "b") factor = 1;
  else if (unit == "k" || unit == "kb" || unit == "kib") factor = 1ull << 10;
  else if (unit == "m" || unit == "mb" || unit == "mib") factor = 1ull << 20;
  else if (unit == "g" || unit == "gb" || unit == "gib") factor = 1ull << 30;
  else if (unit == "t" || unit == "tb" || unit == "tib") factor = 1ull << 40;
  else throw std::invalid_argument("invalid size unit in '" + text + "' (use K, M, G or T)");
  if (number > UINT64_MAX / factor) throw std::invalid_argument("size '" + text + "' is too large");
  return number * factor;
}

namespace {

std::vector<Rule> load_rules(const std::vector<std::string>& extra_files) {
  std::vector<Rule> rules = load_rule_dir(find_default_rules_dir());
  for (const auto& f : extra_files) {
    auto more = load_rule_file(f);
    for (auto& r : more) {
      for (const auto& existing : rules)
        if (existing.id == r.id) throw std::runtime_error(f + ": rule id '" + r.id + "' is already defined in " + existing.source);
      rules.push_back(std::move(r));
    }
  }
  return rules;
}

// --enable keeps only the named rules, --disable drops them. A name is a rule id, an id
// prefix ("dk" for dk.*, "art9" for art9.*), a category or a tag; a name that matches
// nothing is a mistake worth stopping for. A rule with `report = "on_request"` (person.name)
// runs in every selection that keeps it but is written only when an --enable names it; an
// --enable that names only such rules asks for their findings on top of the default set,
// it does not narrow the set ("--enable person.name": everything, names included).
std::vector<Rule> select_rules(std::vector<Rule> rules, const std::vector<std::string>& enable,
                               const std::vector<std::string>& disable) {
  auto matches = [](const Rule& r, const std::string& name) {
    return r.id == name || r.category == name || r.id.rfind(name + ".", 0) == 0 ||
           std::find(r.tags.begin(), r.tags.end(), name) != r.tags.end();
  };
  for (const auto* names : {&enable, &disable})
    for (const auto& name : *names)
      if (std::none_of(rules.begin(), rules.end(), [&](const Rule& r) { return matches(r, name); }))
        throw std::runtime_error("no rule, id prefix, category or tag named '" + name + "' (see gdprscan rules list)");
  std::vector<std::string> narrowing;  // names of at least one rule that is always reported
  for (const auto& name : enable)
    if (std::any_of(rules.begin(), rules.end(), [&](const Rule& r) { return !r.report_on_request && matches(r, name); }))
      narrowing.push_back(name);
  auto named = [&](const Rule& r, const std::vector<std::string>& names) {
    return std::any_of(names.begin(), names.end(), [&](const auto& n) { return matches(r, n); });
  };
  std::vector<Rule> out;
  for (auto& r : rules) {
    bool requested = named(r, enable);
    bool on = narrowing.empty() || named(r, narrowing) || requested;
    if (!on || named(r, disable)) continue;
    r.reported = !r.report_on_request || requested;
    out.push_back(std::move(r));
  }
  if (out.empty()) throw std::runtime_error("--enable/--disable leave no detector to run");
  return out;
}

// An ignore file: one accepted finding per line, "<64 hex fingerprint> <reason>", '#'
// comments and blank lines allowed. Fingerprints, never the values themselves: the file
// can be shared and versioned without holding personal data. A reason is required.
void read_ignore_file(const std::string& path, std::unordered_set<std::string>& out) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read ignore file '" + path + "': " + std::strerror(errno));
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    std::string fingerprint = line.substr(start, 64);
    bool hex = fingerprint.size() == 64 &&
               std::all_of(fingerprint.begin(), fingerprint.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    size_t reason = line.find_first_not_of(" \t#", start + 64);
    if (!hex || (start + 64 < line.size() && line[start + 64] != ' ' && line[start + 64] != '\t'))
      throw std::runtime_error(path + ":" + std::to_string(number) + ": expected a 64-digit hex fingerprint first");
    if (reason == std::string::npos)
      throw std::runtime_error(path + ":" + std::to_string(number) + ": every accepted finding needs a reason after its fingerprint");
    for (char& c : fingerprint) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.insert(fingerprint);
  }
}

void check_roots_exist(const std::vector<std::string>& roots) {
  for (const auto& root : roots) {
    struct stat st;
    if (stat(root.c_str(), &st) != 0)
      throw std::runtime_error("cannot scan '" + root + "': " + std::strerror(errno));
  }
}

int open_output(const std::string& path, bool reveal) {
  if (path.empty() || path == "-") return STDOUT_FILENO;
  // Revealed values are personal data: keep such a file private to its owner.
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, reveal ? 0600 : 0644);
  if (fd < 0) throw std::runtime_error("cannot write output '" + path + "': " + std::strerror(errno));
  // An existing file keeps its mode on open: make it private too. (Not for /dev/null & co.)
  struct stat st;
  if (reveal && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && fchmod(fd, 0600) != 0)
    throw std::runtime_error("cannot make output '" + path + "' private: " + std::strerror(errno));
  return fd;
}

}  // namespace

std::unique_ptr<ScanSetup> prepare_scan(const ScanCommandOptions& o) {
  // Fail fast on configuration, before any file is read.
  check_roots_exist(o.roots);
  uint64_t max_filesize = o.max_filesize == "none" ? UINT64_MAX : parse_size(o.max_filesize);
  uint64_t max_whole_file = parse_size(o.max_whole_file);
  std::vector<Rule> rules = select_rules(load_rules(o.rule_files), o.enable, o.disable);
  if (o.spaced_ids) use_spaced_forms(rules);
  auto setup = std::make_unique<ScanSetup>();
  setup->detector = std::make_unique<Detector>(std::move(rules));
  for (const auto& f : o.ignore_files) read_ignore_file(f, setup->ignored);
  setup->fingerprinter = std::make_unique<Fingerprinter>(
      o.fingerprint_key_file.empty() ? Fingerprinter::installation_default()
                                     : Fingerprinter::from_key_file(o.fingerprint_key_file));

  ScanOptions& scan = setup->scan;
  scan.roots = o.roots;
  scan.walk = {o.follow_symlinks, o.one_file_system, o.include, o.exclude};
  scan.file.detector = setup->detector.get();
  scan.file.policy.min_confidence = o.min_confidence;
  scan.file.policy.special_scope_document = o.special_scope == "document";
  scan.file.policy.reveal = o.reveal;
  scan.file.policy.fingerprinter = setup->fingerprinter.get();
  if (!setup->ignored.empty()) {
    scan.file.policy.ignored_fingerprints = &setup->ignored;
    scan.file.policy.ignored_count = &setup->ignored_count;
  }
  scan.file.max_filesize = max_filesize;
  scan.file.max_whole_file = max_whole_file;
  scan.file.follow_symlinks = o.follow_symlinks;
  scan.file.limits.max_depth = o.max_depth;
  scan.file.limits.max_children = o.max_members;
  scan.file.limits.max_bytes = parse_size(o.max_extracted);
  scan.file.limits.max_time = std::chrono::seconds(o.max_file_seconds);
  // A person reading text output wants one block per file: no early batches there (a file
  // with a hundred thousand findings is then held whole; JSON Lines stays bounded).
  if (o.format == "text") scan.file.findings_batch = SIZE_MAX;
  scan.threads = o.threads;
  scan.scan_id = new_scan_id();
  scan.version = GDPRSCAN_VERSION;
  return setup;
}

int run_scan_command(const ScanCommandOptions& o) {
  std::unique_ptr<ScanSetup> setup = prepare_scan(o);
  const ScanOptions& scan = setup->scan;
  int out_fd = open_output(o.output, o.reveal);


  SinkOptions sink_options{scan.scan_id, o.reveal};
  std::unique_ptr<Sink> sink =
      o.format == "text" ? make_text_sink(out_fd, sink_options) : make_jsonl_sink(out_fd, sink_options);

  bool show_progress = !o.quiet && (o.progress == "always" || (o.progress == "auto" && isatty(STDERR_FILENO)));
  ScanProgress progress;
  Summary summary;
  {
    std::optional<ProgressLine> line;
    if (show_progress) line.emplace(progress);
    summary = run_scan(scan, *sink, &progress);
  }
  std::string write_failure = sink->failure();
  sink.reset();  // flushes
  if (write_failure.empty() && out_fd != STDOUT_FILENO && close(out_fd) != 0)
    write_failure = std::string("closing output: ") + std::strerror(errno);
  if (!write_failure.empty())
    throw std::runtime_error((o.output.empty() ? std::string("stdout") : "'" + o.output + "'") + ": " + write_failure +
                             " (the scan stopped; its output is incomplete)");
  if (o.summary && !o.quiet) std::cerr << format_summary(summary) << "\n";
  return summary.findings > 0 ? kExitFindings : kExitClean;
}

namespace {

// Every example of `selected` through the real matcher and validators of `all`, at the
// default threshold. Prints one line per failure and the totals; returns the failures.
int test_examples(std::vector<Rule> all, const std::vector<Rule>& selected) {
  for (Rule& r : all) r.reported = true;  // on-request rules test their own examples too
  Detector detector(std::move(all));
  MatchScratch scratch;
  ReportPolicy policy;
  int failures = 0, checked = 0;
  auto found = [&](const std::string& text, const std::string& id) {
    for (const Finding& f : scan_text(text, detector, policy, scratch))
      if (f.detector == id) return true;
    return false;
  };
  for (const Rule& r : selected) {
    for (const auto& ex : r.examples) {
      ++checked;
      if (!found(ex, r.id)) {
        ++failures;
        std::cout << "FAIL " << r.source << ": " << r.id << ": positive example #" << (&ex - r.examples.data()) + 1
                  << " not reported\n";
      }
    }
    for (const auto& ex : r.negative_examples) {
      ++checked;
      if (found(ex, r.id)) {
        ++failures;
        std::cout << "FAIL " << r.source << ": " << r.id << ": negative example #"
                  << (&ex - r.negative_examples.data()) + 1 << " reported\n";
      }
    }
    if (r.examples.empty()) {
      ++failures;
      std::cout << "FAIL " << r.source << ": " << r.id << ": rule has no positive examples\n";
    }
  }
  std::cout << (checked - failures) << " passed, " << failures << " failed\n";
  return failures;
}

void show_rule(const Rule& r) {
  auto list = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
  };
  std::cout << "id:          " << r.id << "\nname:        " << r.name << "\ncategory:    " << r.category
            << "\ntags:        " << list(r.tags)
            << "\nseverity:    " << r.severity << "\ngdpr:        " << r.gdpr << "\nsource:      " << r.source
            << "\npattern:     "
            << (r.pattern_as_written.empty() ? r.pattern : r.pattern_as_written + "  ({list}: the words of that word list)")
            << (r.report_on_request ? "\nreported:    on request (scan --enable " + r.id + ")" : "")
            << (r.spaced_pattern.empty() ? "" : "\nspaced:      " + r.spaced_pattern + "  (with scan --spaced-ids)")
            << (r.separate_database ? "\n             (in a Hyperscan database of its own)" : "")
            << "\nvalidator:   " << r.validator
            << "\nkeywords:    " << list(r.context.keywords) << "\nnegative:    " << list(r.context.negative)
            << "\nwindows:     keywords " << r.context.keyword_before << " before / " << r.context.keyword_after
            << " after; negative " << r.context.negative_before << " before / " << r.context.negative_after << " after"
            << "\ndescription: " << r.description << "\n";
}

}  // namespace

int run_rules_command(const RulesCommandOptions& o) {
  if (o.action == "check") {
    // A user's rule pack: parsed (errors name file, line and field), compiled with the
    // shipped rules (so ids must not clash, patterns must compile), examples run.
    if (o.rule_files.empty()) throw std::runtime_error("rules check needs --rules FILE");
    std::vector<Rule> all = load_rules(o.rule_files);
    use_spaced_forms(all);  // examples may show the spaced forms
    std::vector<Rule> theirs;
    for (const auto& f : o.rule_files)
      for (auto& r : load_rule_file(f)) theirs.push_back(std::move(r));
    use_spaced_forms(theirs);
    int failures = test_examples(all, theirs);
    if (!failures) std::cout << "ok: " << theirs.size() << " rules in " << o.rule_files.size() << " file(s)\n";
    return failures ? kExitFindings : kExitClean;
  }
  std::vector<Rule> rules = select_rules(load_rules(o.rule_files), o.enable, o.disable);
  if (o.action == "list") {
    if (o.format == "markdown") {
      write_rules_markdown(std::cout, rules);
      return kExitClean;
    }
    for (const Rule& r : rules) std::cout << r.id << "\t" << r.category << "\t" << r.severity << "\t" << r.name << "\n";
    return kExitClean;
  }
  if (o.action == "show") {
    for (const Rule& r : rules)
      if (r.id == o.id) {
        show_rule(r);
        return kExitClean;
      }
    throw std::runtime_error("no rule '" + o.id + "' (see gdprscan rules list)");
  }
  use_spaced_forms(rules);  // examples may show the spaced forms (scan --spaced-ids)
  return test_examples(rules, rules) ? kExitFindings : kExitClean;
}

}  // namespace gdprscan
