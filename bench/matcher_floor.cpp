// What Hyperscan alone costs on a tree of plain-text files, before any validation, masking
// or output: the lower bound of a full scan with the default rules, on one thread.
//
//   matcher_floor DIR [RULES_DIR]
//
// Every file is read into memory first (so reading is not timed), then matched in 1 MiB
// pieces (without the overlap the scanner adds at chunk edges) against the databases every
// byte of a scan goes through: the identifier patterns and the special-category word lists.
// The names database, which a scan matches only in windows (detector_anchors.cpp), is timed
// over all text on its own line, as an upper bound of its share. bench/compare.sh sets these
// seconds beside ripgrep's: where they already exceed ripgrep's whole run, no amount of work
// after the matcher can reach ripgrep's time.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "matcher.h"
#include "rules.h"

namespace fs = std::filesystem;
using namespace gdprscan;

namespace {

std::vector<std::string> read_tree(const fs::path& root, size_t& bytes) {
  std::vector<std::string> texts;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    bytes += texts.back().size();
  }
  return texts;
}

// Seconds to match every text with `scan`, in pieces of at most 1 MiB.
template <typename Scan>
double timed(const std::vector<std::string>& texts, Scan&& scan) {
  constexpr size_t kPiece = 1 << 20;
  auto t0 = std::chrono::steady_clock::now();
  for (const std::string& text : texts)
    for (size_t at = 0; at < text.size(); at += kPiece) scan(std::string_view(text).substr(at, kPiece));
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: matcher_floor DIR [RULES_DIR]\n");
    return 2;
  }
  try {
    size_t bytes = 0;
    auto texts = read_tree(argv[1], bytes);
    std::vector<Rule> rules = load_rule_dir(argc == 3 ? argv[2] : find_default_rules_dir());
    Matcher matcher(rules);
    MatchScratch scratch;
    std::vector<ExpressionMatch> matches;
    size_t candidates = 0;
    double identifiers_and_terms = timed(texts, [&](std::string_view piece) {
      matches.clear();
      matcher.scan_expressions(piece, scratch, matches);
      matcher.scan_deferred(piece, 0, piece.size(), scratch, matches);
      candidates += matches.size();
    });
    double names = timed(texts, [&](std::string_view piece) {
      matches.clear();
      matcher.scan_anchors(piece, 0, piece.size(), scratch, matches);
    });
    std::printf("{\"files\":%zu,\"bytes\":%zu,\"candidates\":%zu,\"matcher_seconds\":%.3f,"
                "\"names_whole_text_seconds\":%.3f,\"compile_ms\":%.0f}\n",
                texts.size(), bytes, candidates, identifiers_and_terms, names, matcher.compile_ms());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "matcher_floor: %s\n", e.what());
    return 2;
  }
  return 0;
}
