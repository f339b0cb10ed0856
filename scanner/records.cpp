#include "records.h"

namespace gdprscan {

const char* to_string(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::permission_denied: return "permission_denied";
    case ProblemKind::not_found: return "not_found";
    case ProblemKind::io: return "io";
    case ProblemKind::unsupported: return "unsupported";
    case ProblemKind::too_large: return "too_large";
    case ProblemKind::special_file: return "special_file";
    case ProblemKind::symlink: return "symlink";
    case ProblemKind::symlink_loop: return "symlink_loop";
    case ProblemKind::other_filesystem: return "other_filesystem";
    case ProblemKind::encoding: return "encoding";
    case ProblemKind::corrupt: return "corrupt";
    case ProblemKind::encrypted: return "encrypted";
    case ProblemKind::limit_exceeded: return "limit_exceeded";
    case ProblemKind::timeout: return "timeout";
  }
  return "io";
}

}  // namespace gdprscan
