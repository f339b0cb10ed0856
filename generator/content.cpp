#include "content.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "prose_words.h"

namespace gdprscan::corpus {

namespace {

// Bytes of plain prose between two planted snippets: more than any rule's context window
// (dk.cpr looks 40 bytes back and 20 ahead), so a decoy's label never lowers a positive's
// confidence and a positive's keyword never lifts a decoy.
constexpr size_t kGapBytes = 200;

// Positives and decoys per KiB of text, by kind: CPR numbers cluster in journal extracts,
// logs and case notes; minutes and reports mostly have none (after the earlier Python generator, bench/gen_corpus.py in git history).
struct Density {
  double positives_per_kib, decoys_per_kib, lead_positive;  // lead: one right after the header
};

Density density_of(DocKind kind) {
  switch (kind) {
    case DocKind::note: return {1 / 6.0, 1 / 30.0, 0.75};
    case DocKind::letter: return {1 / 12.0, 1 / 30.0, 0.6};
    case DocKind::minutes: return {1 / 24.0, 1 / 30.0, 0.1};
    case DocKind::report: return {1 / 40.0, 1 / 30.0, 0.05};
    case DocKind::invoice: return {1 / 60.0, 1 / 4.0, 0.0};
    case DocKind::journal: return {1 / 3.0, 1 / 24.0, 0.5};
    case DocKind::log: return {1 / 2.0, 1 / 16.0, 0.0};
    case DocKind::staff: return {1 / 8.0, 1 / 20.0, 1.0};
  }
  return {0, 0, 0};
}

size_t kib_events(double per_kib, size_t bytes, Rng& rng) {
  // Bernoulli per paragraph is enough: the callers ask once per paragraph of ~0.5 KiB.
  double expected = per_kib * double(bytes) / 1024.0;
  size_t whole = static_cast<size_t>(expected);
  return whole + (rng.chance(expected - double(whole)) ? 1 : 0);
}

// Appends paragraphs and keeps planted snippets apart (kGapBytes, or kIsolationBytes around
// a snippet that must stand alone).
class Builder {
 public:
  Builder(Document& doc, Rng& rng, Planter& planter, const ProsePool& pool)
      : doc_(doc), rng_(rng), planter_(planter), pool_(pool) {}

  template <class Prose>
  void run(size_t target, Density density, Prose&& prose) {
    if (rng_.chance(density.lead_positive)) plant(planter_.positive(), prose);
    while (bytes_ < target) {
      add(prose(), false);
      size_t just = doc_.paragraphs.back().text.size();
      for (size_t n = kib_events(density.positives_per_kib, just, rng_); n > 0; --n) plant(planter_.positive(), prose);
      for (size_t n = kib_events(density.decoys_per_kib, just, rng_); n > 0; --n) plant(planter_.decoy(), prose);
    }
  }

  void add(std::string text, bool heading) {
    bytes_ += text.size() + 2;
    since_plant_ += text.size() + 2;
    doc_.paragraphs.push_back(Paragraph{std::move(text), {}, heading, false});
  }

  template <class Prose>
  void plant(Snippet snippet, Prose&& prose) {
    const bool isolate = snippet.isolate;
    if (isolate) {
      add_nameless();  // the prose before may name a person (person.name anchors terms)
    } else {
      while (since_plant_ < kGapBytes) add(prose(), false);
    }
    bytes_ += snippet.text.size() + 2;
    since_plant_ = 0;
    doc_.paragraphs.push_back(Paragraph{std::move(snippet.text), std::move(snippet.truth), false, true});
    if (isolate) add_nameless();  // and so may whatever the document says next
  }

  // kIsolationBytes of prose that names nobody.
  void add_nameless() {
    for (size_t added = 0; added < kIsolationBytes + 32;) {
      add(pool_.nameless_paragraph(rng_), false);
      added += doc_.paragraphs.back().text.size() + 2;
    }
  }

  size_t bytes() const { return bytes_; }

 private:
  Document& doc_;
  Rng& rng_;
  Planter& planter_;
  const ProsePool& pool_;
  size_t bytes_ = 0, since_plant_ = 0;
};

std::string two_digits(int64_t n) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", static_cast<int>(n % 100));
  return buffer;
}

std::string case_number(Rng& rng, int year) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%d-%05d", year, static_cast<int>(rng.between(1, 99999)));
  return buffer;
}

