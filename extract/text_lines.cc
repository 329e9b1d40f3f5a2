#include "extract/text_lines.h"

namespace bidscope {
namespace {

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
      pending_space_ = !current_.empty();
      pos += space;
      continue;
    }
    if (pending_space_) current_.push_back(' ');
    pending_space_ = false;
    current_.push_back(text[pos++]);
  }
}

void TextLines::EndLine() {
  std::string line = WithoutTrailingSpaces(std::move(current_));
  current_.clear();
  pending_space_ = false;
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
