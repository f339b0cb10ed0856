// Zip, tar.gz, tar.xz, 7z and a lone .gz written with libarchive's writer (the library our
// reader uses too), in memory: the office formats are zips of a few parts, and the corpus's
// archives hold generated documents. Every timestamp is the one given, so bytes depend on the seed only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct archive;

namespace gdprscan::corpus {

class ArchiveWriter {
 public:
  // zip_stored: no compression (ODF packages); gzip: one file compressed, no archive format
  // around it (add() once).
  enum class Kind { zip, zip_stored, tar_gz, tar_xz, seven_zip, gzip };
  ArchiveWriter(Kind kind, int64_t mtime);
  ~ArchiveWriter();
  ArchiveWriter(const ArchiveWriter&) = delete;
  ArchiveWriter& operator=(const ArchiveWriter&) = delete;

  void add(const std::string& name, std::string_view bytes);
  std::string finish();

 private:
  void set_format(Kind kind);
  void check(int status, const char* what);
  archive* a_ = nullptr;
  Kind kind_;
  int64_t mtime_;
  std::string out_;
};

}  // namespace gdprscan::corpus
