// Renders a parsed HTML document as plain text: one line per block,
// table rows on one line with cells separated by " | ", chrome dropped.
#ifndef BIDSCOPE_EXTRACT_HTML_TEXT_H_
#define BIDSCOPE_EXTRACT_HTML_TEXT_H_

#include <libxml/tree.h>

#include <string>

namespace bidscope {

// Separator between the cells of a table row.
inline constexpr char kCellSeparator[] = " | ";

// Text of the document's body (the whole document when libxml2 built no
// <body>) and of what follows it. Drops script, style, noscript, template, svg,
// forms' option lists, comments and navigation chrome (see IsNavigationChrome).
std::string HtmlBodyText(const xmlDoc* doc);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_HTML_TEXT_H_
