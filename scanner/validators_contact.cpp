// Contact data: e-mail addresses and Danish street addresses.
#include "validator_families.h"
#include "validator_util.h"

#include "text_decode.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gdprscan {
namespace {

using namespace vutil;

bool is_email_local_char(char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool valid_tld(std::string_view tld) {
  if (tld.size() < 2) return false;
  if (tld.substr(0, 4) == "xn--" || tld.substr(0, 4) == "XN--")  // punycode, e.g. xn--p1ai
    return tld.size() > 4 && std::all_of(tld.begin() + 4, tld.end(), is_alnum);
  return std::all_of(tld.begin(), tld.end(), [](char c) { return is_alnum(c) && !is_digit(c); });
}

bool valid_domain(std::string_view domain) {
  if (domain.size() < 4 || domain.size() > 253) return false;
  size_t label_start = 0;
  for (size_t i = 0; i <= domain.size(); ++i) {
    if (i < domain.size() && domain[i] != '.') continue;
    std::string_view label = domain.substr(label_start, i - label_start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (i == domain.size()) return valid_tld(label);
    label_start = i + 1;
  }
  return false;
}

std::optional<Confirmed> confirm_email(std::string_view text, size_t end, const ValidationEnv&) {
  // Only the longest candidate ending counts: "a@b.com" also "ends" at "a@b.co". Quotes,
  // guillemets and other non-letters may follow ("«jens@kommune.dk»").
  if (end < text.size()) {
    char n = text[end];
    if (n == '-' || word_char_at(text, end)) return std::nullopt;
    if (n == '.' && end + 1 < text.size() && is_alnum(text[end + 1])) return std::nullopt;
  }
  // The domain: ASCII letters, digits, '-', '.', and the letters of internationalised names.
  size_t at = end;
  while (at > 0 && end - at < 254) {
    char c = text[at - 1];
    if (is_alnum(c) || c == '-' || c == '.') {
      --at;
    } else if (static_cast<unsigned char>(c) >= 0x80 && word_char_before(text, at)) {
      while (at > 0 && (static_cast<unsigned char>(text[at - 1]) & 0xC0) == 0x80) --at;  // continuation bytes
      --at;                                                                          // lead byte
    } else {
      break;
    }
  }
  if (at == 0 || text[at - 1] != '@') return std::nullopt;
  std::string_view domain = text.substr(at, end - at);
  if (!valid_domain(domain)) return std::nullopt;
  size_t start = at - 1;
  while (start > 0 && is_email_local_char(text[start - 1]) && at - 1 - start < 65) --start;
  while (start < at - 1 && text[start] == '.') ++start;  // a sentence dot is not part of it
  std::string_view local = text.substr(start, at - 1 - start);
  // RFC 5321: at most 64 characters; a longer run is not an address, not a shorter one.
  if (local.empty() || local.size() > 64 || local.back() == '.' || local.find("..") != std::string_view::npos)
    return std::nullopt;
  if (word_char_before(text, start)) return std::nullopt;  // glued to a non-ASCII letter
  std::string value(text.substr(start, end - start));
  for (char& ch : value)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
  return Confirmed{start, end, value, 0.9, {"email_syntax"}};
}

std::string mask_email(std::string_view span) {
  size_t at = span.find('@');
  if (at == std::string_view::npos || at == 0) return std::string(span.size(), '*');
  return std::string(1, span[0]) + "***" + std::string(span.substr(at));
}

// ---- Danish street addresses ----------------------------------------------------------
// "Vestergade 12", "Hørsholmvej 41B", "Jens Baggesens Vej 4", "H.C. Andersens Boulevard 2":
// a street's name ends in one of the rule's street words (addresses/street_words.txt: vej,
// gade, allé, vænget, plads ...). Hyperscan finds that word; the validator reads the house
// number after it (a space, then one to three digits) and the street's name back from it:
// a capitalised compound ("Vestergade"), or the street word alone, capitalised, after one
// to three capitalised words or initials ("Jens Baggesens Vej"). Hand-written: no Debian
// library parses Danish addresses (libpostal is not packaged).

constexpr std::string_view kStreetWords = "street_words";
constexpr size_t kMaxStreetWordBytes = 40;
constexpr int kMaxStreetWords = 3;  // before a separate street word

// A capital letter at `pos`: ASCII or Latin-1 in UTF-8 (Æ Ø Å É: C3 80-9E, not ×).
bool capital_at(std::string_view text, size_t pos) {
  auto c = static_cast<unsigned char>(text[pos]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c != 0xC3 || pos + 1 >= text.size()) return false;
  auto n = static_cast<unsigned char>(text[pos + 1]);
  return n >= 0x80 && n <= 0x9E && n != 0x97;
}
// A byte of a street's word: letters (UTF-8 included), '-' and '.' ("H.C.", "Sankt-Jørgens").
bool street_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return is_alpha(c) || u >= 0x80 || c == '-' || c == '.';
}
// The word that ends at `end` (exclusive): its start, walking back over street bytes.
size_t word_start(std::string_view text, size_t end) {
  size_t start = end;
  while (start > 0 && end - start < kMaxStreetWordBytes && street_byte(text[start - 1])) --start;
  return start;
}

// The street words, folded, in a hash set with their lengths: built once per
// rule (Validator::prepare), looked up for each candidate of a citizen list's every row.
class StreetWords {
 public:
  explicit StreetWords(const WordLists& lists) {
    auto list = lists.lists.find(kStreetWords);
    if (list == lists.lists.end()) return;
    for (const std::string& w : list->second) {
      words_.insert(fold_case(w));
      if (std::find(lengths_.begin(), lengths_.end(), w.size()) == lengths_.end()) lengths_.push_back(w.size());
    }
    std::sort(lengths_.begin(), lengths_.end());
  }
  enum class Ending { none, compound, alone };
  // Whether `word` is a street word ("Vej"), ends with one ("Vestergade"), or neither;
  // compared without case. The shortest endings first: most streets end in -vej or -gade.
  Ending ending(std::string_view word) const {
    thread_local std::string folded;
    folded.assign(word);
    folded = fold_case(std::move(folded));  // keeps byte lengths
    if (words_.contains(std::string_view(folded))) return Ending::alone;
    for (size_t length : lengths_)
      if (length < folded.size() && words_.contains(std::string_view(folded).substr(folded.size() - length)))
        return Ending::compound;
    return Ending::none;
  }

 private:
  WordSet words_;
  std::vector<size_t> lengths_;
};

std::shared_ptr<const void> prepare_street_words(const WordLists& lists) { return std::make_shared<const StreetWords>(lists); }

std::optional<Confirmed> confirm_dk_address(std::string_view text, size_t end, const ValidationEnv& env) {
  // The candidate is a street word of the list and the space after it; the house number
  // follows.
  if (end < 2 || end >= text.size() || text[end - 1] != ' ' || !is_digit(text[end]) || !env.words) return std::nullopt;
  --end;  // the street word's end
  std::optional<StreetWords> own;  // a caller that did not prepare the list (a unit test)
  const auto& streets = env.prepared ? *static_cast<const StreetWords*>(env.prepared) : own.emplace(*env.words);
  // The house number: one to three digits, perhaps one letter ("41B"), nothing of a word or
  // a longer number after it ("2019", "12,5", "12.000").
  size_t stop = end + 1;
  while (stop < text.size() && is_digit(text[stop])) ++stop;
  if (stop - end - 1 > 3) return std::nullopt;
  if (stop < text.size() && is_alpha(text[stop]) && !word_char_at(text, stop + 1)) ++stop;
  if (word_char_at(text, stop) || (stop + 1 < text.size() && (text[stop] == ',' || text[stop] == '.') &&
                                   is_digit(text[stop + 1])))
    return std::nullopt;
  size_t start = word_start(text, end);
  std::string_view word = text.substr(start, end - start);
  if (word.empty() || !capital_at(text, start) || word_char_before(text, start)) return std::nullopt;
  StreetWords::Ending ending = streets.ending(word);
  if (ending == StreetWords::Ending::none) return std::nullopt;
  if (ending == StreetWords::Ending::alone) {
    // "Vej" alone: the street's name is the capitalised words before it.
    int words = 0;
    while (words < kMaxStreetWords && start >= 2 && text[start - 1] == ' ') {
      size_t before = word_start(text, start - 1);
      if (before == start - 1 || !capital_at(text, before) || word_char_before(text, before)) break;
      start = before;
      ++words;
    }
    if (words == 0) return std::nullopt;
  }
  return Confirmed{start, stop, std::string(text.substr(start, stop - start)), 0.6, {"street_word"}};
}

// "Vestergade 12" -> "V*** **", "Jens Baggesens Vej 4B" -> "J*** B*** V*** **": the
// initials of the street's words and the number's length.
std::string mask_address(std::string_view span) {
  std::string out;
  bool in_word = false;
  for (size_t i = 0; i < span.size(); ++i) {
    auto c = static_cast<unsigned char>(span[i]);
    bool letter = is_alpha(span[i]) || c >= 0x80;
    if (is_digit(span[i]) || (letter && i > 0 && is_digit(span[i - 1]))) {  // the number, "41B" too
      out += '*';
      in_word = false;
    } else if (letter && !in_word) {
      size_t length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      out.append(span.substr(i, length));
      i += length - 1;
      in_word = true;
      if (i + 1 < span.size() && (is_alpha(span[i + 1]) || static_cast<unsigned char>(span[i + 1]) >= 0x80)) out += "***";
    } else if (!letter) {
      out += span[i];
      in_word = false;
    }
  }
  return out;
}

}  // namespace

std::string mask_email_address(std::string_view address) { return mask_email(address); }

std::vector<Validator> contact_validators() {
  Validator address{"dk_address", confirm_dk_address, mask_address,
                    (kMaxStreetWords + 1) * static_cast<int>(kMaxStreetWordBytes + 1) + 4};
  address.needs_word_lists = {kStreetWords};
  address.prepare = prepare_street_words;
  address.rejects_digit_after = false;  // its candidate (the street word and a space) ends before the number
  return {
      {"email", confirm_email, mask_email, 64 + 1 + 253},
      address,
  };
}

}  // namespace gdprscan
