#include "fingerprint.h"

#include <fcntl.h>
#include <openssl/evp.h>
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

constexpr const char* kSystemKeyPath = "/etc/gdprscan/fingerprint.key";

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

Fingerprinter::Fingerprinter(std::string key) {
  constexpr size_t kBlock = 64;  // SHA-256 block size
  unsigned char block[kBlock] = {};
  if (key.size() > kBlock) {
    unsigned int n = 0;
    EVP_Digest(key.data(), key.size(), block, &n, EVP_sha256(), nullptr);
  } else {
    std::memcpy(block, key.data(), key.size());
  }
  unsigned char ipad[kBlock], opad[kBlock];
  for (size_t i = 0; i < kBlock; ++i) {
    ipad[i] = block[i] ^ 0x36;
    opad[i] = block[i] ^ 0x5c;
  }
  inner_ = EVP_MD_CTX_new();
  outer_ = EVP_MD_CTX_new();
  if (!inner_ || !outer_ || EVP_DigestInit_ex(inner_, EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(inner_, ipad, kBlock) != 1 || EVP_DigestInit_ex(outer_, EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(outer_, opad, kBlock) != 1)
    throw std::runtime_error("fingerprint key: OpenSSL SHA-256 unavailable");
}

Fingerprinter::Fingerprinter(Fingerprinter&& other) noexcept : inner_(other.inner_), outer_(other.outer_) {
  other.inner_ = other.outer_ = nullptr;
}

Fingerprinter::~Fingerprinter() {
  EVP_MD_CTX_free(inner_);
  EVP_MD_CTX_free(outer_);
}

std::string Fingerprinter::operator()(std::string_view value) const {
  thread_local EVP_MD_CTX* work = EVP_MD_CTX_new();
  unsigned char inner_hash[EVP_MAX_MD_SIZE], mac[EVP_MAX_MD_SIZE];
  unsigned int inner_len = 0, len = 0;
  EVP_MD_CTX_copy_ex(work, inner_);
  EVP_DigestUpdate(work, value.data(), value.size());
  EVP_DigestFinal_ex(work, inner_hash, &inner_len);
  EVP_MD_CTX_copy_ex(work, outer_);
  EVP_DigestUpdate(work, inner_hash, inner_len);
  EVP_DigestFinal_ex(work, mac, &len);
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
  // A key an administrator set up for the whole installation wins, so every account that
  // scans on this machine produces the same fingerprints.
  if (const char* env = std::getenv("GDPRSCAN_FINGERPRINT_KEY_FILE"); env && *env) return from_key_file(env);
  if (access(kSystemKeyPath, F_OK) == 0) return from_key_file(kSystemKeyPath);
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
