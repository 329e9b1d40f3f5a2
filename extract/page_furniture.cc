#include "extract/page_furniture.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <vector>

namespace bidscope {
namespace {

// UTF-8 encodings of the characters FurnitureKey folds.
constexpr std::string_view kSpaces[] = {"\u3000", "\u00a0"};
constexpr std::string_view kNumerals[] = {
    "\uff10", "\uff11", "\uff12", "\uff13", "\uff14", "\uff15",
    "\uff16", "\uff17", "\uff18", "\uff19", "〇",     "零",
    "一",     "二",     "三",     "四",     "五",     "六",
    "七",     "八",     "九",     "十",     "百",     "千"};

// Length of the folded character at the start of `text` when it is one of
// `set`, else 0.
template <size_t N>
size_t MatchAny(std::string_view text, const std::string_view (&set)[N]) {
  for (std::string_view item : set) {
    if (text.starts_with(item)) return item.size();
  }
  return 0;
}

struct EdgeLine {
  TextRange range;
  std::string key;
  bool top = false;
};

// True when FurnitureKey(line) is empty: the line holds only spaces. Most
// lines fail at their first character, so no key is built for them.
bool IsBlank(std::string_view line) {
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    size_t space = MatchAny(line.substr(i), kSpaces);
    if (space == 0) return false;
    i += space;
  }
  return true;
}

// The first and last `count` non-blank lines of `text` with their keys.
std::vector<EdgeLine> EdgeLines(const std::string& text, size_t count,
                                size_t max_line_bytes) {
  std::vector<TextRange> lines;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + begin, end - begin);
    if (!IsBlank(line)) lines.push_back({begin, end});
    begin = end + 1;
  }
  std::vector<EdgeLine> edges;
  for (size_t i = 0; i < lines.size(); ++i) {
    bool top = i < count;
    bool bottom = i + count >= lines.size();
    if (!top && !bottom) continue;
    const TextRange& range = lines[i];
    if (range.end - range.begin > max_line_bytes) continue;
    std::string key = FurnitureKey(
        std::string_view(text).substr(range.begin, range.end - range.begin));
    if (top) edges.push_back({range, key, true});
    if (bottom) edges.push_back({range, key, false});
  }
  return edges;
}

// Value of the Chinese numeral `text` made of 〇零一二三四五六七八九 and
// 十百千 ("二十三" is 23, "一百零五" is 105), or -1. Written by hand
// because the grammar needed for page numbers is this small.
long ChineseNumeralValue(std::string_view text) {
  static constexpr std::string_view kDigits[] = {"〇", "一", "二", "三", "四",
                                                 "五", "六", "七", "八", "九"};
  static constexpr std::pair<std::string_view, long> kUnits[] = {
      {"十", 10}, {"百", 100}, {"千", 1000}};
  long total = 0;
  long digit = -1;
  while (!text.empty()) {
    bool matched = false;
    if (text.starts_with("零")) {
      text.remove_prefix(std::string_view("零").size());
      digit = 0;
      continue;
    }
    for (long d = 0; d < 10 && !matched; ++d) {
      if (!text.starts_with(kDigits[d])) continue;
      text.remove_prefix(kDigits[d].size());
      // Positional digits such as 二〇二四.
      digit = digit > 0 ? digit * 10 + d : d;
      matched = true;
    }
    for (const auto& [unit, value] : kUnits) {
      if (matched || !text.starts_with(unit)) continue;
      text.remove_prefix(unit.size());
      total += (digit < 0 ? 1 : digit) * value;
      digit = -1;
      matched = true;
    }
    if (!matched) return -1;
  }
  return total + (digit < 0 ? 0 : digit);
}

// The numbers of `line` in order, as FurnitureKey folds them to "#".
std::vector<long> LineNumbers(std::string_view line) {
  std::vector<long> numbers;
  size_t i = 0;
  while (i < line.size()) {
    size_t start = i;
    bool chinese = false;
    std::string digits;
    while (i < line.size()) {
      std::string_view rest = line.substr(i);
      if (line[i] >= '0' && line[i] <= '9') {
        digits.push_back(line[i++]);
        continue;
      }
      size_t length = MatchAny(rest, kNumerals);
      if (length == 0) break;
      // Full-width digits are three bytes starting EF BC.
      if (rest.starts_with("\xef\xbc")) {
        digits.push_back(static_cast<char>('0' + (rest[2] - '\x90')));
      } else {
        chinese = true;
        digits.append(rest.substr(0, length));
      }
      i += length;
    }
    if (i == start) {
      ++i;
      continue;
    }
    long value = -1;
    if (chinese) {
      value = ChineseNumeralValue(digits);
    } else if (digits.size() <= 9) {
      value = std::stol(digits);
    }
    numbers.push_back(value);
  }
  return numbers;
}

struct GroupLine {
  int page_number = 0;
  std::string_view text;
};

