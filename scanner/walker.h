// Enumerates the files under the roots, one at a time (the serial first stage of the
// pipeline). File names are bytes, never decoded. Symlinks are not followed unless asked,
// and then with loop detection on (device, inode); special files are never opened. Every
// entry that is not scanned produces a Problem, so nothing is skipped silently, except
// what the user excluded with --exclude/--include (counted in the summary).
#pragma once

#include <dirent.h>
#include <sys/types.h>

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "records.h"

namespace gdprscan {

struct WalkOptions {
  bool follow_symlinks = false;
  bool one_file_system = false;
  std::vector<std::string> include;  // globs; a file must match one when any are given
  std::vector<std::string> exclude;  // globs; excluded files and directories are not entered
};

struct WalkEntry {
  enum class Kind { file, problem } kind = Kind::file;
  std::string path;
  Problem problem;  // when kind == problem
  bool is_directory = false;  // the problem concerns a directory, not a file
  bool is_root = false;       // named on the command line (followed even if a symlink)
  int fd = -1;  // already open (a path too long to open by name): the receiver closes it
};

struct WalkCounters {
  uint64_t directories = 0;  // entered
  uint64_t excluded = 0;
};

class Walker {
 public:
  Walker(std::vector<std::string> roots, WalkOptions options);
  ~Walker();
  Walker(const Walker&) = delete;
  Walker& operator=(const Walker&) = delete;

  // The next file or problem; false when the walk is over.
  bool next(WalkEntry& out);
  const WalkCounters& counters() const { return counters_; }

 private:
  struct Frame {
    DIR* dir;
    std::string path;
    dev_t dev;
  };
  bool start_root(const std::string& root, WalkEntry& out);
  bool visit(const std::string& path, const char* name, unsigned char d_type, int dirfd, WalkEntry& out,
             bool is_root = false);
  // Opens `name` relative to `parent_fd` (AT_FDCWD: `name` is the whole path), so depth is
  // not limited by PATH_MAX.
  bool enter_directory(const std::string& path, int parent_fd, const char* name, WalkEntry& out, bool is_root);
  bool is_excluded(const std::string& path, const char* name) const;
  bool is_included(const std::string& path, const char* name) const;

  std::vector<std::string> roots_;
  size_t next_root_ = 0;
  WalkOptions options_;
  std::vector<Frame> stack_;
  dev_t root_dev_ = 0;
  std::set<std::pair<dev_t, ino_t>> visited_dirs_;  // only when following symlinks
  WalkCounters counters_;
};

// Joins a directory path and an entry name without doubling the slash.
std::string join_path(const std::string& dir, const char* name);
// Maps errno from open/stat to the kind of record it deserves.
ProblemKind problem_kind_for_errno(int err);

}  // namespace gdprscan
