// RFC 4180 CSV parsing with the deviations scraped dumps need: tab,
// semicolon or vertical bar delimiters, bare CR line ends and damaged lines
// reported as warnings instead of ending the parse.
#ifndef BIDSCOPE_EXTRACT_CSV_PARSER_H_
#define BIDSCOPE_EXTRACT_CSV_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

namespace bidscope {

struct CsvRow {
  // 1-based physical line on which the row starts.
  int line = 0;
  std::vector<std::string> cells;
};

struct CsvTable {
  // Rows in file order, blank lines left out. The first row is the header
  // when the caller treats it as one.
  std::vector<CsvRow> rows;

  // One message per line that failed to parse, naming the line number.
  std::vector<std::string> warnings;
};

// Picks ',', '\t', ';' or '|', whichever occurs most often outside quotes in
// the first line (commas on a tie).
char DetectCsvDelimiter(std::string_view text);

// Parses UTF-8 text that has no byte order mark. A quoted field may hold
// delimiters, line breaks and "" escapes. A line with text after a closing
// quote, or whose quote is never closed, is reported and skipped, and the
// parse goes on at the next line.
CsvTable ParseCsv(std::string_view text, char delimiter);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_CSV_PARSER_H_
