#include "extract/lexicon.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "extract/normalize.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

const Lexicon& Shipped() {
  static const LexiconLoadResult* result = new LexiconLoadResult(LoadLexicon());
  return result->lexicon;
}

// English of the entries matched in `text`, after normalisation, joined
// with "|".
std::string MatchedEnglish(const Lexicon& lexicon, std::string_view text) {
  std::string out;
  for (size_t i : lexicon.EntriesIn(NormalizeText(text))) {
    if (!out.empty()) out += "|";
    out += lexicon.entries()[i].english;
  }
  return out;
}

Lexicon SmallLexicon() {
  std::vector<std::string> errors;
  return Lexicon(ParseLexicon(
      "english\tsimplified\ttraditional\tcategory\tnote\tsource\n"
      "public opinion\t舆情\t輿情\tpublic-opinion monitoring\t\tproject "
      "glossary\n"
      "public opinion monitoring\t舆情监测\t輿情監測\tpublic-opinion monitoring"
      "\tnote\tproject glossary\n"
      "Facebook\t脸书\t臉書\toverseas social media\t\tproject glossary\n"
      "WiFi probe\tWiFi探针\tWiFi探針\tphone and WiFi tracking\t\tproject "
      "glossary\n"
      "VPN\tVPN\tVPN\tinternet control\t\tproject glossary\n",
      "small.tsv", &errors));
}

TEST(LexiconFileTest, ShippedFileLoadsWithoutErrors) {
  LexiconLoadResult result = LoadLexicon();
  EXPECT_EQ(result.errors, (std::vector<std::string>{}));
  EXPECT_GE(result.lexicon.entries().size(), 200u);
}

TEST(LexiconFileTest, ShippedFileHasRequiredTerms) {
  std::set<std::string> simplified;
  std::set<std::string> traditional;
  for (const LexiconEntry& entry : Shipped().entries()) {
    simplified.insert(entry.simplified);
    traditional.insert(entry.traditional);
  }
  for (const char* term :
       {"舆情",       "舆情监测",   "舆情监控", "境外社交媒体", "推特",
        "脸书",       "油管",       "人脸识别", "视频结构化",   "雪亮工程",
        "天网",       "WiFi探针",   "重点人员", "维吾尔",       "维语",
        "数据采集",   "爬虫",       "网评员",   "大外宣",       "网格化管理",
        "电子围栏",   "手机取证",   "大数据",   "情报",         "招标",
        "中标",       "更正公告",   "采购人",   "代理机构",     "预算金额",
        "单一来源",   "竞争性磋商", "宣传部",   "公安局",       "网信办",
        "国家安全局", "统战部"}) {
    EXPECT_TRUE(simplified.count(term)) << term;
  }
  for (const char* term : {"推特", "臉書", "油管", "輿情監測"}) {
    EXPECT_TRUE(traditional.count(term)) << term;
  }
}

TEST(LexiconFileTest, ShippedRowsHaveCategoryAndSource) {
  for (const LexiconEntry& entry : Shipped().entries()) {
    EXPECT_FALSE(entry.category.empty()) << entry.line;
    EXPECT_FALSE(entry.source.empty()) << entry.line;
  }
}

TEST(LexiconFileTest, ReportsInvalidRowsWithLineNumbers) {
  std::vector<std::string> errors;
  std::vector<LexiconEntry> entries = ParseLexicon(
      "english\tsimplified\ttraditional\tcategory\tnote\tsource\n"
      "# a comment\n"
      "ok\t好\t好\tcat\t\tproject glossary\n"
      "too few\t少\n"
      "\t空\t空\tcat\t\tproject glossary\n"
      "no chinese\t\t\tcat\t\tproject glossary\n"
      "no category\t类\t類\t\t\tproject glossary\n"
      "no source\t源\t源\tcat\t\t\n"
      "bad utf8\t\xff\t\tcat\t\tproject glossary\n"
      "\n",
      "user.tsv", &errors);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].line, 3);
  EXPECT_EQ(entries[0].origin, "user.tsv");
  EXPECT_EQ(
      errors,
      (std::vector<std::string>{
          "user.tsv:4: expected 6 tab-separated columns (english, "
          "simplified, traditional, category, note, source), found 2",
          "user.tsv:5: the english column is empty",
          "user.tsv:6: both the simplified and the traditional column are "
          "empty",
          "user.tsv:7: the category column is empty",
          "user.tsv:8: the source column is empty",
          "user.tsv:9: the line is not valid UTF-8"}));
}

