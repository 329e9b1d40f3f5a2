#include "index/terms.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/normalize.h"

namespace bidscope {
namespace {

// Postings as "term@position", position 0 meaning none, in generation order.
std::string Describe(const GeneratedTerms& terms) {
  std::string out;
  for (const Posting& posting : terms.postings) {
    if (!out.empty()) out += ' ';
    out += posting.term + "@" + std::to_string(posting.position);
  }
  return out;
}

struct TermsCase {
  const char* text;
  const char* expected;
};

class TermsTableTest : public ::testing::TestWithParam<TermsCase> {};

TEST_P(TermsTableTest, GeneratesExpectedPostings) {
  std::string normalized = NormalizeText(GetParam().text);
  EXPECT_EQ(Describe(GenerateTerms(normalized, "", 1)), GetParam().expected)
      << "text: " << GetParam().text;
}

const TermsCase kTermsCases[] = {
    // Unigrams without positions, bigrams at consecutive positions.
    {"舆情监测", "舆情@0 情监@0 监测@0 舆@1 情@2 监@3 测@4"},
    // A one-character run gives its unigram a position.
    {"标", "标@1"},
    // Punctuation between runs skips a position; whitespace does not.
    {"舆情，监测", "舆情@0 舆@1 情@2 监测@0 监@4 测@5"},
    {"公告 abc", "公告@0 公@1 告@2 Zabc@0 abc@3"},
    // Words: lower case with positions, stems without.
    {"Bidders submit", "Zbidder@0 bidders@1 Zsubmit@0 submit@2"},
    // Codes: the whole code without positions, and its parts.
    {"ZB2021-0123", "zb2021-0123@0 zb2021@1 0123@2"},
    {"v1.2/b_c", "v1.2/b_c@0 v1@1 2@2 Zb@0 b@3 Zc@0 c@4"},
    // A trailing full stop is not part of a code.
    {"No. 5", "Zno@0 no@1 5@3"},
    // Codes glued to Han stay findable.
    {"5G基站", "5g@1 基站@0 基@2 站@3"},
    {"iPhone13手机", "iphone13@1 手机@0 手@2 机@3"},
    // Traditional text yields Simplified terms.
    {"臺北", "台北@0 台@1 北@2"},
    {"", ""},
};

INSTANTIATE_TEST_SUITE_P(Table, TermsTableTest,
                         ::testing::ValuesIn(kTermsCases));

TEST(TermsTest, PrefixAppliesToEveryTerm) {
  EXPECT_EQ(Describe(GenerateTerms("招标 budget", "S", 1)),
            "S招标@0 S招@1 S标@2 ZSbudget@0 Sbudget@3");
}

TEST(TermsTest, NumbersPositionsFromFirstPosition) {
  GeneratedTerms terms = GenerateTerms("招标公告", "", 10);
  EXPECT_EQ(Describe(terms), "招标@0 标公@0 公告@0 招@10 标@11 公@12 告@13");
  EXPECT_EQ(terms.next_position, 14u);
}

TEST(TermsTest, SkipsOverlongTerms) {
  std::string word(200, 'a');
  EXPECT_EQ(Describe(GenerateTerms(word, "", 1)), "");
}

TEST(TermsTest, TokenizeMarksPunctuation) {
  std::vector<Token> tokens = Tokenize("招标,abc def");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].text, "招标");
  EXPECT_FALSE(tokens[0].after_punctuation);
  EXPECT_EQ(tokens[1].text, "abc");
  EXPECT_TRUE(tokens[1].after_punctuation);
  EXPECT_EQ(tokens[2].text, "def");
  EXPECT_FALSE(tokens[2].after_punctuation);
}

TEST(TermsTest, StemTermSkipsNumbersAndCodes) {
  EXPECT_EQ(StemTerm("proposals", ""), "Zpropos");
  EXPECT_EQ(StemTerm("proposals", "S"), "ZSpropos");
  EXPECT_EQ(StemTerm("2021", ""), "");
  EXPECT_EQ(StemTerm("iphone13", ""), "");
}

}  // namespace
// Snippets skip stemming words whose first letter differs from the stem's,
// which is right only while the English stemmer keeps first letters, as
// Snowball's English stemmer does, exceptions such as dying -> die
// included.
TEST(TermsTest, StemKeepsFirstLetter) {
  for (const char* word : {"dying",        "lying",       "tying",
                           "skies",        "skis",        "idly",
                           "gently",       "ugly",        "early",
                           "only",         "singly",      "news",
                           "atlas",        "cosmos",      "bias",
                           "andes",        "hoping",      "generalization",
                           "conditional",  "relational",  "yelling",
                           "youth",        "ying",        "tenders",
                           "surveillance", "procurement", "eed",
                           "abilities",    "exceeded",    "zz"}) {
    std::string stem = StemTerm(word, "");
    ASSERT_GE(stem.size(), 2u) << word;
    EXPECT_EQ(stem[1], word[0]) << word << " -> " << stem;
  }
}

}  // namespace bidscope
