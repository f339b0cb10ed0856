// A minimal JSON writer for the hot path: findings are written by the hundred thousand and
// a DOM library (building a map per record) cost more than matching. Strings must be UTF-8;
// ill-formed bytes become U+FFFD so a line is always valid JSON. The summary, written once,
// still uses nlohmann::json.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gdprscan {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}
  JsonWriter& begin() {
    out_ += '{';
    first_ = true;
    return *this;
  }
  void end() { out_ += "}\n"; }
  JsonWriter& field(std::string_view key, std::string_view value);
  JsonWriter& field(std::string_view key, const char* value) { return field(key, std::string_view(value)); }
  JsonWriter& field(std::string_view key, uint64_t value);
  JsonWriter& field(std::string_view key, int64_t value);
  JsonWriter& field(std::string_view key, double value);
  JsonWriter& field(std::string_view key, const std::vector<std::string>& values);
  // A nested object: begin_object("mail").field(...)...end_object().
  JsonWriter& begin_object(std::string_view key) {
    this->key(key);
    out_ += '{';
    first_ = true;
    return *this;
  }
  JsonWriter& end_object() {
    out_ += '}';
    first_ = false;
    return *this;
  }
  // Fields that repeat in many records (a file's path, size, owner) are rendered once into
  // a fragment and appended to each record. A writer for a fragment that goes after other
  // fields starts with continued(), so that its first field brings its comma.
  JsonWriter& continued() {
    first_ = false;
    return *this;
  }
  JsonWriter& fields(std::string_view rendered) {
    out_.append(rendered);
    first_ = first_ && rendered.empty();
    return *this;
  }

 private:
  void key(std::string_view k);
  void string(std::string_view s);
  std::string& out_;
  bool first_ = true;
};

}  // namespace gdprscan
