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

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_NORMALIZE_H_
