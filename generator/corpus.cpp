#include "corpus.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <set>
#include <stdexcept>
#include <unordered_set>

#include "layout.h"
#include "mail_writer.h"
#include "writers.h"

namespace gdprscan::corpus {

namespace {

constexpr const char* kTruthFile = "truth.jsonl";

// ---- files and folders -----------------------------------------------------------------

class OutputFile {
 public:
  explicit OutputFile(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd_ < 0) throw std::runtime_error("cannot create '" + path + "': " + std::strerror(errno));
  }
  ~OutputFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void write(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw std::runtime_error("cannot write '" + path_ + "': " + std::strerror(errno));
      bytes.remove_prefix(static_cast<size_t>(n));
      written_ += static_cast<uint64_t>(n);
    }
  }
  // The document's date as the file's modification time: a share's files span years.
  void close_with_time(int64_t time) {
    timespec times[2] = {{static_cast<time_t>(time), 0}, {static_cast<time_t>(time), 0}};
    futimens(fd_, times);
    close();
  }
  void close() {
    if (::close(fd_) != 0) throw std::runtime_error("cannot write '" + path_ + "': " + std::strerror(errno));
    fd_ = -1;
  }
  uint64_t written() const { return written_; }

 private:
  std::string path_;
  int fd_ = -1;
  uint64_t written_ = 0;
};

void make_dirs(const std::string& path) {
  for (size_t slash = path.find('/', 1); ; slash = path.find('/', slash + 1)) {
    std::string prefix = path.substr(0, slash);
    if (mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST)
      throw std::runtime_error("cannot create directory '" + prefix + "': " + std::strerror(errno));
    if (slash == std::string::npos) break;
  }
}

// ---- truth.jsonl -----------------------------------------------------------------------

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') out.append("\\").append(1, c);
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (u < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", u);
      out += escape;
    } else out += c;
  }
  return out += '"';
}

const char* kind_text(TruthKind kind) {
  switch (kind) {
    case TruthKind::positive: return "positive";
    case TruthKind::decoy: return "decoy";
    case TruthKind::ambiguous: return "ambiguous";
  }
  return "ambiguous";
}

// Writes one file's truth, each (detector, value, location, kind) once: `gdprscan bench`
// matches one finding to one truth item, so a repeated item would count as missed.
class TruthWriter {
 public:
  explicit TruthWriter(const std::string& path) : out_(path) {}

  void add(const std::string& file, const PlacedTruth& t, CorpusReport& report, FormatTally& tally) {
    std::string location;
    for (const auto& level : t.location) location.append(location.empty() ? "" : ",").append(json_string(level));
    std::string key = t.item.detector + '\0' + t.item.value + '\0' + location + '\0' + kind_text(t.item.kind);
    if (!seen_.insert(std::move(key)).second) return;
    std::string line = std::string("{\"file\":").append(json_string(file)).append(",\"detector\":")
                           .append(json_string(t.item.detector)).append(",\"value\":").append(json_string(t.item.value))
                           .append(",\"kind\":\"").append(kind_text(t.item.kind)).append("\"");
    if (!t.location.empty()) line.append(",\"location\":[").append(location).append("]");
    if (!t.item.note.empty()) line.append(",\"note\":").append(json_string(t.item.note));
    out_.write(line.append("}\n"));
    if (t.item.kind == TruthKind::positive) ++report.positives, ++tally.positives;
    else if (t.item.kind == TruthKind::decoy) ++report.decoys, ++tally.decoys;
    else ++report.ambiguous;
  }
  void next_file() { seen_.clear(); }
  void close() { out_.close(); }

 private:
  OutputFile out_;
  std::unordered_set<std::string> seen_;
};

// ---- choosing formats ------------------------------------------------------------------

// The format whose share of the bytes written so far is furthest below its share of the
// mix: proportions hold in a small corpus too, and every format comes early.
Format next_format(const std::vector<std::pair<Format, double>>& mix, const std::map<Format, uint64_t>& bytes, uint64_t total) {
  double weight_sum = 0;
  for (const auto& [f, w] : mix) weight_sum += w;
  Format best = mix.front().first;
  double best_deficit = -INFINITY;
  for (const auto& [f, w] : mix) {
    auto it = bytes.find(f);
    double have = it == bytes.end() ? 0 : double(it->second);
    double deficit = w / weight_sum * double(total + 1) - have;
    if (it == bytes.end()) deficit += 1e18 * w;  // not written yet: first
    if (deficit > best_deficit) best = f, best_deficit = deficit;
  }
  return best;
}

