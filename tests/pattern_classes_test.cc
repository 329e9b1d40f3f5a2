// Property classes spelled out as ranges must give the same sets and the
// same matches as ICU's own property lookups.
#include "extract/pattern_classes.h"

#include <gtest/gtest.h>
#include <unicode/regex.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <vector>

namespace bidscope {
namespace {

using fields_internal::ExpandPropertyClasses;

icu::UnicodeSet SetOf(const std::string& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set(icu::UnicodeString::fromUTF8(pattern), status);
  EXPECT_TRUE(U_SUCCESS(status)) << pattern << ": " << u_errorName(status);
  return set;
}

std::unique_ptr<icu::RegexPattern> Compile(const std::string& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError error;
  std::unique_ptr<icu::RegexPattern> compiled(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(pattern), 0, error, status));
  EXPECT_TRUE(U_SUCCESS(status)) << pattern << ": " << u_errorName(status);
  return compiled;
}

// Every match of `pattern` in `text`, as "start-end" pairs.
std::vector<std::string> Matches(const icu::RegexPattern& pattern,
                                 const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString subject = icu::UnicodeString::fromUTF8(text);
  std::unique_ptr<icu::RegexMatcher> matcher(pattern.matcher(subject, status));
  std::vector<std::string> found;
  while (matcher->find(status)) {
    found.push_back(std::to_string(matcher->start(status)) + "-" +
                    std::to_string(matcher->end(status)));
  }
  return found;
}

TEST(PatternClassesTest, SetsEqualIcuPropertySets) {
  for (const std::string pattern :
       {"[\\p{Nd}]", "[\\p{Han}]", "[\\p{Nd}元圆圓币幣]",
        "[\\p{Han}A-Za-z0-9()]", "[\\p{Nd},.:\\u0020\\t$¥€A-Z]"}) {
    std::string expanded = ExpandPropertyClasses(pattern);
    EXPECT_EQ(expanded.find("\\p{"), std::string::npos) << expanded;
    EXPECT_TRUE(SetOf(expanded) == SetOf(pattern)) << pattern;
  }
  // Each set contains far more than ASCII, so the comparison above is not
  // between two nearly empty sets.
  EXPECT_GT(SetOf(ExpandPropertyClasses("[\\p{Nd}]")).size(), 600);
  EXPECT_GT(SetOf(ExpandPropertyClasses("[\\p{Han}]")).size(), 90000);
}

TEST(PatternClassesTest, RegexMatchesTheSame) {
  const std::string text =
      "2021年12月31日 ٢٠٢١-١٢-٣١ ２０２１年 民國110年 १२३४ 㐀𠀀〇々 abc "
      "12.5万元";
  for (const std::string pattern :
       {"(?<![\\d])(?<y>\\d{4})", "\\d{1,2}[.]\\d+", "[\\d]+", "[\\p{Han}]{2,}",
        "(?<![\\p{Nd}.,])[\\p{Nd}]+年", "[\\p{Han}A-Za-z0-9()]{2,40}?年"}) {
    std::string expanded = ExpandPropertyClasses(pattern);
    std::unique_ptr<icu::RegexPattern> original = Compile(pattern);
    std::unique_ptr<icu::RegexPattern> spelled = Compile(expanded);
    ASSERT_NE(original, nullptr) << pattern;
    ASSERT_NE(spelled, nullptr) << expanded;
    std::vector<std::string> want = Matches(*original, text);
    EXPECT_FALSE(want.empty()) << pattern;
    EXPECT_EQ(Matches(*spelled, text), want) << pattern;
  }
}

TEST(PatternClassesTest, OtherEscapesAreCopied) {
  EXPECT_EQ(ExpandPropertyClasses("[ \\t\\-/.\\u0020]"), "[ \\t\\-/.\\u0020]");
  EXPECT_EQ(ExpandPropertyClasses("\\\\d\\k<sep>\\p{L}"),
            "\\\\d\\k<sep>\\p{L}");
  EXPECT_EQ(ExpandPropertyClasses("年月日"), "年月日");
  EXPECT_EQ(ExpandPropertyClasses("ends with \\"), "ends with \\");
}

}  // namespace
}  // namespace bidscope
