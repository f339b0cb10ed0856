// Plain text in UTF-8, UTF-16 or Windows-1252, streamed in chunks: a multi-GB log file is
// never held whole. The encoding is decided once from the head (text_decode.h).
#include <cstring>

#include "registry.h"
#include "text_decode.h"

namespace gdprscan {

void extract_plain_text(Item& item, ExtractContext& ctx) {
  // 4 KiB decide the encoding; a UTF-8 guess stays safe if Windows-1252 bytes turn up later
  // (each ill-formed byte is read as Windows-1252, see append_utf8_repaired).
  EncodingGuess guess = detect_encoding(item.head.substr(0, 4096));
  if (guess.encoding == Encoding::binary) guess.encoding = Encoding::windows1252;  // sniffed as text (e.g. RTF)
  TextDecoder decoder(guess.encoding);
  std::unique_ptr<TextSink> sink = ctx.open_text(item.location);
  if (item.head_is_all) {  // a small file, read whole: the common case
    sink->write_whole(decoder.decode(item.head.substr(guess.bom_length), true));
    return;
  }
  sink->write(decoder.decode(item.head.substr(guess.bom_length), false));
  {
    std::vector<char>& buf = ctx.read_buffer();
    while (true) {
      long n = item.source.read(buf.data(), buf.size());
      if (n < 0) {
        Problem p;
        p.kind = ProblemKind::io;
        p.location = item.location;
        p.message = std::string("read failed, the rest of the file is not scanned: ") + std::strerror(static_cast<int>(-n));
        ctx.problem(std::move(p));
        break;
      }
      ctx.count_bytes_read(n);
      sink->write(decoder.decode(std::string_view(buf.data(), n), n == 0));
      if (n == 0) break;
    }
  }
  sink->finish();
}

}  // namespace gdprscan
