#include "formats.h"

#include <cctype>
#include <cmath>

#include "mail_writer.h"
#include "archive_writer.h"
#include "prose_words.h"
#include "writers.h"

namespace gdprscan::corpus {

const std::vector<FormatName>& all_formats() {
  static const std::vector<FormatName> formats = {
      {Format::text, "text", "txt"}, {Format::csv, "csv", "csv"},   {Format::html, "html", "html"},
      {Format::docx, "docx", "docx"}, {Format::xlsx, "xlsx", "xlsx"}, {Format::pptx, "pptx", "pptx"},
      {Format::odt, "odt", "odt"},   {Format::ods, "ods", "ods"},   {Format::pdf, "pdf", "pdf"},
      {Format::eml, "eml", "eml"},   {Format::mbox, "mbox", "mbox"}, {Format::zip, "zip", "zip"},
      {Format::targz, "targz", "tar.gz"}, {Format::rtf, "rtf", "rtf"},   {Format::odp, "odp", "odp"},
      {Format::fodt, "fodt", "fodt"},  {Format::sevenzip, "7z", "7z"}, {Format::tarxz, "tarxz", "tar.xz"},
      {Format::gz, "gz", "txt.gz"},    {Format::maildir, "maildir", ""}};
  return formats;
}

std::optional<Format> format_named(const std::string& name) {
  for (const auto& f : all_formats())
    if (name == f.name || (*f.extension && name == f.extension)) return f.format;
  if (name == "tgz") return Format::targz;
  if (name == "txz") return Format::tarxz;
  return std::nullopt;
}

const FormatName& describe(Format format) {
  for (const auto& f : all_formats())
    if (f.format == format) return f;
  return all_formats().front();
}

namespace {

uint64_t log_uniform(Rng& rng, double lo, double hi) {
  return static_cast<uint64_t>(std::exp(std::log(lo) + rng.unit() * (std::log(hi) - std::log(lo))));
}

constexpr double KiB = 1024, MiB = 1024 * 1024;

bool is_table(Format f) { return f == Format::csv || f == Format::xlsx || f == Format::ods; }

// Documents that are written as prose in office formats and PDF: no access logs there.
DocKind office_kind(Rng& rng, uint64_t target) {
  DocKind kind = pick_kind(rng, target);
  return kind == DocKind::log ? DocKind::report : kind;
}

std::string email_local(const std::string& name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (name.compare(i, 2, "æ") == 0 || name.compare(i, 2, "Æ") == 0) out += "ae", ++i;
    else if (name.compare(i, 2, "ø") == 0 || name.compare(i, 2, "Ø") == 0) out += "oe", ++i;
    else if (name.compare(i, 2, "å") == 0 || name.compare(i, 2, "Å") == 0) out += "aa", ++i;
    else if (c == ' ') out += '.';
    else if (std::isalpha(c)) out += static_cast<char>(std::tolower(c));
  }
  return out;
}

const std::vector<std::string_view> kMunicipalDomains = {"aarhus.dk", "kk.dk",      "odense.dk", "aalborg.dk",
                                                         "esbjerg.dk", "randers.dk", "vejle.dk",  "horsens.dk",
                                                         "roskilde.dk", "viborg.dk", "skive.dk",  "gentofte.dk"};
const std::vector<std::string_view> kPrivateDomains = {"gmail.com", "hotmail.com", "live.dk", "outlook.dk",
                                                       "yahoo.dk",  "mail.dk",     "jubii.dk", "icloud.com"};

Workbook make_workbook(FileContext& ctx) {
  Workbook book{std::string("Udtræk ").append(std::to_string(ctx.year)), {}};
  int64_t sheets = ctx.rng.chance(0.25) ? ctx.rng.between(2, 3) : 1;
  for (int64_t i = 1; i <= sheets; ++i)
    book.sheets.push_back(make_table(std::string("Ark").append(std::to_string(i)), ctx.target / uint64_t(sheets), ctx.rng, ctx.planter));
  return book;
}

DocMeta meta_of(FileContext& ctx) { return {words::full_name(ctx.rng), ctx.time}; }

// The formats made from one prose document.
Rendered write_document(Format format, const Document& doc, const DocMeta& meta) {
  switch (format) {
    case Format::html: return write_html(doc);
    case Format::docx: return write_docx(doc, meta);
    case Format::odt: return write_odt(doc, meta);
    case Format::fodt: return write_fodt(doc, meta);
    case Format::pdf: return write_pdf(doc, meta);
    case Format::rtf: return write_rtf(doc, meta);
    case Format::odp: return write_odp(doc, meta);
    default: return write_pptx(doc, meta);
  }
}

const char* mime_type_of(Format f) {
  switch (f) {
    case Format::text: return "text/plain";
    case Format::csv: return "text/csv";
    case Format::html: return "text/html";
    case Format::docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case Format::xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case Format::pptx: return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    case Format::odt: return "application/vnd.oasis.opendocument.text";
    case Format::ods: return "application/vnd.oasis.opendocument.spreadsheet";
    case Format::pdf: return "application/pdf";
    case Format::eml: return "message/rfc822";
    case Format::mbox: return "application/mbox";
    case Format::zip: return "application/zip";
    case Format::targz: return "application/gzip";
    case Format::rtf: return "application/rtf";
    case Format::odp: return "application/vnd.oasis.opendocument.presentation";
    case Format::fodt: return "application/vnd.oasis.opendocument.text-flat-xml";
    case Format::sevenzip: return "application/x-7z-compressed";
    case Format::tarxz: return "application/x-xz";
    case Format::gz: return "application/gzip";
    case Format::maildir: break;  // a folder: never an attachment
  }
  return "application/octet-stream";
}

// The location chain of a member's truth inside its container: the container's level
// first, then the member's own (a page, a cell).
void add_below(std::vector<PlacedTruth>& out, const std::vector<PlacedTruth>& member, const std::string& level) {
  for (const auto& t : member) {
    PlacedTruth placed = t;
    placed.location.insert(placed.location.begin(), level);
    out.push_back(std::move(placed));
  }
}

// A format an attachment or an archive member can have.
Format member_format(Rng& rng, bool allow_archive) {
  static const std::vector<Format> documents = {Format::text, Format::text, Format::pdf,  Format::pdf,  Format::docx,
                                                Format::docx, Format::odt,  Format::html, Format::pptx, Format::xlsx,
                                                Format::csv,  Format::ods,  Format::rtf,  Format::odp};
  if (allow_archive && rng.chance(0.15)) return Format::zip;
  return rng.pick(documents);
}

std::string member_name(Rng& rng, Format f, size_t index) {
  static const std::vector<std::string_view> stems = {"Bilag", "Notat", "Afgørelse", "Udtræk", "Referat", "Brev",
                                                      "Oversigt", "Kopi af", "Scan", "Dokument"};
  return std::string(rng.pick(stems)).append(" ").append(std::to_string(index + 1)).append(".").append(describe(f).extension);
}

FileContext child_context(FileContext& ctx, uint64_t target) {
  return FileContext{ctx.rng, ctx.planter, ctx.prose, ctx.shape, ctx.year, ctx.time, target};
}

uint64_t member_target(FileContext& ctx) {
  return ctx.shape == Shape::small_files ? log_uniform(ctx.rng, 512, 2 * KiB) : log_uniform(ctx.rng, 1 * KiB, 96 * KiB);
}

Mail make_mail(FileContext& ctx, int depth) {
  Mail mail;
  mail.from_name = words::full_name(ctx.rng);
  mail.to_name = words::full_name(ctx.rng);
  bool outgoing = ctx.rng.chance(0.5);
  mail.from_address = email_local(mail.from_name).append("@").append(ctx.rng.pick(outgoing ? kMunicipalDomains : kPrivateDomains));
  mail.to_address = email_local(mail.to_name).append("@").append(ctx.rng.pick(outgoing ? kPrivateDomains : kMunicipalDomains));
  mail.subject = std::string(ctx.rng.chance(0.3) ? "SV: " : "").append(ctx.rng.pick(words::subjects)).append(" - sagsnr. ")
                     .append(std::to_string(ctx.year)).append("-").append(std::to_string(ctx.rng.between(100, 99999)));
  mail.message_id = std::to_string(ctx.rng.next()).append(".").append(std::to_string(ctx.time)).append("@")
                        .append(mail.from_address.substr(mail.from_address.find('@') + 1));
  mail.time = ctx.time;
  mail.body = make_document(ctx.rng.chance(0.5) ? DocKind::letter : DocKind::note, ctx.target, ctx.year, ctx.rng, ctx.planter, ctx.prose);
  mail.html_alternative = ctx.rng.chance(0.4);
  // A quarter of single mails carry attachments; fewer of a mailbox's many mails do.
  if (depth < 2 && ctx.rng.chance(ctx.shape == Shape::small_files ? 0.1 : depth == 0 ? 0.25 : 0.08)) {
    for (int64_t i = ctx.rng.between(1, 3); i > 0; --i) {
      Format f = member_format(ctx.rng, depth == 0);
      FileContext child = child_context(ctx, member_target(ctx));
      MailAttachment a{member_name(ctx.rng, f, mail.attachments.size()), mime_type_of(f), make_file(f, child, depth + 1).rendered};
      mail.attachments.push_back(std::move(a));
    }
  }
  if (depth == 0 && ctx.rng.chance(0.08)) {
    FileContext child = child_context(ctx, member_target(ctx));
    mail.attached.push_back(make_mail(child, depth + 1));
  }
  return mail;
}

Rendered make_eml(FileContext& ctx, int depth) {
  Mail mail = make_mail(ctx, depth);
  return write_eml(mail);
}

Rendered make_mbox(FileContext& ctx) {
  Rendered box;
  uint64_t bytes = 0;
  while (bytes < ctx.target) {
    uint64_t body = ctx.shape == Shape::small_files ? log_uniform(ctx.rng, 400, 1500) : log_uniform(ctx.rng, 1 * KiB, 24 * KiB);
    FileContext child = child_context(ctx, body);
    child.time = ctx.time + static_cast<int64_t>(bytes % 86400);
    Rendered entry = write_mbox_entry(make_mail(child, 1));
    bytes += entry.bytes.size();
    box.bytes.append(entry.bytes);
    box.truth.insert(box.truth.end(), entry.truth.begin(), entry.truth.end());
  }
  return box;
}

ArchiveWriter::Kind archive_kind(Format format) {
  switch (format) {
    case Format::targz: return ArchiveWriter::Kind::tar_gz;
    case Format::tarxz: return ArchiveWriter::Kind::tar_xz;
    case Format::sevenzip: return ArchiveWriter::Kind::seven_zip;
    default: return ArchiveWriter::Kind::zip;
  }
}

Rendered make_archive(Format format, FileContext& ctx, int depth) {
  ArchiveWriter archive(archive_kind(format), ctx.time);
  Rendered r;
  int64_t members = ctx.shape == Shape::small_files ? ctx.rng.between(2, 4) : ctx.rng.between(3, 15);
  std::string folder = std::string(ctx.rng.pick(words::subjects)).append("/");
  for (int64_t i = 0; i < members; ++i) {
    Format f = member_format(ctx.rng, depth == 0);
    FileContext child = child_context(ctx, member_target(ctx));
    MadeFile member = make_file(f, child, depth + 1);
    std::string name = folder + member_name(ctx.rng, f, static_cast<size_t>(i));
    archive.add(name, member.rendered.bytes);
    add_below(r.truth, member.rendered.truth, name);
  }
  r.bytes = archive.finish();
  return r;
}

// A text file compressed on its own, as log rotation and export jobs leave them. Our reader
// names the gzip level like the file without ".gz"; text has no location below it.
MadeFile make_gz(FileContext& ctx) {
  MadeFile text = make_file(Format::text, ctx, 1);
  ArchiveWriter gzip(ArchiveWriter::Kind::gzip, ctx.time);
  gzip.add("data", text.rendered.bytes);
  text.rendered.bytes = gzip.finish();
  return text;
}

// A maildir's message file name: "<time>.M<microseconds>P<pid>Q<n>.<host>", with the
// ":2,S" (seen) suffix in cur/; new/ holds messages no client has looked at yet.
std::string maildir_name(int64_t time, Rng& rng, size_t index, bool seen) {
  std::string name = std::to_string(time).append(".M").append(std::to_string(rng.below(1000000))).append("P")
                         .append(std::to_string(rng.between(1000, 99999))).append("Q").append(std::to_string(index + 1))
                         .append(".mailserver");
  return seen ? std::string("cur/").append(name).append(":2,S") : std::string("new/").append(name);
}

// A maildir: one file per message (GMime, like .eml), most of them read (cur/), a few new.
std::vector<TreeFile> make_maildir(FileContext& ctx) {
  std::vector<TreeFile> messages;
  uint64_t bytes = 0;
  while (bytes < ctx.target) {
    uint64_t body = ctx.shape == Shape::small_files ? log_uniform(ctx.rng, 400, 1500) : log_uniform(ctx.rng, 1 * KiB, 24 * KiB);
    FileContext child = child_context(ctx, body);
    child.time = ctx.time + static_cast<int64_t>(messages.size()) * 3607;
    Rendered message = write_eml(make_mail(child, 1));
    bytes += message.bytes.size();
    messages.push_back({maildir_name(child.time, ctx.rng, messages.size(), ctx.rng.chance(0.8)), std::move(message)});
  }
  return messages;
}

}  // namespace

