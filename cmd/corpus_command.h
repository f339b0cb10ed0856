// `gdprscan corpus generate`: the labelled test corpus behind `gdprscan bench` (generator/).
#pragma once

#include <cstdint>
#include <string>

namespace gdprscan {

struct CorpusCommandOptions {
  std::string action;  // generate
  std::string out;
  std::string size = "1GiB";
  uint64_t seed = 42;
  std::string mix;  // empty: the default mix
  std::string shape = "mixed";
  bool quiet = false;
};

// 0: written; bad flags throw std::invalid_argument naming the flag (exit 2 in main).
int run_corpus_command(const CorpusCommandOptions& options);

}  // namespace gdprscan
