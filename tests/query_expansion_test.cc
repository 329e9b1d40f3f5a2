#include "index/query_expansion.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace bidscope {
namespace {

Lexicon TestLexicon() {
  std::vector<LexiconEntry> entries = {
      {"public opinion", "舆情", "輿情", "public-opinion monitoring", "", "",
       "", 1},
      {"public opinion monitoring", "舆情监测", "輿情監測",
       "public-opinion monitoring", "", "", "", 2},
      {"Twitter", "推特", "推特", "overseas social media", "", "", "", 3},
      {"face recognition", "人脸识别", "人臉識別", "biometrics", "", "", "", 4},
  };
  return Lexicon(std::move(entries));
}

struct ExpansionCase {
  std::string query;
  std::string expected;
};

TEST(QueryExpansionTest, ExpandsLongestPhrases) {
  const ExpansionCase cases[] = {
      {"public opinion monitoring",
       "(public opinion monitoring) OR \"舆情监测\" OR \"輿情監測\""},
      {"Public  opinion", "(Public  opinion) OR \"舆情\" OR \"輿情\""},
      {"twitter budget", "(twitter budget) OR \"推特\""},
      {"\"face recognition\" OR Twitter",
       "(\"face recognition\" OR Twitter) OR \"人脸识别\" OR \"人臉識別\" OR "
       "\"推特\""},
      {"budget tender", "budget tender"},
      {"title:Twitter", "title:Twitter"},
      {"-Twitter 招标", "-Twitter 招标"},
      {"public AND opinion", "public AND opinion"},
  };
  Lexicon lexicon = TestLexicon();
  for (const ExpansionCase& c : cases) {
    EXPECT_EQ(ExpandQuery(c.query, lexicon).query, c.expected) << c.query;
  }
}

TEST(QueryExpansionTest, ListsAddedTermsOnce) {
  ExpandedQuery expanded = ExpandQuery("Twitter twitter", TestLexicon());
  ASSERT_EQ(expanded.terms.size(), 1u);
  EXPECT_EQ(expanded.terms[0], "推特");
}

}  // namespace
}  // namespace bidscope
