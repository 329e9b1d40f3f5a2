// Renders OpenDocument text content (office:text, table cells, text
// boxes, notes) as plain text.
#ifndef BIDSCOPE_EXTRACT_ODF_TEXT_H_
#define BIDSCOPE_EXTRACT_ODF_TEXT_H_

#include <libxml/tree.h>

#include <cstddef>
#include <string>
#include <vector>

namespace bidscope {

struct OdfText {
  // One line per paragraph, heading and list item. A table row is one line
  // with cells separated by " | ".
  std::vector<std::string> lines;

  // Footnotes, endnotes and comments (office:annotation), one entry each,
  // in document order.
  std::vector<std::string> notes;

  // True when a table or repeated space was cut at `max_bytes`.
  bool truncated = false;
};

// Renders the block content of `container` in document order. Frames and
// text boxes appear once, after the paragraph that anchors them. Tracked
// changes keep insertions and drop deletions, which ODF stores only inside
// text:tracked-changes. Notes and comments go to OdfText::notes. Index
// templates, forms and declarations are skipped. `max_bytes` bounds the
// text a table can expand to through repeated rows and columns.
OdfText RenderOdfText(const xmlNode* container, size_t max_bytes);

// Text of table:table `table`, one line per row as SheetTextBuilder writes
// it, at most `max_bytes` bytes. Sets `truncated` when rows were cut.
// Repeated rows and cells are expanded, except empty ones.
std::string RenderOdfTable(const xmlNode* table, size_t max_bytes,
                           bool& truncated);

// True when `node` is element `name` in the ODF namespace
// "urn:oasis:names:tc:opendocument:xmlns:NS:1.0", where `ns` is for
// example "text", "table", "drawing" or "office".
bool IsOdfElement(const xmlNode* node, const char* ns, const char* name);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_ODF_TEXT_H_
