// The property classes of the fields' patterns spelled out as code point
// ranges. ICU builds the set of \p{Nd}, \d or \p{Han} from its property
// tables again for each pattern and each set that names it. For the fields
// of one PDF that was 44 builds and a tenth of the instructions of
// `bidscope extract`. So each class is built once here, and its ranges are
// written into the patterns.
#ifndef BIDSCOPE_EXTRACT_PATTERN_CLASSES_H_
#define BIDSCOPE_EXTRACT_PATTERN_CLASSES_H_

#include <string>
#include <string_view>

namespace bidscope::fields_internal {

// `pattern`, an ICU regular expression or set, with every \d, \p{Nd} and
// \p{Han} replaced by the same class as a bracketed list of ranges, which
// ICU also reads inside a set. The pattern matches exactly what it matched
// before. Other escapes are copied unchanged; \Q quoting is not read, and
// the fields' patterns do not use it.
std::string ExpandPropertyClasses(std::string_view pattern);

}  // namespace bidscope::fields_internal

#endif  // BIDSCOPE_EXTRACT_PATTERN_CLASSES_H_
