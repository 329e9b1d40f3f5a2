// Text-layer quality: garbage from fonts without a Unicode mapping versus
// real text, including text mapped through predefined CJK CMaps.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/formats.h"
#include "extract/text_quality.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

constexpr char kC01Dir[] = "cases/C01-pdf-cid-predefined-cmap";
constexpr char kC02Dir[] = "cases/C02-pdf-subset-font-no-tounicode";

Document ExtractShared(const std::string& relative_path, OcrMode mode) {
  ExtractOptions options;
  options.ocr = mode;
  return ExtractPdf(testing::ReadFile(testing::SharedDir() / relative_path),
                    options);
}

struct ShareCase {
  const char* text;
  double share;
};

TEST(TextQualityTest, ScoresCharacters) {
  const ShareCase kCases[] = {
      {"关于采购舆情监测服务的招标公告", 1.0},
      {"Project No.: ZB-2021-001", 1.0},
      {"预算金额：３２００００元", 1.0},
      {"", 1.0},
      {"\xEF\xBF\xBD\xEF\xBF\xBD", 0.0},              // U+FFFD
      {"\xEE\x80\x80\xEE\x80\x81", 0.0},              // private use
      {"\xE1\x86\xBF\xE1\x92\xBC\xE4\x90\xA5", 0.0},  // jamo, syllabics, Ext A
      {"采购\xEE\x80\x80\xEE\x80\x81", 0.5},
  };
  for (const ShareCase& test_case : kCases) {
    EXPECT_DOUBLE_EQ(PlausibleCharacterShare(test_case.text), test_case.share)
        << test_case.text;
  }
}

TEST(TextQualityTest, RecognisesCjkFontNames) {
  EXPECT_TRUE(IsCjkFontName("AAAAAA+WenQuanYiZenHei-0"));
  EXPECT_TRUE(IsCjkFontName("BGAKHE+宋体-GBK-EUC-H"));
  EXPECT_TRUE(IsCjkFontName("SimSun"));
  EXPECT_TRUE(IsCjkFontName("#CB#CE#CC#E5"));
  EXPECT_FALSE(IsCjkFontName("BGALAC+TimesNewRomanPSMT"));
  EXPECT_FALSE(IsCjkFontName("ArialMT"));
}

TEST(TextQualityTest, WinAnsiGarbageInCjkFontIsUnreliable) {
  std::vector<TextRun> runs = {{"€•‚ƒ„…†‡ˆ‰Š", "AAAAAA+WenQuanYiZenHei-0"},
                               {"‹Œ•Ž„450000•", "AAAAAA+WenQuanYiZenHei-0"}};
  TextQuality quality = AssessTextQuality(runs);
  EXPECT_FALSE(quality.reliable);
  EXPECT_LT(quality.score, 0.5);
  ASSERT_EQ(quality.warnings.size(), 1u);
  EXPECT_EQ(quality.warnings[0],
            "text layer unreliable: font AAAAAA+WenQuanYiZenHei-0 has no "
            "Unicode mapping");
}

TEST(TextQualityTest, QuotesBesideHanAreFine) {
  std::vector<TextRun> runs = {{"“舆情监测”服务…", "SimSun"},
                               {"—", "SimSun"},
                               {"Budget: 320,000", "ArialMT"}};
  TextQuality quality = AssessTextQuality(runs);
  EXPECT_TRUE(quality.reliable);
  EXPECT_TRUE(quality.warnings.empty());
}

TEST(TextQualityTest, DashFooterIsReliable) {
  std::vector<TextRun> runs = {
      {"—", "LNUHNF+SimSun"}, {"1", "LNUHNF+SimSun"}, {"—", "LNUHNF+SimSun"}};
  TextQuality quality = AssessTextQuality(runs);
  EXPECT_TRUE(quality.reliable);
  EXPECT_TRUE(quality.warnings.empty());
}

TEST(TextQualityTest, SmallGarbageFontOnlyWarns) {
  std::vector<TextRun> runs = {
      {"本项目采购舆情监测服务一套，服务期为一年。投标截止时间另行通知。",
       "SimSun"},
      {"•••", "AAAAAA+SymbolCJK"}};
  TextQuality quality = AssessTextQuality(runs);
  EXPECT_TRUE(quality.reliable);
  ASSERT_EQ(quality.warnings.size(), 1u);
  EXPECT_EQ(quality.warnings[0],
            "font AAAAAA+SymbolCJK has no Unicode mapping; its characters "
            "may be wrong");
}

TEST(TextQualityTest, GarbagePageIsNotIndexedWithoutOcr) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc = ExtractShared(std::string(kC02Dir) + "/no-tounicode.pdf",
                               OcrMode::kNever);
  ASSERT_EQ(doc.pages.size(), 1u);
  const Page& page = doc.pages[0];
  EXPECT_FALSE(page.reliable);
  EXPECT_EQ(page.text, "");
  EXPECT_EQ(TextOriginName(page.origin), TextOriginName(TextOrigin::kNone));
  EXPECT_LT(page.quality, 0.5);
  ASSERT_EQ(page.warnings.size(), 1u);
  EXPECT_EQ(page.warnings[0],
            "text layer unreliable: font AAAAAA+WenQuanYiZenHei-0 has no "
            "Unicode mapping");
}

TEST(TextQualityTest, ToUnicodeControlIsReliable) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc = ExtractShared(std::string(kC02Dir) + "/with-tounicode.pdf",
                               OcrMode::kNever);
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_TRUE(doc.pages[0].reliable);
  EXPECT_DOUBLE_EQ(doc.pages[0].quality, 1.0);
  EXPECT_EQ(doc.pages[0].text, "采购需求：舆情监测服务\n最高限价：450000元");
}

struct CmapCase {
  const char* file;
  const char* text;
};

TEST(TextQualityTest, PredefinedCmapsExtract) {
  BIDSCOPE_REQUIRE_SHARED();
  const CmapCase kCases[] = {
      {"gbk-euc-h_no-tounicode.pdf",
       "关于采购舆情监测服务的招标公告\n预算金额：３２００００元\n"
       "采购人：示例市财政局"},
      {"unigb-ucs2-h_no-tounicode.pdf",
       "关于采购舆情监测服务的招标公告\n预算金额：320000元\n"
       "采购人：示例市财政局"},
  };
  for (const CmapCase& test_case : kCases) {
    Document doc = ExtractShared(std::string(kC01Dir) + "/" + test_case.file,
                                 OcrMode::kAuto);
    ASSERT_EQ(doc.pages.size(), 1u) << test_case.file;
    EXPECT_EQ(doc.pages[0].text, test_case.text) << test_case.file;
    EXPECT_TRUE(doc.pages[0].reliable) << test_case.file;
    EXPECT_EQ(TextOriginName(doc.pages[0].origin),
              TextOriginName(TextOrigin::kTextLayer))
        << test_case.file;
  }
}

}  // namespace
}  // namespace bidscope