TEST(LexiconFileTest, LoadsUserFileAfterShipped) {
  testing::TempDir dir;
  const auto path = dir.path() / "mine.tsv";
  std::ofstream(path) << "drone\t无人机\t無人機\tsurveillance hardware\t\t"
                         "project editors\nbroken row\n";
  LexiconSources sources;
  sources.user_path = path.string();
  LexiconLoadResult result = LoadLexicon(sources);
  EXPECT_EQ(result.errors, (std::vector<std::string>{
                               path.string() +
                               ":2: expected 6 tab-separated columns (english, "
                               "simplified, traditional, category, note, "
                               "source), found 1"}));
  EXPECT_EQ(result.lexicon.entries().back().english, "drone");
  EXPECT_EQ(MatchedEnglish(result.lexicon, "采购无人机三架"), "drone");
}

TEST(LexiconFileTest, ReportsMissingFile) {
  LexiconSources sources;
  sources.shipped_path = "/nonexistent/lexicon.tsv";
  LexiconLoadResult result = LoadLexicon(sources);
  EXPECT_EQ(result.errors, (std::vector<std::string>{
                               "/nonexistent/lexicon.tsv: cannot open the "
                               "lexicon file"}));
}

struct MatchCase {
  const char* text;
  const char* expected;  // English of matched entries, "|"-joined
};

TEST(LexiconMatchTest, MatchesNormalisedText) {
  const Lexicon lexicon = SmallLexicon();
  const MatchCase cases[] = {
      {"开展舆情监测工作", "public opinion monitoring"},
      {"舆情监测与舆情分析", "public opinion monitoring|public opinion"},
      {"境外臉書账号", "Facebook"},
      {"輿情監測平台", "public opinion monitoring"},
      {"部署ＷｉＦｉ探针十台", "WiFi probe"},
      {"舆 情", "public opinion"},
      {"使用VPN翻墙", "VPN"},
      {"VPNS不是词", ""},
      {"没有相关内容", ""},
  };
  for (const MatchCase& c : cases) {
    EXPECT_EQ(MatchedEnglish(lexicon, c.text), c.expected) << c.text;
  }
}

TEST(LexiconMatchTest, ReportsByteRangesInNormalisedText) {
  const Lexicon lexicon = SmallLexicon();
  const std::string text = NormalizeText("开展舆情监测");
  std::vector<LexiconMatch> matches = lexicon.Match(text);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(text.substr(matches[0].begin, matches[0].end - matches[0].begin),
            "舆情监测");
}

TEST(LexiconMatchTest, ShippedLexiconFindsSurveillanceTerms) {
  EXPECT_EQ(MatchedEnglish(Shipped(),
                           "建设雪亮工程，部署人脸识别和WiFi探针，"
                           "开展境外社交媒体舆情监控"),
            "Sharp Eyes Project|face recognition|WiFi probe|overseas social "
            "media|public opinion surveillance");
}

TEST(LexiconExpansionTest, EnglishPhraseGivesChineseTerms) {
  EXPECT_EQ(Shipped().ChineseTermsFor("public opinion monitoring"),
            (std::vector<std::string>{"舆情监测", "輿情監測"}));
  EXPECT_EQ(Shipped().ChineseTermsFor("  Public   Opinion Monitoring "),
            (std::vector<std::string>{"舆情监测", "輿情監測"}));
  EXPECT_EQ(Shipped().ChineseTermsFor("facebook"),
            (std::vector<std::string>{"脸书", "臉書"}));
  EXPECT_EQ(Shipped().ChineseTermsFor("no such phrase"),
            (std::vector<std::string>{}));
}

TEST(LexiconExpansionTest, RepeatedEnglishGivesEveryEntry) {
  EXPECT_EQ(Shipped().ChineseTermsFor("online commentator"),
            (std::vector<std::string>{"网评员", "网络评论员", "網評員",
                                      "網絡評論員"}));
}

TEST(LexiconHintTest, HintsNameTermEnglishAndNote) {
  EXPECT_EQ(
      SmallLexicon().GlossaryHints("加强舆情监测。"),
      (std::vector<std::string>{"舆情监测 = public opinion monitoring. note"}));
}

TEST(LexiconHintTest, HintUsesTraditionalFormOfText) {
  EXPECT_EQ(SmallLexicon().GlossaryHints("境外臉書"),
            (std::vector<std::string>{"臉書 = Facebook"}));
}

}  // namespace
}  // namespace bidscope
