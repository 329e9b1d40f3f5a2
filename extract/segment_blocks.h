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
// headings and lines starting with a numbered heading end a paragraph.
std::vector<TextBlock> SplitBlocks(std::string_view text,
                                   int max_heading_chars);

// Length in bytes of a numbered heading marker at the start of `line`
// ("一、", "第一章", "（二）", "1.", "1.2 ", "3）", "①"), or 0.
size_t NumberedMarkerLength(std::string_view line);

}  // namespace bidscope::segment_internal

#endif  // BIDSCOPE_EXTRACT_SEGMENT_BLOCKS_H_
