#include "extract/segment.h"

#include <map>
#include <string>

#include "extract/extract.h"
#include "extract/normalize.h"
#include "extract/segment_blocks.h"
#include "extract/segment_chars.h"
#include "extract/segment_sentences.h"

namespace bidscope {
namespace {

using segment_internal::BlockKind;
using segment_internal::DecodeAt;
using segment_internal::DecodeBefore;
using segment_internal::IsCjk;
using segment_internal::IsSpace;

SegmentKind KindOf(BlockKind kind) {
  switch (kind) {
    case BlockKind::kHeading:
      return SegmentKind::kHeading;
    case BlockKind::kCell:
      return SegmentKind::kTableCell;
    case BlockKind::kParagraph:
      return SegmentKind::kSentence;
  }
  return SegmentKind::kSentence;
}

// Joins the lines of a wrapped paragraph: a line break with the spaces
// around it disappears between CJK characters and becomes one space
// elsewhere, as in "bid\nbond".
std::string JoinLines(std::string_view text) {
  std::string joined;
  size_t i = 0;
  while (i < text.size()) {
    size_t next;
    char32_t c = DecodeAt(text, i, &next);
    if (!IsSpace(c)) {
      joined.append(text.substr(i, next - i));
      i = next;
      continue;
    }

    // A run of white space: does it contain a line break?
    size_t run_end = i;
    bool has_break = false;
    while (run_end < text.size()) {
      size_t after;
      char32_t s = DecodeAt(text, run_end, &after);
      if (!IsSpace(s)) break;
      if (s == U'\n' || s == U'\r') has_break = true;
      run_end = after;
    }
    if (!has_break) {
      joined.append(text.substr(i, run_end - i));
    } else {
      size_t start;
      char32_t before = DecodeBefore(text, i, &start);
      char32_t after = DecodeAt(text, run_end, &next);
      if (!(IsCjk(before) && IsCjk(after))) joined.push_back(' ');
    }
    i = run_end;
  }
  return joined;
}

}  // namespace

std::string_view SegmentKindName(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::kSentence:
      return "sentence";
    case SegmentKind::kHeading:
      return "heading";
    case SegmentKind::kTableCell:
      return "table-cell";
  }
  return "sentence";
}

std::string SegmentId(std::string_view doc_id, int page, int occurrence,
                      std::string_view normalised_text) {
  std::string key;
  key.append(doc_id);
  key.append("|").append(std::to_string(page));
  key.append("|").append(std::to_string(occurrence));
  key.append("|").append(normalised_text);
  return Sha256Hex(key).substr(0, 16);
}

std::vector<Segment> SegmentPage(std::string_view page_text,
                                 std::string_view doc_id, int page,
                                 const SegmentOptions& options) {
  std::vector<Segment> segments;
  std::map<std::string, int> occurrences;
  const int full_line_width = options.full_line_width >= 0
                                  ? options.full_line_width
                                  : segment_internal::FullLineWidth(page_text);
  auto add = [&](size_t begin, size_t end, SegmentKind kind) {
    segment_internal::TrimRange(page_text, &begin, &end);
    if (begin >= end) return;
    Segment segment;
    segment.doc_id = std::string(doc_id);
    segment.page = page;
    segment.begin = begin;
    segment.end = end;
    segment.text = std::string(page_text.substr(begin, end - begin));
    segment.source = JoinLines(segment.text);
    segment.kind = kind;
    std::string normalised = NormalizeText(segment.source);
    int occurrence = occurrences[normalised]++;
    segment.id = SegmentId(doc_id, page, occurrence, normalised);
    segments.push_back(std::move(segment));
  };

  for (const segment_internal::TextBlock& block : segment_internal::SplitBlocks(
           page_text, options.max_heading_chars, full_line_width)) {
    if (block.kind != BlockKind::kParagraph) {
      add(block.begin, block.end, KindOf(block.kind));
      continue;
    }
    size_t begin = block.begin;
    for (size_t cut :
         segment_internal::SentenceCuts(page_text, block.begin, block.end)) {
      add(begin, cut, SegmentKind::kSentence);
      begin = cut;
    }
    add(begin, block.end, SegmentKind::kSentence);
  }
  return segments;
}

std::vector<Segment> SegmentDocument(const Document& doc,
                                     const SegmentOptions& options) {
  // Pages of one document share a layout, and short pages have too few
  // full lines to measure.
  SegmentOptions document_options = options;
  if (document_options.full_line_width < 0) {
    std::string all_text;
    for (const Page& page : doc.pages) all_text += page.text + "\n";
    document_options.full_line_width =
        segment_internal::FullLineWidth(all_text);
  }

  std::vector<Segment> segments;
  for (const Page& page : doc.pages) {
    if (!page.reliable) continue;
    std::vector<Segment> page_segments =
        SegmentPage(page.text, doc.id, page.number, document_options);
    segments.insert(segments.end(),
                    std::make_move_iterator(page_segments.begin()),
                    std::make_move_iterator(page_segments.end()));
  }
  return segments;
}

}  // namespace bidscope
