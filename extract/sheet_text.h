// Text of one spreadsheet table, shared by the XLSX and ODS readers: one
// line per non-empty row, cells separated by " | ". Empty cells keep their
// place so columns stay aligned, counted from the leftmost column that has
// text anywhere in the table.
#ifndef BIDSCOPE_EXTRACT_SHEET_TEXT_H_
#define BIDSCOPE_EXTRACT_SHEET_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bidscope {

// Columns past this 0-based index are dropped. 16,384 columns (XFD) is the
// maximum of Excel 2007 and later and of LibreOffice Calc 7.4 and later.
inline constexpr size_t kMaxSheetColumns = 16384;

class SheetTextBuilder {
 public:
  // `max_bytes` bounds the text built. Rows past it are dropped and
  // truncated() becomes true.
  explicit SheetTextBuilder(size_t max_bytes) : max_bytes_(max_bytes) {}

  // Sets the cell at 0-based `column` of the current row. Cells must come
  // in increasing column order. Others, and columns past kMaxSheetColumns,
  // are ignored. Line breaks inside the cell become spaces.
  void AddCell(size_t column, std::string_view text);

  // Ends the current row, which stands for `repeat` identical rows (ODS
  // repeats rows). A row with no text is dropped.
  void EndRow(size_t repeat);

  // Renders the rows ended so far, at most `max_bytes` bytes.
  std::string Finish();

  bool truncated() const { return truncated_; }

 private:
  struct Row {
    std::vector<std::pair<size_t, std::string>> cells;
    size_t repeat = 1;
  };

  size_t max_bytes_;
  bool truncated_ = false;
  size_t first_column_ = kMaxSheetColumns;
  std::vector<Row> rows_;
  Row row_;
};

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_SHEET_TEXT_H_
