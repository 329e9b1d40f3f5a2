#include "extract/segment.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "extract/normalize.h"
#include "extract/pinyin.h"
#include "extract/segment_notes.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

// Segment texts, one a line.
std::string Joined(const std::vector<Segment>& segments) {
  std::string out;
  for (const Segment& segment : segments) out += segment.text + "\n";
  return out;
}

std::string SegmentLines(std::string_view text) {
  return Joined(SegmentPage(text, "doc", 1));
}

struct SegmentCase {
  const char* name;
  const char* input;
  const char* expected;  // segment texts, each followed by "\n"
};

const SegmentCase kCases[] = {
    {"EnglishAbbreviations",
     "Contact Mr. Wang at the Dept. of Finance. Bids close on Jan. 5. "
     "Prices vs. budget are shown.",
     "Contact Mr. Wang at the Dept. of Finance.\nBids close on Jan. 5.\n"
     "Prices vs. budget are shown.\n"},
    {"LowerCaseAfterStop", "Version 2.0 is required. the rest follows.",
     "Version 2.0 is required. the rest follows.\n"},
    {"InitialIsNotSentenceEnd", "Signed by J. Smith. Approved.",
     "Signed by J. Smith.\nApproved.\n"},
    {"QuestionAndExclamation", "Is the bid valid? Yes! it is.",
     "Is the bid valid?\nYes! it is.\n"},
    {"EnglishThenChinese", "The budget is 500,000 yuan.本项目不接受联合体。",
     "The budget is 500,000 yuan.\n本项目不接受联合体。\n"},
    {"FullWidthBracketKeepsStops",
     "本项目（编号：ZB-01。已备案。）已完成。下一步。",
     "本项目（编号：ZB-01。已备案。）\n已完成。\n下一步。\n"},
    {"BookTitleMarks", "依据《采购法。第二条》执行。随后公示。",
     "依据《采购法。第二条》执行。\n随后公示。\n"},
    {"CornerQuotesCloseSentence", "他说「同意。」随后签字。",
     "他说「同意。」\n随后签字。\n"},
    {"DoubleCornerQuotes", "通知『暂停。』今日生效。",
     "通知『暂停。』\n今日生效。\n"},
    {"SemicolonAndEllipsisContinue", "甲方负责；乙方配合……双方签字。",
     "甲方负责；乙方配合……双方签字。\n"},
    {"TerminatorCluster", "真的吗？！是的。", "真的吗？！\n是的。\n"},
    {"FullWidthDecimal", "金额为１２．５万元，数量１，０００台。",
     "金额为１２．５万元，数量１，０００台。\n"},
    {"UnmatchedBracketIgnored", "报价（含税。请注意。逾期不收。",
     "报价（含税。\n请注意。\n逾期不收。\n"},
    {"UrlAndEmail", "详见www.ccgp.gov.cn或mail.example.com。谢谢。",
     "详见www.ccgp.gov.cn或mail.example.com。\n谢谢。\n"},
    {"NumberedHeadings",
     "一、项目概况\n本项目采购舆情监测服务。\n第二章 投标须知\n"
     "投标人应当具备资格。",
     "一、项目概况\n本项目采购舆情监测服务。\n第二章 投标须知\n"
     "投标人应当具备资格。\n"},
    {"ShortLabelLines",
     "采购人：某某市公安局\n联系人：张先生\n电话：0991-1234567",
     "采购人：某某市公安局\n联系人：张先生\n电话：0991-1234567\n"},
    {"WrappedChineseParagraph",
     "本项目采购视频结构化服务器两台，\n人脸识别系统一套。其余另行采购。",
     "本项目采购视频结构化服务器两台，\n人脸识别系统一套。\n其余另行采购。\n"},
    {"NumberedItemsEndingInStops",
     "1. 投标人须具备独立法人资格。\n2. 投标人须提供财务报告。",
     "1. 投标人须具备独立法人资格。\n2. 投标人须提供财务报告。\n"},
    {"TabSeparatedTable", "名称\t数量\t单价\n服务器\t2\t3.5万元",
     "名称\n数量\n单价\n服务器\n2\n3.5万元\n"},
    {"PipeTable", "| 名称 | 数量 |\n|---|---|\n| 服务器 | 2 |",
     "名称\n数量\n服务器\n2\n"},
    {"BlankLineEndsParagraph", "第一段没有句号\n\n第二段。",
     "第一段没有句号\n第二段。\n"},
    {"ParenthesisedNumberHeading", "（一）资格要求\n具备资质。",
     "（一）资格要求\n具备资质。\n"},
};

class SegmentCaseTest : public ::testing::TestWithParam<SegmentCase> {};

