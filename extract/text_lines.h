// Builds text line by line from markup, collapsing whitespace the way
// HTML renders it.
#ifndef BIDSCOPE_EXTRACT_TEXT_LINES_H_
#define BIDSCOPE_EXTRACT_TEXT_LINES_H_

#include <string>
#include <string_view>
#include <vector>

namespace bidscope {

class TextLines {
 public:
  // Appends text to the current line. Unless `preformatted`, each run of
  // whitespace (ASCII whitespace and U+00A0) becomes one space, and spaces
  // at the start of a line are dropped. A run with a line break between
  // two wide characters (Chinese, Japanese, full-width forms) is dropped,
  // following CSS Text 3. Preformatted newlines end lines.
  void Append(std::string_view text, bool preformatted = false);

  // Ends the current line if it has text. Empty lines are never kept.
  void EndLine();

  // Lines so far, the current one included, without trailing spaces.
  std::vector<std::string> Lines() const;

  // Lines() joined with newlines.
  std::string Text() const;

 private:
  std::vector<std::string> lines_;
  std::string current_;
  bool pending_space_ = false;
  bool pending_break_ = false;  // the pending space has a line break
};

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_TEXT_LINES_H_
