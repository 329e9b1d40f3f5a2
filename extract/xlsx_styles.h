// Cell styles of a SpreadsheetML workbook (xl/styles.xml), as far as
// they decide whether a numeric cell shows a date or a time.
#ifndef BIDSCOPE_EXTRACT_XLSX_STYLES_H_
#define BIDSCOPE_EXTRACT_XLSX_STYLES_H_

#include <libxml/tree.h>

#include <vector>

#include "extract/xlsx_number_format.h"

namespace bidscope {

// Kind of each cell style (cellXfs/xf, by index) from its number format,
// built-in or declared in numFmts. Null gives no styles.
std::vector<DateKind> ReadCellStyleDateKinds(const xmlDoc* styles);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_XLSX_STYLES_H_
