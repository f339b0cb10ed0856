// Google Benchmark micro-benchmarks of the matching core. `make bench` runs them with JSON
// output (build/bench/micro.json). Throughput figures are bytes of text per second.
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "detector.h"
#include "fingerprint.h"
#include "piece_scanner.h"
#include "rules.h"
#include "scan_file.h"
#include "text_decode.h"
#include "validators.h"

namespace gdprscan {
namespace {

const char* const kWords[] = {"kommunen", "borgeren", "ansøgning", "afgørelse", "bevilling", "hjemmehjælp", "sagen",
                              "journalnotat", "møde", "aftalt", "og", "i", "på", "til", "af", "med", "for", "som",
                              "det", "er", "har", "ikke", "Søren", "Ærø", "Åbenrå", "kr.", "12.500,00", "2019"};

// Danish-like text; `identifier_every` bytes on average between planted identifiers
// (0: none). Deterministic.
std::string danish_text(size_t size, size_t identifier_every) {
  std::mt19937 rng(42);
  std::string text;
  size_t next = identifier_every ? identifier_every : SIZE_MAX;
  while (text.size() < size) {
    text += kWords[rng() % (sizeof kWords / sizeof *kWords)];
    text += (rng() % 12 == 0) ? '\n' : ' ';
    if (text.size() >= next) {
      switch (rng() % 3) {
        case 0: text += "CPR-nr. 010180-0008 "; break;
        case 1: text += "jens.hansen@kommune.dk "; break;
        default: text += "Fakturanr. 0202800009 "; break;
      }
      next += identifier_every / 2 + rng() % identifier_every;
    }
  }
  return text;
}

const Detector& detector() {
  static Detector d(load_rule_dir(GDPRSCAN_RULES_SOURCE_DIR));
  return d;
}

void BM_DetectCandidates(benchmark::State& state) {
  std::string text = danish_text(1 << 20, static_cast<size_t>(state.range(0)));
  MatchScratch scratch;
  std::vector<Detection> out;
  for (auto _ : state) {
    out.clear();
    detector().detect(text, scratch, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["detections"] = static_cast<double>(out.size());
}
// No identifiers; one per 8 KiB (a realistic share); one per 1 KiB (a citizen list).
BENCHMARK(BM_DetectCandidates)->Arg(0)->Arg(8192)->Arg(1024);

void BM_ScanToFindings(benchmark::State& state) {
  std::string text = danish_text(1 << 20, static_cast<size_t>(state.range(0)));
  MatchScratch scratch;
  Fingerprinter fingerprinter(std::string(32, 'k'));
  ReportPolicy policy;
  policy.fingerprinter = &fingerprinter;
  size_t findings = 0;
  for (auto _ : state) {
    auto f = scan_text(text, detector(), policy, scratch);
    findings = f.size();
    benchmark::DoNotOptimize(f.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_ScanToFindings)->Arg(0)->Arg(8192)->Arg(1024);

void BM_ConfirmCpr(benchmark::State& state) {
  const Validator* v = find_validator("dk_cpr");
  ValidationEnv env{CivilDate{2026, 11, 26}};
  const std::string text = "Borger: Jens Hansen, CPR-nr. 010180-0008, Vejen 1";
  const size_t end = text.find("0008") + 4;
  for (auto _ : state) benchmark::DoNotOptimize(v->confirm(text, end, env));
}
BENCHMARK(BM_ConfirmCpr);

void BM_RejectNonDate(benchmark::State& state) {
  const Validator* v = find_validator("dk_cpr");
  ValidationEnv env{CivilDate{2026, 11, 26}};
  const std::string text = "Ordre 9912345678 sendt";
  const size_t end = text.find(" sendt");
  for (auto _ : state) benchmark::DoNotOptimize(v->confirm(text, end, env));
}
BENCHMARK(BM_RejectNonDate);

void BM_ConfirmEmail(benchmark::State& state) {
  const Validator* v = find_validator("email");
  ValidationEnv env{CivilDate{2026, 11, 26}};
  const std::string text = "Skriv til jens.hansen@kommune.dk i dag";
  const size_t end = text.find(" i dag");
  for (auto _ : state) benchmark::DoNotOptimize(v->confirm(text, end, env));
}
BENCHMARK(BM_ConfirmEmail);

void BM_Fingerprint(benchmark::State& state) {
  Fingerprinter fingerprinter(std::string(32, 'k'));
  for (auto _ : state) benchmark::DoNotOptimize(fingerprinter("0101800008"));
}
BENCHMARK(BM_Fingerprint);

void BM_ValidateUtf8(benchmark::State& state) {
  std::string text = danish_text(1 << 20, 0);
  for (auto _ : state) benchmark::DoNotOptimize(is_valid_utf8(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ValidateUtf8);

void BM_DecodeWindows1252(benchmark::State& state) {
  std::string text = danish_text(1 << 20, 0);
  std::string latin1;  // æøå as single bytes
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3 && i + 1 < text.size()) latin1 += static_cast<char>(((c & 0x1F) << 6) | (text[++i] & 0x3F));
    else latin1 += text[i];
  }
  TextDecoder decoder(Encoding::windows1252);
  for (auto _ : state) benchmark::DoNotOptimize(decoder.decode(latin1, true).data());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * latin1.size()));
}
BENCHMARK(BM_DecodeWindows1252);

}  // namespace
}  // namespace gdprscan

BENCHMARK_MAIN();