void note_header(Builder& b, Rng& rng, int year) {
  b.add(rng.chance(0.5) ? "NOTAT" : "Journalnotat", true);
  b.add(std::string("Sagsnr.: ").append(case_number(rng, year)), false);
  b.add(std::string("Dato: ").append(words::date_dk(rng, year)), false);
  b.add(std::string("Sagsbehandler: ").append(words::full_name(rng)).append(", ").append(rng.pick(words::departments)), false);
  b.add(std::string("Emne: ").append(rng.pick(words::subjects)), false);
}

void letter_header(Builder& b, Rng& rng, int year) {
  const auto& city = rng.pick(words::cities);
  b.add(std::string(city.name.substr(0, city.name.find(' '))).append(" Kommune\n").append(rng.pick(words::departments))
            .append("\nRådhuspladsen ").append(std::to_string(rng.between(1, 20))).append("\n")
            .append(city.postcode).append(" ").append(city.name), false);
  std::string citizen = words::full_name(rng);
  b.add(std::string(citizen).append("\n").append(words::street_address(rng)), false);
  b.add(std::string("Dato: ").append(words::date_dk(rng, year)).append("\nSagsnr.: ").append(case_number(rng, year)), false);
  b.add(std::string("Afgørelse om ").append(rng.pick(words::benefits)), true);
  b.add(std::string("Kære ").append(citizen), false);
}

void minutes_header(Builder& b, Rng& rng, int year) {
  b.add("REFERAT", true);
  b.add(std::string(rng.pick(words::committees)), true);
  std::string people;
  for (int64_t i = rng.between(4, 8); i > 0; --i) people.append(people.empty() ? "" : ", ").append(words::full_name(rng));
  b.add(std::string("Mødedato: ").append(words::date_dk(rng, year)).append(" kl. 16.00\nSted: Mødelokale ")
            .append(std::to_string(rng.between(1, 12))).append(", Rådhuset\nDeltagere: ").append(people), false);
}

void report_header(Builder& b, Rng& rng, int year) {
  b.add(std::string(rng.chance(0.5) ? "Kvalitetsstandard for " : "Årsrapport om ").append(rng.pick(words::benefits))
            .append(" ").append(std::to_string(year)), true);
  b.add(std::string("Udarbejdet af ").append(rng.pick(words::departments)).append(", ").append(words::date_dk(rng, year)), false);
}

std::string invoice_block(Rng& rng, int year) {
  std::string block = std::string(rng.chance(0.8) ? "FAKTURA" : "KREDITNOTA").append("\nLeverandør: ")
                          .append(rng.pick(words::suppliers)).append("\nFakturadato: ").append(words::date_dk(rng, year));
  for (int64_t i = rng.between(1, 6); i > 0; --i)
    block.append("\n").append(std::to_string(rng.between(1, 40))).append(" stk. ").append(rng.pick(words::goods))
        .append(" á ").append(words::amount_dkk(rng));
  return block.append("\nI alt: ").append(words::amount_dkk(rng));
}

std::string log_line(Rng& rng, int year, const std::string& system) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%d-%02d-%02d %02d:%02d:%02d", year, static_cast<int>(rng.between(1, 12)),
                static_cast<int>(rng.between(1, 28)), static_cast<int>(rng.between(6, 18)),
                static_cast<int>(rng.between(0, 59)), static_cast<int>(rng.between(0, 59)));
  // Three bytes of a name, as the logging system cuts it: sometimes inside "ø", a broken
  // UTF-8 sequence in an otherwise UTF-8 file, which readers must take in their stride.
  std::string user(rng.pick(words::first_names).substr(0, 3));
  for (char& c : user) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return std::string(buffer).append(" [").append(system).append("] bruger=").append(user)
      .append(two_digits(rng.between(1, 99))).append(" INFO ").append(rng.pick(words::log_messages));
}

}  // namespace

// ---- Planter ---------------------------------------------------------------------------

Planter::Planter(Rng rng) : rng_(rng) {
  for (const auto& d : plantable_detectors())
    if (keyword_free_in_tables(d)) table_detectors_.push_back(d);
}

