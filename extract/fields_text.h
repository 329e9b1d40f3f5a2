// Text helpers shared by the field extractors (amounts, dates, parties,
// notice types and regions). Internal to extract/: it exposes ICU types, so
// no public header includes it.
#ifndef BIDSCOPE_EXTRACT_FIELDS_TEXT_H_
#define BIDSCOPE_EXTRACT_FIELDS_TEXT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/regex.h>
#include <unicode/unistr.h>

namespace bidscope::fields_internal {

// NFKC form of `text` for field parsing: full-width digits, letters and
// punctuation become ASCII and ￥ becomes ¥. Circled and parenthesised list
// markers (①, ⑴, ⒈, ❶) become a space first, because NFKC would turn
// "①2021年" into "12021年".
icu::UnicodeString NormalizeForFields(std::string_view text);

// UTF-8 form of `text[start, limit)`.
std::string Utf8Slice(const icu::UnicodeString& text, int32_t start,
                      int32_t limit);

std::string ToUtf8(const icu::UnicodeString& text);

// Start of the clause that ends at `pos`: just after the nearest clause
// mark (，；。 newline and their ASCII forms) or `floor`, and at most
// `max_units` UTF-16 units back.
int32_t ClauseStart(const icu::UnicodeString& text, int32_t pos, int32_t floor,
                    int32_t max_units);

// A keyword and the value it selects, for "nearest keyword wins" lookups.
struct Keyword {
  std::u16string_view word;
  std::string_view value;
};

// Value of the keyword that ends closest to `limit` within
// `text[start, limit)`, or `fallback` when none occurs.
std::string_view NearestKeyword(const icu::UnicodeString& text, int32_t start,
                                int32_t limit,
                                const std::vector<Keyword>& keywords,
                                std::string_view fallback);

// True when `text` contains `word`.
bool Contains(const icu::UnicodeString& text, std::u16string_view word);

// Returns the number of the group `name` of `pattern`, or -1 when it has
// none. ICU converts and hashes the name on each of its own lookups, which
// cost more than the rest of reading an amount match, so each name is
// looked up once per pattern and thread, and found again by address. Both
// `pattern` and `name` must live as long as the thread, as the fields'
// static patterns and string literals do.
int32_t GroupNumber(const icu::RegexPattern& pattern, const char* name);

// Returns the text that the group `name` of the last match captured, or
// an empty string when it took no part in the match. `name` is as for
// GroupNumber.
icu::UnicodeString Group(icu::RegexMatcher& m, const char* name);

// Returns where the group `name` of the last match starts, or -1 when it
// took no part in the match.
int32_t GroupStart(icu::RegexMatcher& m, const char* name);

// Compiles one of the fields' built-in regular expressions. A pattern that
// does not compile is a bug in bidscope, so it throws std::logic_error
// naming `what` and ICU's error.
std::unique_ptr<icu::RegexPattern> CompilePattern(const char* pattern,
                                                  const char* what);

}  // namespace bidscope::fields_internal

#endif  // BIDSCOPE_EXTRACT_FIELDS_TEXT_H_
