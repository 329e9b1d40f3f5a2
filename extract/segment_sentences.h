// Sentence boundaries inside one paragraph, for the segmenter.
#ifndef BIDSCOPE_EXTRACT_SEGMENT_SENTENCES_H_
#define BIDSCOPE_EXTRACT_SEGMENT_SENTENCES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace bidscope::segment_internal {

// Returns the byte offsets, strictly between `begin` and `end`, where the
// paragraph text[begin, end) is cut into sentences. Each cut lies just
// after a terminator and the closing quotes or brackets that follow it.
std::vector<size_t> SentenceCuts(std::string_view text, size_t begin,
                                 size_t end);

// True when `word` (the characters before a full stop, with the stop, such
// as "No." or "i.e.") is an abbreviation after which no sentence ends.
// Case is ignored.
bool IsAbbreviation(std::string_view word);

}  // namespace bidscope::segment_internal

#endif  // BIDSCOPE_EXTRACT_SEGMENT_SENTENCES_H_
