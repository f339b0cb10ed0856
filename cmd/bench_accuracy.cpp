#include "bench_accuracy.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <stdexcept>
#include <tuple>

namespace gdprscan {

namespace {

std::string required_string(const nlohmann::json& item, const char* field, const std::string& where) {
  auto it = item.find(field);
  if (it == item.end() || !it->is_string())
    throw std::runtime_error(std::string(where).append(": \"").append(field).append("\" must be a string"));
  return it->get<std::string>();
}

// A location is a chain (an array of strings, as findings print it) or a single string.
std::optional<std::vector<std::string>> optional_location(const nlohmann::json& item, const std::string& where) {
  auto it = item.find("location");
  if (it == item.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return std::vector<std::string>{it->get<std::string>()};
  if (it->is_array() && std::all_of(it->begin(), it->end(), [](const auto& p) { return p.is_string(); }))
    return it->get<std::vector<std::string>>();
  throw std::runtime_error(std::string(where).append(": \"location\" must be a string or an array of strings"));
}

TruthItem parse_truth_line(const std::string& line, const std::string& where) {
  nlohmann::json item = nlohmann::json::parse(line, nullptr, false);
  if (item.is_discarded() || !item.is_object()) throw std::runtime_error(where + ": not a JSON object");
  return {required_string(item, "file", where), required_string(item, "detector", where),
          required_string(item, "value", where), required_string(item, "kind", where),
          optional_location(item, where)};
}

// Findings travel from the workers to the writer as rendered bytes: each field is its
// length, a colon and its bytes, so that no byte of a path or value can break the framing.
void put_field(std::string& out, const std::string& field) {
  out.append(std::to_string(field.size())).append(":").append(field);
}

std::string take_field(std::string_view& in) {
  size_t colon = in.find(':');
  size_t size = std::stoull(std::string(in.substr(0, colon)));
  std::string field(in.substr(colon + 1, size));
  in.remove_prefix(colon + 1 + size);
  return field;
}

class CollectingSink : public Sink {
 public:
  CollectingSink(std::string root, std::vector<ObservedFinding>& out) : root_(std::move(root)), out_(out) {}

  std::string render(const FileReport& report) const override {
    std::string out;
    const std::string file = relative(report.file.path);
    for (const Finding& f : report.findings) {
      for (const std::string* field : {&file, &f.detector, &f.value, &f.match, &f.fingerprint}) put_field(out, *field);
      put_field(out, std::to_string(f.location.size()));
      for (const auto& part : f.location) put_field(out, part);
    }
    return out;
  }

  void write(std::string_view rendered) override {
    while (!rendered.empty()) {
      ObservedFinding f;
      for (std::string* field : {&f.file, &f.detector, &f.value, &f.match, &f.fingerprint}) *field = take_field(rendered);
      size_t parts = std::stoull(take_field(rendered));
      for (size_t i = 0; i < parts; ++i) f.location.push_back(take_field(rendered));
      out_.push_back(std::move(f));
    }
  }

  void summary(const Summary&) override {}
  bool closed() const override { return false; }
  std::string failure() const override { return {}; }

 private:
  std::string relative(const std::string& path) const {
    if (path.size() > root_.size() && path.compare(0, root_.size(), root_) == 0 && path[root_.size()] == '/')
      return path.substr(root_.size() + 1);
    return path;
  }
  std::string root_;
  std::vector<ObservedFinding>& out_;
};

using Key = std::tuple<std::string, std::string, std::string>;  // file, detector, value

bool locations_agree(const TruthItem& t, const ObservedFinding& f) {
  return !t.location || f.location.empty() || *t.location == f.location;
}

// The truth item a finding matches, preferring a positive over other kinds.
const TruthItem* matching_item(const std::multimap<Key, const TruthItem*>& index, const ObservedFinding& f) {
  const TruthItem* best = nullptr;
  auto [begin, end] = index.equal_range(Key{f.file, f.detector, f.value});
  for (auto it = begin; it != end; ++it) {
    if (!locations_agree(*it->second, f)) continue;
    if (!best || it->second->kind == "positive") best = it->second;
  }
  return best;
}

void add_false_positive(Accuracy& a, const ObservedFinding& f) {
  ++a.by_detector[f.detector].false_positives;
  ++a.by_format[format_of(f.file)].false_positives;
}

}  // namespace

std::vector<TruthItem> read_truth_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read truth file '" + path + "'");
  std::vector<TruthItem> items;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    items.push_back(parse_truth_line(line, path + ":" + std::to_string(number)));
  }
  return items;
}

std::unique_ptr<Sink> make_collecting_sink(const std::string& root, std::vector<ObservedFinding>& out) {
  return std::make_unique<CollectingSink>(root, out);
}

std::string format_of(const std::string& file) {
  size_t slash = file.rfind('/');
  std::string name = slash == std::string::npos ? file : file.substr(slash + 1);
  // A maildir message is named by its delivery ("1234.M5P6Q7.host:2,S"), not its format:
  // it is known by the folder it sits in.
  std::string_view folder = slash == std::string::npos ? std::string_view() : std::string_view(file).substr(0, slash);
  if (folder == "cur" || folder == "new" || folder.ends_with("/cur") || folder.ends_with("/new")) return "maildir";
  size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == name.size()) return "(none)";
  std::string ext = name.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::optional<double> Score::precision() const {
  if (true_positives + false_positives == 0) return std::nullopt;
  return double(true_positives) / double(true_positives + false_positives);
}

std::optional<double> Score::recall() const {
  if (true_positives + false_negatives == 0) return std::nullopt;
  return double(true_positives) / double(true_positives + false_negatives);
}

// F2 weighs recall four times as much as precision: a missed CPR number is a worse
// mistake for a compliance scan than a false alarm someone looks at.
std::optional<double> Score::f2() const {
  auto p = precision(), r = recall();
  if (!p || !r) return std::nullopt;
  if (*p + *r == 0) return 0.0;
  return 5 * *p * *r / (4 * *p + *r);
}

Accuracy score(const std::vector<TruthItem>& truth, const std::vector<ObservedFinding>& findings) {
  Accuracy a;
  a.truth_items = truth.size();
  std::multimap<Key, const TruthItem*> index;
  std::set<std::string> truth_detectors;
  for (const auto& t : truth) {
    index.emplace(Key{t.file, t.detector, t.value}, &t);
    if (t.kind == "positive" || t.kind == "decoy") truth_detectors.insert(t.detector);
  }
  std::set<const TruthItem*> found;
  std::set<std::tuple<std::string, std::string, std::string, std::vector<std::string>>> counted;
  for (const auto& f : findings) {
    if (!truth_detectors.count(f.detector)) continue;
    if (!counted.insert({f.file, f.detector, f.value, f.location}).second) continue;
    const TruthItem* item = matching_item(index, f);
    if (item && item->kind == "positive") {
      found.insert(item);
    } else if (item && item->kind == "decoy") {
      add_false_positive(a, f);
      a.decoys_reported.push_back(f);
    } else if (!item) {
      add_false_positive(a, f);
    }
  }
  for (const auto& t : truth) {
    if (t.kind != "positive") continue;
    bool hit = found.count(&t) > 0;
    for (Score* s : {&a.by_detector[t.detector], &a.by_format[format_of(t.file)]})
      ++(hit ? s->true_positives : s->false_negatives);
  }
  for (const auto& d : truth_detectors) a.by_detector[d];  // a decoys-only detector still gets a row
  return a;
}

}  // namespace gdprscan
