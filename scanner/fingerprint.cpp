#include "fingerprint.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace gdprscan {

namespace {

std::string read_all(int fd) {
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, n);
  if (n < 0) throw std::runtime_error(std::strerror(errno));
  return out;
}

std::runtime_error key_error(const std::string& path, const std::string& what) {
  return std::runtime_error("fingerprint key " + path + ": " + what);
}

}  // namespace

std::string Fingerprinter::operator()(std::string_view value) const {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()), reinterpret_cast<const unsigned char*>(value.data()),
       value.size(), mac, &len);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned i = 0; i < len; ++i) {
    out += kHex[mac[i] >> 4];
    out += kHex[mac[i] & 15];
  }
  return out;
}

Fingerprinter Fingerprinter::from_key_file(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw key_error(path, std::strerror(errno));
  std::string key;
  try {
    key = read_all(fd);
  } catch (const std::exception& e) {
    close(fd);
    throw key_error(path, e.what());
  }
  close(fd);
  if (key.size() < 16) throw key_error(path, "must hold at least 16 bytes");
  return Fingerprinter(std::move(key));
}

std::string Fingerprinter::default_key_path() {
  std::string base;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = std::string(home) + "/.config";
  } else {
    throw std::runtime_error("fingerprint key: neither XDG_CONFIG_HOME nor HOME is set; use --fingerprint-key-file");
  }
  return base + "/gdprscan/fingerprint.key";
}

Fingerprinter Fingerprinter::installation_default() {
  std::string path = default_key_path();
  if (access(path.c_str(), F_OK) == 0) return from_key_file(path);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  if (ec) throw key_error(path, "cannot create its directory: " + ec.message());
  unsigned char key[32];
  if (RAND_bytes(key, sizeof key) != 1) throw key_error(path, "no random bytes from OpenSSL");
  // O_EXCL: if two scans start at once, the second one reads the first one's key.
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return from_key_file(path);
    throw key_error(path, std::strerror(errno));
  }
  bool ok = write(fd, key, sizeof key) == static_cast<ssize_t>(sizeof key);
  ok = (close(fd) == 0) && ok;
  if (!ok) throw key_error(path, "cannot write it");
  return Fingerprinter(std::string(reinterpret_cast<char*>(key), sizeof key));
}

}  // namespace gdprscan
