#include "index/query_parser.h"

#include <gtest/gtest.h>

#include <string>

#include "index/index.h"

namespace bidscope {
namespace {

struct QueryCase {
  const char* query;
  const char* expected;  // Xapian's description of the parsed query
};

class QueryTableTest : public ::testing::TestWithParam<QueryCase> {};

TEST_P(QueryTableTest, ParsesToExpectedQuery) {
  EXPECT_EQ(ParseQuery(GetParam().query).description, GetParam().expected)
      << "query: " << GetParam().query;
}

const QueryCase kQueryCases[] = {
    {"标", "Query(标)"},
    {"招标", "Query(招标)"},
    {"舆情监测",
     "Query((舆情 AND 情监 AND 监测 AND (舆 PHRASE 4 情 PHRASE 4 监 PHRASE 4 "
     "测)))"},
    {"\"舆情监测\"",
     "Query((舆情 AND 情监 AND 监测 AND (舆 PHRASE 4 情 PHRASE 4 监 PHRASE 4 "
     "测)))"},
    {"政府採購",
     "Query((政府 AND 府采 AND 采购 AND (政 PHRASE 4 府 PHRASE 4 采 PHRASE 4 "
     "购)))"},
    {"title:招标", "Query(S招标)"},
    {"title:\"招标公告\"",
     "Query((S招标 AND S标公 AND S公告 AND (S招 PHRASE 4 S标 PHRASE 4 S公 "
     "PHRASE 4 S告)))"},
    {"招标 OR 废标", "Query((招标 OR 废标))"},
    {"招标 AND 废标", "Query((招标 AND 废标))"},
    {"招标 废标", "Query((招标 AND 废标))"},
    {"公告 -废标", "Query((公告 AND_NOT 废标))"},
    {"公告 NOT 废标", "Query((公告 AND_NOT 废标))"},
    {"-废标", "Query((<alldocuments> AND_NOT 废标))"},
    {"NOT 废标 NOT 招标", "Query((<alldocuments> AND_NOT (废标 OR 招标)))"},
    {"a OR b c", "Query((Za OR (Zb AND Zc)))"},
    {"(a OR b) c", "Query(((Za OR Zb) AND Zc))"},
    {"-(a OR b) c", "Query((Zc AND_NOT (Za OR Zb)))"},
    {"舆情*", "Query(舆情)"},
    {"budg*", "Query(WILDCARD SYNONYM budg)"},
    {"budgets", "Query(Zbudget)"},
    {"舆情budg*",
     "Query((舆情 AND ((舆 PHRASE 2 情) AND WILDCARD SYNONYM budg)))"},
    {"2024年3月15日",
     "Query((2024 PHRASE 6 年 PHRASE 6 3 PHRASE 6 月 PHRASE 6 15 PHRASE 6 "
     "日))"},
    {"年3月", "Query((年 PHRASE 3 3 PHRASE 3 月))"},
    {"\"budgets\"", "Query(budgets)"},
    {"\"technical proposal\"", "Query((technical PHRASE 2 proposal))"},
    {"\"budget 舆情\"", "Query((舆情 AND (budget PHRASE 3 舆 PHRASE 3 情)))"},
    {"budget 舆情 b", "Query((Zbudget AND 舆情 AND Zb))"},
    {"ZB2021-0123", "Query(zb2021-0123)"},
    {"ＺＢ２０２１－０１２３", "Query(zb2021-0123)"},
    {"5G基站", "Query((基站 AND (5g PHRASE 3 基 PHRASE 3 站)))"},
    {"type:pdf 招标", "Query((招标 FILTER XFpdf))"},
    {"type:PDF", "Query((<alldocuments> FILTER XFpdf))"},
    {"unknown:招标", "Query((招标 AND (unknown PHRASE 4 招 PHRASE 4 标)))"},
    {"“舆情监测”",
     "Query((舆情 AND 情监 AND 监测 AND (舆 PHRASE 4 情 PHRASE 4 监 PHRASE 4 "
     "测)))"},
    {"（招标 OR 废标）公告", "Query(((招标 OR 废标) AND 公告))"},
    {"title:(招标 OR budget) 公告", "Query(((S招标 OR ZSbudget) AND 公告))"},
    {"type:(pdf OR html)",
     "Query(((<alldocuments> FILTER XFpdf) OR (<alldocuments> FILTER "
     "XFhtml)))"},
};

INSTANTIATE_TEST_SUITE_P(Table, QueryTableTest,
                         ::testing::ValuesIn(kQueryCases));

struct BadQueryCase {
  std::string query;
  const char* message;
};

class BadQueryTest : public ::testing::TestWithParam<BadQueryCase> {};

TEST_P(BadQueryTest, ThrowsQueryError) {
  try {
    ParseQuery(GetParam().query);
    ADD_FAILURE() << "no QueryError for: " << GetParam().query;
  } catch (const QueryError& e) {
    EXPECT_EQ(std::string(e.what()), GetParam().message);
  }
}

const BadQueryCase kBadQueries[] = {
    {"\"舆情监测",
     "unbalanced quote: the phrase opened at character 1 has no closing "
     "quote"},
    {"(招标 OR 废标",
     "unbalanced parenthesis: '(' at character 1 is not closed"},
    {"招标)", "unbalanced parenthesis: ')' at character 3 has no matching '('"},
    {"招标 OR", "OR at character 4 needs a term on both sides"},
    {"AND 招标", "AND at character 1 needs a term on both sides"},
    {"招标 NOT", "NOT at character 4 needs a term after it"},
    {"", "the query is empty or contains only punctuation: \"\""},
    {"，。", "the query is empty or contains only punctuation: \"，。\""},
    {std::string(33, '(') + "招标" + std::string(33, ')'),
     "parentheses nested too deep: '(' at character 33 opens level 33, at "
     "most 32 are allowed"},
    {std::string(100000, '('),
     "parentheses nested too deep: '(' at character 33 opens level 33, at "
     "most 32 are allowed"},
};

INSTANTIATE_TEST_SUITE_P(Table, BadQueryTest, ::testing::ValuesIn(kBadQueries));

TEST(QueryParserTest, AcceptsThirtyTwoNestedGroups) {
  ParsedQuery parsed =
      ParseQuery(std::string(32, '(') + "招标" + std::string(32, ')'));
  EXPECT_EQ(parsed.patterns.size(), 1u);
}

TEST(QueryParserTest, CollectsPositivePatternsOnly) {
  ParsedQuery parsed = ParseQuery("舆情监测 budgets -废标 budg*");
  ASSERT_EQ(parsed.patterns.size(), 3u);
  EXPECT_EQ(parsed.patterns[0].text, "舆情监测");
  EXPECT_EQ(parsed.patterns[0].kind, MatchPattern::Kind::kSubstring);
  EXPECT_EQ(parsed.patterns[1].text, "Zbudget");
  EXPECT_EQ(parsed.patterns[1].kind, MatchPattern::Kind::kStem);
  EXPECT_EQ(parsed.patterns[2].text, "budg");
  EXPECT_EQ(parsed.patterns[2].kind, MatchPattern::Kind::kWordPrefix);
}

}  // namespace
}  // namespace bidscope
