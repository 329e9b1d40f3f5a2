// Code point helpers shared by the PDF layout, OCR and metadata readers.
#ifndef BIDSCOPE_EXTRACT_CODE_POINTS_H_
#define BIDSCOPE_EXTRACT_CODE_POINTS_H_

#include <string>

#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace bidscope {

// Returns true for Han ideographs, CJK punctuation, kana and full-width
// forms: scripts written without spaces between words.
inline bool IsCjkCodePoint(UChar32 c) {
  if (c < 0x2E80) return false;
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)) {
    return true;
  }
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  return U_SUCCESS(status) &&
         (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
          script == USCRIPT_KATAKANA);
}

// Appends `c` as UTF-8, or nothing when it is not a valid code point.
inline void AppendCodePoint(std::string& out, UChar32 c) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, c, error);
  if (!error) out.append(buffer, length);
}

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_CODE_POINTS_H_
