#include "corpus_command.h"

#include <cstdio>
#include <iostream>
#include <stdexcept>

#include "commands.h"
#include "corpus.h"

namespace gdprscan {

namespace {

std::string mib(uint64_t bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MiB", double(bytes) / (1 << 20));
  return buffer;
}

void print_report(const corpus::CorpusReport& r, const std::string& out) {
  std::cerr << "gdprscan corpus: " << out << ": " << r.files << " files in " << r.folders << " folders, " << mib(r.bytes)
            << " in " << static_cast<int>(r.seconds * 10) / 10.0 << " s ("
            << static_cast<int>(double(r.bytes) / (1 << 20) / std::max(r.seconds, 1e-9)) << " MiB/s)\n"
            << "  truth: " << r.positives << " positives, " << r.decoys << " decoys, " << r.ambiguous << " ambiguous in "
            << out << "/truth.jsonl\n";
  for (const auto& [format, t] : r.by_format)
    std::cerr << "  " << format << ": " << t.files << " files, " << mib(t.bytes) << ", " << t.positives << " positives, "
              << t.decoys << " decoys\n";
}

}  // namespace

int run_corpus_command(const CorpusCommandOptions& o) {
  corpus::CorpusOptions options;
  if (o.out.empty()) throw std::invalid_argument("--out: a directory is required");
  options.out = o.out;
  while (options.out.size() > 1 && options.out.back() == '/') options.out.pop_back();
  try {
    options.size = parse_size(o.size);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string("--size: ").append(e.what()));
  }
  if (options.size == 0) throw std::invalid_argument("--size: must be above 0");
  options.seed = o.seed;
  if (!o.mix.empty()) options.mix = corpus::parse_mix(o.mix);
  options.shape = corpus::parse_shape(o.shape);
  corpus::check_output_dir(options.out);
  corpus::CorpusReport report = corpus::generate_corpus(options);
  if (!o.quiet) print_report(report, options.out);
  return kExitClean;
}

}  // namespace gdprscan
