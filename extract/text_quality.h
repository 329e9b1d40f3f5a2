// Judges whether a page's text layer is real text or the garbage a font
// without a Unicode mapping produces.
#ifndef BIDSCOPE_EXTRACT_TEXT_QUALITY_H_
#define BIDSCOPE_EXTRACT_TEXT_QUALITY_H_

#include <string>
#include <string_view>
#include <vector>

namespace bidscope {

// A piece of text drawn with one font, such as one word of a PDF page.
struct TextRun {
  std::string text;       // UTF-8
  std::string font_name;  // as the PDF names it, subset prefix included
};

struct TextQuality {
  // Share of plausible characters among the non-space ones, from 0 to 1;
  // 1 for text without any.
  double score = 1.0;

  // False when the text is garbage and must not be indexed.
  bool reliable = true;

  // Fonts whose characters are mostly implausible, as messages such as
  // "text layer unreliable: font AAAAAA+X has no Unicode mapping".
  std::vector<std::string> warnings;
};

// Scores text without font information: Han (except the rare Extension A),
// kana, Hangul syllables, Latin, Greek, Cyrillic and common punctuation are
// plausible; U+FFFD, private use, control characters, unassigned code
// points and other scripts are not.
double PlausibleCharacterShare(std::string_view text);

// Scores the runs of one page. Runs drawn with a CJK font that contain no
// Han character also count Latin-1 and General Punctuation characters as
// implausible, since that is what codes without a Unicode mapping decode
// to through WinAnsiEncoding.
TextQuality AssessTextQuality(const std::vector<TextRun>& runs);

// True when a font name looks like a Chinese, Japanese or Korean font.
bool IsCjkFontName(std::string_view font_name);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_TEXT_QUALITY_H_
