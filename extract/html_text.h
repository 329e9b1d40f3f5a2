// Renders a parsed HTML document as plain text: one line per block,
// table rows on one line with cells separated by " | ", chrome dropped.
#ifndef BIDSCOPE_EXTRACT_HTML_TEXT_H_
#define BIDSCOPE_EXTRACT_HTML_TEXT_H_

#include <libxml/tree.h>

#include <string>

#include "extract/frame_text.h"

namespace bidscope {

// Separator between the cells of a table row.
inline constexpr char kCellSeparator[] = " | ";

// Text of the document's body (the whole document when libxml2 built no
// <body>) and of what follows it. Drops script, style, noscript, template, svg,
// forms' option lists, comments and navigation chrome (see IsNavigationChrome).
//
// With `frame_text`, an <iframe> or <frame> gives in its place the text
// that `frame_text` returns for its src, as a block of its own lines.
// Without it, or for an empty text, the frame is dropped.
std::string HtmlBodyText(const xmlDoc* doc, const FrameText& frame_text = {});

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_HTML_TEXT_H_
