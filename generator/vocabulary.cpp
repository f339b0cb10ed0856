#include "vocabulary.h"

#include <cctype>

namespace gdprscan::corpus::vocab {

const std::vector<std::string_view>& first_names() {
  static const std::vector<std::string_view> names = {
      "Anne",   "Kirsten", "Mette",  "Hanne",  "Helle",  "Susanne", "Lene",    "Marianne", "Camilla", "Louise",
      "Pia",    "Karen",   "Bente",  "Inge",   "Lone",   "Jette",   "Ida",     "Emma",     "Freja",   "Sofie",
      "Signe",  "Malene",  "Aase",   "Gitte",  "Dorthe", "Vibeke",  "Rikke",   "Trine",    "Maja",    "Astrid",
      "Peter",  "Jens",    "Lars",   "Henrik", "Søren",  "Thomas",  "Niels",   "Morten",   "Anders",  "Rasmus",
      "Jesper", "Mads",    "Kasper", "Jørgen", "Poul",   "Ole",     "Bjørn",   "Torben",   "Kåre",    "Erik",
      "Knud",   "Bo",      "Mikkel", "Emil",   "Asger",  "Claus",   "Preben",  "Ahmed",    "Fatima",  "Zeynep",
      "Tomasz", "Yasmin",  "Omar",   "Leila",  "Ewa",    "Piotr",
  };
  return names;
}

const std::vector<std::string_view>& last_names() {
  static const std::vector<std::string_view> names = {
      "Nielsen",  "Jensen",   "Hansen",      "Pedersen", "Andersen",   "Christensen", "Larsen",    "Sørensen",
      "Rasmussen", "Jørgensen", "Petersen",   "Madsen",   "Kristensen", "Olsen",       "Thomsen",   "Poulsen",
      "Møller",   "Mortensen", "Knudsen",    "Mikkelsen", "Frederiksen", "Lund",       "Holm",      "Schmidt",
      "Eriksen",  "Clausen",  "Østergaard",  "Vestergaard", "Nissen",   "Kjær",        "Mogensen",  "Skov",
      "Søndergaard", "Dahl",  "Nørgaard",    "Bækgaard", "Højgaard",   "Bøgh",        "Ærenlund",  "Åberg",
      "Friis",    "Brøndum",  "Lykke",       "Bach",     "Hussein",    "Yilmaz",      "Nowak",     "Kowalski",
      "Khan",     "Demir",
  };
  return names;
}

const std::vector<std::string_view>& streets() {
  static const std::vector<std::string_view> streets = {
      "Vestergade", "Østergade", "Nørregade",  "Søndergade", "Algade",   "Jernbanegade", "Skolevej",
      "Engvej",     "Møllevej",  "Bøgevej",    "Egevej",     "Birkevej", "Lærkevej",     "Rosenvænget",
      "Kastanie Allé", "Strandvejen", "Havnegade", "Torvet", "Åboulevarden", "Grønnegade", "Ørstedsvej",
      "Fælledvej",  "Nørrebrogade", "Amagerbrogade", "Bispensgade", "Kærvej", "Præstøvej", "Sølvgade",
      "Fåborgvej",  "Æblehaven", "Ågade",      "Tværgade",   "Slotsgade", "Bredgade",    "Vibevej",
      "Højvangen",  "Gl. Kongevej", "Smedegade", "Lindevej",  "Åparken",
  };
  return streets;
}

const std::vector<std::string_view>& towns() {
  static const std::vector<std::string_view> towns = {
      "1050 København K", "2100 København Ø", "2200 København N", "2500 Valby",     "2720 Vanløse",
      "2000 Frederiksberg", "2800 Kongens Lyngby", "2970 Hørsholm", "3000 Helsingør", "3400 Hillerød",
      "4000 Roskilde",    "4600 Køge",        "4700 Næstved",     "5000 Odense C",  "5700 Svendborg",
      "6000 Kolding",     "6100 Haderslev",   "6200 Aabenraa",    "6400 Sønderborg", "6700 Esbjerg",
      "7100 Vejle",       "7400 Herning",     "8000 Aarhus C",    "8200 Aarhus N",  "8600 Silkeborg",
      "8700 Horsens",     "8800 Viborg",      "9000 Aalborg",     "9400 Nørresundby", "9800 Hjørring",
      "3700 Rønne",       "4800 Nykøbing F",  "6950 Ringkøbing",  "7800 Skive",     "4200 Slagelse",
  };
  return towns;
}

const std::vector<std::string_view>& relations() {
  static const std::vector<std::string_view> relations = {
      "datter", "søn", "ægtefælle", "samlever", "mor", "far", "bror", "søster", "værge", "bisidder",
      "pårørende", "nabo", "barnebarn",
  };
  return relations;
}

const std::vector<std::string_view>& departments() {
  static const std::vector<std::string_view> departments = {
      "Borgerservice", "Jobcentret", "Familieafdelingen", "Ældre og Sundhed", "Myndighedsafdelingen",
      "Visitationen", "Børn og Unge", "Skoleafdelingen", "Teknik og Miljø", "HR og Løn", "Ydelsescentret",
      "Hjemmeplejen",
  };
  return departments;
}

// Taken from bench/gen_corpus.py's case-work prose, leaving out every sentence with a word
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

const std::vector<std::string_view>& months() {
  static const std::vector<std::string_view> months = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                                       "juli",   "august",  "september", "oktober", "november", "december"};
  return months;
}

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
