// Cells of one SpreadsheetML worksheet part rendered as text.
#ifndef BIDSCOPE_EXTRACT_XLSX_SHEET_H_
#define BIDSCOPE_EXTRACT_XLSX_SHEET_H_

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/sheet_text.h"
#include "extract/xlsx_number_format.h"

namespace bidscope {

// Workbook-wide facts the cells of a sheet refer to.
struct WorkbookContext {
  // Text of each item of xl/sharedStrings.xml, by index.
  std::vector<std::string> shared_strings;

  // Date kind of each cell style, by the cell's s attribute.
  std::vector<DateKind> style_date_kinds;

  // True when workbookPr date1904 is set, so serials count from 1904.
  bool date1904 = false;
};

// Text of a string item (si) or inline string (is): its t elements in
// order, without phonetic readings (rPh).
std::string RichText(const xmlNode* item);

// Adds every row of worksheet `sheet` to `builder`. Numeric cells whose
// style shows a date are rendered as dates, other numbers as written.
void RenderWorksheet(const xmlDoc* sheet, const WorkbookContext& workbook,
                     SheetTextBuilder& builder);

// 0-based column of cell reference `reference` ("C7" gives 2), or -1 when
// it does not start with column letters.
long ColumnOfReference(std::string_view reference);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_XLSX_SHEET_H_
