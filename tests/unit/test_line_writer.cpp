// The output writer's two promises: a regular file's every 4 KiB page ends with a whole line
// (padded with spaces before its newline), so a write cut between pages by a kill leaves
// whole records; a pipe gets the lines exactly as rendered, in writes of at most a page.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "sink.h"

namespace gdprscan {
namespace {

// Lines of varied lengths, a few longer than a page, handed over in groups as the writer
// thread gets them from the workers.
std::vector<std::string> rendered_groups(std::vector<std::string>& lines) {
  std::mt19937 rng(7);
  std::vector<std::string> groups;
  std::string group;
  for (int i = 0; i < 6000; ++i) {
    size_t length = i % 997 == 0 ? 5000 + rng() % 4000 : 20 + rng() % 900;
    std::string line = "{\"n\":" + std::to_string(i) + ",\"s\":\"" + std::string(length, 'a' + i % 26) + "\"}";
    lines.push_back(line);
    group += line + '\n';
    if (rng() % 7 == 0) groups.push_back(std::move(group)), group.clear();
  }
  groups.push_back(group);
  return groups;
}

std::vector<std::string> split_lines(const std::string& data) {
  std::vector<std::string> out;
  size_t at = 0;
  for (size_t nl; (nl = data.find('\n', at)) != std::string::npos; at = nl + 1) out.push_back(data.substr(at, nl - at));
  EXPECT_EQ(at, data.size()) << "the output ends with a whole line";
  return out;
}

TEST(LineWriter, RegularFilePagesEndWithWholeLines) {
  std::vector<std::string> lines;
  auto groups = rendered_groups(lines);
  auto path = std::filesystem::temp_directory_path() / ("gdprscan_line_writer_" + std::to_string(getpid()));
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(fd, 0);
  {
    LineWriter writer(fd);
    for (const auto& g : groups) writer.lines(g);
    writer.flush();
  }
  ::close(fd);
  std::string data;
  {
    FILE* f = std::fopen(path.c_str(), "rb");
    char buf[65536];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) data.append(buf, n);
    std::fclose(f);
  }
  std::filesystem::remove(path);
  // Every page boundary falls after a newline, unless a line longer than a page crosses it.
  auto record = split_lines(data);
  size_t at = 0, crossing = 0;
  for (const auto& line : record) {
    size_t end = at + line.size() + 1;
    for (size_t boundary = (at / 4096 + 1) * 4096; boundary < end; boundary += 4096) ++crossing;
    if (line.size() + 1 < 4096) {
      EXPECT_EQ(at / 4096, (end - 1) / 4096) << "a line shorter than a page stays in one page, at offset " << at;
    }
    at = end;
  }
  // Padding is spaces before the newline: stripped, the records are the rendered lines.
  ASSERT_EQ(record.size(), lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string stripped = record[i].substr(0, record[i].find_last_not_of(' ') + 1);
    ASSERT_EQ(stripped, lines[i]) << "line " << i;
  }
  EXPECT_GT(crossing, 0u) << "the long lines cross pages (the test would not see a broken page rule otherwise)";
}

TEST(LineWriter, PipeGetsTheLinesAsRenderedInWritesOfAPage) {
  std::vector<std::string> lines;
  auto groups = rendered_groups(lines);
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::string data;
  std::thread reader([&] {
    char buf[65536];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) data.append(buf, static_cast<size_t>(n));
  });
  {
    LineWriter writer(fds[1]);
    for (const auto& g : groups) writer.lines(g);
    writer.flush();
  }
  ::close(fds[1]);
  reader.join();
  ::close(fds[0]);
  std::string expected;
  for (const auto& g : groups) expected += g;
  EXPECT_EQ(data, expected);
}

// Neither a file nor a pipe (a terminal, /dev/null): written as it comes, without failing.
TEST(LineWriter, CharacterDeviceTakesEverything) {
  std::vector<std::string> lines;
  auto groups = rendered_groups(lines);
  int fd = ::open("/dev/null", O_WRONLY);
  ASSERT_GE(fd, 0);
  LineWriter writer(fd);
  for (const auto& g : groups) writer.lines(g);
  writer.flush();
  EXPECT_FALSE(writer.closed());
  EXPECT_EQ(writer.failure(), "");
  ::close(fd);
}

}  // namespace
}  // namespace gdprscan
