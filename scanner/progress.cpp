#include "progress.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "sink.h"
#include "text_decode.h"

namespace gdprscan {

ProgressLine::ProgressLine(ScanProgress& progress)
    : progress_(progress), start_(std::chrono::steady_clock::now()) {
  draw();  // at once, so that even a short scan shows one line
  thread_ = std::thread([this] { run(); });
}

ProgressLine::~ProgressLine() {
  done_ = true;
  thread_.join();
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
}

void ProgressLine::run() {
  while (!done_) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    draw();
  }
}

void ProgressLine::draw() {
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double mb = progress_.bytes.load() / 1e6;
  std::string path;
  {
    std::lock_guard lock(progress_.path_mutex);
    path = escape_invalid_utf8(progress_.current_path);
  }
  if (path.size() > 50) path = "..." + path.substr(path.size() - 47);
  std::fprintf(stderr, "\r\033[K%llu files  %.1f MB  %.1f MB/s  %llu findings  %s",
               static_cast<unsigned long long>(progress_.files.load()), mb, secs > 0 ? mb / secs : 0.0,
               static_cast<unsigned long long>(progress_.findings.load()), path.c_str());
  std::fflush(stderr);
}

}  // namespace gdprscan
