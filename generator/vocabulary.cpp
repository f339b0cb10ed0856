#include "vocabulary.h"

#include <cctype>

#include "prose_words.h"

namespace gdprscan::corpus::vocab {

// The names, streets, towns, departments and months are the document prose's own
// (prose_words.cpp): one vocabulary for the whole corpus.

const std::vector<std::string_view>& first_names() { return words::first_names; }

const std::vector<std::string_view>& last_names() { return words::last_names; }

const std::vector<std::string_view>& streets() { return words::streets; }

const std::vector<std::string_view>& towns() {
  static const std::vector<std::string> written = [] {
    std::vector<std::string> out;
    for (const words::City& city : words::cities) out.push_back(std::string(city.postcode).append(" ").append(city.name));
    return out;
  }();
  static const std::vector<std::string_view> towns(written.begin(), written.end());
  return towns;
}

const std::vector<std::string_view>& relations() {
  static const std::vector<std::string_view> relations = {
      "datter", "søn", "ægtefælle", "samlever", "mor", "far", "bror", "søster", "værge", "bisidder",
      "pårørende", "nabo", "barnebarn",
  };
  return relations;
}

const std::vector<std::string_view>& departments() { return words::departments; }

// Taken from the earlier Python generator's case-work prose, leaving out every sentence with a word
// of rules/special.toml or a detector keyword, so filler never changes a snippet's truth.
const std::vector<std::string_view>& filler_sentences() {
  static const std::vector<std::string_view> sentences = {
      "Det er aftalt, at sagsbehandleren vender tilbage i næste uge.",
      "Sagen genoptages, når de manglende oplysninger er modtaget.",
      "Der er ikke modtaget bemærkninger til partshøringen.",
      "Afgørelsen er truffet efter forvaltningsloven, og der er vedlagt klagevejledning.",
      "Borgeren er orienteret om muligheden for at klage til Ankestyrelsen inden fire uger.",
      "Borgeren ønsker ikke, at oplysningerne videregives til arbejdsgiveren.",
      "Efter samtalen er sagen overdraget til videre opfølgning.",
      "Opfølgningssamtalen blev holdt over video, da borgeren ikke kunne møde frem.",
      "Der er sendt et brev med en ny mødeindkaldelse via Digital Post.",
      "Borgeren er fritaget for Digital Post og modtager derfor breve med almindelig post.",
      "Vi har modtaget din ansøgning og vil behandle den hurtigst muligt.",
      "Du er velkommen til at kontakte mig, hvis du har spørgsmål til brevet.",
      "Hvis du er uenig i afgørelsen, kan du klage skriftligt eller mundtligt til kommunen.",
      "Sagen er drøftet på teammødet, hvor der var enighed om at fortsætte indsatsen.",
      "Oplysningerne er journaliseret, og sagen er lukket.",
      "Udvalget godkendte dagsordenen uden bemærkninger.",
      "Administrationen indstiller, at udvalget tager orienteringen til efterretning.",
      "Referatet blev godkendt og underskrevet.",
      "Formanden takkede for et godt møde.",
      "Punktet blev udsat til næste møde, da der manglede materiale.",
      "Borgeren har fået udleveret en rollator og et badetaburet fra hjælpemiddeldepotet.",
      "Vi skal gøre opmærksom på, at du har pligt til at oplyse om ændringer i din situation.",
      "Der er tale om en akut situation, og der er derfor iværksat midlertidig hjælp fra i dag.",
      "Borgeren giver udtryk for stor utryghed ved at være alene om natten.",
      "Ved mødet deltog desuden en tolk, da borgeren ikke taler dansk.",
      "Lokalplanforslaget har været i offentlig høring i otte uger.",
  };
  return sentences;
}

const std::vector<std::string_view>& email_domains() {
  static const std::vector<std::string_view> domains = {
      "aarhus.dk",  "kk.dk",      "odense.dk",    "aalborg.dk", "esbjerg.dk", "randers.dk", "kolding.dk",
      "vejle.dk",   "roskilde.dk", "gentofte.dk", "gmail.com",  "hotmail.com", "hotmail.dk", "live.dk",
      "outlook.dk", "yahoo.dk",   "mail.dk",      "jubii.dk",   "email.dk",   "icloud.com", "post.tele.dk",
      "rm.dk",      "regionh.dk", "rsyd.dk",      "sst.dk",     "3f.dk",      "foa.dk",     "advokathuset.dk",
  };
  return domains;
}

const std::vector<std::string_view>& months() { return words::months; }

std::string full_name(Rng& rng) {
  std::string name(rng.pick(first_names()));
  return name.append(" ").append(rng.pick(last_names()));
}

std::string address(Rng& rng) {
  std::string out(rng.pick(streets()));
  out.append(" ").append(std::to_string(rng.between(1, 140)));
  if (rng.chance(0.3)) out.append(", ").append(std::to_string(rng.between(1, 5))).append(rng.chance(0.5) ? ". tv." : ". th.");
  return out.append(", ").append(rng.pick(towns()));
}

std::string filler(Rng& rng) { return std::string(rng.pick(filler_sentences())); }

std::string fillers(Rng& rng, size_t min_bytes) {
  std::string out;
  while (out.size() < min_bytes) out.append(out.empty() ? "" : " ").append(rng.pick(filler_sentences()));
  return out;
}

std::string fillers(Rng& rng, size_t min_bytes, size_t max_bytes) {
  for (;;) {
    std::string out = fillers(rng, min_bytes);
    if (out.size() <= max_bytes) return out;
  }
}

namespace {
// E-mail local parts are ASCII: æ -> ae, ø -> oe, å -> aa, as Danish users write them.
std::string ascii_lower(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == 0xC3 && i + 1 < name.size()) {
      unsigned char n = static_cast<unsigned char>(name[++i]);
      if (n == 0xA6 || n == 0x86) out += "ae";
      else if (n == 0xB8 || n == 0x98) out += "oe";
      else if (n == 0xA5 || n == 0x85) out += "aa";
      else if (n == 0xA9 || n == 0x89) out += "e";
      continue;
    }
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (c == ' ') out += ' ';
  }
  return out;
}
}  // namespace

std::string email_local_part(std::string_view name, Rng& rng) {
  std::string ascii = ascii_lower(name);
  size_t space = ascii.find(' ');
  std::string first = ascii.substr(0, space), last = space == std::string::npos ? "" : ascii.substr(space + 1);
  switch (rng.below(4)) {
    case 0: return first + "." + last;
    case 1: return first.substr(0, 1) + last.substr(0, 1) + std::to_string(rng.between(1950, 2005));
    case 2: return first + last.substr(0, 1);
    default: return first + "_" + last + std::to_string(rng.between(1, 99));
  }
}

std::string fill(std::string_view pattern, const std::vector<std::pair<std::string_view, std::string>>& slots) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    size_t open = pattern.find('{', i);
    size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(i, open - i));
    std::string_view key = pattern.substr(open + 1, close - open - 1);
    bool found = false;
    for (const auto& [name, value] : slots)
      if (name == key) out.append(value), found = true;
    if (!found) out.append(pattern.substr(open, close - open + 1));
    i = close + 1;
  }
  return out.append(pattern.substr(i));
}

}  // namespace gdprscan::corpus::vocab
