// Document exports with procurement fields: CSV for spreadsheets and JSON
// Lines, one row or line per document.
#ifndef BIDSCOPE_CLI_EXPORT_FIELDS_H_
#define BIDSCOPE_CLI_EXPORT_FIELDS_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "index/index.h"

namespace bidscope::cli {

// `field` quoted as RFC 4180 requires: in double quotes, with inner quotes
// doubled, when it contains a comma, a quote, CR or LF; else unchanged.
std::string CsvField(std::string_view field);

// Writes a UTF-8 byte order mark (so that Excel reads the file as UTF-8),
// a header row and one CRLF-terminated row per hit. Amounts are the
// columns budget_cny and award_cny (largest of each, in CNY) and
// amounts_json (every amount found).
void WriteCsvExport(const std::vector<Hit>& hits, std::ostream& out);

// Writes one JSON object per hit: id, paths, title, format and the whole
// fields object.
void WriteJsonlExport(const std::vector<Hit>& hits, std::ostream& out);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_EXPORT_FIELDS_H_