Snippet Planter::positive() {
  const auto& all = plantable_detectors();
  if (rng_.chance(0.25)) return plant_positive(all[next_in_turn_++ % all.size()], rng_);
  double u = rng_.unit();
  std::string_view detector = u < 0.45 ? "dk.cpr" : u < 0.75 ? "email" : std::string_view(rng_.pick(all));
  if (std::find(all.begin(), all.end(), detector) == all.end()) detector = rng_.pick(all);
  return plant_positive(detector, rng_);
}

Snippet Planter::decoy() { return plant_decoy(rng_); }

std::string Planter::table_detector() {
  if (table_detectors_.empty()) return {};
  if (rng_.chance(0.25)) return table_detectors_[next_table_in_turn_++ % table_detectors_.size()];
  // A municipality's lists hold CPR numbers, then e-mail addresses and phone numbers.
  for (auto [detector, p] : {std::pair<const char*, double>{"dk.cpr", 0.7}, {"email", 0.4}, {"dk.phone", 0.4}}) {
    auto it = std::find(table_detectors_.begin(), table_detectors_.end(), detector);
    if (it != table_detectors_.end() && rng_.chance(p)) return *it;
  }
  return rng_.pick(table_detectors_);
}

Snippet Planter::cell(const std::string& detector) { return plant_cell(detector, rng_); }

// ---- Prose -----------------------------------------------------------------------------

namespace {

std::vector<std::string> build_paragraphs(const std::vector<std::string_view>& sentences, Rng& rng, size_t count) {
  std::vector<std::string> out;
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    size_t target = static_cast<size_t>(rng.between(220, 900));
    std::string paragraph;
    while (paragraph.size() < target) paragraph.append(paragraph.empty() ? "" : " ").append(words::fill(rng.pick(sentences), rng));
    out.push_back(std::move(paragraph));
  }
  return out;
}

}  // namespace

ProsePool::ProsePool(Rng rng)
    : case_(build_paragraphs(words::case_sentences, rng, 1500)), admin_(build_paragraphs(words::admin_sentences, rng, 1500)) {
  words::NamelessProse nameless;
  Rng own = rng.fork("nameless");  // its own stream: the named pools stay as they were
  nameless_ = build_paragraphs(words::admin_sentences, own, 200);
}

// ---- Documents -------------------------------------------------------------------------

DocKind pick_kind(Rng& rng, size_t target_bytes) {
  struct Weighted {
    DocKind kind;
    double weight;
  };
  static const std::vector<Weighted> small = {{DocKind::letter, 35}, {DocKind::note, 35}, {DocKind::invoice, 8},
                                              {DocKind::staff, 12}, {DocKind::report, 7}, {DocKind::minutes, 3}};
  static const std::vector<Weighted> medium = {{DocKind::note, 25}, {DocKind::letter, 8}, {DocKind::minutes, 20},
                                               {DocKind::invoice, 8}, {DocKind::staff, 6}, {DocKind::report, 20},
                                               {DocKind::log, 4}, {DocKind::journal, 3}};
  static const std::vector<Weighted> large = {{DocKind::minutes, 15}, {DocKind::report, 38}, {DocKind::journal, 12},
                                              {DocKind::invoice, 10}, {DocKind::log, 8}, {DocKind::note, 17}};
  const auto& table = target_bytes < 8 * 1024 ? small : target_bytes < 64 * 1024 ? medium : large;
  double total = 0;
  for (const auto& w : table) total += w.weight;
  double x = rng.unit() * total;
  for (const auto& w : table)
    if ((x -= w.weight) < 0) return w.kind;
  return table.back().kind;
}

std::string kind_name(DocKind kind) {
  switch (kind) {
    case DocKind::note: return "notat";
    case DocKind::letter: return "brev";
    case DocKind::minutes: return "referat";
    case DocKind::report: return "rapport";
    case DocKind::invoice: return "faktura";
    case DocKind::journal: return "journal";
    case DocKind::log: return "log";
    case DocKind::staff: return "personale";
  }
  return "dokument";
}

