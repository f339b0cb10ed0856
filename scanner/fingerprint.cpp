#include "fingerprint.h"

#include <fcntl.h>
// SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, whose per-call
// context copy is what this file avoids; they remain in Debian 12's libcrypto 3.0 and use
// the same SHA extensions.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
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
  inner_ = new SHA256_CTX;
  outer_ = new SHA256_CTX;
  if (SHA256_Init(inner_) != 1 || SHA256_Update(inner_, ipad, kBlock) != 1 || SHA256_Init(outer_) != 1 ||
      SHA256_Update(outer_, opad, kBlock) != 1) {
    delete inner_;
    delete outer_;
    throw std::runtime_error("fingerprint key: OpenSSL SHA-256 unavailable");
  }
}

Fingerprinter::Fingerprinter(Fingerprinter&& other) noexcept : inner_(other.inner_), outer_(other.outer_) {
  other.inner_ = other.outer_ = nullptr;
}

Fingerprinter::~Fingerprinter() {
  delete inner_;
  delete outer_;
}

std::string Fingerprinter::operator()(std::string_view value) const {
  unsigned char inner_hash[SHA256_DIGEST_LENGTH], mac[SHA256_DIGEST_LENGTH];
  SHA256_CTX work = *inner_;
  SHA256_Update(&work, value.data(), value.size());
  SHA256_Final(inner_hash, &work);
  work = *outer_;
  SHA256_Update(&work, inner_hash, sizeof inner_hash);
  SHA256_Final(mac, &work);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(2 * sizeof mac, '0');
  for (size_t i = 0; i < sizeof mac; ++i) {
    out[2 * i] = kHex[mac[i] >> 4];
    out[2 * i + 1] = kHex[mac[i] & 15];
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
