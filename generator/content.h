// Realistic Danish municipal documents with personal data planted at realistic densities:
// case notes, letters, minutes, reports, invoices, journal extracts, access logs and
// citizen lists, after the earlier Python generator (bench/gen_corpus.py, in git history). Prose comes from pre-built paragraph pools;
// identifiers and decoys come from identifiers.h, so every planted value has its truth.
#pragma once

#include <string>
#include <vector>

#include "document.h"
#include "rng.h"

namespace gdprscan::corpus {

enum class DocKind { note, letter, minutes, report, invoice, journal, log, staff };

// Which detector to plant next: each detector in turn half of the time (so a small corpus
// still covers the whole catalogue in every format), otherwise as often as it occurs in a
// municipality's files (CPR numbers and e-mail addresses far ahead).
class Planter {
 public:
  explicit Planter(Rng rng);
  Snippet positive();
  Snippet decoy();
  Snippet cell(const std::string& detector);  // a bare table value of a table-friendly detector
  std::string table_detector();              // a detector for a table column

 private:
  Rng rng_;
  size_t next_in_turn_ = 0, next_table_in_turn_ = 0;
  std::vector<std::string> table_detectors_;
};

// Pre-built paragraphs of case prose and administrative prose (picking one is cheap).
class ProsePool {
 public:
  explicit ProsePool(Rng rng);
  const std::string& case_paragraph(Rng& rng) const { return case_.at(rng.below(case_.size())); }
  const std::string& admin_paragraph(Rng& rng) const { return admin_.at(rng.below(admin_.size())); }
  // Administrative prose that names nobody: around a snippet that must stand apart from any
  // person identifier (Snippet::isolate), since person.name anchors special-category terms.
  const std::string& nameless_paragraph(Rng& rng) const { return nameless_.at(rng.below(nameless_.size())); }

 private:
  std::vector<std::string> case_, admin_, nameless_;
};

DocKind pick_kind(Rng& rng, size_t target_bytes);
std::string kind_name(DocKind kind);  // "notat", "brev", ...: folder and file names

// A document of about `target_bytes` of text (at least its header).
Document make_document(DocKind kind, size_t target_bytes, int year, Rng& rng, Planter& planter,
                       const ProsePool& prose);

// A citizen list or register: a header row of keywords, then rows with planted cells.
Table make_table(std::string name, size_t target_bytes, Rng& rng, Planter& planter);

}  // namespace gdprscan::corpus
