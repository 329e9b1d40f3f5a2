#include "extract/segment_blocks.h"

#include <unicode/uchar.h>

#include <map>
#include <set>
#include <string>

#include "extract/segment_chars.h"

namespace bidscope::segment_internal {
namespace {

bool IsChineseNumeral(char32_t c) {
  static constexpr std::u32string_view kNumerals =
      U"〇零一二三四五六七八九十百千两";
  return kNumerals.find(c) != std::u32string_view::npos;
}

bool IsDigit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'\uFF10' && c <= U'\uFF19');
}

bool IsNumeral(char32_t c) { return IsChineseNumeral(c) || IsDigit(c); }

// Position after the run of characters from `pos` that satisfy `pred`.
template <typename Pred>
size_t SkipWhile(std::string_view s, size_t pos, Pred pred) {
  while (pos < s.size()) {
    size_t next;
    if (!pred(DecodeAt(s, pos, &next))) break;
    pos = next;
  }
  return pos;
}

// The code point at `pos`, or 0 at the end; `*next` is set past it.
char32_t At(std::string_view s, size_t pos, size_t* next) {
  if (pos >= s.size()) {
    *next = pos;
    return 0;
  }
  return DecodeAt(s, pos, next);
}

bool IsFullStop(char32_t c) { return c == U'.' || c == U'\uFF0E'; }

// "1." "1、" "1）" "1.2 " "1.2.3、" with ASCII or full-width digits.
size_t ArabicMarkerLength(std::string_view line) {
  size_t pos = SkipWhile(line, 0, IsDigit);
  int groups = 0;
  size_t next;
  while (IsFullStop(At(line, pos, &next))) {
    size_t after_digits = SkipWhile(line, next, IsDigit);
    if (after_digits == next) break;
    pos = after_digits;
    ++groups;
  }
  char32_t c = At(line, pos, &next);
  if (c == U'、' || c == U'）' || c == U')') return next;
  if (IsFullStop(c)) {
    size_t after;
    return IsDigit(At(line, next, &after)) ? 0 : next;
  }
  return (groups > 0 && IsSpace(c)) ? pos : 0;
}

bool EndsWithAny(std::string_view line, std::u32string_view chars,
                 bool skip_closers) {
  size_t end = line.size();
  size_t start = end;
  char32_t c = 0;
  while (end > 0) {
    c = DecodeBefore(line, end, &start);
    if (!skip_closers || !IsCloser(c)) break;
    end = start;
  }
  if (end == 0) return false;
  return IsTerminator(c) || chars.find(c) != std::u32string_view::npos;
}

// Punctuation after which a line cannot be a heading: a sentence end, or a
// mark that continues on the next line. A final colon is allowed, so that
// labels such as "联系方式：" stand alone.
bool EndsWithFinalPunctuation(std::string_view line) {
  return EndsWithAny(line, U"，,、；;…", /*skip_closers=*/true);
}

bool EndsSentence(std::string_view line) {
  return EndsWithAny(line, U"", /*skip_closers=*/true);
}

bool IsTableRow(std::string_view line) {
  if (line.find('\t') != std::string_view::npos) return true;
  if (line.find(" | ") != std::string_view::npos) return true;
  return line.size() > 1 && line.front() == '|' && line.back() == '|';
}

// A cell of a Markdown separator row such as "---" or ":--:".
bool IsRuleCell(std::string_view cell) {
  return cell.find_first_not_of("-:=+ ") == std::string_view::npos;
}

void AppendCells(std::string_view text, size_t begin, size_t end,
                 std::vector<TextBlock>* blocks) {
  size_t cell_begin = begin;
  for (size_t i = begin; i <= end; ++i) {
    if (i < end && text[i] != '\t' && text[i] != '|') continue;
    size_t b = cell_begin;
    size_t e = i;
    TrimRange(text, &b, &e);
    if (b < e && !IsRuleCell(text.substr(b, e - b))) {
      blocks->push_back({BlockKind::kCell, b, e});
    }
    cell_begin = i + 1;
  }
}

// Whether the line after `line_end` carries on the same sentence: it
// starts with a lower-case letter or with punctuation that cannot open one.
bool NextLineContinues(std::string_view text, size_t line_end) {
  size_t pos = line_end;
  size_t next = pos;
  while (pos < text.size()) {
    char32_t c = DecodeAt(text, pos, &next);
    if (!IsSpace(c)) {
      static constexpr std::u32string_view kContinuing = U"，。、；：,.;:";
      return u_islower(static_cast<UChar32>(c)) || IsCloser(c) ||
             kContinuing.find(c) != std::u32string_view::npos;
    }
    pos = next;
  }
  return false;
}

// The trimmed line after the line ending at `line_end`, or empty.
std::string_view NextLine(std::string_view text, size_t line_end) {
  if (line_end >= text.size()) return {};
  size_t begin = line_end + 1;
  size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  TrimRange(text, &begin, &end);
  return text.substr(begin, end - begin);
}

