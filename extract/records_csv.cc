// CSV dumps: a header row naming the fields, then one record per row.
#include <fmt/format.h>

#include "extract/csv_parser.h"
#include "extract/records_source.h"

namespace bidscope {

namespace {

// Some scrapers write each cell as a Python list repr ("['2020-12-11']").
// Unwraps a cell that is exactly one quoted string in brackets.
std::string UnwrapListCell(const std::string& cell) {
  if (cell.size() >= 4 && cell.starts_with("['") && cell.ends_with("']")) {
    std::string_view inner(cell.data() + 2, cell.size() - 4);
    if (inner.find("', '") == std::string_view::npos) return std::string(inner);
  }
  return cell;
}

// Names blank or repeated header cells so that every field has a key.
std::vector<std::string> HeaderNames(const CsvRow& header) {
  std::vector<std::string> names;
  for (size_t i = 0; i < header.cells.size(); ++i) {
    std::string name = UnwrapListCell(header.cells[i]);
    if (name.empty()) name = fmt::format("column {}", i + 1);
    for (const std::string& earlier : names) {
      if (earlier == name) name = fmt::format("{} ({})", name, i + 1);
    }
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace

RecordSet ReadCsvRecords(std::string_view text) {
  RecordSet set;
  CsvTable table = ParseCsv(text, DetectCsvDelimiter(text));
  set.warnings = std::move(table.warnings);
  if (table.rows.empty()) {
    set.error = "CSV has no header row";
    return set;
  }

  std::vector<std::string> names = HeaderNames(table.rows[0]);
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];

    // A short row is kept with its missing cells empty, as spreadsheets
    // write trailing empty cells as nothing, but it is reported because a
    // broken line looks the same. A long row (broken quoting, or a comma
    // in a value that was not quoted) is kept too, so that no record is
    // lost: its cells past the header are named by their column number.
    if (row.cells.size() > names.size()) {
      set.warnings.push_back(fmt::format(
          "line {}: {} fields where the header has {}; the fields after "
          "column {} are kept as \"column N\"",
          row.line, row.cells.size(), names.size(), names.size()));
    }
    if (row.cells.size() < names.size()) {
      set.warnings.push_back(fmt::format(
          "line {}: {} {} where the header has {}; the others are empty",
          row.line, row.cells.size(),
          row.cells.size() == 1 ? "field" : "fields", names.size()));
    }
    RecordFields fields;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      std::string name =
          c < names.size() ? names[c] : fmt::format("column {}", c + 1);
      fields.emplace_back(std::move(name), UnwrapListCell(row.cells[c]));
    }
    set.records.push_back({.number = int(r), .fields = std::move(fields)});
  }
  return set;
}

}  // namespace bidscope
