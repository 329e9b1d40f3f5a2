// Reading order for the text boxes of one PDF page: columns, ruled tables,
// vertical CJK text and letter-spaced lines.
#ifndef BIDSCOPE_EXTRACT_LAYOUT_H_
#define BIDSCOPE_EXTRACT_LAYOUT_H_

#include <string>
#include <vector>

namespace bidscope {

// One word as the PDF text layer places it, in page coordinates with y
// growing downwards (points).
struct LayoutBox {
  std::string text;  // UTF-8
  double left = 0;
  double top = 0;
  double right = 0;
  double bottom = 0;
  double font_size = 0;      // points; 0 when unknown
  bool space_after = false;  // the text layer puts a space after the word
};

// Returns the text of a page in reading order, one output line per text
// line. Columns are read left to right, each top to bottom; table rows
// become one line with cells joined by " | " and wrapped cells joined;
// vertical CJK text is read top to bottom with columns right to left.
std::string LayoutPageText(const std::vector<LayoutBox>& boxes);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_LAYOUT_H_