std::vector<std::pair<Format, double>> large_files_mix(const std::vector<std::pair<Format, double>>& mix) {
  std::vector<std::pair<Format, double>> out;
  for (const auto& [f, w] : mix)
    if (f == Format::text || f == Format::mbox) out.push_back({f, w});
  if (out.empty()) throw std::invalid_argument("--mix: --shape large-files writes text and mbox files only; the mix names neither");
  return out;
}

// ---- the streamed large files ----------------------------------------------------------

constexpr uint64_t kChunkBytes = 1 << 20;

// A multi-GB journal export or mailbox, written a chunk (or a message) at a time.
void stream_large_file(Format format, OutputFile& out, FileContext& ctx, const std::string& rel, TruthWriter& truth,
                       CorpusReport& report, FormatTally& tally) {
  TextStyle style;
  while (out.written() < ctx.target) {
    Rendered chunk;
    if (format == Format::text) {
      DocKind kind = ctx.rng.chance(0.5) ? DocKind::journal : ctx.rng.chance(0.5) ? DocKind::log : DocKind::report;
      uint64_t size = std::min<uint64_t>(kChunkBytes, ctx.target - out.written());
      chunk = write_txt(make_document(kind, size, ctx.year, ctx.rng, ctx.planter, ctx.prose), style);
    } else {
      // One message per chunk (a target of one byte ends the box after its first message).
      FileContext message = ctx;
      message.target = 1;
      message.time = ctx.time + static_cast<int64_t>(out.written() / 4096);
      chunk = make_file(Format::mbox, message, 1).rendered;
    }
    out.write(chunk.bytes);
    for (const auto& t : chunk.truth) truth.add(rel, t, report, tally);
  }
}

}  // namespace

const std::vector<std::pair<Format, double>>& default_mix() {
  static const std::vector<std::pair<Format, double>> mix = {
      {Format::text, 40}, {Format::csv, 2},  {Format::html, 4}, {Format::docx, 12}, {Format::xlsx, 3},
      {Format::pptx, 2},  {Format::odt, 3},  {Format::ods, 1},  {Format::pdf, 10},  {Format::eml, 8},
      {Format::mbox, 5},  {Format::zip, 5},  {Format::targz, 3}, {Format::rtf, 1},   {Format::odp, 1},
      {Format::fodt, 1},  {Format::sevenzip, 1}, {Format::tarxz, 1}, {Format::gz, 2}, {Format::maildir, 4}};
  return mix;
}

std::vector<std::pair<Format, double>> parse_mix(const std::string& text) {
  std::vector<std::pair<Format, double>> mix;
  size_t at = 0;
  while (at <= text.size()) {
    size_t comma = text.find(',', at);
    std::string item = text.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    size_t eq = item.find('=');
    std::string name = item.substr(0, eq);
    auto format = format_named(name);
    if (!format) {
      std::string known;
      for (const auto& f : all_formats()) known.append(known.empty() ? "" : ", ").append(f.name);
      throw std::invalid_argument("--mix: unknown format '" + name + "' (known: " + known + ")");
    }
    double weight = -1;
    size_t used = 0;
    try {
      if (eq != std::string::npos) weight = std::stod(item.substr(eq + 1), &used);
    } catch (const std::exception&) {
    }
    if (eq == std::string::npos || used != item.size() - eq - 1 || !(weight >= 0 && weight < 1e9))
      throw std::invalid_argument("--mix: '" + item + "' is not FORMAT=WEIGHT with a weight of 0 or more");
    for (const auto& [f, w] : mix)
      if (f == *format) throw std::invalid_argument("--mix: format '" + name + "' given twice");
    if (weight > 0) mix.push_back({*format, weight});
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  if (mix.empty()) throw std::invalid_argument("--mix: no format with a weight above 0");
  return mix;
}

Shape parse_shape(const std::string& text) {
  if (text == "mixed") return Shape::mixed;
  if (text == "small-files") return Shape::small_files;
  if (text == "large-files") return Shape::large_files;
  throw std::invalid_argument("--shape: '" + text + "' is not one of mixed, small-files, large-files");
}

void check_output_dir(const std::string& dir) {
  struct stat st;
  if (stat(dir.c_str(), &st) != 0) return;
  if (!S_ISDIR(st.st_mode)) throw std::invalid_argument("--out: '" + dir + "' exists and is not a directory");
  DIR* d = opendir(dir.c_str());
  if (!d) throw std::invalid_argument("--out: cannot read '" + dir + "': " + std::strerror(errno));
  bool empty = true;
  while (dirent* e = readdir(d))
    if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) empty = false;
  closedir(d);
  // Never mix two trees: an old truth.jsonl or old files would make the figures wrong.
  if (!empty) throw std::invalid_argument("--out: '" + dir + "' is not empty (give a new or empty directory)");
}

