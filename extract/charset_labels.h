// The WHATWG encoding label table and the ICU converter behind each
// encoding bidscope records.
#ifndef BIDSCOPE_EXTRACT_CHARSET_LABELS_H_
#define BIDSCOPE_EXTRACT_CHARSET_LABELS_H_

#include <string>
#include <string_view>

namespace bidscope {

// ICU converter name for an encoding name EncodingForLabel returns; other
// names pass through unchanged for ICU to resolve.
std::string_view IcuConverterName(std::string_view encoding);

// True for the multi-byte encodings in the label table (UTF-8, GB18030,
// Big5-HKSCS, Shift_JIS, EUC-JP, EUC-KR).
bool IsMultiByteEncoding(std::string_view encoding);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_CHARSET_LABELS_H_
