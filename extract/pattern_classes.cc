#include "extract/pattern_classes.h"

#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <stdexcept>

namespace bidscope::fields_internal {
namespace {

// Returns the set `property_set`, such as "[\p{Nd}]", as a list of ranges
// such as "[\x{30}-\x{39}...]".
std::string SpelledOut(const char16_t* property_set) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set(icu::UnicodeString(property_set), status);
  if (U_FAILURE(status)) {
    throw std::logic_error("invalid property set: " +
                           std::string(u_errorName(status)));
  }
  std::string out = "[";
  char range[40];
  for (int32_t i = 0; i < set.getRangeCount(); ++i) {
    auto start = static_cast<unsigned>(set.getRangeStart(i));
    auto end = static_cast<unsigned>(set.getRangeEnd(i));
    // ICU rejects a range from a code point to itself.
    if (start == end) {
      std::snprintf(range, sizeof range, "\\x{%X}", start);
    } else {
      std::snprintf(range, sizeof range, "\\x{%X}-\\x{%X}", start, end);
    }
    out += range;
  }
  return out + "]";
}

const std::string& DecimalDigits() {
  static const std::string ranges = SpelledOut(u"[\\p{Nd}]");
  return ranges;
}

const std::string& HanCharacters() {
  static const std::string ranges = SpelledOut(u"[\\p{Han}]");
  return ranges;
}

}  // namespace

std::string ExpandPropertyClasses(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] != '\\' || i + 1 == pattern.size()) {
      out += pattern[i++];
      continue;
    }
    std::string_view rest = pattern.substr(i);
    if (rest.starts_with("\\d")) {
      out += DecimalDigits();
      i += 2;
    } else if (rest.starts_with("\\p{Nd}")) {
      out += DecimalDigits();
      i += 6;
    } else if (rest.starts_with("\\p{Han}")) {
      out += HanCharacters();
      i += 7;
    } else {
      out.append(rest.substr(0, 2));
      i += 2;
    }
  }
  return out;
}

}  // namespace bidscope::fields_internal
