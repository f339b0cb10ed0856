#include "layout.h"

#include <cstdio>

#include "prose_words.h"

namespace gdprscan::corpus {

namespace {

std::string two(int n) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", n);
  return buffer;
}

// The slot a file's folder is chosen in: files of one slot share open folders.
std::string slot_of(Format format, DocKind kind) {
  switch (format) {
    case Format::eml: return "mail";
    case Format::mbox:
    case Format::maildir: return "mailbox";
    case Format::zip:
    case Format::targz:
    case Format::tarxz:
    case Format::sevenzip: return "archive";
    case Format::csv:
    case Format::xlsx:
    case Format::ods: return "list";
    case Format::pptx:
    case Format::odp: return "minutes";
    default: break;
  }
  switch (kind) {
    case DocKind::note:
    case DocKind::letter: return "case";
    default: return kind_name(kind);
  }
}

}  // namespace

std::string Layout::folder_for(const std::string& slot, int year) {
  OpenFolder& open = open_[slot];
  if (open.files_left-- > 0) return open.path;
  Rng& r = rng_;
  std::string y = std::to_string(year);
  std::string path;
  int files = 0;
  if (slot == "case") {
    char number[16];
    std::snprintf(number, sizeof number, "%05d", static_cast<int>(r.between(1, 99999)));
    path = std::string("Sager/").append(y).append("/").append(y).append("-").append(number).append(" ")
               .append(r.pick(words::last_names)).append(", ").append(r.pick(words::subjects));
    if (r.chance(0.3)) path.append("/").append(r.chance(0.5) ? "Korrespondance" : "Bilag");
    files = static_cast<int>(r.between(1, 12));
  } else if (slot == "personale") {
    path = std::string("Personale/").append(r.pick(words::departments)).append("/").append(words::full_name(r));
    files = static_cast<int>(r.between(1, 8));
  } else if (slot == "list") {
    path = std::string("Borgerservice/").append(r.pick(words::departments)).append("/Lister/").append(y);
    files = static_cast<int>(r.between(2, 10));
  } else if (slot == "journal") {
    path = std::string(r.chance(0.5) ? "Borgerservice" : "Sager").append("/Journaludtræk/").append(y);
    files = static_cast<int>(r.between(2, 10));
  } else if (slot == "log") {
    path = std::string("IT/Logfiler/").append(r.pick(words::systems)).append("/").append(y);
    files = static_cast<int>(r.between(5, 30));
  } else if (slot == "referat" || slot == "minutes") {
    path = std::string("Udvalg/").append(r.pick(words::committees)).append("/Referater/").append(y);
    files = static_cast<int>(r.between(4, 15));
  } else if (slot == "faktura") {
    int month = static_cast<int>(r.between(1, 12));
    path = std::string("Økonomi/Kreditorer/").append(y).append("/").append(two(month)).append(" ").append(words::months[static_cast<size_t>(month - 1)]);
    files = static_cast<int>(r.between(5, 25));
  } else if (slot == "mail") {
    path = std::string("Postkasser/").append(r.pick(words::departments)).append("/").append(y).append("/")
               .append(r.chance(0.5) ? "Indbakke" : "Sendt post");
    files = static_cast<int>(r.between(3, 20));
  } else if (slot == "mailbox") {
    path = std::string("Eksport/Postkasser/").append(y);
    files = static_cast<int>(r.between(1, 4));
  } else if (slot == "archive") {
    path = std::string("Arkiv/").append(y).append("/").append(r.pick(words::departments));
    files = static_cast<int>(r.between(2, 8));
  } else {
    static const std::vector<std::string_view> tops = {"Fælles", "Politik og Strategi", "Teknik og Miljø", "Skole og Dagtilbud"};
    static const std::vector<std::string_view> middles = {"Vejledninger", "Rapporter", "Kvalitetsstandarder", "Budget", "Tilsyn"};
    path = std::string(r.pick(tops)).append("/").append(r.pick(middles)).append("/").append(r.pick(words::departments));
    files = static_cast<int>(r.between(3, 20));
  }
  open = {path, files - 1};
  return path;
}

std::string Layout::file_stem(Format format, DocKind kind, int year) {
  Rng& r = rng_;
  std::string iso = std::to_string(year).append("-").append(two(static_cast<int>(r.between(1, 12)))).append("-")
                        .append(two(static_cast<int>(r.between(1, 28))));
  if (format == Format::eml) return std::string(r.pick(words::subjects)).append(" ").append(iso);
  if (format == Format::mbox) return std::string("Postkasse ").append(r.pick(words::departments)).append(" ").append(std::to_string(year));
  if (format == Format::maildir) return std::string("Maildir ").append(words::full_name(r));
  if (format == Format::zip || format == Format::targz || format == Format::tarxz || format == Format::sevenzip)
    return std::string("Arkivudtræk ").append(iso);
  if (format == Format::csv || format == Format::xlsx || format == Format::ods)
    return std::string(r.chance(0.5) ? "Borgerliste " : "Udtræk ").append(r.pick(words::benefits)).append(" ").append(iso);
  switch (kind) {
    case DocKind::note: return std::string("Notat ").append(iso).append(" ").append(r.pick(words::subjects));
    case DocKind::letter: return std::string("Brev til borger ").append(iso);
    case DocKind::minutes: return std::string("Referat ").append(iso);
    case DocKind::report: return std::string(r.chance(0.5) ? "Årsrapport " : "Kvalitetsstandard ").append(r.pick(words::benefits)).append(" ").append(std::to_string(year));
    case DocKind::invoice: return std::string("Faktura ").append(std::to_string(r.between(100000, 999999)));
    case DocKind::journal: return std::string("Journaludtræk ").append(iso);
    case DocKind::log: return std::string("adgangslog-").append(iso);
    case DocKind::staff: return std::string(r.chance(0.5) ? "Ansættelseskontrakt " : "MUS-samtale ").append(iso);
  }
  return iso;
}

std::string Layout::place(Format format, DocKind kind, int year) {
  std::string folder = folder_for(slot_of(format, kind), year);
  std::string stem = file_stem(format, kind, year);
  std::string extension = *describe(format).extension ? std::string(".").append(describe(format).extension) : std::string();
  std::string path = folder + "/" + stem + extension;
  for (int i = 2; !used_.insert(path).second; ++i) path = folder + "/" + stem + " (" + std::to_string(i) + ")" + extension;
  return path;
}

}  // namespace gdprscan::corpus
