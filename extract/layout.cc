// Reading order by recursive XY-cut over the page's words. Poppler's own
// modes either keep columns and scatter table cells, or keep table rows
// and interleave columns, and neither reads vertical text. So the page is
// cut here, at wide vertical gutters and at horizontal whitespace bands.
// At each gutter the cut decides whether it separates text columns or
// table cells.
#include "extract/layout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <utility>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "extract/code_points.h"

namespace bidscope {
namespace {

// Vertical whitespace, in ems, that separates two bands of lines.
constexpr double kBandGapEm = 0.5;
// Horizontal whitespace, in ems, that makes a gutter between columns or
// table cells.
constexpr double kGutterEm = 1.5;
// A gap above this share of the widest gap is cut together with it.
constexpr double kBandGapShare = 0.8;
// Columns of prose are at least this many ems and this share of the block.
constexpr double kMinColumnEm = 8.0;
constexpr double kMinColumnShare = 0.2;
constexpr int kMaxColumns = 4;
// Vertical glyphs and their neighbours: alignment tolerance and the
// largest gap between glyphs of one column, in ems.
constexpr double kAlignEm = 0.3;
constexpr double kMaxGlyphGapEm = 1.0;
// Gap between vertical columns of one block, in ems.
constexpr double kMaxColumnGapEm = 3.0;
// Distance, in ems, within which a word on a glyph's line makes the
// glyph part of a horizontal line.
constexpr double kLineWordReachEm = 6.0;
// Recursion guard for pathological pages.
constexpr int kMaxDepth = 48;

struct Item {
  double left = 0;
  double top = 0;
  double right = 0;
  double bottom = 0;
  double size = 0;
  std::string text;
  bool space_after = false;
  bool single_glyph = false;  // exactly one CJK character

  double CenterX() const { return (left + right) / 2; }
  double Height() const { return bottom - top; }
};

using Items = std::vector<Item>;

UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c;
}

UChar32 LastCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  return c;
}

int CodePointCount(std::string_view s) {
  int count = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    ++count;
  }
  return count;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::nth_element(values.begin(), values.begin() + values.size() / 2,
                   values.end());
  return values[values.size() / 2];
}

double MedianSize(const Items& items) {
  std::vector<double> sizes;
  for (const Item& item : items) sizes.push_back(item.size);
  double size = Median(std::move(sizes));
  return size > 0 ? size : 10.0;
}

bool OverlapsVertically(const Item& a, const Item& b) {
  double overlap = std::min(a.bottom, b.bottom) - std::max(a.top, b.top);
  double shorter = std::min(a.Height(), b.Height());
  return overlap > 0.5 * std::max(shorter, 0.1);
}

// Joins two pieces of text of one line. Between two CJK characters no
// space is added, because letter-spaced CJK text has gaps between every
// glyph that are not word boundaries.
std::string JoinSeparator(const std::string& before, const std::string& after,
                          bool space) {
  if (IsCjkCodePoint(LastCodePoint(before)) &&
      IsCjkCodePoint(FirstCodePoint(after)))
    return "";
  return space ? " " : "";
}

// Replaces line breaks inside a table cell by a join that suits the
// script on either side.
std::string JoinCellLines(const std::string& text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!out.empty() && !line.empty()) out += JoinSeparator(out, line, true);
    out += line;
    start = end + 1;
  }
  return out;
}

// --- Vertical text -------------------------------------------------------

// Smallest gap from `item` to an aligned single glyph above or below it.
double VerticalNeighbourGap(const Items& items, size_t index) {
  const Item& item = items[index];
  double best = std::numeric_limits<double>::infinity();
  for (size_t j = 0; j < items.size(); ++j) {
    const Item& other = items[j];
    if (j == index || !other.single_glyph) continue;
    if (std::abs(other.CenterX() - item.CenterX()) > kAlignEm * item.size) {
      continue;
    }
    double gap = std::max(other.top - item.bottom, item.top - other.bottom);
    if (gap > -0.2 * item.size) best = std::min(best, std::max(gap, 0.0));
  }
  return best;
}

