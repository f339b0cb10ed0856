// The gdprscan subcommands, each taking a plain options struct filled by main.cpp's flag
// table. They build the scanner objects, run, and return the process exit code:
// 0 no findings, 1 findings, 2 fatal error.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "detector.h"
#include "fingerprint.h"
#include "pipeline.h"

namespace gdprscan {

struct ScanCommandOptions {
  std::vector<std::string> roots;
  std::string output;  // empty: stdout
  std::string format = "jsonl";
  size_t threads = 0;
  bool follow_symlinks = false;
  bool one_file_system = false;
  std::vector<std::string> include, exclude;
  std::string max_filesize = "none";     // streamed formats have no need of a limit
  std::string max_whole_file = "256MiB";  // formats parsed from memory
  int max_depth = 17;                   // containers nested in containers
  uint64_t max_members = 10000;         // children of one top-level file, all levels
  std::string max_extracted = "400MiB";  // bytes extracted from one top-level file
  int max_file_seconds = 600;           // wall clock for one top-level file's containers
  double min_confidence = 0.5;
  bool reveal = false;
  std::string fingerprint_key_file;
  std::vector<std::string> rule_files;
  std::vector<std::string> enable, disable;  // rule ids or categories
  bool spaced_ids = false;                   // also the identifiers' spaced printed forms
  std::string special_scope = "window";      // special-category terms: next to an identifier, or anywhere in the file
  std::vector<std::string> ignore_files;     // accepted findings by fingerprint
  std::string progress = "auto";
  bool quiet = false;
  bool summary = false;
};

struct RulesCommandOptions {
  std::string action;  // list | show | test | check
  std::string id;      // for show
  std::string format = "text";  // list: text (a line per rule) or markdown (docs/detectors.md)
  std::vector<std::string> rule_files;
  std::vector<std::string> enable, disable;
};

// A scan's configuration turned into objects, checked before any file is read: the
// ScanOptions and what they point into. `scan` runs it once; `bench` runs it many times.
struct ScanSetup {
  std::unique_ptr<Detector> detector;
  std::unique_ptr<Fingerprinter> fingerprinter;
  std::unordered_set<std::string> ignored;
  std::atomic<uint64_t> ignored_count{0};
  ScanOptions scan;
};
// Throws std::runtime_error / std::invalid_argument naming the bad option or file.
std::unique_ptr<ScanSetup> prepare_scan(const ScanCommandOptions& options);

int run_scan_command(const ScanCommandOptions& options);
int run_rules_command(const RulesCommandOptions& options);

// "100MiB", "2G", "512k", "1000" -> bytes; throws std::invalid_argument naming the text.
uint64_t parse_size(const std::string& text);

constexpr int kExitClean = 0, kExitFindings = 1, kExitFatal = 2;

}  // namespace gdprscan
