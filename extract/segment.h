// Sentence segmentation for translation: splits page text into the units a
// translator works on (sentences, headings and table cells), each with its
// exact byte range in the page and an id that does not depend on run order.
#ifndef BIDSCOPE_EXTRACT_SEGMENT_H_
#define BIDSCOPE_EXTRACT_SEGMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace bidscope {

enum class SegmentKind {
  kSentence,   // a sentence, or a paragraph's tail without final punctuation
  kHeading,    // a numbered heading or a short line without final punctuation
  kTableCell,  // one cell of a line separated by tabs or " | "
};

// Lower-case names used in exports ("sentence", "heading", "table-cell").
std::string_view SegmentKindName(SegmentKind kind);

// A remark attached to a segment for the translator.
struct SegmentNote {
  // Kind of note: "glossary" or "pinyin".
  std::string category;

  // The note as the translator reads it.
  std::string text;
};

struct Segment {
  // First 16 hex digits of SHA-256 of "doc_id|page|occurrence|normalised";
  // see SegmentId.
  std::string id;

  std::string doc_id;

  // 1-based page number, as in Page::number.
  int page = 1;

  // Byte range [begin, end) in the page text. The range is trimmed, so
  // text == page_text.substr(begin, end - begin).
  size_t begin = 0;
  size_t end = 0;

  // The segment exactly as in the page text, which may contain the line
  // breaks of a wrapped paragraph.
  std::string text;

  // Text shown to translators: `text` without the line breaks inside it.
  // A break between Han characters is removed and any other becomes one
  // space.
  std::string source;

  SegmentKind kind = SegmentKind::kSentence;

  // Glossary hints and pinyin, filled by AnnotateSegments.
  std::vector<SegmentNote> notes;
};

struct SegmentOptions {
  // A line of at most this many characters (code points, after trimming)
  // with no final punctuation is a heading when it starts a paragraph.
  int max_heading_chars = 30;

  // Width in columns (2 for wide characters) at which the extractor broke
  // paragraph lines. A line that reaches nine tenths of it is not a
  // heading and continues on the next line. 0 turns this off, and -1
  // estimates it from the page (SegmentDocument: from the whole document).
  // NOTE: the estimate is off by default because tables whose cells wrap
  // at their own column width and repeated short lines mislead it: on a
  // tender document it picked a table's width and merged a cover page.
  int full_line_width = 0;
};

// A document's segments with what the exports need about the document.
struct SegmentedDocument {
  std::string doc_id;

  // Path or URL of the source, written as XLIFF `original`.
  std::string path;

  // BCP 47 source language: "zh-CN", "zh-TW" or "en".
  std::string language;

  std::vector<Segment> segments;
};

// Returns the stable id of a segment: the first 16 hex digits of SHA-256 of
// "doc_id|page|occurrence|normalised_text". `occurrence` counts earlier
// segments with the same normalised text on the same page, from 0.
std::string SegmentId(std::string_view doc_id, int page, int occurrence,
                      std::string_view normalised_text);

// Splits one page of text into segments, in reading order.
std::vector<Segment> SegmentPage(std::string_view page_text,
                                 std::string_view doc_id, int page,
                                 const SegmentOptions& options = {});

// Segments every reliable page of `doc`; pages judged garbage are skipped.
std::vector<Segment> SegmentDocument(const Document& doc,
                                     const SegmentOptions& options = {});

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_SEGMENT_H_