// Width in columns: 2 for East Asian wide and full-width characters.
int DisplayWidth(std::string_view line) {
  int width = 0;
  for (size_t i = 0, next; i < line.size(); i = next) {
    auto c = static_cast<UChar32>(DecodeAt(line, i, &next));
    int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

// Whether a line of `width` columns was wrapped into the next line: it
// fills the page's full width and the next line neither is blank nor
// starts a new item.
bool IsWrappedLine(int width, int full_width, std::string_view next_line) {
  if (full_width == 0 || width * 10 < full_width * 9) return false;
  if (next_line.empty() || IsTableRow(next_line)) return false;
  return NumberedMarkerLength(next_line) == 0;
}

}  // namespace

size_t NumberedMarkerLength(std::string_view line) {
  size_t next;
  char32_t first = At(line, 0, &next);

  // 第一章, 第3条, 第二部分.
  if (first == U'第') {
    size_t pos = SkipWhile(line, next, IsNumeral);
    if (pos == next) return 0;
    static constexpr std::u32string_view kUnits = U"章节条部篇款编卷";
    size_t after;
    char32_t unit = At(line, pos, &after);
    if (kUnits.find(unit) == std::u32string_view::npos) return 0;
    size_t after_part;
    if (unit == U'部' && At(line, after, &after_part) == U'分') {
      return after_part;
    }
    return after;
  }

  // 一、 十二．
  if (IsChineseNumeral(first)) {
    size_t pos = SkipWhile(line, 0, IsChineseNumeral);
    size_t after;
    char32_t c = At(line, pos, &after);
    return (c == U'、' || IsFullStop(c)) ? after : 0;
  }

  // （一） (2) （３）
  if (first == U'（' || first == U'(') {
    size_t pos = SkipWhile(line, next, IsNumeral);
    size_t after;
    char32_t c = At(line, pos, &after);
    return (pos > next && (c == U'）' || c == U')')) ? after : 0;
  }

  if (IsDigit(first)) return ArabicMarkerLength(line);

  // Circled, parenthesised and full-stop numbers: ① ⑴ ⒈.
  return (first >= U'\u2460' && first <= U'\u249B') ? next : 0;
}

int FullLineWidth(std::string_view text) {
  constexpr int kMinBodyWidth = 30;
  constexpr int kMinFullLines = 3;
  std::map<int, int> lines_per_width;
  std::set<std::string_view> seen;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    size_t b = begin;
    size_t e = end;
    begin = end + 1;
    TrimRange(text, &b, &e);
    // Running headers repeat on every page; count each line text once.
    std::string_view line = text.substr(b, e - b);
    if (!seen.insert(line).second) continue;
    int width = DisplayWidth(line);
    if (width >= kMinBodyWidth) ++lines_per_width[width / 2];
  }
  int best_width = 0;
  int best_count = 0;
  for (const auto& [half_width, count] : lines_per_width) {
    if (count >= best_count) {
      best_width = half_width * 2;
      best_count = count;
    }
  }
  return best_count >= kMinFullLines ? best_width : 0;
}

std::vector<TextBlock> SplitBlocks(std::string_view text, int max_heading_chars,
                                   int full_line_width) {
  std::vector<TextBlock> blocks;
  size_t para_begin = std::string_view::npos;
  size_t para_end = 0;
  bool last_line_ended_sentence = false;
  auto flush = [&] {
    if (para_begin == std::string_view::npos) return;
    blocks.push_back({BlockKind::kParagraph, para_begin, para_end});
    para_begin = std::string_view::npos;
  };

  for (size_t line_begin = 0; line_begin <= text.size();) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    size_t b = line_begin;
    size_t e = line_end;
    line_begin = line_end + 1;
    TrimRange(text, &b, &e);
    if (b == e) {
      flush();
      continue;
    }
    std::string_view line = text.substr(b, e - b);

    // Table rows: one block per cell.
    if (IsTableRow(line)) {
      flush();
      AppendCells(text, b, e, &blocks);
      continue;
    }

    // Headings stand alone; a numbered line with punctuation starts a
    // paragraph.
    const bool numbered = NumberedMarkerLength(line) > 0;
    const bool final_punctuation = EndsWithFinalPunctuation(line);
    const int chars = CountCodePoints(text, b, e);
    const bool starts_paragraph =
        para_begin == std::string_view::npos || last_line_ended_sentence;
    const bool wrapped = IsWrappedLine(DisplayWidth(line), full_line_width,
                                       NextLine(text, line_end));
    if (!final_punctuation && !wrapped && !NextLineContinues(text, e) &&
        ((numbered && chars <= 2 * max_heading_chars) ||
         (chars <= max_heading_chars && starts_paragraph))) {
      flush();
      blocks.push_back({BlockKind::kHeading, b, e});
      continue;
    }
    if (numbered) flush();

    if (para_begin == std::string_view::npos) para_begin = b;
    para_end = e;
    last_line_ended_sentence = EndsSentence(line);
  }
  flush();
  return blocks;
}

}  // namespace bidscope::segment_internal
