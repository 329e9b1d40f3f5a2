// Character classes and UTF-8 stepping shared by the segmenter's stages.
// Internal to segmentation; offsets are bytes into UTF-8 text.
#ifndef BIDSCOPE_EXTRACT_SEGMENT_CHARS_H_
#define BIDSCOPE_EXTRACT_SEGMENT_CHARS_H_

#include <cstddef>
#include <string_view>

namespace bidscope::segment_internal {

// Decodes the code point starting at byte `i` and sets `*next` past it.
// Invalid sequences decode as U+FFFD and advance by at least one byte.
char32_t DecodeAt(std::string_view text, size_t i, size_t* next);

// Decodes the code point ending just before byte `i` (i > 0) and sets
// `*start` to its first byte.
char32_t DecodeBefore(std::string_view text, size_t i, size_t* start);

// Unicode White_Space, which includes U+3000 and U+00A0.
bool IsSpace(char32_t c);

// Han ideographs.
bool IsHan(char32_t c);

// Han ideographs, CJK punctuation and full-width forms: text after which
// an English full stop may end a sentence without a following space.
bool IsCjk(char32_t c);

// Full stops and marks that can end a sentence: Unicode Sentence_Terminal
// plus the ASCII and full-width full stop.
bool IsTerminator(char32_t c);

// The ASCII-style terminators ". ! ? ．", which end a sentence only before
// a space and an upper-case letter, before CJK text or at the end.
bool IsLatinTerminator(char32_t c);

// Closing quotes and brackets that stay with the sentence they close.
bool IsCloser(char32_t c);

// Narrows [*begin, *end) so that it neither starts nor ends with white
// space.
void TrimRange(std::string_view text, size_t* begin, size_t* end);

// Number of code points in [begin, end).
int CountCodePoints(std::string_view text, size_t begin, size_t end);

}  // namespace bidscope::segment_internal

#endif  // BIDSCOPE_EXTRACT_SEGMENT_CHARS_H_
