#include "extract/anchored_search.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "extract/pattern_classes.h"

namespace bidscope::fields_internal {

namespace {

icu::UnicodeSet ParseSet(const char* pattern) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set(
      icu::UnicodeString::fromUTF8(ExpandPropertyClasses(pattern)), status);
  if (U_FAILURE(status)) {
    throw std::logic_error(std::string("character set ") + pattern +
                           " does not parse: " + u_errorName(status));
  }
  set.freeze();
  return set;
}

// True when `hints` has no anchor words or one of them starts at `at` and
// ends by `limit`.
bool StartsAnchorWord(const icu::UnicodeString& text, int32_t at, int32_t limit,
                      const AnchorHints& hints) {
  if (hints.anchor_words.empty()) return true;
  for (const icu::UnicodeString& word : hints.anchor_words) {
    if (at + word.length() <= limit &&
        text.compare(at, word.length(), word) == 0) {
      return true;
    }
  }
  return false;
}

// Returns false when the start hints rule out a match beginning at `at`.
bool MayStart(const icu::UnicodeString& text, int32_t at,
              const AnchorHints& hints) {
  if (hints.starts.isEmpty()) return true;
  UChar32 c = text.char32At(at);
  if (!hints.starts.contains(c)) return false;
  if (at == 0 || !u_isdigit(c)) return true;
  // char32At of a trail surrogate gives the whole code point.
  return !hints.not_before_digit.contains(text.char32At(at - 1));
}

}  // namespace

AnchorHints MakeAnchorHints(const char* anchors, const char* members,
                            int32_t max_lead) {
  AnchorHints hints;
  hints.anchors = ParseSet(anchors);
  hints.members = ParseSet(members);
  hints.max_lead = max_lead;
  return hints;
}

AnchorHints WithStarts(AnchorHints hints, const char* starts,
                       const char* not_before_digit) {
  hints.starts = ParseSet(starts);
  if (*not_before_digit != '\0') {
    hints.not_before_digit = ParseSet(not_before_digit);
  }
  return hints;
}

AnchorHints MakeWordAnchorHints(const char* words, const char* members,
                                int32_t max_lead) {
  AnchorHints hints;
  hints.members = ParseSet(members);
  hints.max_lead = max_lead;
  icu::UnicodeString list = icu::UnicodeString::fromUTF8(words);
  int32_t start = 0;
  while (start <= list.length()) {
    int32_t bar = list.indexOf(u'|', start);
    if (bar < 0) bar = list.length();
    icu::UnicodeString word(list, start, bar - start);
    if (word.isEmpty()) {
      throw std::logic_error(std::string("empty anchor word in ") + words);
    }
    hints.anchors.add(word.char32At(0));
    hints.anchor_words.push_back(word);
    start = bar + 1;
  }
  hints.anchors.freeze();
  return hints;
}

bool FindAnchored(icu::RegexMatcher& matcher, const icu::UnicodeString& text,
                  int32_t from, int32_t limit, const AnchorHints& hints) {
  const char16_t* units = text.getBuffer();
  limit = std::min(limit, text.length());
  from = std::max(from, 0);
  matcher.useTransparentBounds(true);

  // Positions below `untried` were tried already or cannot start a match.
  int32_t untried = from;
  int32_t pos = from;
  while (pos < limit) {
    int32_t anchor = pos + hints.anchors.span(units + pos, limit - pos,
                                              USET_SPAN_NOT_CONTAINED);
    if (anchor >= limit) return false;
    if (!StartsAnchorWord(text, anchor, limit, hints)) {
      pos = anchor;
      U16_FWD_1(units, pos, limit);
      continue;
    }

    // A match whose first anchor is this one starts at most max_lead units
    // before it, after nothing but members. A match whose first anchor
    // comes later starts after this anchor, so trying these positions in
    // order before those of the next anchor finds the leftmost match.
    int32_t lowest = static_cast<int32_t>(
        std::max<int64_t>(untried, int64_t{anchor} - hints.max_lead));
    int32_t earliest =
        lowest + hints.members.spanBack(units + lowest, anchor - lowest,
                                        USET_SPAN_CONTAINED);
    for (int32_t start = earliest; start <= anchor; ++start) {
      // find() never starts inside a surrogate pair.
      if (start > 0 && U16_IS_TRAIL(units[start]) &&
          U16_IS_LEAD(units[start - 1])) {
        continue;
      }
      if (!MayStart(text, start, hints)) continue;
      UErrorCode status = U_ZERO_ERROR;
      matcher.region(start, limit, status);
      if (U_FAILURE(status)) return false;
      if (matcher.lookingAt(status) && U_SUCCESS(status)) return true;
    }
    untried = anchor + 1;
    pos = anchor;
    U16_FWD_1(units, pos, limit);
  }
  return false;
}

}  // namespace bidscope::fields_internal
