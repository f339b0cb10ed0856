#include <cstring>

#include "registry.h"

namespace gdprscan {

namespace {

bool over_limit(const Item& item, ExtractContext& ctx, uint64_t size) {
  if (size <= ctx.whole_item_limit()) return false;
  ctx.problem(Problem{false, ProblemKind::too_large, item.location,
                      "over --max-whole-file (" + std::to_string(ctx.whole_item_limit()) +
                          " bytes): this format is parsed from memory, so the file was not scanned"});
  return true;
}

}  // namespace

bool read_whole(Item& item, ExtractContext& ctx, std::string& data) {
  if (over_limit(item, ctx, item.head.size())) return false;
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
    if (over_limit(item, ctx, data.size() + static_cast<uint64_t>(n))) {
      data.clear();
      return false;
    }
    data.append(buf.data(), static_cast<size_t>(n));
  }
}

}  // namespace gdprscan
