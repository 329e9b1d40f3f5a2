// No library on this machine's stack parses CSV (ICU, libxml2 and
// nlohmann-json do not), and the dumps need line-level error recovery, so
// this is a small hand-written state machine over RFC 4180.
#include "extract/csv_parser.h"

#include <fmt/format.h>

#include <array>

namespace bidscope {

namespace {

bool IsLineBreak(char c) { return c == '\n' || c == '\r'; }

// Advances past one line break ("\r\n", "\n" or "\r") at `pos`.
size_t SkipLineBreak(std::string_view text, size_t pos) {
  if (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') {
    return pos + 2;
  }
  return pos + 1;
}

// Parses one record starting at `pos`. On success returns true and leaves
// `pos` after the record's line break; `line` counts the breaks passed.
// On failure `error` describes the damage and `pos` is unchanged.
class RecordParser {
 public:
  RecordParser(std::string_view text, char delimiter)
      : text_(text), delimiter_(delimiter) {}

  bool Parse(size_t& pos, int& line, CsvRow& row, std::string& error) {
    size_t at = pos;
    int lines = 0;
    row.cells.assign(1, "");
    while (at < text_.size() && !IsLineBreak(text_[at])) {
      if (text_[at] == '"' && row.cells.back().empty()) {
        if (!ParseQuoted(at, lines, row.cells.back(), error)) return false;
        if (at < text_.size() && text_[at] != delimiter_ &&
            !IsLineBreak(text_[at])) {
          error = "text after a closing quote";
          return false;
        }
        if (at < text_.size() && text_[at] == delimiter_) {
          ++at;
          row.cells.emplace_back();
          if (at == text_.size() || IsLineBreak(text_[at])) break;
        }
        continue;
      }
      if (text_[at] == delimiter_) {
        row.cells.emplace_back();
      } else {
        row.cells.back() += text_[at];
      }
      ++at;
    }
    if (at < text_.size()) at = SkipLineBreak(text_, at);
    pos = at;
    line += lines + 1;
    return true;
  }

 private:
  // Reads a quoted field from the opening quote at `at` to just past its
  // closing quote.
  bool ParseQuoted(size_t& at, int& lines, std::string& cell,
                   std::string& error) {
    for (size_t i = at + 1; i < text_.size(); ++i) {
      char c = text_[i];
      if (c == '"' && i + 1 < text_.size() && text_[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        at = i + 1;
        return true;
      } else {
        if (c == '\n' ||
            (c == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'))) {
          ++lines;
        }
        cell += c;
      }
    }
    error = "quoted field is never closed";
    return false;
  }

  std::string_view text_;
  char delimiter_;
};

bool IsBlank(const CsvRow& row) {
  return row.cells.size() == 1 && row.cells[0].empty();
}

}  // namespace

char DetectCsvDelimiter(std::string_view text) {
  constexpr std::array<char, 4> kDelimiters = {',', '\t', ';', '|'};
  std::array<int, 4> counts{};
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (!quoted && IsLineBreak(c)) break;
    for (size_t i = 0; i < kDelimiters.size(); ++i) {
      if (!quoted && c == kDelimiters[i]) ++counts[i];
    }
  }
  size_t best = 0;
  for (size_t i = 1; i < kDelimiters.size(); ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  return kDelimiters[best];
}

CsvTable ParseCsv(std::string_view text, char delimiter) {
  CsvTable table;
  RecordParser parser(text, delimiter);
  size_t pos = 0;
  int line = 1;
  while (pos < text.size()) {
    CsvRow row;
    row.line = line;
    std::string error;
    if (parser.Parse(pos, line, row, error)) {
      if (!IsBlank(row)) table.rows.push_back(std::move(row));
      continue;
    }

    // Skip the damaged physical line and resume after it.
    table.warnings.push_back(fmt::format("line {}: {}", line, error));
    while (pos < text.size() && !IsLineBreak(text[pos])) ++pos;
    if (pos < text.size()) pos = SkipLineBreak(text, pos);
    ++line;
  }
  return table;
}

}  // namespace bidscope
