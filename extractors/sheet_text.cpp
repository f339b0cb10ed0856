#include "sheet_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace gdprscan {

void SheetText::add_cell(const std::string& column, const std::string& row, const std::string& shown,
                         bool numeric) {
  if (shown.empty() || truncated_) return;
  if (out_.size() + shown.size() + 2 > limit_) {
    truncated_ = true;
    return;
  }
  if (first_row_.empty()) first_row_ = row;
  if (row == first_row_) headers_[column] = shown;
  // Excel drops the leading zero of a CPR number typed into a numeric cell: a nine-digit
  // number under a CPR header is reported with the zero put back, at lower confidence.
  bool nine_digits = shown.size() == 9 && std::all_of(shown.begin(), shown.end(), ::isdigit);
  bool restore = numeric && nine_digits && row != first_row_ && header_names_cpr(headers_[column]);
  if (!out_.empty() && out_.back() != '\n') out_ += '\t';
  if (restore) restored_.push_back(out_.size());
  cells_.push_back({out_.size(), column + row});
  if (restore) out_ += '0';
  out_ += shown;
}

void SheetText::end_row() {
  if (!out_.empty() && out_.back() != '\n') out_ += '\n';
}

void SheetText::write(ExtractContext& ctx, const LocationChain& sheet) {
  if (!out_.empty()) write_sheet(ctx, sheet, out_, std::move(cells_), std::move(restored_));
}

void sheet_too_long(ExtractContext& ctx, const LocationChain& sheet) {
  ctx.problem(Problem{true, ProblemKind::limit_exceeded, sheet,
                      "the sheet's text grew past 64 MiB (cells repeating long shared strings?): the rest of it was not scanned"});
}

std::string column_name(unsigned index) {
  std::string name;
  for (unsigned n = index + 1; n > 0; n = (n - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

std::string displayed_number(double v) {
  char buf[40];
  if (!std::isfinite(v)) return {};
  if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

}  // namespace gdprscan
