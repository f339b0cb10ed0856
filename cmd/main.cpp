// gdprscan: flags into plain option structs, then one call per subcommand.
#include <CLI/CLI.hpp>

#include <sys/resource.h>

#include <csignal>
#include <iostream>

#include "bench_command.h"
#include "commands.h"
#include "corpus_command.h"
#include "helper_process.h"

using namespace gdprscan;

namespace {

constexpr const char* kScanExamples = R"(
Examples:
  gdprscan scan /srv/share --output findings.jsonl --summary
  gdprscan scan ~/Documents --format text
  gdprscan scan /mnt/export --exclude '*.iso' --threads 8 --min-confidence 0.7
  gdprscan scan share --reveal --fingerprint-key-file /etc/gdprscan/key

Exit status: 0 no findings, 1 findings, 2 fatal error.)";

void add_scan_command(CLI::App& app, ScanCommandOptions& o) {
  CLI::App* scan = app.add_subcommand("scan", "Scan files and directories for personal data");
  scan->footer(kScanExamples);
  scan->add_option("paths", o.roots, "Files and directories to scan")->required()->type_name("PATH");
  scan->add_option("-o,--output", o.output, "Write records to FILE instead of stdout")->type_name("FILE");
  scan->add_option("--format", o.format, "jsonl (default) or text (grouped by file, for people)")
      ->check(CLI::IsMember({"jsonl", "text"}));
  scan->add_option("-j,--threads", o.threads, "Worker threads (default: every core)")->check(CLI::Range(1, 1024));
  scan->add_flag("-L,--follow-symlinks", o.follow_symlinks, "Follow symlinks (loops are detected)");
  scan->add_flag("--one-file-system", o.one_file_system, "Stay on the file systems of the roots");
  scan->add_option("--include", o.include, "Scan only files matching GLOB (repeatable)")->type_name("GLOB");
  scan->add_option("--exclude", o.exclude, "Skip files and directories matching GLOB (repeatable)")->type_name("GLOB");
  scan->add_option("--max-filesize", o.max_filesize, "Skip larger files with a record (default none)")
      ->type_name("SIZE");
  scan->add_option("--max-whole-file", o.max_whole_file,
                   "Formats parsed from memory (PDF, Office 97-2003, .msg, .eml, RTF): larger files get a record "
                   "(default 256MiB)")
      ->type_name("SIZE");
  scan->add_option("--max-depth", o.max_depth, "Archives in archives: nesting limit (default 17)")->check(CLI::Range(0, 1000));
  scan->add_option("--max-members", o.max_members, "Members scanned per file, all levels (default 10000)")
      ->check(CLI::Range(uint64_t{1}, uint64_t{100000000}));
  scan->add_option("--max-extracted", o.max_extracted, "Bytes extracted per file, all levels (default 400MiB)")
      ->type_name("SIZE");
  scan->add_option("--max-file-seconds", o.max_file_seconds, "Time per file's containers (default 600)")
      ->check(CLI::Range(1, 1000000));
  scan->add_option("--min-confidence", o.min_confidence, "Report findings at or above this confidence (default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  scan->add_flag("--reveal", o.reveal, "Include the unmasked, normalised value in each finding");
  scan->add_option("--fingerprint-key-file", o.fingerprint_key_file,
                   "Secret key for finding fingerprints (default: per-installation key)")
      ->type_name("FILE");
  scan->add_option("--rules", o.rule_files, "Add a rule pack (TOML; repeatable)")->type_name("FILE");
  scan->add_option("--enable", o.enable,
                   "Use only these detectors: rule id, id prefix (dk, art9), category or tag (nordic, eu; repeatable). "
                   "Rules reported only on request (person.name) are added to the default set")
      ->type_name("NAME");
  scan->add_option("--disable", o.disable, "Do not use these detectors (as --enable; repeatable)")->type_name("NAME");
  scan->add_option("--special-scope", o.special_scope,
                   "Special-category terms (health, religion, ...) count next to a person identifier: within their "
                   "window (default) or anywhere in the same document")
      ->check(CLI::IsMember({"window", "document"}));
  scan->add_flag("--spaced-ids", o.spaced_ids,
                 "Also find identifiers printed with spaces between digit groups (NHS 943 476 5919, "
                 "NINO AB 12 34 56 C, NIR 1 85 05 78 006 084 91); slows scanning (docs/detectors.md)");
  scan->add_option("--ignore-file", o.ignore_files,
                   "Accepted findings: lines '<fingerprint> <reason>'; those are counted, not reported (repeatable)")
      ->type_name("FILE");
  scan->add_option("--progress", o.progress, "Progress on stderr: auto (when a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  scan->add_flag("-q,--quiet", o.quiet, "No progress line and no summary on stderr");
  scan->add_flag("--summary", o.summary, "Print a human-readable summary on stderr at the end");
}

void add_rules_command(CLI::App& app, RulesCommandOptions& o) {
  CLI::App* rules = app.add_subcommand("rules", "List, show, test the detector rules; check a rule pack");
  rules->footer(R"(
Examples:
  gdprscan rules list
  gdprscan rules show dk.cpr
  gdprscan rules test                      every rule against its own examples
  gdprscan rules check --rules mine.toml   a rule pack of yours: syntax, patterns, examples)");
  rules->add_option("action", o.action, "list | show | test | check")
      ->required()
      ->check(CLI::IsMember({"list", "show", "test", "check"}));
  rules->add_option("id", o.id, "Rule id, for show");
  rules->add_option("--format", o.format, "list: text (default) or markdown (the catalogue of docs/detectors.md)")
      ->check(CLI::IsMember({"text", "markdown"}));
  rules->add_option("--rules", o.rule_files, "Add a rule pack (TOML; repeatable)")->type_name("FILE");
  rules->add_option("--enable", o.enable, "Only these detectors (rule id or category)")->type_name("ID");
  rules->add_option("--disable", o.disable, "Not these detectors (rule id or category)")->type_name("ID");
}

void add_bench_command(CLI::App& app, BenchCommandOptions& o) {
  CLI::App* bench = app.add_subcommand("bench", "Measure throughput and, against DIR/truth.jsonl, accuracy");
  bench->footer(R"(
Examples:
  gdprscan bench corpus --runs 5 --json bench.json
  gdprscan bench corpus --baseline main.json --max-regression 10%   exit 1 on a regression
  gdprscan bench corpus --compare rg

Exit status: 0 done, 1 a figure regressed beyond --max-regression, 2 bad flags or files.)");
  bench->add_option("dir", o.dir, "Directory to scan (a truth.jsonl in it is read, not scanned)")
      ->required()
      ->type_name("DIR");
  bench->add_option("--runs", o.runs, "Timed scans after one warm-up (default 5)")->check(CLI::Range(1, 1000));
  bench->add_option("-j,--threads", o.threads, "Worker threads (default: every core)")->check(CLI::Range(1, 1024));
  bench->add_option("--json", o.json_output, "Write every figure to FILE as JSON")->type_name("FILE");
  bench->add_option("--baseline", o.baseline, "An earlier --json result to compare with")->type_name("FILE");
  bench->add_option("--max-regression", o.max_regression,
                    "Allowed drop: MB/s and files/s medians relative, recall in percentage points (default 10%)")
      ->type_name("PERCENT");
  bench->add_option("--compare", o.compare,
                    "Also time gdprscan and ripgrep (equivalent patterns) on the plain-text files of DIR "
                    "(*.txt, *.csv, *.log, *.tsv)")
      ->check(CLI::IsMember({"rg"}));
}

void add_corpus_command(CLI::App& app, CorpusCommandOptions& o) {
  CLI::App* corpus = app.add_subcommand("corpus", "Generate a labelled test corpus for gdprscan bench");
  corpus->footer(R"(
Examples:
  gdprscan corpus generate --out corpus --size 1GiB --seed 42
  gdprscan corpus generate --out small --size 256MiB --shape small-files
  gdprscan corpus generate --out docs --size 64MiB --mix text=40,docx=15,xlsx=10,pdf=10,eml=10,zip=10

Formats: text csv html rtf docx xlsx pptx odt ods odp fodt pdf eml mbox maildir zip targz
tarxz 7z gz. The same flags give a byte-identical tree. DIR/truth.jsonl lists every
planted value (gdprscan bench reads it).

Exit status: 0 written, 2 bad flags or a write error.)");
  corpus->add_option("action", o.action, "generate")->required()->check(CLI::IsMember({"generate"}));
  corpus->add_option("--out", o.out, "New or empty directory to write the tree to")->required()->type_name("DIR");
  corpus->add_option("--size", o.size, "Bytes of files to write (default 1GiB; e.g. 256MiB, 10M)")->type_name("SIZE");
  corpus->add_option("--seed", o.seed, "Seed of the tree (default 42)");
  corpus->add_option("--mix", o.mix, "Share of bytes by format, e.g. text=40,docx=15,pdf=10 (default: all formats)")
      ->type_name("FORMAT=WEIGHT,...");
  corpus->add_option("--shape", o.shape, "mixed (default), small-files (1-8 KiB each) or large-files (multi-GB text and mbox)")
      ->type_name("SHAPE");
  corpus->add_flag("-q,--quiet", o.quiet, "No summary on stderr");
}

}  // namespace

int main(int argc, char** argv) {
  // The helper process some extractors run their library in (extractors/helper_process.h).
  if (argc > 1 && std::string_view(argv[1]) == kHelperCommand) return extract_helper_main(argc, argv);
  // A closed pipe is noticed as EPIPE by the writer and ends the scan quietly.
  std::signal(SIGPIPE, SIG_IGN);
  // Over a file size limit, write() then fails with EFBIG and the scan reports it (exit 2)
  // instead of dying mid-line.
  std::signal(SIGXFSZ, SIG_IGN);
  // The walk keeps one open directory per level of depth: allow as many as the system does.
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }

  CLI::App app{"gdprscan: find personal data (Danish CPR numbers and more) in file shares"};
  app.footer(R"(
Examples:
  gdprscan scan /srv/share --output findings.jsonl --summary
  gdprscan scan ~/Dokumenter --format text
  gdprscan rules list
  gdprscan scan --help          all scan options

Exit status: 0 no findings, 1 findings, 2 fatal error.)");
  app.require_subcommand(1);
  ScanCommandOptions scan;
  RulesCommandOptions rules;
  add_scan_command(app, scan);
  add_rules_command(app, rules);
  BenchCommandOptions bench;
  add_bench_command(app, bench);
  CorpusCommandOptions corpus;
  add_corpus_command(app, corpus);
  app.add_subcommand("version", "Print the version");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "gdprscan: error: " << e.what() << " (see gdprscan --help)\n";
    return kExitFatal;
  }
  try {
    if (app.got_subcommand("version")) {
      std::cout << "gdprscan " << GDPRSCAN_VERSION << "\n";
      return kExitClean;
    }
    if (app.got_subcommand("rules")) return run_rules_command(rules);
    if (app.got_subcommand("bench")) return run_bench_command(bench);
    if (app.got_subcommand("corpus")) return run_corpus_command(corpus);
    return run_scan_command(scan);
  } catch (const std::exception& e) {
    std::cerr << "gdprscan: error: " << e.what() << "\n";
    return kExitFatal;
  }
}
