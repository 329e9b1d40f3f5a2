// Searching long text with an ICU regular expression without trying it at
// every position. Internal to extract/: it exposes ICU types.
//
// RegexMatcher::find tries the pattern at every position whose character
// may begin a match. For the field patterns that is most positions of a
// Chinese notice (any Han character may begin a company name, any 一 or 十
// a sum in words), and those attempts cost more than the rest of field
// extraction. Each match of these patterns contains an anchor: a character
// or word that is rare in running text, such as 月 in a date or 公司 in a
// company name. FindAnchored looks for the anchors first. It then tries the
// pattern only at the few positions before each anchor that could start a
// match. ICU offers no such search, hence this helper.
#ifndef BIDSCOPE_EXTRACT_ANCHORED_SEARCH_H_
#define BIDSCOPE_EXTRACT_ANCHORED_SEARCH_H_

#include <cstdint>
#include <memory>
#include <vector>

#include <unicode/regex.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

namespace bidscope::fields_internal {

// Facts about every match of one pattern. FindAnchored returns what
// RegexMatcher::find returns only if they hold for every possible match,
// so they must be derived from the pattern text and kept beside it.
struct AnchorHints {
  // Characters of which every match contains at least one.
  icu::UnicodeSet anchors;

  // When not empty, an anchor is only a position where one of these words
  // starts (each begins with a character of `anchors`), and every match
  // contains one of them.
  std::vector<icu::UnicodeString> anchor_words;

  // Every character that can occur in a match (a superset is safe, and
  // must include the anchors).
  icu::UnicodeSet members;

  // Maximum UTF-16 units from the start of a match to an anchor in it
  // that only members precede.
  int32_t max_lead = INT32_MAX;

  // When not empty, the characters a match can begin with (a superset is
  // safe). Positions with other characters are not tried.
  icu::UnicodeSet starts;

  // Characters that never come right before a match beginning with a
  // decimal digit, because every branch that can begin with one has a
  // lookbehind excluding them. In a run of digits only the first is tried.
  icu::UnicodeSet not_before_digit;
};

// Builds hints from two UnicodeSet patterns such as "[月\\-/.]". A pattern
// that does not parse is a bug in bidscope: throws std::logic_error.
AnchorHints MakeAnchorHints(const char* anchors, const char* members,
                            int32_t max_lead = INT32_MAX);

// Returns `hints` with `starts` and `not_before_digit` set from two
// UnicodeSet patterns. An empty `not_before_digit` sets no such rule.
AnchorHints WithStarts(AnchorHints hints, const char* starts,
                       const char* not_before_digit);

// Builds hints whose anchors are `words`, separated by '|'.
AnchorHints MakeWordAnchorHints(const char* words, const char* members,
                                int32_t max_lead);

// Finds the leftmost match of `matcher`'s pattern in `text` that starts at
// or after `from` and ends at or before `limit`, as
// matcher.region(from, limit) followed by find() would, except that the
// pattern's lookbehinds see the text before `from`. `matcher` must have
// been created on `text`. Returns false when there is none; on true, the
// match is in `matcher` (start(), end(), group()).
bool FindAnchored(icu::RegexMatcher& matcher, const icu::UnicodeString& text,
                  int32_t from, int32_t limit, const AnchorHints& hints);

// A compiled field pattern with the hints that hold for it.
struct AnchoredPattern {
  std::unique_ptr<icu::RegexPattern> regex;
  AnchorHints hints;
};

// The field patterns searched with FindAnchored, each defined beside the
// code that reads its matches.
const AnchoredPattern& AmountPattern();        // amount.cc
const AnchoredPattern& DatePattern();          // date.cc
const AnchoredPattern& EntrustmentPattern();   // parties_phrases.cc
const AnchoredPattern& OwnerPattern();         // parties_phrases.cc
const AnchoredPattern& OrganisationPattern();  // parties_phrases.cc

}  // namespace bidscope::fields_internal

#endif  // BIDSCOPE_EXTRACT_ANCHORED_SEARCH_H_
