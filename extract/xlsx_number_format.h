// Number formats of SpreadsheetML cell styles, as far as they decide
// whether a numeric cell shows a date or a time.
#ifndef BIDSCOPE_EXTRACT_XLSX_NUMBER_FORMAT_H_
#define BIDSCOPE_EXTRACT_XLSX_NUMBER_FORMAT_H_

#include <string>
#include <string_view>

namespace bidscope {

enum class DateKind {
  kNone,      // a number, shown as written in the file
  kDate,      // shown as YYYY-MM-DD
  kTime,      // shown as HH:MM:SS
  kDateTime,  // shown as YYYY-MM-DD HH:MM:SS
};

// Kind of a format code such as "yyyy\"年\"m\"月\"d\"日\"" or "0.00".
DateKind DateKindOfFormatCode(std::string_view code);

// Kind of the built-in number format `id` (ECMA-376 Part 1, numFmt).
DateKind BuiltInDateKind(int id);

// Renders serial day number `value` (days since the workbook's epoch,
// fraction as time of day) as `kind` shows it. Returns false for text that
// is not a number or a serial outside 0..2958465 (9999-12-31).
bool FormatSerialDate(std::string_view value, DateKind kind, bool date1904,
                      std::string& text);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_XLSX_NUMBER_FORMAT_H_
