// Running headers and footers of paged documents: lines that recur at the
// top or bottom of most pages once their numbers are ignored, such as
// "第 3 页 共 89 页", "- 3 -" or a running title.
#ifndef BIDSCOPE_EXTRACT_PAGE_FURNITURE_H_
#define BIDSCOPE_EXTRACT_PAGE_FURNITURE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "extract/document.h"

namespace bidscope {

struct FurnitureOptions {
  // Non-blank lines examined at the top and at the bottom of each page.
  size_t edge_lines = 3;

  // Share of the pages with text on which a line must recur, at the top or
  // at the bottom, to count as a header or footer.
  double min_page_share = 0.5;

  // Minimum number of pages a line must recur on. Documents with fewer
  // pages with text are left alone, because two pages cannot tell a
  // header from a coincidence.
  size_t min_pages = 3;

  // Longer lines are body text, not headers or footers, in bytes.
  size_t max_line_bytes = 240;
};

// Sets Page::furniture on every page of `doc` from the lines that recur in
// the top or bottom `edge_lines` of at least `min_page_share` of its pages
// with text. Replaces earlier marks.
void MarkPageFurniture(Document& doc, const FurnitureOptions& options = {});

// The form in which lines are compared: whitespace (including U+3000 and
// U+00A0) removed, and each run of digits, full-width digits or Chinese
// numerals (〇零一二三四五六七八九十百千) replaced by "#".
// "第 3 页 共 89 页" and "第12页 共89页" both give "第#页共#页".
std::string FurnitureKey(std::string_view line);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_PAGE_FURNITURE_H_
