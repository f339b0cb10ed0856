#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <unordered_map>

#include "sink.h"
#include "text_decode.h"

namespace gdprscan {

LineWriter::LineWriter(int fd) : fd_(fd) {
  struct stat st;
  bool known = fstat(fd, &st) == 0;
  regular_file_ = known && S_ISREG(st.st_mode);
  // A terminal or /dev/null: no page a kill could cut, no reader that needs atomic writes.
  unpaged_ = known && !regular_file_ && !S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode);
  if (regular_file_) {
    off_t at = lseek(fd, 0, SEEK_CUR);  // appending to a file: its boundaries fall from its end
    written_ = at > 0 ? static_cast<uint64_t>(at) : 0;
  }
}

void LineWriter::line(std::string_view text) {
  pending_.append(text);
  pending_ += '\n';
  if (pending_.size() >= 64 * 1024) write_pages(false);
}

void LineWriter::lines(std::string_view text) {
  pending_.append(text);
  if (pending_.size() >= 64 * 1024) write_pages(false);
}

void LineWriter::flush() { write_pages(true); }

// A process killed mid-write (SIGKILL, the OOM killer, a crash in another thread) may leave
// a write cut at a page boundary: the kernel copies a write into a file page by page and
// stops between pages. So in a regular file every 4 KiB page of the output ends with a whole
// line: the lines that fit in the rest of the page go out together, the last of them padded
// with spaces up to the page's end (spaces before the newline are JSON whitespace: every line
// stays one valid record); a partial page waits for more lines until the end. Only a line
// longer than a page can still be cut. Such pages are gathered and written a megabyte at a
// time (one write per page cost a system call per 4 KiB of findings). In a pipe, writes of
// at most 4 KiB are atomic, so lines go out in writes of at most a page, straight from the
// pending text, and nothing is padded. Anything else (a terminal, /dev/null) gets the
// lines as they come.
void LineWriter::write_pages(bool all) {
  constexpr size_t kPage = 4096, kBatch = 1 << 20;
  if (unpaged_) {
    if (write_chunk(pending_)) pending_.clear();
    if (closed_) pending_.clear();
    return;
  }
  size_t done = 0;
  uint64_t at = written_;  // the output's offset after what is written or batched
  batch_.clear();
  auto put = [&](std::string_view piece, size_t padding) {
    if (!regular_file_) return write_chunk(piece);
    batch_.append(piece);
    if (padding) {  // the piece's newline moves to the page's end
      batch_.back() = ' ';
      batch_.append(padding - 1, ' ') += '\n';
    }
    if (batch_.size() < kBatch) return true;
    bool ok = write_chunk(batch_);
    batch_.clear();
    return ok;
  };
  while (done < pending_.size() && !closed_) {
    size_t room = kPage - static_cast<size_t>(at % kPage);
    size_t rest = pending_.size() - done;
    size_t end = 0, padding = 0;
    if (rest <= room && (all || rest == room || !regular_file_)) {  // the end: as it is
      end = pending_.size();
    } else if (size_t last_newline = rest > room ? pending_.rfind('\n', done + room - 1) : std::string::npos;
               last_newline != std::string::npos && last_newline >= done) {
      // Whole lines that fill the page, padded to its end.
      end = last_newline + 1;
      if (regular_file_) padding = room - (end - done);
    } else if (rest > room) {
      // The next line does not fit in the room left: one longer than a page goes out alone
      // (it may straddle); otherwise the page is finished first. The room is never less
      // than a line's worth here, since every earlier write ended on a page boundary or at
      // the end of the output.
      end = pending_.find('\n', done) + 1;
      if (end == 0) end = pending_.size();  // no newline at all (not written by us)
    } else {
      break;  // a partial page: it waits for more lines
    }
    if (!put(std::string_view(pending_).substr(done, end - done), padding)) break;
    at += end - done + padding;
    done = end;
  }
  if (!batch_.empty() && !closed_) write_chunk(batch_);
  batch_.clear();
  pending_.erase(0, done);
  if (closed_) pending_.clear();
}

// One chunk of whole lines; false when the output failed (recorded; in a file, the part of
// the chunk that was written is cut off again, so the file ends with a whole line).
bool LineWriter::write_chunk(std::string_view chunk) {
  size_t off = 0;
  while (off < chunk.size()) {
    ssize_t n = ::write(fd_, chunk.data() + off, chunk.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      if (errno != EPIPE && failure_.empty()) failure_ = std::string("writing output: ") + std::strerror(errno);
      closed_ = true;
      if (regular_file_ && off > 0) {
        off_t end = lseek(fd_, 0, SEEK_CUR);
        if (end >= static_cast<off_t>(off)) (void)ftruncate(fd_, end - static_cast<off_t>(off));
      }
      return false;
    }
    off += static_cast<size_t>(n);
    written_ += static_cast<uint64_t>(n);
  }
  return true;
}

std::string owner_name(uint32_t uid) {
  thread_local std::unordered_map<uint32_t, std::string> cache;
  if (auto it = cache.find(uid); it != cache.end()) return it->second;
  std::string name = std::to_string(uid);
  passwd pw;
  passwd* result = nullptr;
  char buf[4096];
  if (getpwuid_r(uid, &pw, buf, sizeof buf, &result) == 0 && result) name = result->pw_name;
  cache.emplace(uid, name);
  return name;
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t v = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8) | uint8_t(bytes[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += kAlphabet[(v >> s) & 63];
  }
  if (i < bytes.size()) {
    uint32_t v = uint8_t(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= uint8_t(bytes[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string escape_invalid_utf8(std::string_view bytes) {
  std::string out;
  size_t i = 0;
  while (i < bytes.size()) {
    size_t valid = 0;
    // Longest valid prefix from i, one sequence at a time.
    while (i + valid < bytes.size()) {
      size_t step = 1;
      unsigned char c = bytes[i + valid];
      if (c >= 0xF0) step = 4;
      else if (c >= 0xE0) step = 3;
      else if (c >= 0xC0) step = 2;
      if (i + valid + step > bytes.size() || !is_valid_utf8(bytes.substr(i + valid, step))) break;
      valid += step;
    }
    out.append(bytes.substr(i, valid));
    i += valid;
    if (i < bytes.size()) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      unsigned char c = bytes[i++];
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace gdprscan
