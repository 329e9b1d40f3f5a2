// FindAnchored must return exactly the matches RegexMatcher::find returns,
// for every field pattern. These tests compare the two over real notices
// and over cases built to break the hints.
#include "extract/anchored_search.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "extract/extract.h"
#include "extract/fields_text.h"
#include "test_support.h"

namespace bidscope {
namespace {

using fields_internal::AnchoredPattern;
using fields_internal::FindAnchored;

using Span = std::pair<int64_t, int64_t>;

struct NamedPattern {
  const char* name;
  const AnchoredPattern& pattern;
};

std::vector<NamedPattern> FieldPatterns() {
  return {{"amount", fields_internal::AmountPattern()},
          {"date", fields_internal::DatePattern()},
          {"entrustment", fields_internal::EntrustmentPattern()},
          {"owner", fields_internal::OwnerPattern()},
          {"organisation", fields_internal::OrganisationPattern()}};
}

// Every match of `pattern` in text[from, limit), as successive find()
// calls on the region return them, with transparent bounds so that
// lookbehinds see the text before `from`.
std::vector<Span> ReferenceMatches(const icu::RegexPattern& pattern,
                                   const icu::UnicodeString& text, int32_t from,
                                   int32_t limit) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern.matcher(text, status));
  m->useTransparentBounds(true);
  m->region(from, limit, status);
  std::vector<Span> spans;
  while (m->find(status)) spans.push_back({m->start(status), m->end(status)});
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  return spans;
}

std::vector<Span> AnchoredMatches(const AnchoredPattern& pattern,
                                  const icu::UnicodeString& text, int32_t from,
                                  int32_t limit) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern.regex->matcher(text, status));
  std::vector<Span> spans;
  int32_t pos = from;
  while (FindAnchored(*m, text, pos, limit, pattern.hints)) {
    spans.push_back({m->start(status), m->end(status)});
    pos = static_cast<int32_t>(m->end(status));
  }
  return spans;
}

void ExpectSameMatches(const icu::UnicodeString& text, int32_t from,
                       int32_t limit, const std::string& where) {
  for (const NamedPattern& named : FieldPatterns()) {
    EXPECT_EQ(AnchoredMatches(named.pattern, text, from, limit),
              ReferenceMatches(*named.pattern.regex, text, from, limit))
        << named.name << " pattern in " << where << " [" << from << ", "
        << limit << ")";
  }
}

icu::UnicodeString Text(const char* utf8) {
  return fields_internal::NormalizeForFields(utf8);
}

TEST(AnchoredSearchTest, FindsEveryMatchInBuiltCases) {
  const char* cases[] = {
      // Amounts: currency words, multipliers, 大写, lookbehind on digits.
      "预算金额：人民币1,234,567.89元，最高限价US$ "
      "12万3千，大写壹佰贰拾叁万元整",
      "12,345元 9.5万元 NT$300 €20 两千万元 十三万二 13万2",
      "电话010-12345678 合同金额不少于800万元 ¥ : 45 元",
      // Digit runs, points and commas before digits, codes and versions:
      // only the first digit of a run may start a match.
      "编号ZB2024-001 123456.78元 1.2.3 .5元 ,123元 v2.0 ¥.5 1,2,3元",
      "2021.12.31.5 12021年3月 020211231 ４５元 ٣٤元 x2021-12-31 "
      "去年2021-12-31",
      // Dates in every notation, ranges and times.
      "2021年3月5日 二〇二一年十二月三十一日 民國110年3月5日 2021-12-31 "
      "2021/1/2 12月31日 2021.01.05至2021.02.05 上午9时30分",
      "截止时间：2022年 1 月 5 日 09:30 北京时间 3个月 12.5%",
      // Parties, with a supplementary-plane Han character in a name.
      "某某代理有限公司受某某市公安局的委托，项目业主为某某市公安局",
      "中标供应商名称 地址 1 𠀀𠀁科技有限公司 2 某某研究院 合作社工作室",
      "公告公示公开 有限 股份 研究 集团化 厂区 商行动",
      // Text with no anchors at all, and anchors at both ends.
      "采购需求见附件",
      "月",
      "元",
      "公司",
  };
  for (const char* utf8 : cases) {
    icu::UnicodeString text = Text(utf8);
    for (int32_t from = 0; from < text.length(); from += 3) {
      ExpectSameMatches(text, from, text.length(), utf8);
      ExpectSameMatches(text, from, std::min(text.length(), from + 20), utf8);
    }
  }
}

// Page texts of the documents under `folder`, without OCR.
std::vector<icu::UnicodeString> PageTexts(const std::filesystem::path& folder,
                                          size_t max_units) {
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  std::vector<icu::UnicodeString> texts;
  size_t units = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file() || units > max_units) continue;
    for (const Document& doc : ExtractFile(entry.path().string(), options)) {
      for (const Page& page : doc.pages) {
        texts.push_back(fields_internal::NormalizeForFields(page.text));
        units += static_cast<size_t>(texts.back().length());
      }
    }
  }
  return texts;
}

void ExpectSameMatchesInTexts(const std::vector<icu::UnicodeString>& texts) {
  ASSERT_FALSE(texts.empty());
  for (size_t i = 0; i < texts.size(); ++i) {
    const icu::UnicodeString& text = texts[i];
    std::string where = "page text " + std::to_string(i);
    ExpectSameMatches(text, 0, text.length(), where);
    // Windows as the party code searches them: 200 units from a point.
    for (int32_t from = 0; from < text.length(); from += 997) {
      ExpectSameMatches(text, from, std::min(text.length(), from + 200), where);
    }
  }
}

TEST(AnchoredSearchTest, FindsEveryMatchInSampleCorpus) {
  ExpectSameMatchesInTexts(
      PageTexts(testing::SourceDir() / "corpus-sample" / "documents", 1 << 22));
}

TEST(AnchoredSearchTest, FindsEveryMatchInSharedCorpus) {
  BIDSCOPE_REQUIRE_SHARED();
  // About two million UTF-16 units: the plain search of the organisation
  // pattern over them takes some seconds.
  ExpectSameMatchesInTexts(
      PageTexts(testing::SharedDir() / "corpus", size_t{1} << 21));
}

TEST(AnchoredSearchTest, RejectsMalformedHints) {
  EXPECT_THROW(fields_internal::MakeAnchorHints("[月", "[月]"),
               std::logic_error);
  EXPECT_THROW(fields_internal::MakeWordAnchorHints("公司||厂", "[公司厂]", 4),
               std::logic_error);
}

}  // namespace
}  // namespace bidscope
