#include "extract/sheet_text.h"

#include <algorithm>

namespace bidscope {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Trims the cell and turns its line breaks and tabs into spaces, so a row
// stays on one line.
std::string CellLine(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  std::string line(text.substr(begin, end - begin));
  for (char& c : line) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return line;
}

}  // namespace

void SheetTextBuilder::AddCell(size_t column, std::string_view text) {
  if (column >= kMaxSheetColumns) return;
  if (!row_.cells.empty() && column <= row_.cells.back().first) return;
  std::string line = CellLine(text);
  if (line.empty()) return;
  row_.cells.emplace_back(column, std::move(line));
}

void SheetTextBuilder::EndRow(size_t repeat) {
  if (row_.cells.empty() || repeat == 0) {
    row_ = Row();
    return;
  }
  first_column_ = std::min(first_column_, row_.cells.front().first);
  row_.repeat = repeat;
  rows_.push_back(std::move(row_));
  row_ = Row();
}

std::string SheetTextBuilder::Finish() {
  std::string text;
  for (const Row& row : rows_) {
    std::string line;
    size_t column = first_column_;
    for (const auto& [cell_column, cell_text] : row.cells) {
      for (; column < cell_column; ++column) line += " | ";
      line += cell_text;
      ++column;
      if (&cell_text != &row.cells.back().second) line += " | ";
    }
    for (size_t i = 0; i < row.repeat; ++i) {
      if (text.size() + line.size() + 1 > max_bytes_) {
        truncated_ = true;
        return text;
      }
      if (!text.empty()) text.push_back('\n');
      text += line;
    }
  }
  return text;
}

}  // namespace bidscope
