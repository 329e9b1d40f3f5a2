// Plain text of HTML found inside a record field.
#ifndef BIDSCOPE_EXTRACT_RECORDS_HTML_H_
#define BIDSCOPE_EXTRACT_RECORDS_HTML_H_

#include <string>
#include <string_view>

namespace bidscope {

// True when `value` contains an HTML tag or entity, so it needs stripping.
bool ContainsMarkup(std::string_view value);

// Parses a UTF-8 HTML fragment with libxml2's HTML parser in recovery mode
// and returns its text: one line per block element or <br>, script and
// style dropped, entities decoded, blank lines removed.
std::string HtmlFragmentToText(std::string_view html);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_RECORDS_HTML_H_
