// Content-based identity of a finding without the personal data: HMAC-SHA256 of the
// normalised value under a secret key, so BI can count distinct people and an ignore file
// can name a number without storing it. Never includes the line number or path.
#pragma once

#include <string>
#include <string_view>

namespace gdprscan {

class Fingerprinter {
 public:
  explicit Fingerprinter(std::string key) : key_(std::move(key)) {}
  // Lower-case hex, 64 characters.
  std::string operator()(std::string_view normalised_value) const;

  // Reads the key from `path` (raw bytes, at least 16). Throws naming the path.
  static Fingerprinter from_key_file(const std::string& path);
  // The per-installation key: $XDG_CONFIG_HOME/gdprscan/fingerprint.key (or ~/.config/...),
  // created with 32 random bytes and mode 0600 on first use.
  static Fingerprinter installation_default();
  static std::string default_key_path();

 private:
  std::string key_;
};

}  // namespace gdprscan
