#include "extract/segment_chars.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace bidscope::segment_internal {

char32_t DecodeAt(std::string_view text, size_t i, size_t* next) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t offset = static_cast<int32_t>(i);
  const int32_t length = static_cast<int32_t>(text.size());
  UChar32 c;
  U8_NEXT(bytes, offset, length, c);
  *next = static_cast<size_t>(offset);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

char32_t DecodeBefore(std::string_view text, size_t i, size_t* start) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t offset = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(bytes, 0, offset, c);
  *start = static_cast<size_t>(offset);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

bool IsSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

bool IsHan(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN;
}

bool IsCjk(char32_t c) {
  if (IsHan(c)) return true;
  // CJK Symbols and Punctuation, and Halfwidth and Fullwidth Forms.
  if (c >= 0x3000 && c <= 0x303F) return true;
  return c >= 0xFF00 && c <= 0xFFEF;
}

bool IsLatinTerminator(char32_t c) {
  return c == U'.' || c == U'!' || c == U'?' || c == U'\uFF0E';
}

bool IsTerminator(char32_t c) {
  if (IsLatinTerminator(c)) return true;
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_S_TERM);
}

bool IsCloser(char32_t c) {
  switch (c) {
    case U'\u201D':  // ”
    case U'\u2019':  // ’
    case U'\u300D':  // 」
    case U'\u300F':  // 』
    case U'\uFF09':  // ）
    case U')':
    case U'\u300B':  // 》
    case U'\u3011':  // 】
    case U'\u3015':  // 〕
    case U'\uFF3D':  // ］
    case U']':
    case U'"':
    case U'\'':
    case U'\u00BB':  // »
      return true;
    default:
      return false;
  }
}

void TrimRange(std::string_view text, size_t* begin, size_t* end) {
  while (*begin < *end) {
    size_t next;
    if (!IsSpace(DecodeAt(text, *begin, &next))) break;
    *begin = next;
  }
  while (*end > *begin) {
    size_t start;
    if (!IsSpace(DecodeBefore(text, *end, &start))) break;
    *end = start;
  }
}

int CountCodePoints(std::string_view text, size_t begin, size_t end) {
  int count = 0;
  for (size_t i = begin; i < end; ++count) DecodeAt(text, i, &i);
  return count;
}

}  // namespace bidscope::segment_internal
