// Content-based identity of a finding without the personal data: HMAC-SHA256 of the
// normalised value under a secret key, so BI can count distinct people and an ignore file
// can name a number without storing it. Never includes the line number or path.
#pragma once

#include <string>
#include <string_view>

struct SHA256state_st;

namespace gdprscan {

class Fingerprinter {
 public:
  explicit Fingerprinter(std::string key);
  ~Fingerprinter();
  Fingerprinter(Fingerprinter&& other) noexcept;
  Fingerprinter(const Fingerprinter&) = delete;
  Fingerprinter& operator=(const Fingerprinter&) = delete;
  // Lower-case hex, 64 characters.
  std::string operator()(std::string_view normalised_value) const;

  // Reads the key from `path` (raw bytes, at least 16). Throws naming the path.
  static Fingerprinter from_key_file(const std::string& path);
  // The default key, first found of: $GDPRSCAN_FINGERPRINT_KEY_FILE; the installation's
  // /etc/gdprscan/fingerprint.key; the account's $XDG_CONFIG_HOME/gdprscan/fingerprint.key
  // (or ~/.config/...), created with 32 random bytes and mode 0600 on first use.
  static Fingerprinter installation_default();
  static std::string default_key_path();

 private:
  // HMAC as RFC 2104 spells it, with the keyed inner and outer SHA-256 states computed once:
  // OpenSSL's one-shot HMAC() set up a MAC context per call, which cost more than matching.
  // The states are OpenSSL's plain SHA-256 structs, copied by value per fingerprint: copying
  // an EVP context (provider, allocation) cost as much as the two hash blocks themselves.
  SHA256state_st* inner_ = nullptr;
  SHA256state_st* outer_ = nullptr;
};

}  // namespace gdprscan
