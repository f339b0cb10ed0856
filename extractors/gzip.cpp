// gzip with zlib, one layer at a time. Not through libarchive: its filter bidding stacks
// every nested gzip layer itself before we can count a byte, and the libarchive 3.6.2 in
// Debian 12 spins for minutes on its own "recursive gzip" test file. Here each layer is a
// container with one child, so nesting is bounded by the file's budget like any archive:
// a .tar.gz is a gzip layer holding a tar, a .gz of a .gz is two levels.
#include <zlib.h>

#include <cstring>
#include <string>

#include "piece_scanner.h"
#include "registry.h"

namespace gdprscan {

namespace {

// The decompressed bytes of the item's gzip stream (concatenated members included).
class GzipSource final : public ByteSource {
 public:
  GzipSource(Item& item, ExtractContext& ctx) : item_(item), ctx_(ctx) {
    std::memset(&z_, 0, sizeof z_);
    if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) throw std::bad_alloc();  // 16: gzip header
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(item.head.data()));
    z_.avail_in = static_cast<uInt>(item.head.size());
    input_done_ = item.head_is_all;
  }
  ~GzipSource() override { inflateEnd(&z_); }

  long read(char* buf, size_t n) override {
    if (finished_) return 0;
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(n);
    while (z_.avail_out > 0) {
      if (z_.avail_in == 0 && !input_done_ && !refill()) break;
      if (z_.avail_in == 0 && input_done_) {
        if (!stream_ended_) error_ = "truncated: the compressed data ends early (read up to there)";
        finished_ = true;
        break;
      }
      int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        stream_ended_ = true;
        // Another member may follow (gzip files can be concatenated); trailing zeros end it.
        if (z_.avail_in == 0 && !input_done_) refill();
        if (z_.avail_in == 0 || z_.next_in[0] != 0x1F) {
          finished_ = true;
          break;
        }
        inflateReset(&z_);
        stream_ended_ = false;
      } else if (rc != Z_OK) {
        if (rc == Z_BUF_ERROR && z_.avail_in == 0 && input_done_) continue;
        error_ = std::string("damaged compressed data: ") + (z_.msg ? z_.msg : "inflate failed") + " (read up to there)";
        finished_ = true;
        break;
      }
    }
    return static_cast<long>(n - z_.avail_out);
  }
  const std::string& error() const { return error_; }

 private:
  bool refill() {
    long got = item_.source.read(buffer_.data(), buffer_.size());
    if (got < 0) {
      error_ = std::string("read failed: ") + std::strerror(static_cast<int>(-got));
      input_done_ = true;
      return false;
    }
    ctx_.count_bytes_read(static_cast<uint64_t>(got));
    if (got == 0) {
      input_done_ = true;
      return false;
    }
    z_.next_in = reinterpret_cast<Bytef*>(buffer_.data());
    z_.avail_in = static_cast<uInt>(got);
    return true;
  }

  Item& item_;
  ExtractContext& ctx_;
  z_stream z_;
  std::vector<char> buffer_ = std::vector<char>(64 * 1024);
  bool input_done_ = false, stream_ended_ = false, finished_ = false;
  std::string error_;
};

std::string decompressed_name(const std::string& name) {
  for (const char* ext : {".gz", ".gzip", ".z"}) {
    size_t len = std::strlen(ext);
    if (name.size() > len && strcasecmp(name.c_str() + name.size() - len, ext) == 0) return name.substr(0, name.size() - len);
  }
  if (name.size() > 4 && strcasecmp(name.c_str() + name.size() - 4, ".tgz") == 0)
    return name.substr(0, name.size() - 4) + ".tar";
  return name.empty() ? std::string("(decompressed)") : name + " (decompressed)";
}

}  // namespace

void extract_gzip(Item& item, ExtractContext& ctx) {
  GzipSource source(item, ctx);
  std::string name = decompressed_name(item.name);
  ctx.child(name, source, -1);
  if (!source.error().empty()) {
    LocationChain location = item.location;
    location.push_back(name);
    ctx.problem(Problem{true, ProblemKind::corrupt, location, source.error()});
  }
}

}  // namespace gdprscan