// Smallest gap from `item` to any word beside it on the same line.
double HorizontalNeighbourGap(const Items& items, size_t index) {
  const Item& item = items[index];
  double best = std::numeric_limits<double>::infinity();
  for (size_t j = 0; j < items.size(); ++j) {
    if (j == index || !OverlapsVertically(item, items[j])) continue;
    const Item& other = items[j];
    double gap = std::max(other.left - item.right, item.left - other.right);
    if (gap > -0.2 * item.size) best = std::min(best, std::max(gap, 0.0));
  }
  return best;
}

struct GlyphColumn {
  Items glyphs;
  double left = 0;
  double right = 0;
  double top = 0;
  double bottom = 0;
};

// Chains glyphs that vote vertical into columns, top to bottom.
std::vector<GlyphColumn> ChainColumns(Items glyphs) {
  std::sort(glyphs.begin(), glyphs.end(),
            [](const Item& a, const Item& b) { return a.top < b.top; });
  std::vector<GlyphColumn> columns;
  for (Item& glyph : glyphs) {
    GlyphColumn* target = nullptr;
    for (GlyphColumn& column : columns) {
      const Item& last = column.glyphs.back();
      double gap = glyph.top - last.bottom;
      if (std::abs(last.CenterX() - glyph.CenterX()) <= kAlignEm * glyph.size &&
          gap > -0.2 * glyph.size && gap <= kMaxGlyphGapEm * glyph.size) {
        target = &column;
        break;
      }
    }
    if (target == nullptr) {
      columns.push_back({{}, glyph.left, glyph.right, glyph.top, glyph.bottom});
      target = &columns.back();
    }
    target->left = std::min(target->left, glyph.left);
    target->right = std::max(target->right, glyph.right);
    target->bottom = std::max(target->bottom, glyph.bottom);
    target->glyphs.push_back(std::move(glyph));
  }
  return columns;
}

// Merges neighbouring columns, right to left, into blocks of vertical text
// represented as one item each.
Items MergeColumns(std::vector<GlyphColumn> columns) {
  std::sort(columns.begin(), columns.end(),
            [](const GlyphColumn& a, const GlyphColumn& b) {
              return a.right > b.right;
            });
  Items blocks;
  double block_left = 0;
  for (const GlyphColumn& column : columns) {
    std::string text;
    for (const Item& glyph : column.glyphs) text += glyph.text;
    double size = column.glyphs.front().size;
    bool joins = !blocks.empty() &&
                 block_left - column.right <= kMaxColumnGapEm * size &&
                 column.top < blocks.back().bottom &&
                 column.bottom > blocks.back().top;
    if (joins) {
      Item& block = blocks.back();
      block.text += "\n" + text;
      block.left = std::min(block.left, column.left);
      block.top = std::min(block.top, column.top);
      block.bottom = std::max(block.bottom, column.bottom);
    } else {
      Item block;
      block.left = column.left;
      block.right = column.right;
      block.top = column.top;
      block.bottom = column.bottom;
      block.size = size;
      block.text = text;
      blocks.push_back(std::move(block));
    }
    block_left = column.left;
  }
  return blocks;
}

// True when a word of several characters is on the line of `item`, within
// kLineWordReachEm of it. The glyph then belongs to a horizontal line,
// such as a letter-spaced label ("名   称：合肥市…") or a letter-spaced name
// in a table row ("李   浩  18691230007"). Such glyphs, one per line, stack
// like a column of vertical text.
bool HasWordOnItsLine(const Items& items, size_t index) {
  const Item& item = items[index];
  for (size_t j = 0; j < items.size(); ++j) {
    const Item& other = items[j];
    if (j == index || other.single_glyph || !OverlapsVertically(item, other)) {
      continue;
    }
    double gap = std::max(other.left - item.right, item.left - other.right);
    if (gap <= kLineWordReachEm * item.size) return true;
  }
  return false;
}

