// Reading order of PDF pages: columns, tables, vertical and letter-spaced
// text, on the shared cases and on synthetic word boxes.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/formats.h"
#include "extract/layout.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

std::string PageText(const std::string& relative_path) {
  std::string bytes = testing::ReadFile(testing::SharedDir() / relative_path);
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  Document doc = ExtractPdf(bytes, options);
  if (doc.pages.empty()) return "";
  return doc.pages.front().text;
}

constexpr char kTable[] = "cases/C05-pdf-reading-order/table.pdf";
constexpr char kTwoColumn[] = "cases/C05-pdf-reading-order/two-column.pdf";
constexpr char kVertical[] = "cases/C05-pdf-reading-order/vertical.pdf";
constexpr char kLetterSpaced[] =
    "cases/C04-whitespace-inside-han-runs/letter-spaced.pdf";
constexpr char kWrapped[] =
    "cases/C04-whitespace-inside-han-runs/wrapped-paragraph.pdf";

TEST(PdfLayoutTest, TableRowsStayTogether) {
  BIDSCOPE_REQUIRE_SHARED();
  EXPECT_EQ(PageText(kTable),
            "序号 | 货物名称 | 数量 | 单价（元）\n"
            "1 | 舆情监测软件 | 1套 | 280000\n"
            "2 | 服务器 | 2台 | 50000\n"
            "3 | 交换机 | 5台 | 8000");
}

TEST(PdfLayoutTest, TwoColumnsReadLeftThenRight) {
  BIDSCOPE_REQUIRE_SHARED();
  EXPECT_EQ(PageText(kTwoColumn),
            "本项目采购舆情监测\n服务一套，服务期为\n一年。\n"
            "投标截止时间为北京\n时间2021年12月31日\n上午9时30分。");
}

TEST(PdfLayoutTest, VerticalTextReadsTopToBottom) {
  BIDSCOPE_REQUIRE_SHARED();
  EXPECT_EQ(PageText(kVertical),
            "关于采购舆情监测服务\n的公告请各投标人知悉\n截止日期另行通知。");
}

TEST(PdfLayoutTest, LetterSpacedHanHasNoSpaces) {
  BIDSCOPE_REQUIRE_SHARED();
  EXPECT_EQ(PageText(kLetterSpaced),
            "招标公告\n本项目采购舆情监测服务一套，\n"
            "预算金额为人民币叁拾贰万元整。\n"
            "Project No.: ZB-2021-001 Contact: Purchasing Office");
}

TEST(PdfLayoutTest, WrappedParagraphKeepsLineOrder) {
  BIDSCOPE_REQUIRE_SHARED();
  EXPECT_EQ(PageText(kWrapped),
            "本项目采购舆情监测\n服务一套，服务期为\n一年。");
}

LayoutBox Box(std::string text, double left, double top, double width,
              double size = 10, bool space_after = false) {
  return {std::move(text), left, top,        left + width,
          top + size,      size, space_after};
}

TEST(PdfLayoutTest, EmptyPageGivesEmptyText) {
  EXPECT_EQ(LayoutPageText({}), "");
}

TEST(PdfLayoutTest, LatinWordsJoinWithSpaces) {
  std::vector<LayoutBox> boxes = {
      Box("Bidders", 50, 100, 35, 10, true), Box("must", 88, 100, 20, 10, true),
      Box("submit", 111, 100, 30), Box("proposals.", 50, 114, 45)};
  EXPECT_EQ(LayoutPageText(boxes), "Bidders must submit\nproposals.");
}

TEST(PdfLayoutTest, KeyValueRowsBecomeCells) {
  std::vector<LayoutBox> boxes = {
      Box("项目名称", 50, 100, 40), Box("视频监控运维服务", 200, 100, 80),
      Box("预算金额", 50, 120, 40), Box("320000元", 200, 120, 45)};
  EXPECT_EQ(LayoutPageText(boxes),
            "项目名称 | 视频监控运维服务\n预算金额 | 320000元");
}

TEST(PdfLayoutTest, TitleAboveColumnsComesFirst) {
  std::vector<LayoutBox> boxes = {Box("招标公告标题", 150, 50, 120, 20),
                                  Box("左栏第一行文字内容", 50, 100, 90),
                                  Box("左栏第二行文字内容", 50, 113, 90),
                                  Box("右栏第一行文字内容", 300, 100, 90),
                                  Box("右栏第二行文字内容", 300, 113, 90)};
  EXPECT_EQ(LayoutPageText(boxes),
            "招标公告标题\n左栏第一行文字内容\n左栏第二行文字内容\n"
            "右栏第一行文字内容\n右栏第二行文字内容");
}

// Letter-spaced names in a table stack like vertical text, but each row
// goes on with a telephone number, so the rows are read across.
TEST(PdfLayoutTest, LetterSpacedTableNamesStayInRows) {
  std::vector<LayoutBox> boxes = {Box("李", 100, 100, 10, 10, true),
                                  Box("浩18691230007", 122, 100, 70),
                                  Box("马", 100, 115, 10, 10, true),
                                  Box("烨15596100007", 122, 115, 70),
                                  Box("朱", 100, 130, 10, 10, true),
                                  Box("君13991234567", 122, 130, 70),
                                  Box("名", 100, 160, 10, 10, true),
                                  Box("称：合肥市政府采购中心", 122, 160, 110),
                                  Box("地", 100, 175, 10, 10, true),
                                  Box("址：合肥市滨湖新区", 122, 175, 90)};
  EXPECT_EQ(LayoutPageText(boxes),
            "李浩18691230007\n马烨15596100007\n朱君13991234567\n"
            "名称：合肥市政府采购中心\n地址：合肥市滨湖新区");
}

TEST(PdfLayoutTest, WideLetterSpacingStaysOneLine) {
  std::vector<LayoutBox> boxes = {
      Box("招", 100, 50, 20, 20, true), Box("标", 160, 50, 20, 20, true),
      Box("公", 220, 50, 20, 20, true), Box("告", 280, 50, 20, 20)};
  EXPECT_EQ(LayoutPageText(boxes), "招标公告");
}

}  // namespace
}  // namespace bidscope
