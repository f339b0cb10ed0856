#include <cstring>

#include "registry.h"

namespace gdprscan {

bool read_whole(Item& item, ExtractContext& ctx, std::string& data) {
  data.assign(item.head);
  if (item.head_is_all) return true;
  std::vector<char>& buf = ctx.read_buffer();
  while (true) {
    long n = item.source.read(buf.data(), buf.size());
    if (n < 0) {
      ctx.problem(Problem{true, ProblemKind::io, item.location,
                          std::string("read failed: ") + std::strerror(static_cast<int>(-n))});
      return false;
    }
    if (n == 0) return true;
    ctx.count_bytes_read(static_cast<uint64_t>(n));
    data.append(buf.data(), static_cast<size_t>(n));
  }
}

}  // namespace gdprscan
