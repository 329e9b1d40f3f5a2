// Splitting page text into paragraphs, headings and table cells before
// sentences are cut, for the segmenter.
#ifndef BIDSCOPE_EXTRACT_SEGMENT_BLOCKS_H_
#define BIDSCOPE_EXTRACT_SEGMENT_BLOCKS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace bidscope::segment_internal {

enum class BlockKind {
  kParagraph,  // lines joined across line breaks; cut into sentences later
  kHeading,    // one line that is a segment of its own
  kCell,       // one table cell
};

struct TextBlock {
  BlockKind kind = BlockKind::kParagraph;
  size_t begin = 0;  // byte offsets into the page text
  size_t end = 0;
};

// Splits `text` into blocks in reading order. Blank lines, table rows,
// headings and lines starting with a numbered heading end a paragraph. A
// line at least nine tenths of `full_line_width` columns wide continues on
// the next line; 0 turns this off.
std::vector<TextBlock> SplitBlocks(std::string_view text, int max_heading_chars,
                                   int full_line_width);

// The width in columns (2 for wide characters) of a full line of body
// text: the most common width, in steps of two columns, of lines at least
// 30 columns wide, when at least 3 distinct lines share it; 0 otherwise.
// Text extracted from PDFs breaks paragraphs at this width.
int FullLineWidth(std::string_view text);

// Length in bytes of a numbered heading marker at the start of `line`
// ("一、", "第一章", "（二）", "1.", "1.2 ", "3）", "①"), or 0.
size_t NumberedMarkerLength(std::string_view line);

}  // namespace bidscope::segment_internal

#endif  // BIDSCOPE_EXTRACT_SEGMENT_BLOCKS_H_
