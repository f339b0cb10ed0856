#include "walker.h"

#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

namespace gdprscan {

std::string join_path(const std::string& dir, const char* name) {
  std::string out = dir;
  if (out.empty() || out.back() != '/') out += '/';
  out += name;
  return out;
}

ProblemKind problem_kind_for_errno(int err) {
  switch (err) {
    case EACCES:
    case EPERM: return ProblemKind::permission_denied;
    case ENOENT:
    case ENOTDIR: return ProblemKind::not_found;
    case ELOOP: return ProblemKind::symlink_loop;
    default: return ProblemKind::io;
  }
}

namespace {

Problem make_problem(bool is_error, ProblemKind kind, std::string message) {
  Problem p;
  p.is_error = is_error;
  p.kind = kind;
  p.message = std::move(message);
  return p;
}

bool emit_problem(WalkEntry& out, const std::string& path, Problem p) {
  out.kind = WalkEntry::Kind::problem;
  out.is_directory = false;
  out.is_root = false;
  out.fd = -1;
  out.path = path;
  out.problem = std::move(p);
  return true;
}

bool emit_errno(WalkEntry& out, const std::string& path, const char* operation, int err) {
  return emit_problem(out, path, make_problem(true, problem_kind_for_errno(err), std::string(operation) + ": " + std::strerror(err)));
}

// A problem with a directory (it could not be opened or listed, or was not entered): it
// is counted apart from files in the summary.
bool emit_directory_problem(WalkEntry& out, const std::string& path, Problem p) {
  emit_problem(out, path, std::move(p));
  out.is_directory = true;
  return true;
}

bool emit_directory_errno(WalkEntry& out, const std::string& path, const char* operation, int err) {
  emit_errno(out, path, operation, err);
  out.is_directory = true;
  return true;
}

unsigned char d_type_of(mode_t mode) {
  if (S_ISDIR(mode)) return DT_DIR;
  if (S_ISREG(mode)) return DT_REG;
  if (S_ISLNK(mode)) return DT_LNK;
  return DT_UNKNOWN + 100;  // any special file
}

const char* basename_of(const std::string& path) {
  size_t end = path.size();
  while (end > 1 && path[end - 1] == '/') --end;
  size_t slash = path.rfind('/', end - 1);
  return path.c_str() + (slash == std::string::npos ? 0 : slash + 1);
}

bool glob_matches(const std::string& glob, const std::string& path, const char* name) {
  // A glob with a slash matches the whole path (with '*' crossing directories, like rg's
  // globs without '**' semantics); a glob without one matches the entry name.
  if (glob.find('/') != std::string::npos) return fnmatch(glob.c_str(), path.c_str(), 0) == 0;
  return fnmatch(glob.c_str(), name, 0) == 0;
}

}  // namespace

Walker::Walker(std::vector<std::string> roots, WalkOptions options)
    : roots_(std::move(roots)), options_(std::move(options)) {}

Walker::~Walker() {
  for (auto& f : stack_) closedir(f.dir);
}

bool Walker::is_excluded(const std::string& path, const char* name) const {
  for (const auto& g : options_.exclude)
    if (glob_matches(g, path, name)) return true;
  return false;
}

bool Walker::is_included(const std::string& path, const char* name) const {
  if (options_.include.empty()) return true;
  for (const auto& g : options_.include)
    if (glob_matches(g, path, name)) return true;
  return false;
}

bool Walker::next(WalkEntry& out) {
  while (true) {
    if (stack_.empty()) {
      if (next_root_ >= roots_.size()) return false;
      if (start_root(roots_[next_root_++], out)) return true;
      continue;
    }
    Frame& top = stack_.back();
    errno = 0;
    dirent* de = readdir(top.dir);
    if (!de) {
      int err = errno;
      std::string path = top.path;
      closedir(top.dir);
      stack_.pop_back();
      if (err) return emit_directory_errno(out, path, "reading directory", err);
      continue;
    }
    if (std::strcmp(de->d_name, ".") == 0 || std::strcmp(de->d_name, "..") == 0) continue;
    std::string path = join_path(top.path, de->d_name);
    if (visit(path, de->d_name, de->d_type, dirfd(top.dir), out)) return true;
  }
}

bool Walker::start_root(const std::string& root, WalkEntry& out) {
  // A root named on the command line is followed even when it is a symlink (like find -H).
  struct stat st;
  if (stat(root.c_str(), &st) != 0) return emit_errno(out, root, "stat", errno);
  root_dev_ = st.st_dev;
  if (S_ISDIR(st.st_mode)) return enter_directory(root, AT_FDCWD, root.c_str(), out, true);
  return visit(root, basename_of(root), d_type_of(st.st_mode), AT_FDCWD, out, true);
}

bool Walker::visit(const std::string& path, const char* name, unsigned char type, int dirfd, WalkEntry& out,
                   bool is_root) {
  // The user's globs come first: an excluded FIFO or symlink gets no record either. A root
  // named on the command line is always scanned, as in ripgrep.
  if (!is_root && is_excluded(path, name)) {
    ++counters_.excluded;
    return false;
  }
  if (type == DT_UNKNOWN || (type == DT_LNK && options_.follow_symlinks)) {
    struct stat st;
    int flags = options_.follow_symlinks ? 0 : AT_SYMLINK_NOFOLLOW;
    if (fstatat(dirfd, name, &st, flags) != 0) {
      int err = errno;
      if (type == DT_LNK && err == ENOENT)
        return emit_problem(out, path, make_problem(true, ProblemKind::not_found, "symlink target does not exist"));
      return emit_errno(out, path, "stat", err);
    }
    type = d_type_of(st.st_mode);
  }
  if (type == DT_DIR) return enter_directory(path, dirfd, name, out, false);
  // --include selects among everything that is not a directory.
  if (!is_root && !is_included(path, name)) {
    ++counters_.excluded;
    return false;
  }
  if (type == DT_LNK)
    return emit_problem(out, path, make_problem(false, ProblemKind::symlink, "symlink not followed (use --follow-symlinks)"));
  if (type == DT_REG) {
    out.kind = WalkEntry::Kind::file;
    out.path = path;
    out.is_root = is_root;
    out.fd = -1;
    // The worker opens files by path; one whose path is too long for that is opened here,
    // relative to its directory.
    if (path.size() >= PATH_MAX - 1) {
      int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | O_NOATIME | O_NOFOLLOW;
      out.fd = openat(dirfd, name, flags);
      if (out.fd < 0 && errno == EPERM) out.fd = openat(dirfd, name, flags & ~O_NOATIME);
      if (out.fd < 0) return emit_errno(out, path, "open", errno);
    }
    return true;
  }
  // FIFOs would block a reader; sockets and devices are not files. Never opened.
  return emit_problem(out, path, make_problem(false, ProblemKind::special_file, "not a regular file (FIFO, socket or device)"));
}

bool Walker::enter_directory(const std::string& path, int parent_fd, const char* name, WalkEntry& out,
                             bool is_root) {
  // O_NOFOLLOW guards against a directory swapped for a symlink during the walk; a root
  // named on the command line is followed (a share mounted through a symlink).
  bool follow = options_.follow_symlinks || is_root;
  int flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOATIME | (follow ? 0 : O_NOFOLLOW);
  int fd = openat(parent_fd, name, flags);
  if (fd < 0 && errno == EPERM) fd = openat(parent_fd, name, flags & ~O_NOATIME);  // not our file: no O_NOATIME
  if (fd < 0) return emit_directory_errno(out, path, "opening directory", errno);
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int err = errno;
    close(fd);
    return emit_directory_errno(out, path, "stat", err);
  }
  if (options_.one_file_system && st.st_dev != root_dev_) {
    close(fd);
    return emit_directory_problem(out, path, make_problem(false, ProblemKind::other_filesystem, "on another file system (--one-file-system)"));
  }
  if (options_.follow_symlinks && !visited_dirs_.insert({st.st_dev, st.st_ino}).second) {
    close(fd);
    return emit_directory_problem(out, path, make_problem(false, ProblemKind::symlink_loop, "directory already visited through another path (symlink loop)"));
  }
  DIR* dir = fdopendir(fd);
  if (!dir) {
    int err = errno;
    close(fd);
    return emit_directory_errno(out, path, "opening directory", err);
  }
  ++counters_.directories;
  stack_.push_back({dir, path, st.st_dev});
  return false;
}

}  // namespace gdprscan
