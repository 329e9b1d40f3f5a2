// ExtractRtf and the RTF reader on hand-written Chinese RTF: GBK bytes in a
// charset 134 font, \uN escapes with fallbacks, destinations to skip.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "extract/extract.h"
#include "extract/formats.h"
#include "extract/rtf_reader.h"

namespace bidscope {
namespace {

// Wraps a body in the header of a document whose code page is 1252 and
// whose font 1 is a GB2312 (charset 134) font.
std::string Rtf1252(const std::string& body) {
  return "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 "
         "Times New Roman;}{\\f1\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}" +
         body + "}";
}

TEST(RtfReaderTest, DecodesText) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      // \'hh bytes in the charset 134 font are GBK even in a 1252 document.
      {Rtf1252("\\f1 \\'d5\\'d0\\'b1\\'ea\\'b9\\'ab\\'b8\\'e6\\f0 Budget\\par"),
       "招标公告Budget\n"},
      // The same bytes in the default font are CP1252.
      {Rtf1252("caf\\'e9\\par"), "café\n"},
      // One fallback character after each \uN is skipped under \uc1.
      {Rtf1252("\\uc1\\u33286?\\u24773?\\u30417?\\u27979?\\par"), "舆情监测\n"},
      // Two fallback bytes under \uc2.
      {Rtf1252("\\uc2\\u26381\\'b7\\'fe\\u21153\\'ce\\'f1\\par"), "服务\n"},
      // \uc0 means no fallback.
      {Rtf1252("\\uc0\\u20844 x"), "公x"},
      // \uc is scoped to its group.
      {Rtf1252("{\\uc2\\u20844\\'b9\\'ab}\\u21578?"), "公告"},
      // Negative \uN and a surrogate pair (U+20BB7).
      {Rtf1252("\\u-10174?\\u-8265?\\u28330?\\u-27321?"), "𠮷溪镇"},
      // Escapes, tabs, cells and special characters.
      {Rtf1252("a\\{b\\}c\\\\d\\tab e\\cell f\\line g\\~h\\emdash\\-i"),
       "a{b}c\\d\te\tf\ng\u00A0h\u2014i"},
      // Optional destinations, pictures, field instructions are skipped.
      {Rtf1252("{\\*\\generator WPS;}{\\pict\\pngblip 89504e47}"
               "{\\field{\\*\\fldinst HYPERLINK \"x\"}{\\fldrslt "
               "\\u38142?\\u25509?}}"),
       "链接"},
      // \upr keeps the Unicode \ud form and drops the ANSI one.
      {Rtf1252("{\\upr{\\f1 \\'d5\\'d0}{\\*\\ud{\\u25307?}}}"), "招"},
      // \binN skips raw bytes, even braces among them.
      {Rtf1252("x\\bin4 {}\\}y"), "xy"},
      // Line breaks in the source are not text.
      {Rtf1252("ab\r\ncd"), "abcd"},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(ReadRtf(input, 1 << 20).text, expected) << input;
  }
}

TEST(RtfReaderTest, UsesAnsiCodepage936) {
  std::string rtf =
      "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset1 "
      "SimSun;}}\\f0 \\'ca\\'d3\\'c6\\'b5\\'bc\\'e0\\'bf\\'d8\\par}";
  EXPECT_EQ(ReadRtf(rtf, 1 << 20).text, "视频监控\n");
}

TEST(RtfReaderTest, ReadsInfoGroup) {
  std::string rtf = Rtf1252(
      "{\\info{\\title \\u25307?\\u26631?\\u20844?\\u21578?}"
      "{\\author \\u24352?\\u19977?}{\\operator nobody}"
      "{\\creatim\\yr2022\\mo1\\dy5\\hr9\\min30}{\\*\\company X}}"
      "\\f1 \\'d5\\'fd\\'ce\\'c4");
  RtfContent content = ReadRtf(rtf, 1 << 20);

  EXPECT_EQ(content.title, "招标公告");
  EXPECT_EQ(content.author, "张三");
  EXPECT_EQ(content.created, "2022-01-05T09:30:00");
  EXPECT_EQ(content.text, "正文");
}

TEST(RtfReaderTest, ToleratesBrokenInput) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{\\rtf1 abc", "abc"},
      {"{\\rtf1 a}}}b}", "ab"},
      {"{\\rtf1 \\'zz\\'4", ""},
      {"{\\rtf1 \\u", ""},
      {"{\\rtf1 \\u-99999999999999999999?x}", "x"},
      {"{\\rtf1 \\u0?\\u7?x}", "x"},
      {"{\\rtf1 \\'zzok", "ok"},
      {std::string("{\\rtf1 ") + std::string(5000, '{') + "deep", "deep"},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(ReadRtf(input, 1 << 20).text, expected) << input.substr(0, 40);
  }
}

TEST(RtfReaderTest, SurvivesEveryTruncation) {
  std::string rtf = Rtf1252(
      "{\\info{\\title \\u20844?}}\\f1 \\'d5\\'d0\\uc2\\u26381\\'b7\\'fe"
      "{\\*\\generator x;}\\bin3 abc\\par");
  for (size_t length = 0; length <= rtf.size(); ++length) {
    RtfContent content = ReadRtf(rtf.substr(0, length), 1 << 20);
    EXPECT_EQ(content.text.find('\0'), std::string::npos) << length;
  }
  EXPECT_EQ(ReadRtf(rtf, 1 << 20).text, "招服\n");
}

TEST(RtfReaderTest, CutsTextAtLimit) {
  RtfContent content = ReadRtf(Rtf1252("0123456789abcdef"), 10);

  EXPECT_EQ(content.text, "0123456789");
  ASSERT_EQ(content.warnings.size(), 1u);
  EXPECT_EQ(content.warnings[0], "text cut at 10 bytes");
}

TEST(RtfExtractTest, ExtractsThroughDispatcher) {
  std::string rtf = Rtf1252(
      "{\\info{\\title \\u20844?\\u21578?}}\\f1 "
      "\\'d3\\'df\\'c7\\'e9\\'bc\\'e0\\'b2\\'e2\\par");
  std::vector<Document> docs =
      ExtractBytes(rtf, "notice.rtf", ExtractOptions{});

  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].format, Format::kRtf);
  EXPECT_EQ(docs[0].status, ExtractStatus::kOk);
  EXPECT_EQ(docs[0].metadata.title, "公告");
  ASSERT_EQ(docs[0].pages.size(), 1u);
  EXPECT_EQ(docs[0].pages[0].text, "舆情监测\n");
  EXPECT_EQ(docs[0].pages[0].origin, TextOrigin::kMarkup);
}

}  // namespace
}  // namespace bidscope