// Replaces single CJK glyphs that stack closer than they sit side by side,
// with no word beside them on their line, by blocks of vertical text.
Items GroupVerticalText(Items items) {
  std::vector<bool> vertical(items.size(), false);
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].single_glyph) continue;
    double below = VerticalNeighbourGap(items, i);
    double beside = HorizontalNeighbourGap(items, i);
    vertical[i] = below <= kMaxGlyphGapEm * items[i].size && below < beside &&
                  !HasWordOnItsLine(items, i);
  }

  Items rest;
  Items glyphs;
  for (size_t i = 0; i < items.size(); ++i) {
    (vertical[i] ? glyphs : rest).push_back(std::move(items[i]));
  }
  if (glyphs.empty()) return rest;

  std::vector<GlyphColumn> columns;
  for (GlyphColumn& column : ChainColumns(std::move(glyphs))) {
    if (column.glyphs.size() >= 2) {
      columns.push_back(std::move(column));
      continue;
    }
    rest.push_back(std::move(column.glyphs.front()));
  }
  for (Item& block : MergeColumns(std::move(columns))) {
    rest.push_back(std::move(block));
  }
  return rest;
}

// --- XY-cut --------------------------------------------------------------

// Splits at the widest horizontal whitespace bands, or returns one part.
std::vector<Items> SplitBands(Items items, double min_gap) {
  std::sort(items.begin(), items.end(),
            [](const Item& a, const Item& b) { return a.top < b.top; });
  std::vector<std::pair<size_t, double>> gaps;  // first index after, size
  double bottom = items.front().bottom;
  double widest = 0;
  for (size_t i = 1; i < items.size(); ++i) {
    double gap = items[i].top - bottom;
    if (gap >= min_gap) {
      gaps.emplace_back(i, gap);
      widest = std::max(widest, gap);
    }
    bottom = std::max(bottom, items[i].bottom);
  }

  std::vector<Items> bands(1);
  size_t next_gap = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    while (next_gap < gaps.size() && gaps[next_gap].first < i) ++next_gap;
    if (next_gap < gaps.size() && gaps[next_gap].first == i &&
        gaps[next_gap].second >= kBandGapShare * widest) {
      bands.emplace_back();
    }
    bands.back().push_back(std::move(items[i]));
  }
  return bands;
}

// Splits at vertical gutters wider than `min_gap`, or returns one part.
std::vector<Items> SplitGutters(Items items, double min_gap) {
  std::sort(items.begin(), items.end(),
            [](const Item& a, const Item& b) { return a.left < b.left; });
  std::vector<Items> slots(1);
  double right = items.front().right;
  for (Item& item : items) {
    if (!slots.back().empty() && item.left - right >= min_gap) {
      slots.emplace_back();
    }
    right = std::max(right, item.right);
    slots.back().push_back(std::move(item));
  }

  // Glyphs set on a wide grid are letter-spaced text, not table cells.
  bool all_glyphs = true;
  for (const Items& slot : slots) {
    for (const Item& item : slot) all_glyphs = all_glyphs && item.single_glyph;
  }
  if (all_glyphs && slots.size() > 1) {
    Items merged;
    for (Items& slot : slots) {
      for (Item& item : slot) merged.push_back(std::move(item));
    }
    return {std::move(merged)};
  }
  return slots;
}

int LineCount(const Items& slot) {
  Items sorted = slot;
  std::sort(sorted.begin(), sorted.end(),
            [](const Item& a, const Item& b) { return a.top < b.top; });
  int lines = 0;
  double bottom = -std::numeric_limits<double>::infinity();
  for (const Item& item : sorted) {
    if (item.top >= bottom - 0.3 * item.Height()) ++lines;
    bottom = std::max(bottom, item.bottom);
  }
  return lines;
}

