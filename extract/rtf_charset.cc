#include <fmt/format.h>

#include "extract/rtf_reader.h"

namespace bidscope {

std::string CodepageCharset(int codepage) {
  switch (codepage) {
    // GB18030 decodes every GBK (code page 936) sequence, and Chinese
    // writers put GB18030-only characters in 936 documents.
    case 936:
      return "GB18030";
    case 950:
      return "windows-950";
    case 10000:
      return "macintosh";
    default:
      return fmt::format("cp{}", codepage);
  }
}

int FontCharsetCodepage(int charset, int default_codepage) {
  switch (charset) {
    case 0:
      return 1252;  // ANSI
    case 2:
      return 1252;  // Symbol: bytes map to symbols, kept as CP1252
    case 77:
      return 10000;  // Mac Roman
    case 128:
      return 932;  // Shift JIS
    case 129:
      return 949;  // Hangul
    case 130:
      return 1361;  // Johab
    case 134:
      return 936;  // GB2312, written as GBK in practice
    case 136:
      return 950;  // Big5
    case 161:
      return 1253;  // Greek
    case 162:
      return 1254;  // Turkish
    case 163:
      return 1258;  // Vietnamese
    case 177:
      return 1255;  // Hebrew
    case 178:
      return 1256;  // Arabic
    case 186:
      return 1257;  // Baltic
    case 204:
      return 1251;  // Cyrillic
    case 222:
      return 874;  // Thai
    case 238:
      return 1250;  // Eastern European
    case 254:
      return 437;  // PC 437
    case 255:
      return 850;  // OEM
    default:
      return default_codepage;
  }
}

}  // namespace bidscope