Document make_document(DocKind kind, size_t target_bytes, int year, Rng& rng, Planter& planter, const ProsePool& prose) {
  Document doc;
  Builder b(doc, rng, planter, prose);
  auto case_prose = [&] { return prose.case_paragraph(rng); };
  auto admin_prose = [&] { return prose.admin_paragraph(rng); };
  Density density = density_of(kind);
  switch (kind) {
    case DocKind::note:
      note_header(b, rng, year);
      b.run(target_bytes, density, case_prose);
      break;
    case DocKind::letter:
      letter_header(b, rng, year);
      b.run(target_bytes, density, case_prose);
      b.add(std::string("Med venlig hilsen\n").append(words::full_name(rng)).append("\n").append(rng.pick(words::positions)), false);
      break;
    case DocKind::minutes:
      minutes_header(b, rng, year);
      b.run(target_bytes, density, [&] {
        return std::string("Punkt: ").append(rng.pick(words::agenda_items)).append(". ").append(prose.admin_paragraph(rng))
            .append(" ").append(rng.pick(words::decisions));
      });
      break;
    case DocKind::report:
      report_header(b, rng, year);
      b.run(target_bytes, density, rng.chance(0.7) ? std::function<std::string()>(admin_prose) : case_prose);
      break;
    case DocKind::invoice:
      b.run(target_bytes, density, [&] { return rng.chance(0.8) ? invoice_block(rng, year) : prose.admin_paragraph(rng); });
      break;
    case DocKind::journal:
      b.add(std::string("Journaludtræk fra ").append(rng.pick(words::systems)).append(" – ").append(rng.pick(words::departments)), true);
      b.run(target_bytes, density, [&] {
        return std::string("=== ").append(words::date_dk(rng, year)).append(" – ").append(words::full_name(rng))
            .append(" ===\n").append(prose.case_paragraph(rng));
      });
      break;
    case DocKind::log: {
      doc.lines = true;
      std::string system(rng.pick(words::systems));
      b.run(target_bytes, density, [&] { return log_line(rng, year, system); });
      break;
    }
    case DocKind::staff:
      b.add(std::string(rng.chance(0.5) ? "Ansættelseskontrakt" : "MUS-samtale"), true);
      b.add(std::string("Medarbejder: ").append(words::full_name(rng)).append("\nStilling: ").append(rng.pick(words::positions))
                .append("\nAfdeling: ").append(rng.pick(words::departments)).append("\nAdresse: ").append(words::street_address(rng)),
            false);
      b.run(target_bytes, density, rng.chance(0.5) ? std::function<std::string()>(admin_prose) : case_prose);
      break;
  }
  doc.title = doc.paragraphs.empty() ? kind_name(kind) : doc.paragraphs.front().text.substr(0, doc.paragraphs.front().text.find('\n'));
  return doc;
}

Table make_table(std::string name, size_t target_bytes, Rng& rng, Planter& planter) {
  Table table{std::move(name), {}};
  std::vector<std::string> detectors;
  for (int64_t i = rng.between(1, 2); i > 0; --i) {
    std::string d = planter.table_detector();
    if (!d.empty() && std::find(detectors.begin(), detectors.end(), d) == detectors.end()) detectors.push_back(d);
  }
  std::vector<Cell> header = {{"Navn", {}}};
  for (const auto& d : detectors) header.push_back({table_header(d), {}});
  for (const char* h : {"Adresse", "Ydelse", "Bevilget fra", "Beløb"}) header.push_back({h, {}});
  table.rows.push_back(std::move(header));
  size_t bytes = 0;
  while (bytes < target_bytes) {
    std::vector<Cell> row = {{words::full_name(rng), {}}};
    for (const auto& d : detectors) {
      // The first column (usually the CPR number) is nearly always filled, the others often not.
      if (rng.chance(&d == &detectors.front() ? 0.05 : 0.5)) {
        row.push_back({});
        continue;
      }
      Snippet s = planter.cell(d);
      row.push_back({std::move(s.text), std::move(s.truth)});
    }
    row.push_back({words::street_address(rng), {}});
    row.push_back({std::string(rng.pick(words::benefits)), {}});
    row.push_back({words::date_dk(rng, static_cast<int>(rng.between(2008, 2024))), {}});
    row.push_back({words::amount_dkk(rng), {}});
    for (const auto& c : row) bytes += c.text.size() + 1;
    table.rows.push_back(std::move(row));
  }
  return table;
}

size_t text_bytes(const Document& doc) {
  size_t n = 0;
  for (const auto& p : doc.paragraphs) n += p.text.size() + 2;
  return n;
}

}  // namespace gdprscan::corpus