int64_t time_in_year(int year, Rng& rng) {
  // Days from 1970-01-01 to January 1st of `year` (Gregorian; every year here is after 1970).
  int64_t days = 0;
  for (int y = 1970; y < year; ++y) days += (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 366 : 365;
  return days * 86400 + static_cast<int64_t>(rng.below(365 * 86400ull));
}

uint64_t pick_target(Format format, Shape shape, Rng& rng, uint64_t remaining) {
  if (shape == Shape::small_files) return log_uniform(rng, 1 * KiB, 7 * KiB);
  if (shape == Shape::large_files) return std::min<uint64_t>(remaining, 4ull << 30);
  switch (format) {
    case Format::text:
      if (remaining > 64 * MiB && rng.chance(0.002)) return log_uniform(rng, 12 * MiB, 20 * MiB);
      return log_uniform(rng, 1 * KiB, 2 * MiB);
    case Format::csv:
    case Format::xlsx:
    case Format::ods: return log_uniform(rng, 2 * KiB, 96 * KiB);  // lists are dense: a row a person
    case Format::html: return log_uniform(rng, 1 * KiB, 256 * KiB);
    case Format::pptx:
    case Format::odp: return log_uniform(rng, 2 * KiB, 48 * KiB);
    case Format::eml: return log_uniform(rng, 1 * KiB, 32 * KiB);
    case Format::mbox: return log_uniform(rng, 64 * KiB, 8 * MiB);
    case Format::maildir: return log_uniform(rng, 16 * KiB, 1 * MiB);
    default: return log_uniform(rng, 2 * KiB, 256 * KiB);
  }
}

MadeFile make_file(Format format, FileContext& ctx, int depth) {
  MadeFile made;
  // An attached or archived list is an extract of a few dozen rows, not a whole register.
  if (is_table(format) && depth > 0) ctx.target = std::min<uint64_t>(ctx.target, 6 * 1024);
  if (is_table(format)) made.kind = DocKind::staff;
  switch (format) {
    case Format::text: {
      made.kind = pick_kind(ctx.rng, ctx.target);
      Document doc = make_document(made.kind, ctx.target, ctx.year, ctx.rng, ctx.planter, ctx.prose);
      TextStyle style;
      double u = ctx.rng.unit();
      style.encoding = u < 0.05 ? TextStyle::Encoding::windows1252 : u < 0.08 ? TextStyle::Encoding::utf8_bom : TextStyle::Encoding::utf8;
      style.crlf = style.encoding == TextStyle::Encoding::windows1252 || ctx.rng.chance(0.06);
      style.wrap = ctx.rng.chance(style.encoding == TextStyle::Encoding::windows1252 ? 0.7 : 0.3);
      made.rendered = write_txt(doc, style);
      break;
    }
    case Format::csv: {
      Table table = make_table("Ark1", ctx.target, ctx.rng, ctx.planter);
      made.rendered = write_csv(table, ctx.rng.chance(0.5));
      break;
    }
    case Format::xlsx: made.rendered = write_xlsx(make_workbook(ctx), meta_of(ctx)); break;
    case Format::ods: made.rendered = write_ods(make_workbook(ctx), meta_of(ctx)); break;
    case Format::html:
    case Format::docx:
    case Format::odt:
    case Format::pdf:
    case Format::pptx:
    case Format::rtf:
    case Format::odp:
    case Format::fodt: {
      bool slides = format == Format::pptx || format == Format::odp;
      made.kind = slides ? DocKind::minutes : office_kind(ctx.rng, ctx.target);
      Document doc = make_document(made.kind, ctx.target, ctx.year, ctx.rng, ctx.planter, ctx.prose);
      made.rendered = write_document(format, doc, meta_of(ctx));
      break;
    }
    case Format::gz: made = make_gz(ctx); break;
    case Format::maildir:
      made.kind = DocKind::letter;
      made.tree = make_maildir(ctx);
      break;
    case Format::eml:
      made.kind = DocKind::letter;
      made.rendered = make_eml(ctx, depth);
      break;
    case Format::mbox:
      made.kind = DocKind::letter;
      made.rendered = make_mbox(ctx);
      break;
    case Format::zip:
    case Format::targz:
    case Format::tarxz:
    case Format::sevenzip:
      made.kind = DocKind::report;
      made.rendered = make_archive(format, ctx, depth);
      break;
  }
  return made;
}

}  // namespace gdprscan::corpus
