// Where a generated file goes: nested folders of a municipal file share (case folders by
// year and case number, staff folders, committee minutes, creditors by month, mailboxes,
// archives), names with spaces and æøå, several files to a folder, no name used twice.
#pragma once

#include <map>
#include <set>
#include <string>

#include "content.h"
#include "formats.h"
#include "rng.h"

namespace gdprscan::corpus {

class Layout {
 public:
  explicit Layout(Rng rng) : rng_(rng) {}
  // A path relative to the corpus root, unique in the corpus, ending in the format's extension.
  std::string place(Format format, DocKind kind, int year);

 private:
  struct OpenFolder {
    std::string path;
    int files_left = 0;
  };
  std::string folder_for(const std::string& slot, int year);
  std::string file_stem(Format format, DocKind kind, int year);

  Rng rng_;
  std::map<std::string, OpenFolder> open_;
  std::set<std::string> used_;
};

}  // namespace gdprscan::corpus
