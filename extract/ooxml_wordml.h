// Renders WordprocessingML parts (document, headers, footers, footnotes,
// endnotes) as text.
#ifndef BIDSCOPE_EXTRACT_OOXML_WORDML_H_
#define BIDSCOPE_EXTRACT_OOXML_WORDML_H_

#include <libxml/tree.h>

#include <string>
#include <vector>

namespace bidscope {

struct WordText {
  // Text of each page, split at explicit page breaks (w:br w:type="page")
  // and at the breaks Word recorded when it last laid the document out
  // (w:lastRenderedPageBreak). Always at least one entry.
  // NOTE: recorded breaks reflect the layout of the application that last
  // saved the file, so page numbers can differ from another renderer's.
  std::vector<std::string> pages;
};

// Renders a part in document order, one line per paragraph. A table row
// is one line with cells separated by " | ", and a nested table stays
// inside its cell. Text boxes appear once (mc:Choice, else mc:Fallback).
// Insertions and field results are kept. Deletions, moved-from text and
// field instructions are dropped. Content controls give their content,
// w:tab a tab and w:br a line break. Note separators are skipped.
WordText RenderWordprocessingMl(const xmlDoc* part);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_OOXML_WORDML_H_
