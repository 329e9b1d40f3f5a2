#include "extract/text_quality.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace bidscope {
namespace {

// A page scoring below this is garbage.
constexpr double kMinReliableScore = 0.6;
// Pages with fewer non-space characters are too short to judge.
constexpr int kMinJudgedCharacters = 3;
// A font whose characters are at least this share implausible has no
// usable Unicode mapping.
constexpr double kFontGarbageShare = 0.5;
// Such fonts make the page unreliable when they drew this share of it.
constexpr double kGarbageFontPageShare = 0.2;

// Parts of font names that mark CJK fonts, lower case. Names with
// non-ASCII bytes (宋体, or #-escaped GBK) count as CJK too.
constexpr std::string_view kCjkFontMarks[] = {
    "song",      "hei",        "kai",      "fang",      "ming",      "simsun",
    "simhei",    "yahei",      "msyh",     "wenquanyi", "wqy",       "cjk",
    "sourcehan", "source han", "mincho",   "gothic",    "batang",    "gulim",
    "dotum",     "gbk",        "unigb",    "gb2312",    "gb18030",   "big5",
    "unicns",    "fzs",        "fzh",      "fzk",       "huawen",    "stxihei",
    "dfkai",     "mingliu",    "pmingliu", "adobesong", "adobeheiti"};

bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c); }

bool IsHan(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

// Han outside CJK Extension A, which real documents rarely use but
// glyph ids read as code points often land in.
bool IsCommonHan(UChar32 c) {
  return IsHan(c) && !(c >= 0x3400 && c <= 0x4DBF);
}

bool IsPlausible(UChar32 c) {
  if (c == 0xFFFD || c < 0) return false;
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return false;
  if (c >= 0x02B0 && c <= 0x02FF) return false;  // spacing modifiers
  if (c >= 0x1100 && c <= 0x11FF) return false;  // conjoining jamo
  if (c >= 0x3400 && c <= 0x4DBF) return false;  // CJK Extension A
  int8_t type = u_charType(c);
  if (type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR ||
      type == U_SURROGATE || type == U_CONTROL_CHAR) {
    return false;
  }
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  if (U_FAILURE(status)) return false;
  switch (script) {
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_LATIN:
    case USCRIPT_GREEK:
    case USCRIPT_CYRILLIC:
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO:
      return true;
    default:
      return false;
  }
}

// What WinAnsiEncoding and Latin-1 give for codes of a font that has no
// Unicode mapping. Dashes, quotes, the ellipsis and the middle dot are
// excluded because Chinese text uses them alone, as in a "— 1 —" footer.
bool IsWinAnsiGarbage(UChar32 c) {
  switch (c) {
    case 0x00B7:
    case 0x2013:
    case 0x2014:
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x2026:
      return false;
    default:
      break;
  }
  return (c >= 0x80 && c <= 0xFF) || (c >= 0x2000 && c <= 0x20FF) ||
         (c >= 0x0152 && c <= 0x0192) || c == 0x02C6 || c == 0x02DC;
}

struct Counts {
  int plausible = 0;
  int implausible = 0;
  int Total() const { return plausible + implausible; }
};

Counts CountRun(std::string_view text, bool cjk_font) {
  bool has_han = false;
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    UChar32 c;
    U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
    has_han = has_han || IsCommonHan(c);
  }
  Counts counts;
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    UChar32 c;
    U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
    if (c >= 0 && IsSpace(c)) continue;
    bool garbage = cjk_font && !has_han && IsWinAnsiGarbage(c);
    (IsPlausible(c) && !garbage ? counts.plausible : counts.implausible)++;
  }
  return counts;
}

}  // namespace

bool IsCjkFontName(std::string_view font_name) {
  std::string lower;
  for (char c : font_name) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  // "#B7#C2" style escapes of GBK bytes in a name.
  for (size_t i = lower.find('#');
       i != std::string::npos && i + 2 < lower.size();
       i = lower.find('#', i + 1)) {
    if (lower[i + 1] >= '8' && std::isxdigit(lower[i + 1])) return true;
  }
  return std::any_of(std::begin(kCjkFontMarks), std::end(kCjkFontMarks),
                     [&](std::string_view mark) {
                       return lower.find(mark) != std::string::npos;
                     });
}

double PlausibleCharacterShare(std::string_view text) {
  Counts counts = CountRun(text, false);
  if (counts.Total() == 0) return 1.0;
  return static_cast<double>(counts.plausible) / counts.Total();
}

TextQuality AssessTextQuality(const std::vector<TextRun>& runs) {
  std::map<std::string, Counts> by_font;
  Counts page;
  for (const TextRun& run : runs) {
    Counts counts = CountRun(run.text, IsCjkFontName(run.font_name));
    Counts& font = by_font[run.font_name];
    font.plausible += counts.plausible;
    font.implausible += counts.implausible;
    page.plausible += counts.plausible;
    page.implausible += counts.implausible;
  }

  TextQuality quality;
  if (page.Total() == 0) return quality;
  quality.score = static_cast<double>(page.plausible) / page.Total();

  int garbage_font_characters = 0;
  std::vector<std::string> garbage_fonts;
  for (const auto& [name, counts] : by_font) {
    if (counts.Total() < kMinJudgedCharacters ||
        counts.implausible < kFontGarbageShare * counts.Total()) {
      continue;
    }
    garbage_font_characters += counts.Total();
    garbage_fonts.push_back(name.empty() ? "(unnamed)" : name);
  }
  bool low_score =
      page.Total() >= kMinJudgedCharacters && quality.score < kMinReliableScore;
  quality.reliable = !low_score && garbage_font_characters <
                                       kGarbageFontPageShare * page.Total();

  // A small font without a mapping (bullets, say) leaves the page usable.
  for (const std::string& font : garbage_fonts) {
    quality.warnings.push_back(
        quality.reliable ? "font " + font +
                               " has no Unicode mapping; its characters may "
                               "be wrong"
                         : "text layer unreliable: font " + font +
                               " has no Unicode mapping");
  }
  return quality;
}

}  // namespace bidscope
