// Text normalisation for matching: NFKC, radicals, case folding,
// Traditional-to-Simplified folding and removal of spaces inside Han runs.
// Display always uses the original text; the offset map links the two.
#ifndef BIDSCOPE_EXTRACT_NORMALIZE_H_
#define BIDSCOPE_EXTRACT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bidscope {

struct NormalizeOptions {
  // Fold Traditional Chinese to Simplified (OpenCC t2s, phrase-aware).
  bool fold_traditional = true;

  // Apply Unicode case folding after NFKC.
  bool case_fold = true;
};

struct NormalizedText {
  // Normalised UTF-8 text.
  std::string text;

  // offsets[i] is the byte offset in the original text of the character
  // that produced byte i of `text`; offsets[text.size()] is the original
  // length. Lets snippets and segments point back into the original.
  std::vector<uint32_t> offsets;
};

// Normalises `original`, which must be UTF-8 (invalid sequences become
// U+FFFD in the output).
NormalizedText Normalize(std::string_view original,
                         const NormalizeOptions& options = {});

// Normalised text alone, for queries and short fields.
std::string NormalizeText(std::string_view original,
                          const NormalizeOptions& options = {});

// Original byte range of a normalised byte range.
struct OriginalSpan {
  size_t begin = 0;
  size_t end = 0;
};

// Maps normalised bytes [begin, end) of `normalized`, both character
// boundaries with begin < end, to the bytes of the original text that
// produced them. The end is the end of the last contributing original
// character, so a match on an inserted space or a folded character still
// covers whole original characters.
OriginalSpan MapToOriginal(const NormalizedText& normalized, size_t begin,
                           size_t end);

// True for Han ideographs (CJK unified and compatibility ideographs with
// their extensions, radicals, and the ideographic marks 々 and 〇). Term
// generation and the removal of spaces between Han characters use it.
bool IsHan(char32_t c);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_NORMALIZE_H_
