// Identity documents: passport machine-readable zones with their check digits, and the
// document numbers without a checksum that count only next to their keyword.
#include "planters.h"
#include "values.h"
#include "values_ids.h"

namespace gdprscan::corpus {

namespace {

// ICAO 9303 check digit: weights 7, 3, 1; A-Z as 10-35, '<' as 0.
char mrz_check(std::string_view field) {
  static constexpr int kWeights[3] = {7, 3, 1};
  int sum = 0;
  for (size_t i = 0; i < field.size(); ++i) {
    char c = field[i];
    int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0;
    sum += v * kWeights[i % 3];
  }
  return static_cast<char>('0' + sum % 10);
}

std::string padded(std::string s, size_t n) { return s.append(n - std::min(n, s.size()), '<'); }

// Names in the MRZ are upper-case ASCII: Æ -> AE, Ø -> OE, Å -> AA (ICAO 9303 part 3).
std::string mrz_name(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == 0xC3 && i + 1 < name.size()) {
      unsigned char n = static_cast<unsigned char>(name[++i]) & 0xDF;  // upper and lower alike
      out += n == 0x86 ? "AE" : n == 0x98 ? "OE" : n == 0x85 ? "AA" : "E";
    } else if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c - 32);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c);
    }
  }
  return out;
}

struct Passport {
  const char* country;
  bool digits_only;  // Danish and Swedish numbers are digits; others letters and digits
};

std::string document_number(const Passport& p, Rng& rng) {
  if (p.digits_only) return values::digits(rng, p.country == std::string_view("SWE") ? 8 : 9);
  std::string n{static_cast<char>('A' + rng.below(26)), static_cast<char>('A' + rng.below(26))};
  return n + values::digits(rng, 7);
}

}  // namespace

Snippet plant_passport_mrz(Rng& rng) {
  static constexpr Passport kPassports[] = {{"DNK", true}, {"DNK", true}, {"SWE", true}, {"NOR", false},
                                            {"FIN", false}, {"DEU", false}, {"POL", false}};
  const Passport& p = kPassports[rng.below(std::size(kPassports))];
  std::string first(rng.pick(vocab::first_names())), last(rng.pick(vocab::last_names()));
  std::string line1 = padded("P<" + std::string(p.country) + mrz_name(last) + "<<" + mrz_name(first), 44);
  values::Date born = values::birth_date(rng, 1940, 2010);
  std::string birth = values::two(born.year % 100) + values::two(born.month) + values::two(born.day);
  std::string expiry = values::two(static_cast<int>(rng.between(27, 36))) + values::two(static_cast<int>(rng.between(1, 12))) +
                       values::two(static_cast<int>(rng.between(1, 28)));
  std::string number = document_number(p, rng);
  std::string num9 = padded(number, 9);
  std::string personal(14, '<');
  std::string line2 = num9 + mrz_check(num9) + p.country + birth + mrz_check(birth) + (rng.chance(0.5) ? 'F' : 'M') +
                      expiry + mrz_check(expiry) + personal + '<';
  std::string composite = line2.substr(0, 10) + line2.substr(13, 7) + line2.substr(21, 22);
  line2 += mrz_check(composite);
  Snippet s;
  s.text = "Kopi af rejsedokument, maskinlæsbar zone:\n" + line1 + "\n" + line2;
  s.truth.push_back(positive("passport.mrz", std::string(p.country) + ":" + number, "TD3 line 2, check digits"));
  return s;
}

Snippet plant_dk_passport(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {
      "Pasnummer: {id}", "{name} har fremvist pas nr. {id} ved legitimation.", "Passport no. {id} (Denmark)",
      "Dansk pas, pasnr. {id}, udløber {year}.",
  };
  std::string number = values::digits(rng, 9);
  // Nine digits passing the Dutch 11-proof would be a BSN next to a BSN keyword: drawn again.
  while (values::nl_bsn_ok(number)) number = values::digits(rng, 9);
  Snippet s;
  s.text = sentence(rng, kPatterns,
                    {{"id", number}, {"name", vocab::full_name(rng)}, {"year", std::to_string(rng.between(2027, 2036))}});
  s.truth.push_back(positive("dk.passport", number, "nine digits, keyword"));
  return s;
}

Snippet plant_dk_driving_licence(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {
      "Kørekortnummer {id}", "{name} har vist kørekort nr. {id}.", "Driving licence: {id}",
      "Kopi af kørekort ({id}) er modtaget.",
  };
  std::string number = std::to_string(rng.between(1, 9)) + values::digits(rng, 7);
  Snippet s;
  s.text = sentence(rng, kPatterns, {{"id", number}, {"name", vocab::full_name(rng)}});
  s.truth.push_back(positive("dk.driving_licence", number, "eight digits, keyword"));
  return s;
}

Snippet plant_passport_nordic(Rng& rng) {
  static const std::vector<std::string_view> kSwedish = {"Svenskt pass, passnummer {id}", "Passport number {id} (Sweden)"};
  static const std::vector<std::string_view> kOther = {"Norsk pass, passnummer {id}", "Passport number {id}",
                                                       "passin numero {id}"};
  bool swedish = rng.chance(0.4);
  std::string number = swedish ? std::to_string(rng.between(1, 9)) + values::digits(rng, 7)
                               : std::string{static_cast<char>('A' + rng.below(26)), static_cast<char>('A' + rng.below(26))} +
                                     values::digits(rng, 7);
  Snippet s;
  s.text = sentence(rng, swedish ? kSwedish : kOther, {{"id", number}});
  s.truth.push_back(positive("passport.nordic", number, swedish ? "Swedish: eight digits" : "two letters, seven digits"));
  return s;
}

}  // namespace gdprscan::corpus