// True when one number of the lines follows the page numbers: between
// consecutive lines it grows by as much as the page number, on at least
// `threshold` - 1 pairs. Restarted numbering (page 1 of each chapter)
// breaks only one pair.
bool TracksPageNumbers(const std::vector<GroupLine>& lines, size_t threshold) {
  std::vector<std::vector<long>> numbers;
  size_t positions = SIZE_MAX;
  for (const GroupLine& line : lines) {
    numbers.push_back(LineNumbers(line.text));
    positions = std::min(positions, numbers.back().size());
  }
  if (positions == SIZE_MAX) return false;
  for (size_t j = 0; j < positions; ++j) {
    size_t pairs = 0;
    for (size_t i = 1; i < lines.size(); ++i) {
      long step = numbers[i][j] - numbers[i - 1][j];
      if (numbers[i][j] >= 0 && numbers[i - 1][j] >= 0 &&
          step == lines[i].page_number - lines[i - 1].page_number) {
        ++pairs;
      }
    }
    if (pairs + 1 >= threshold) return true;
  }
  return false;
}

// True when at least `threshold` of the lines are the same text.
bool MostlyConstant(const std::vector<GroupLine>& lines, size_t threshold) {
  std::map<std::string_view, size_t> counts;
  for (const GroupLine& line : lines) {
    if (++counts[line.text] >= threshold) return true;
  }
  return false;
}

}  // namespace

std::string FurnitureKey(std::string_view line) {
  std::string key;
  bool in_number = false;
  size_t i = 0;
  while (i < line.size()) {
    std::string_view rest = line.substr(i);
    char c = line[i];
    // The numerals and spaces other than ASCII start with a lead byte of
    // E0 or above (C2 for U+00A0), so other bytes need no comparison.
    auto byte = static_cast<unsigned char>(c);
    size_t numeral = 0;
    if (c >= '0' && c <= '9') {
      numeral = 1;
    } else if (byte >= 0xE0) {
      numeral = MatchAny(rest, kNumerals);
    }
    if (numeral > 0) {
      if (!in_number) key.push_back('#');
      in_number = true;
      i += numeral;
      continue;
    }
    in_number = false;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    size_t space = byte >= 0xC2 ? MatchAny(rest, kSpaces) : 0;
    if (space > 0) {
      i += space;
      continue;
    }
    key.push_back(c);
    ++i;
  }
  return key;
}

void MarkPageFurniture(Document& doc, const FurnitureOptions& options) {
  // 1. Count, for each key, the pages that have it at the top and at the
  // bottom.
  std::vector<std::vector<EdgeLine>> edges(doc.pages.size());
  std::map<std::pair<bool, std::string>, size_t> pages_with;
  size_t pages_with_text = 0;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    doc.pages[p].furniture.clear();
    edges[p] = EdgeLines(doc.pages[p].text, options.edge_lines,
                         options.max_line_bytes);
    if (!edges[p].empty()) ++pages_with_text;
    std::set<std::pair<bool, std::string>> seen;
    for (const EdgeLine& edge : edges[p]) seen.insert({edge.top, edge.key});
    for (const auto& entry : seen) ++pages_with[entry];
  }
  if (pages_with_text < options.min_pages) return;
  size_t threshold = std::max(
      options.min_pages,
      static_cast<size_t>(std::ceil(options.min_page_share *
                                    static_cast<double>(pages_with_text))));

  // 2. A key that recurs often enough is furniture when its lines are the
  // same text (a running title) or carry the page number. Lines that
  // differ only in numbers that do not follow the pages (numbered body
  // paragraphs) are not.
  std::map<std::pair<bool, std::string>, std::vector<GroupLine>> groups;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    std::set<std::pair<bool, std::string>> seen;
    for (const EdgeLine& edge : edges[p]) {
      std::pair<bool, std::string> group{edge.top, edge.key};
      if (pages_with[group] < threshold || !seen.insert(group).second) continue;
      groups[group].push_back(
          {doc.pages[p].number,
           std::string_view(doc.pages[p].text)
               .substr(edge.range.begin, edge.range.end - edge.range.begin)});
    }
  }
  std::set<std::pair<bool, std::string>> furniture_keys;
  for (const auto& [group, lines] : groups) {
    if (MostlyConstant(lines, threshold) ||
        TracksPageNumbers(lines, threshold)) {
      furniture_keys.insert(group);
    }
  }

  // 3. Mark the edge lines of those keys.
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    std::vector<TextRange>& furniture = doc.pages[p].furniture;
    for (const EdgeLine& edge : edges[p]) {
      if (!furniture_keys.contains({edge.top, edge.key})) continue;
      bool marked = std::any_of(furniture.begin(), furniture.end(),
                                [&](const TextRange& range) {
                                  return range.begin == edge.range.begin;
                                });
      if (!marked) furniture.push_back(edge.range);
    }
    std::sort(furniture.begin(), furniture.end(),
              [](const TextRange& a, const TextRange& b) {
                return a.begin < b.begin;
              });
  }
}

}  // namespace bidscope
