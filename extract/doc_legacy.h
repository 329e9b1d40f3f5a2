// Word 97-2003 .doc text through an external converter run as an isolated
// subprocess. The converters are tried in order of measured text
// completeness on Chinese documents: wvWare (package wv), catdoc, antiword.
#ifndef BIDSCOPE_EXTRACT_DOC_LEGACY_H_
#define BIDSCOPE_EXTRACT_DOC_LEGACY_H_

#include <string>
#include <string_view>

namespace bidscope {

// Text of converter output made plain: Word's cell marks (U+0007) removed,
// manual line breaks (U+000B) and page breaks (U+000C) turned into line
// ends, other C0 controls dropped, runs of blank lines collapsed to one.
std::string CleanWordText(std::string_view text);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_DOC_LEGACY_H_
