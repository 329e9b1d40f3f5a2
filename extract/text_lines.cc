#include "extract/text_lines.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace bidscope {
namespace {

// True for the East Asian wide and fullwidth characters other than Hangul,
// between which CSS Text 3 removes a collapsed line break: a Chinese
// sentence wrapped in the page's source reads as one run.
bool JoinsAcrossBreak(UChar32 c) {
  if (c < 0) return false;
  int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (width != U_EA_WIDE && width != U_EA_FULLWIDTH) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) != USCRIPT_HANGUL;
}

// Returns the code point that ends `text`, or -1.
UChar32 LastCodePoint(const std::string& text) {
  if (text.empty()) return -1;
  int32_t end = static_cast<int32_t>(text.size());
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, end, c);
  return c;
}

// Returns the code point that starts `text` at `pos`, or -1.
UChar32 CodePointAt(std::string_view text, size_t pos) {
  int32_t at = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), at,
          static_cast<int32_t>(text.size()), c);
  return c;
}

// Length of the whitespace character at `pos` (ASCII whitespace or the
// two-byte UTF-8 U+00A0), or 0.
size_t WhitespaceLength(std::string_view text, size_t pos) {
  char c = text[pos];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return 1;
  if (c == '\xC2' && pos + 1 < text.size() && text[pos + 1] == '\xA0') {
    return 2;
  }
  return 0;
}

std::string WithoutTrailingSpaces(std::string line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
    line.pop_back();
  }
  return line;
}

}  // namespace

void TextLines::Append(std::string_view text, bool preformatted) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (preformatted) {
      char c = text[pos++];
      if (c == '\n') {
        EndLine();
      } else if (c != '\r') {
        current_.push_back(c);
      }
      continue;
    }
    size_t space = WhitespaceLength(text, pos);
    if (space > 0) {
      if (!pending_space_) pending_break_ = false;
      pending_break_ |= text[pos] == '\n' || text[pos] == '\r';
      pending_space_ = !current_.empty();
      pos += space;
      continue;
    }
    if (pending_space_ &&
        !(pending_break_ && JoinsAcrossBreak(LastCodePoint(current_)) &&
          JoinsAcrossBreak(CodePointAt(text, pos)))) {
      current_.push_back(' ');
    }
    pending_space_ = false;
    pending_break_ = false;
    current_.push_back(text[pos++]);
  }
}

void TextLines::EndLine() {
  std::string line = WithoutTrailingSpaces(std::move(current_));
  current_.clear();
  pending_space_ = false;
  pending_break_ = false;
  if (!line.empty()) lines_.push_back(std::move(line));
}

std::vector<std::string> TextLines::Lines() const {
  std::vector<std::string> lines = lines_;
  std::string last = WithoutTrailingSpaces(current_);
  if (!last.empty()) lines.push_back(std::move(last));
  return lines;
}

std::string TextLines::Text() const {
  std::string text;
  for (const std::string& line : Lines()) {
    if (!text.empty()) text.push_back('\n');
    text += line;
  }
  return text;
}

}  // namespace bidscope
