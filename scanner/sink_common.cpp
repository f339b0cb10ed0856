#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <unordered_map>

#include "sink.h"
#include "text_decode.h"

namespace gdprscan {

void LineWriter::line(std::string_view text) {
  pending_.append(text);
  pending_ += '\n';
  if (pending_.size() >= 64 * 1024) flush();
}

void LineWriter::lines(std::string_view text) {
  pending_.append(text);
  if (pending_.size() >= 64 * 1024) flush();
}

// Writes go out in pieces that end at a line end and, where a line allows, at a 4 KiB
// boundary of the output: the kernel copies a write page by page, and a process killed
// mid-write (SIGKILL, or a crash in another thread) can leave a write cut between pages.
// Keeping a write inside one page makes that cut fall between whole lines; only a line
// that itself straddles a page boundary can still be cut there. (On a pipe, writes of at
// most 4 KiB are atomic anyway.)
void LineWriter::flush() {
  constexpr size_t kPage = 4096;
  size_t done = 0;
  while (done < pending_.size() && !closed_) {
    size_t room = kPage - static_cast<size_t>(written_ % kPage);
    size_t end = pending_.size();
    if (end - done > room) {
      size_t last_newline = pending_.rfind('\n', done + room - 1);
      end = (last_newline != std::string::npos && last_newline >= done) ? last_newline + 1
                                                                          : pending_.find('\n', done + room) + 1;
      if (end == 0) end = pending_.size();  // no newline at all (not written by us)
    }
    ssize_t n = ::write(fd_, pending_.data() + done, end - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      if (errno != EPIPE && failure_.empty()) failure_ = std::string("writing output: ") + std::strerror(errno);
      closed_ = true;
      cut_back_to_whole_line(done);
      break;
    }
    done += n;
    written_ += static_cast<uint64_t>(n);
  }
  pending_.clear();
}

// A write that stopped part-way (a full disk, a file size limit) may have left half a line.
// In a regular file, cut the output back to the last whole line; a reader never sees a
// partial record. (A pipe cannot be cut: its reader gets the part that was written.)
void LineWriter::cut_back_to_whole_line(size_t written) {
  size_t keep = pending_.rfind('\n', written == 0 ? 0 : written - 1);
  keep = (keep == std::string::npos || written == 0) ? 0 : keep + 1;
  if (keep == written) return;
  struct stat st;
  if (fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) return;
  off_t end = lseek(fd_, 0, SEEK_CUR);
  if (end >= 0) (void)ftruncate(fd_, end - static_cast<off_t>(written - keep));
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
