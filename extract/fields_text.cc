#include "extract/fields_text.h"

#include <unicode/normalizer2.h>
#include <unicode/utf16.h>

#include <stdexcept>
#include <utility>
#include <vector>

#include "extract/pattern_classes.h"

namespace bidscope::fields_internal {

namespace {

// Enclosed alphanumerics (①-⓿, ⑴, ⒈, ⒜) and dingbat circled digits (❶-➓).
bool IsListMarker(UChar32 c) {
  return (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793);
}

bool IsClauseMark(char16_t c) {
  switch (c) {
    case u'，':
    case u'；':
    case u'。':
    case u',':
    case u';':
    case u'\n':
    case u'\r':
      return true;
    default:
      return false;
  }
}

}  // namespace

icu::UnicodeString NormalizeForFields(std::string_view text) {
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));

  // Replace list markers before NFKC so that they cannot merge with digits.
  // They are all in the BMP, so each is one UTF-16 unit and the text keeps
  // its length.
  icu::UnicodeString unmarked = std::move(source);
  for (int32_t i = 0; i < unmarked.length(); ++i) {
    if (IsListMarker(unmarked.charAt(i))) unmarked.setCharAt(i, u' ');
  }

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU NFKC is unavailable: ") +
                             u_errorName(status));
  }
  icu::UnicodeString normalized = nfkc->normalize(unmarked, status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU NFKC failed: ") +
                             u_errorName(status));
  }
  return normalized;
}

std::string Utf8Slice(const icu::UnicodeString& text, int32_t start,
                      int32_t limit) {
  std::string out;
  icu::UnicodeString(text, start, limit - start).toUTF8String(out);
  return out;
}

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

int32_t ClauseStart(const icu::UnicodeString& text, int32_t pos, int32_t floor,
                    int32_t max_units) {
  int32_t lowest = std::max(floor, pos - max_units);
  int32_t i = pos;
  while (i > lowest && !IsClauseMark(text.charAt(i - 1))) --i;
  return i;
}

std::string_view NearestKeyword(const icu::UnicodeString& text, int32_t start,
                                int32_t limit,
                                const std::vector<Keyword>& keywords,
                                std::string_view fallback) {
  int32_t best_end = -1;
  std::string_view best = fallback;
  for (const Keyword& keyword : keywords) {
    icu::UnicodeString word(keyword.word.data(),
                            static_cast<int32_t>(keyword.word.size()));
    int32_t found = text.lastIndexOf(word, start, limit - start);
    if (found < 0) continue;
    int32_t end = found + word.length();
    if (end > best_end) {
      best_end = end;
      best = keyword.value;
    }
  }
  return best;
}

bool Contains(const icu::UnicodeString& text, std::u16string_view word) {
  return text.indexOf(word.data(), static_cast<int32_t>(word.size()), 0) >= 0;
}

int32_t GroupNumber(const icu::RegexPattern& pattern, const char* name) {
  // A few dozen pairs of pattern and name literal, so a scan comparing
  // addresses beats hashing the name.
  struct Known {
    const icu::RegexPattern* pattern;
    const char* name;
    int32_t number;
  };
  thread_local std::vector<Known> known;
  for (const Known& entry : known) {
    if (entry.pattern == &pattern && entry.name == name) return entry.number;
  }
  UErrorCode status = U_ZERO_ERROR;
  int32_t number =
      pattern.groupNumberFromName(icu::UnicodeString(name, -1, US_INV), status);
  if (U_FAILURE(status)) number = -1;
  known.push_back({&pattern, name, number});
  return number;
}

icu::UnicodeString Group(icu::RegexMatcher& m, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text = m.group(GroupNumber(m.pattern(), name), status);
  if (U_FAILURE(status)) text.remove();
  return text;
}
int32_t GroupStart(icu::RegexMatcher& m, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t start = m.start(GroupNumber(m.pattern(), name), status);
  return U_FAILURE(status) ? -1 : start;
}

std::unique_ptr<icu::RegexPattern> CompilePattern(const char* pattern,
                                                  const char* what) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  std::unique_ptr<icu::RegexPattern> compiled(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(ExpandPropertyClasses(pattern)), 0,
      parse_error, status));
  if (U_FAILURE(status)) {
    throw std::logic_error(std::string(what) +
                           " pattern does not compile: " + u_errorName(status));
  }
  return compiled;
}

}  // namespace bidscope::fields_internal