// Tells text columns from table cells. Prose columns are few and wide,
// and each contains several lines.
bool IsColumnLayout(const std::vector<Items>& slots, double size) {
  if (slots.size() > static_cast<size_t>(kMaxColumns)) return false;
  double left = slots.front().front().left;
  double right = left;
  for (const Items& slot : slots) {
    for (const Item& item : slot) right = std::max(right, item.right);
  }
  double min_width =
      std::max(kMinColumnShare * (right - left), kMinColumnEm * size);
  for (const Items& slot : slots) {
    double slot_left = slot.front().left;
    double slot_right = slot_left;
    for (const Item& item : slot) slot_right = std::max(slot_right, item.right);
    if (slot_right - slot_left < min_width || LineCount(slot) < 2) {
      return false;
    }
  }
  return true;
}

// Lines of a block that has no cut left, top to bottom.
std::string LayoutLeaf(Items items) {
  std::sort(items.begin(), items.end(),
            [](const Item& a, const Item& b) { return a.top < b.top; });
  std::vector<Items> lines;
  for (Item& item : items) {
    Items* target = nullptr;
    for (Items& line : lines) {
      if (OverlapsVertically(line.front(), item)) target = &line;
    }
    if (target == nullptr) target = &lines.emplace_back();
    target->push_back(std::move(item));
  }

  std::string out;
  for (Items& line : lines) {
    std::sort(line.begin(), line.end(),
              [](const Item& a, const Item& b) { return a.left < b.left; });
    if (!out.empty()) out += '\n';
    std::string text = line.front().text;
    for (size_t i = 1; i < line.size(); ++i) {
      const Item& before = line[i - 1];
      double gap = line[i].left - before.right;
      bool space = before.space_after || gap > 0.15 * before.size;
      text += JoinSeparator(text, line[i].text, space);
      text += line[i].text;
    }
    out += text;
  }
  return out;
}

std::string Cut(Items items, int depth);

std::string JoinParts(std::vector<Items> parts, std::string_view separator,
                      int depth, bool cells) {
  std::string out;
  for (Items& part : parts) {
    std::string text = Cut(std::move(part), depth + 1);
    if (cells) text = JoinCellLines(text);
    if (text.empty()) continue;
    if (!out.empty()) out += separator;
    out += text;
  }
  return out;
}

std::string Cut(Items items, int depth) {
  if (items.empty()) return "";
  if (items.size() == 1 || depth >= kMaxDepth) return LayoutLeaf(items);
  double size = MedianSize(items);

  std::vector<Items> slots = SplitGutters(items, kGutterEm * size);
  if (slots.size() > 1) {
    if (IsColumnLayout(slots, size)) {
      return JoinParts(std::move(slots), "\n", depth, false);
    }
    std::vector<Items> rows = SplitBands(items, kBandGapEm * size);
    if (rows.size() > 1) return JoinParts(std::move(rows), "\n", depth, false);
    return JoinParts(std::move(slots), " | ", depth, true);
  }

  std::vector<Items> bands = SplitBands(std::move(items), kBandGapEm * size);
  if (bands.size() > 1) return JoinParts(std::move(bands), "\n", depth, false);
  return LayoutLeaf(std::move(bands.front()));
}

}  // namespace

std::string LayoutPageText(const std::vector<LayoutBox>& boxes) {
  Items items;
  for (const LayoutBox& box : boxes) {
    if (box.text.empty()) continue;
    Item item;
    item.left = std::min(box.left, box.right);
    item.right = std::max(box.left, box.right);
    item.top = std::min(box.top, box.bottom);
    item.bottom = std::max(box.top, box.bottom);
    item.size = box.font_size > 0 ? box.font_size : item.bottom - item.top;
    item.text = box.text;
    item.space_after = box.space_after;
    item.single_glyph = CodePointCount(box.text) == 1 &&
                        IsCjkCodePoint(FirstCodePoint(box.text));
    items.push_back(std::move(item));
  }
  return Cut(GroupVerticalText(std::move(items)), 0);
}

}  // namespace bidscope
