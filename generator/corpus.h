// `gdprscan corpus generate`: a deterministic tree of realistic Danish municipal files in
// every format gdprscan reads, with personal data and decoys planted, and truth.jsonl
// listing them for `gdprscan bench` (docs/performance.md). The same seed, size, mix and
// shape give a byte-identical tree on every machine.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "formats.h"

namespace gdprscan::corpus {

struct CorpusOptions {
  std::string out;
  uint64_t size = 1ull << 30;  // bytes on disk to write, truth.jsonl not counted
  uint64_t seed = 42;
  std::vector<std::pair<Format, double>> mix;  // share of bytes by format; empty: the default
  Shape shape = Shape::mixed;
};

struct FormatTally {
  uint64_t files = 0, bytes = 0, positives = 0, decoys = 0;
};

struct CorpusReport {
  uint64_t files = 0, bytes = 0, folders = 0, positives = 0, decoys = 0, ambiguous = 0;
  double seconds = 0;
  std::map<std::string, FormatTally> by_format;
};

// "text=40,docx=15,pdf=10": weights by format name; throws std::invalid_argument naming --mix.
std::vector<std::pair<Format, double>> parse_mix(const std::string& text);
const std::vector<std::pair<Format, double>>& default_mix();
Shape parse_shape(const std::string& text);  // mixed | small-files | large-files

// Throws std::invalid_argument naming --out when `dir` exists and is not an empty directory.
void check_output_dir(const std::string& dir);

CorpusReport generate_corpus(const CorpusOptions& options);

}  // namespace gdprscan::corpus
