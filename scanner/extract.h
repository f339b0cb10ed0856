// The seam between the core and the format extractors (extractors/). An extractor turns an
// Item into located UTF-8 text that it streams into a TextSink, and reports problems as
// values. It never matches and never prints. Container formats (archives, mailboxes: later
// issues) will hand children back through ExtractContext in the same way.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "records.h"

namespace gdprscan {

// Sequential bytes of one item: a file on disk now, an archive member or attachment later.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`. Returns the count (0 at the end) or -errno.
  virtual long read(char* buf, size_t n) = 0;
  // Random access, for formats whose index is at the end (7z, zip's central directory).
  // Returns the new position, or -1 where the source is a stream.
  virtual int64_t seek(int64_t /*offset*/, int /*whence: SEEK_SET, SEEK_CUR, SEEK_END*/) { return -1; }
  virtual bool seekable() const { return false; }
  // An open, read-only descriptor on the whole item, or -1. Only a file on disk has one
  // (the top-level file, opened O_NOATIME): it lets a library that insists on opening by
  // name (libpst) read the very same file through /proc/self/fd, without a second open by
  // path that could race a rename or touch the access time. Never written to.
  virtual int descriptor() const { return -1; }
};

// A change of confidence an extractor asks for at some offsets, with the signal that says why.
struct ConfidenceAdjustment {
  std::string signal;
  double delta;
};

// Bytes held in memory: a member copied for scanning on another thread, a file embedded
// in a PDF. The view must outlive the source.
class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}
  long read(char* buf, size_t n) override {
    size_t take = std::min(n, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, take);
    pos_ += take;
    return static_cast<long>(take);
  }
  int64_t seek(int64_t offset, int whence) override {
    int64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? static_cast<int64_t>(pos_) : static_cast<int64_t>(data_.size());
    int64_t target = base + offset;
    if (target < 0 || target > static_cast<int64_t>(data_.size())) return -1;
    pos_ = static_cast<size_t>(target);
    return target;
  }
  bool seekable() const override { return true; }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

// Receives the text of one piece (a file, a page, a cell ...) in any number of writes.
class TextSink {
 public:
  virtual ~TextSink() = default;
  virtual void write(std::string_view utf8) = 0;
  virtual void finish() = 0;
  // The whole text at once, instead of write() calls and finish(): lets the scanner match
  // the caller's buffer without copying it.
  virtual void write_whole(std::string_view utf8) {
    write(utf8);
    finish();
  }
  // See PieceScanner::locate_by_offset: a finding's location from its offset in the piece.
  virtual void locate_by_offset(std::function<LocationChain(uint64_t)> resolver) = 0;
  // See PieceScanner::adjust_by_offset: the extractor knows something about the text at
  // an offset that changes how sure a finding there is (a leading zero it restored).
  virtual void adjust_by_offset(std::function<std::optional<ConfidenceAdjustment>(uint64_t)> adjust) = 0;
};

struct Item {
  ByteSource& source;
  std::string_view head;  // the first bytes, already read from `source`, for sniffing
  bool head_is_all = false;  // `source` holds nothing more
  LocationChain location;   // where this item is inside the top-level file
  std::string name;         // file or member name: a hint only (naming a decompressed child)
};

class ExtractContext {
 public:
  virtual ~ExtractContext() = default;
  // A sink for the text found at `location` (the item's chain plus, e.g., "page 3").
  virtual std::unique_ptr<TextSink> open_text(LocationChain location) = 0;
  virtual void problem(Problem p) = 0;
  virtual void count_bytes_read(uint64_t n) = 0;
  // A document's own author and last editor (see FileInfo). Kept for the top-level file
  // only: a member's properties would describe the member, not the file on the share.
  virtual void document_properties(const LocationChain& where, std::string author, std::string last_modified_by) = 0;
  // A reusable buffer for reading; the item's `head` may live in it too, so use it only
  // after the head has been consumed.
  virtual std::vector<char>& read_buffer() = 0;
  // How many bytes read_whole() may hold for this item (--max-whole-file for a file on
  // disk; members are bounded by the file's budget instead).
  virtual uint64_t whole_item_limit() const = 0;
  // The mail at `where` (a message, with everything below it: bodies, attachments): its
  // findings carry these fields. A later call for a sibling message replaces it.
  virtual void mail_message(const LocationChain& where, MailFields fields) = 0;
  // Called by the mbox and PST readers on a top-level file: see Budget::widen_for_mailbox_store.
  virtual void mailbox_store() = 0;
  // A child found inside the item: an archive member, an attachment. It is scanned like a
  // file (sniffed, extracted, matched; containers recurse) with `name` appended to the
  // location chain, under the top-level file's budget. `source` is read before this
  // returns: small children are copied and scanned in parallel, large ones in place.
  // Non-empty once the top-level file's time limit has passed: long loops (PDF pages) stop.
  virtual std::string time_check() const = 0;
  // Returns false once the file's budget is spent: the container should stop listing members.
  bool child(const std::string& name, ByteSource& source, int64_t size) { return child_at({name}, source, size); }
  // The same with a longer path below the item: ["message 2019-03-02 ...", "attachment x.docx"].
  virtual bool child_at(const LocationChain& below, ByteSource& source, int64_t size) = 0;  // size -1: unknown
};

using ExtractFn = void (*)(Item& item, ExtractContext& ctx);

}  // namespace gdprscan