TEST_P(SegmentCaseTest, SplitsAsExpected) {
  EXPECT_EQ(SegmentLines(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Rules, SegmentCaseTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<SegmentCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(SegmentTest, SentenceSegmentationCaseIsExact) {
  BIDSCOPE_REQUIRE_SHARED();
  const auto dir = testing::SharedDir() / "cases" /
                   "C16-sentence-segmentation-for-translation";
  std::string input = testing::ReadFile(dir / "input.txt");
  std::string expected = testing::ReadFile(dir / "expected_segments.txt");
  if (!expected.empty() && expected.back() != '\n') expected += '\n';
  EXPECT_EQ(SegmentLines(input), expected);
}

TEST(SegmentTest, OffsetsPointIntoPageText) {
  const std::string page =
      "  一、项目概况\n本项目（包1：电脑。）采购\n  服务器。 Bids close on "
      "Dec. 31. \n名称\t数量\n";
  for (const Segment& segment : SegmentPage(page, "doc", 3)) {
    ASSERT_LE(segment.end, page.size());
    EXPECT_EQ(page.substr(segment.begin, segment.end - segment.begin),
              segment.text);
    EXPECT_EQ(segment.page, 3);
    EXPECT_EQ(segment.doc_id, "doc");
  }
}

TEST(SegmentTest, KindsOfHeadingsAndCells) {
  std::vector<Segment> segments =
      SegmentPage("第一章 总则\n名称\t数量\n本章适用于全部包。", "doc", 1);
  ASSERT_EQ(segments.size(), 4u);
  EXPECT_EQ(segments[0].kind, SegmentKind::kHeading);
  EXPECT_EQ(segments[1].kind, SegmentKind::kTableCell);
  EXPECT_EQ(segments[2].kind, SegmentKind::kTableCell);
  EXPECT_EQ(segments[3].kind, SegmentKind::kSentence);
}

TEST(SegmentTest, WrappedNumberedLineStaysWhole) {
  // Three lines fill the page width (62 columns), so the first continues.
  SegmentOptions options;
  options.full_line_width = -1;
  std::vector<Segment> segments = SegmentPage(
      "1.项目名称：某某市公安局某某分局雪亮工程支网一期二期三期运维服\n"
      "务采购项目\n"
      "2.项目地点：某某省某某市某某区某某街道某某路某某号某某大厦一楼\n"
      "3.项目单位：某某市公安局某某分局某某大队某某中队某某小组某组一\n",
      "doc", 1, options);
  ASSERT_EQ(segments.size(), 3u);
  EXPECT_EQ(segments[0].source,
            "1.项目名称：某某市公安局某某分局雪亮工程支网一期二期三期运维服"
            "务采购项目");
  EXPECT_EQ(segments[1].kind, SegmentKind::kHeading);
  EXPECT_EQ(segments[2].kind, SegmentKind::kHeading);
}

TEST(SegmentTest, GivenLineWidthJoinsWrappedLine) {
  SegmentOptions options;
  options.full_line_width = 20;
  std::vector<Segment> segments =
      SegmentPage("1.项目名称：雪亮工程运维服\n务采购项目\n2.地点：合肥", "doc",
                  1, options);
  ASSERT_EQ(segments.size(), 2u);
  EXPECT_EQ(segments[0].source, "1.项目名称：雪亮工程运维服务采购项目");
  EXPECT_EQ(segments[1].source, "2.地点：合肥");
}

TEST(SegmentTest, SourceJoinsWrappedLines) {
  std::vector<Segment> segments = SegmentPage(
      "本项目采购服务器两台，\n  人脸识别系统一套。\nThe bid bond is\n"
      "due before Friday.",
      "doc", 1);
  ASSERT_EQ(segments.size(), 2u);
  EXPECT_EQ(segments[0].source, "本项目采购服务器两台，人脸识别系统一套。");
  EXPECT_EQ(segments[1].source, "The bid bond is due before Friday.");
}

TEST(SegmentTest, IdHashesPageAndText) {
  std::vector<Segment> segments = SegmentPage("预算金额为50万元。", "d1", 2);
  ASSERT_EQ(segments.size(), 1u);
  EXPECT_EQ(segments[0].id,
            SegmentId("d1", 2, 0, NormalizeText("预算金额为50万元。")));
  EXPECT_EQ(segments[0].id.size(), 16u);
}

TEST(SegmentTest, RepeatedTextGetsDistinctIds) {
  std::vector<Segment> segments = SegmentPage("同上。同上。同上。", "d1", 1);
  ASSERT_EQ(segments.size(), 3u);
  std::set<std::string> ids;
  for (const Segment& segment : segments) ids.insert(segment.id);
  EXPECT_EQ(ids.size(), 3u);
}

TEST(SegmentTest, IdDoesNotDependOnEarlierSegments) {
  std::vector<Segment> alone = SegmentPage("请分别报价。", "d1", 1);
  std::vector<Segment> after = SegmentPage("新增一句。请分别报价。", "d1", 1);
  ASSERT_EQ(alone.size(), 1u);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(alone[0].id, after[1].id);
}

TEST(SegmentTest, IdDependsOnPageAndDocument) {
  std::string a = SegmentPage("请分别报价。", "d1", 1).at(0).id;
  std::string b = SegmentPage("请分别报价。", "d1", 2).at(0).id;
  std::string c = SegmentPage("请分别报价。", "d2", 1).at(0).id;
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
}

TEST(SegmentTest, DocumentSkipsUnreliablePages) {
  Document doc;
  doc.id = "d9";
  Page good;
  good.number = 1;
  good.text = "第一页。";
  Page garbage;
  garbage.number = 2;
  garbage.text = "乱码。";
  garbage.reliable = false;
  Page third;
  third.number = 3;
  third.text = "第三页。";
  doc.pages = {good, garbage, third};
  std::vector<Segment> segments = SegmentDocument(doc);
  ASSERT_EQ(segments.size(), 2u);
  EXPECT_EQ(segments[0].page, 1);
  EXPECT_EQ(segments[1].page, 3);
  EXPECT_EQ(segments[1].doc_id, "d9");
}

TEST(SegmentTest, InvalidUtf8DoesNotCrash) {
  const std::string page = "预算\xff\xfe金额。\xe4\xb8";
  for (const Segment& segment : SegmentPage(page, "doc", 1)) {
    EXPECT_LE(segment.end, page.size());
  }
}

TEST(PinyinTest, TransliteratesNames) {
  EXPECT_EQ(ToPinyin("北京市公安局"), "běi jīng shì gōng ān jú");
  EXPECT_EQ(ToPinyin("ABC公司"), "ABC gōng sī");
}

struct NameCase {
  const char* text;
  const char* expected;  // names found, "|"-joined
};

TEST(FindNamesTest, FindsOrganisationsAndPlaces) {
  const NameCase cases[] = {
      {"采购人：乌鲁木齐市公安局", "乌鲁木齐市公安局"},
      {"本项目由某某市公安局组织采购", "某某市公安局"},
      {"中标供应商为某某科技有限公司。", "某某科技有限公司"},
      {"和田地区人民医院、新疆大学", "和田地区人民医院|新疆大学"},
      {"某某市场监督管理局", "某某市场监督管理局"},
      {"采购视频监控设备", ""},
      {"区域", ""},
  };
  for (const NameCase& c : cases) {
    std::string found;
    for (const NameMention& mention : FindNames(c.text)) {
      if (!found.empty()) found += "|";
      found += mention.name;
    }
    EXPECT_EQ(found, c.expected) << c.text;
  }
}

TEST(FindNamesTest, RangesPointIntoText) {
  const std::string text = "采购人：乌鲁木齐市公安局。";
  std::vector<NameMention> names = FindNames(text);
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(text.substr(names[0].begin, names[0].end - names[0].begin),
            names[0].name);
}

std::string DescribeNotes(const Segment& segment) {
  std::string out;
  for (const SegmentNote& note : segment.notes) {
    out += note.category + ": " + note.text + "\n";
  }
  return out;
}

TEST(SegmentNotesTest, AddsGlossaryAndPinyin) {
  std::vector<Segment> segments =
      SegmentPage("北京市公安局采购舆情监测服务。", "d1", 1);
  LexiconLoadResult lexicon = LoadLexicon();
  AnnotateSegments(&segments, lexicon.lexicon);
  ASSERT_EQ(segments.size(), 1u);
  EXPECT_EQ(DescribeNotes(segments[0]),
            "glossary: 公安局 = Public Security Bureau. City or county "
            "police.\n"
            "glossary: 舆情监测 = public opinion monitoring. Continuous "
            "collection and analysis of online posts for the authorities.\n"
            "pinyin: 北京市公安局: běi jīng shì gōng ān jú\n");
}

TEST(SegmentNotesTest, OptionsTurnNotesOff) {
  std::vector<Segment> segments =
      SegmentPage("北京市公安局采购舆情监测服务。", "d1", 1);
  LexiconLoadResult lexicon = LoadLexicon();
  AnnotateOptions options;
  options.glossary = false;
  AnnotateSegments(&segments, lexicon.lexicon, options);
  ASSERT_EQ(segments.size(), 1u);
  EXPECT_EQ(DescribeNotes(segments[0]),
            "pinyin: 北京市公安局: běi jīng shì gōng ān jú\n");
}

}  // namespace
}  // namespace bidscope
