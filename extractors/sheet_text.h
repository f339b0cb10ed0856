// A spreadsheet's cells as one located piece of text, shared by the xlsx, ods and xls
// readers: a tab between cells, a newline per row, each cell's offset remembered so a
// finding names its cell ("sheet Personale" > "cell B7").
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "xml_parts.h"

namespace gdprscan {

class SheetText {
 public:
  explicit SheetText(uint64_t limit) : limit_(limit) {}

  // Cells arrive in reading order. `numeric`: the cell holds a number (shown as Excel shows
  // it in a General cell); a nine-digit number under a CPR header gets its leading zero back.
  void add_cell(const std::string& column, const std::string& row, const std::string& shown, bool numeric);
  void end_row();

  bool truncated() const { return truncated_; }  // the text limit was reached
  uint64_t size() const { return out_.size(); }
  bool empty() const { return out_.empty(); }
  // Hands the text to `ctx` as one piece at `sheet` (write_sheet in xml_parts.h).
  void write(ExtractContext& ctx, const LocationChain& sheet);

 private:
  uint64_t limit_;
  bool truncated_ = false;
  std::string out_;
  CellOffsets cells_;
  std::vector<uint64_t> restored_;
  std::map<std::string, std::string> headers_;  // column letters -> first-row text
  std::string first_row_;
};

// "A", "B", ... "Z", "AA": Excel's name for a zero-based column index.
std::string column_name(unsigned index);

// A number as Excel shows it in a General cell: integers in full ("1512800008", never
// "1.5128E9"), other numbers with up to 15 significant digits.
std::string displayed_number(double value);

// The `limit_exceeded` record for a sheet whose text passed the limit.
void sheet_too_long(ExtractContext& ctx, const LocationChain& sheet);

}  // namespace gdprscan
