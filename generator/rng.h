// The generator's one source of randomness. Hand-written (splitmix64 seeding xoshiro256**)
// rather than <random>'s distributions because the standard leaves those distributions'
// algorithms to the library: a corpus must be byte-identical for a seed on every machine
// and every libstdc++ version, or CI baselines stop being comparable.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace gdprscan::corpus {

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (uint64_t& word : state_) word = splitmix64(seed);
  }

  // An independent stream for a named part of the corpus (a file, a format), so adding a
  // file or a format does not shift every later file's bytes.
  Rng fork(std::string_view label) const {
    uint64_t h = state_[0] ^ 0x9e3779b97f4a7c15ULL;
    for (unsigned char c : label) h = (h ^ c) * 0x100000001b3ULL;
    return Rng(h);
  }

  uint64_t next() {
    const uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, n); n > 0. Lemire's multiply-shift: the bias is below 2^-32 for the
  // sizes a corpus uses, and it is the same on every platform.
  uint64_t below(uint64_t n) { return static_cast<uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64); }

  // Uniform in [lo, hi], inclusive.
  int64_t between(int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo) + 1)); }

  // True with probability p (0..1).
  bool chance(double p) { return unit() < p; }

  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  template <class T>
  const T& pick(std::span<const T> items) { return items[below(items.size())]; }
  template <class T>
  const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static uint64_t splitmix64(uint64_t& x) {
    uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  uint64_t state_[4];
};

}  // namespace gdprscan::corpus