namespace {

// Our gzip reader adds a level named like the file without ".gz" ("x.tar.gz" holds "x.tar").
void below_gzip_level(const std::string& rel, std::vector<PlacedTruth>& truth) {
  std::string name = rel.substr(rel.rfind('/') + 1);
  name.resize(name.size() - 3);
  for (auto& t : truth)
    if (!t.location.empty()) t.location.insert(t.location.begin(), name);
}

struct Run {
  const CorpusOptions& options;
  Rng root;
  ProsePool prose;
  Layout layout;
  std::map<Format, Planter> planters;
  TruthWriter truth;
  CorpusReport report;
  std::set<std::string> folders;

  explicit Run(const CorpusOptions& o)
      : options(o), root(o.seed), prose(root.fork("prose")), layout(root.fork("layout")), truth(o.out + "/" + kTruthFile) {}

  Planter& planter_for(Format f) {
    auto it = planters.find(f);
    if (it == planters.end()) it = planters.emplace(f, Planter(root.fork(std::string("planter ") + describe(f).name))).first;
    return it->second;
  }

  void write_file(uint64_t index, Format format) {
    Rng rng = root.fork("file " + std::to_string(index));
    int year = static_cast<int>(rng.between(2008, 2024));
    FileContext ctx{rng, planter_for(format), prose, options.shape, year, time_in_year(year, rng),
                    pick_target(format, options.shape, rng, remaining())};
    // No one file may take more than a sixteenth of a small corpus: every format gets several.
    if (options.shape == Shape::mixed) ctx.target = std::min(ctx.target, std::max<uint64_t>(options.size / 16, 4096));
    if (options.shape == Shape::large_files)
      ctx.target = std::min(remaining(), std::clamp<uint64_t>(options.size / 3, 16ull << 20, 4ull << 30));
    FormatTally& tally = report.by_format[describe(format).name];
    bool streamed = options.shape == Shape::large_files;
    MadeFile made;
    if (!streamed) made = make_file(format, ctx);
    std::string rel = layout.place(format, streamed ? DocKind::journal : made.kind, year);
    if (!made.tree.empty()) return write_tree(rel, made.tree, ctx.time, format, tally);
    std::string folder = rel.substr(0, rel.rfind('/'));
    if (folders.insert(folder).second) make_dirs(options.out + "/" + folder);
    OutputFile out(options.out + "/" + rel);
    truth.next_file();
    if (streamed) {
      stream_large_file(format, out, ctx, rel, truth, report, tally);
    } else {
      if (format == Format::targz || format == Format::gz) below_gzip_level(rel, made.rendered.truth);
      out.write(made.rendered.bytes);
      for (const auto& t : made.rendered.truth) truth.add(rel, t, report, tally);
    }
    out.close_with_time(ctx.time);
    count_file(format, out.written(), tally);
  }

  // A folder format (a maildir): its subfolders, then each file with its truth. Every file
  // counts as one, as the walker sees them; the folder's `tmp/` stays empty, as between
  // deliveries.
  void write_tree(const std::string& rel, const std::vector<TreeFile>& tree, int64_t time, Format format, FormatTally& tally) {
    for (const char* sub : {"/cur", "/new", "/tmp"}) {
      make_dirs(options.out + "/" + rel + sub);
      folders.insert(rel + sub);
    }
    for (const auto& file : tree) {
      std::string path = rel + "/" + file.path;
      OutputFile out(options.out + "/" + path);
      truth.next_file();
      out.write(file.rendered.bytes);
      for (const auto& t : file.rendered.truth) truth.add(path, t, report, tally);
      out.close_with_time(time);
      count_file(format, out.written(), tally);
    }
  }

  void count_file(Format format, uint64_t bytes, FormatTally& tally) {
    ++report.files, ++tally.files;
    report.bytes += bytes, tally.bytes += bytes;
    format_bytes[format] += bytes;
  }

  uint64_t remaining() const { return options.size > report.bytes ? options.size - report.bytes : 0; }

  std::map<Format, uint64_t> format_bytes;
};

}  // namespace

CorpusReport generate_corpus(const CorpusOptions& options) {
  auto start = std::chrono::steady_clock::now();
  auto mix = options.mix.empty() ? default_mix() : options.mix;
  if (options.shape == Shape::large_files) mix = large_files_mix(mix);  // before anything is written
  check_output_dir(options.out);
  make_dirs(options.out);
  Run run(options);
  for (uint64_t index = 0; run.report.bytes < options.size; ++index)
    run.write_file(index, next_format(mix, run.format_bytes, run.report.bytes));
  run.truth.close();
  run.report.folders = run.folders.size();
  run.report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return run.report;
}

}  // namespace gdprscan::corpus
