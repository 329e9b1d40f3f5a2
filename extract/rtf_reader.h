// Plain text of RTF documents.
//
// Written by hand because no tool on this stack reads Chinese RTF right.
// catdoc 0.95 decodes \'hh bytes in a \fcharset134 font as CP1252 and
// keeps the fallback characters after \uN. unrtf 0.21 skips only one
// fallback byte under \uc2. RTF is a small token format (control words,
// control symbols, groups and text), so the reader below handles only
// what affects text: destinations, font charsets, \ansicpg, \ucN and \uN,
// \'hh and \binN.
#ifndef BIDSCOPE_EXTRACT_RTF_READER_H_
#define BIDSCOPE_EXTRACT_RTF_READER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bidscope {

struct RtfContent {
  // Body text in UTF-8: \par, \line, \row, \sect and \page end lines, \tab
  // and \cell become tabs.
  std::string text;

  // From the \info group; `created` is ISO 8601 from \creatim.
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string created;

  // Problems met while reading (an unknown code page, output cut short).
  std::vector<std::string> warnings;
};

// Reads RTF `bytes`, keeping at most `max_text_bytes` of body text.
// Unbalanced braces, bad escapes and stray bytes are tolerated, not thrown.
RtfContent ReadRtf(std::string_view bytes, size_t max_text_bytes);

// ICU converter name for a Windows code page (936 gives "GB18030").
std::string CodepageCharset(int codepage);

// Windows code page of an RTF \fcharset value, or `default_codepage` for
// charset 1 (DEFAULT_CHARSET) and values outside the table.
int FontCharsetCodepage(int charset, int default_codepage);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_RTF_READER_H_
