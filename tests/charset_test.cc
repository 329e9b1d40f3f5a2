// Charset labels, prescans, detection and decoding, on bytes produced
// here with ICU from UTF-8 text.
#include "extract/charset.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>
#include <vector>

namespace bidscope {
namespace {

DecodeOptions Declared(const char* label) {
  DecodeOptions options;
  options.declared_label = label;
  return options;
}

DecodeOptions HtmlMarkup() {
  DecodeOptions options;
  options.markup = DecodeOptions::Markup::kHtml;
  return options;
}

// Encodes UTF-8 `text` with ICU converter `converter`.
std::string Encode(const std::string& text, const char* converter) {
  UErrorCode error = U_ZERO_ERROR;
  std::string out(text.size() * 4 + 16, '\0');
  int32_t length = ucnv_convert(converter, "UTF-8", out.data(),
                                static_cast<int32_t>(out.size()), text.data(),
                                static_cast<int32_t>(text.size()), &error);
  EXPECT_FALSE(U_FAILURE(error)) << u_errorName(error);
  out.resize(length);
  return out;
}

const std::string kSimplified =
    "本项目采购舆情监测服务一套，服务期为一年。预算金额为人民币叁拾贰万元整，"
    "投标人须在截止时间前递交投标文件。联系人：采购科，联系电话见公告。";
const std::string kTraditional =
    "本案採購輿情監測服務一套，服務期為一年。預算金額為新臺幣參拾貳萬元整，"
    "投標廠商應於截止時間前遞交投標文件。聯絡人：採購科，聯絡電話見公告。";

struct LabelCase {
  const char* label;
  const char* encoding;
};

TEST(CharsetTest, MapsWhatwgLabels) {
  const std::vector<LabelCase> cases = {
      {"utf-8", "UTF-8"},           {" UTF8 ", "UTF-8"},
      {"gb2312", "GB18030"},        {"GBK", "GB18030"},
      {"x-gbk", "GB18030"},         {"GB_2312-80", "GB18030"},
      {"chinese", "GB18030"},       {"csgb2312", "GB18030"},
      {"iso-ir-58", "GB18030"},     {"gb18030", "GB18030"},
      {"big5", "Big5-HKSCS"},       {"cn-big5", "Big5-HKSCS"},
      {"x-x-big5", "Big5-HKSCS"},   {"csbig5", "Big5-HKSCS"},
      {"big5-hkscs", "Big5-HKSCS"}, {"shift_jis", "Shift_JIS"},
      {"euc-kr", "EUC-KR"},         {"iso-8859-1", "windows-1252"},
      {"us-ascii", "windows-1252"}, {"utf-16", "UTF-16LE"},
      {"utf-16be", "UTF-16BE"},     {"no-such-charset", ""},
  };
  for (const LabelCase& c : cases) {
    EXPECT_EQ(EncodingForLabel(c.label), c.encoding) << c.label;
  }
}

TEST(CharsetTest, SniffsByteOrderMarks) {
  size_t length = 0;
  EXPECT_EQ(SniffBom("\xEF\xBB\xBFx", &length), "UTF-8");
  EXPECT_EQ(length, 3u);
  EXPECT_EQ(SniffBom("\xFF\xFEx\0", &length), "UTF-16LE");
  EXPECT_EQ(length, 2u);
  EXPECT_EQ(SniffBom("\xFE\xFF\0x", &length), "UTF-16BE");
  EXPECT_EQ(SniffBom("plain", &length), "");
  EXPECT_EQ(length, 0u);
}

struct PrescanCase {
  const char* html;
  const char* label;
};

TEST(CharsetTest, PrescansMetaTolerantly) {
  const std::vector<PrescanCase> cases = {
      {"<meta charset=\"gbk\">", "gbk"},
      {"<META CHARSET=big5>", "big5"},
      {"<meta http-equiv=\"Content-Type\" "
       "content=\"text/html; charset=gb2312\">",
       "gb2312"},
      {"<meta httpequiv=\"ContentType\" content=\"text/html; charset=gbk\" />",
       "gbk"},
      {"<meta content='text/html;charset = utf-8' http-equiv=content-type>",
       "utf-8"},
      {"<!-- <meta charset=\"big5\"> --><meta charset=\"utf-8\">", "utf-8"},
      {"<html><head><title>x</title></head>", ""},
      {"<metadata charset=\"gbk\">", ""},
  };
  for (const PrescanCase& c : cases) {
    EXPECT_EQ(PrescanHtmlCharset(c.html), c.label) << c.html;
  }
}

TEST(CharsetTest, PrescansXmlDeclaration) {
  EXPECT_EQ(PrescanXmlEncoding("<?xml version=\"1.0\" encoding=\"GBK\"?><a/>"),
            "GBK");
  EXPECT_EQ(PrescanXmlEncoding("<?xml version='1.0'?><a/>"), "");
  EXPECT_EQ(PrescanXmlEncoding("<a encoding=\"gbk\"/>"), "");
}

TEST(CharsetTest, DecodesGb18030FourByteAsOneCodePoint) {
  // U+20BB7 is 0x95 0x34 0xB2 0x35 in GB18030.
  std::string bytes = "\x95\x34\xB2\x35\xCF\xAA\xD5\xF2";
  DecodedText decoded = DecodeToUtf8(bytes, Declared("gbk"));
  EXPECT_EQ(decoded.utf8, "\xF0\xA0\xAE\xB7溪镇");
  EXPECT_EQ(decoded.encoding, "GB18030");
  EXPECT_EQ(decoded.invalid_sequences, 0u);
}

TEST(CharsetTest, DecodesGbkOnlyCharactersUnderGb2312Label) {
  std::string bytes = Encode("华堃科技有限公司，李喆，镕城路", "gb18030");
  DecodedText decoded = DecodeToUtf8(bytes, Declared("gb2312"));
  EXPECT_EQ(decoded.utf8, "华堃科技有限公司，李喆，镕城路");
  EXPECT_EQ(decoded.invalid_sequences, 0u);
}

TEST(CharsetTest, BomOverridesDeclaredLabel) {
  std::string bytes = "\xEF\xBB\xBF" + std::string("更正公告");
  DecodedText decoded = DecodeToUtf8(bytes, Declared("gbk"));
  EXPECT_EQ(decoded.utf8, "更正公告");
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.source, EncodingSource::kBom);
}

TEST(CharsetTest, DecodesUtf16WithBom) {
  std::string bytes = "\xFF\xFE" + Encode("招标公告 A", "UTF-16LE");
  DecodedText decoded = DecodeToUtf8(bytes);
  EXPECT_EQ(decoded.utf8, "招标公告 A");
  EXPECT_EQ(decoded.encoding, "UTF-16LE");
}

TEST(CharsetTest, DetectsShortGbkInMostlyAsciiText) {
  std::string bytes = "Project No. ZB-2021-001, budget 320000 CNY.\n" +
                      Encode("联系人：采购科", "gb18030");
  EXPECT_EQ(DetectEncoding(bytes), "GB18030");
  EXPECT_EQ(DecodeToUtf8(bytes).utf8,
            "Project No. ZB-2021-001, budget 320000 CNY.\n联系人：采购科");
}

TEST(CharsetTest, DetectsShortBig5) {
  EXPECT_EQ(DetectEncoding(Encode("政府採購公告", "ibm-1375_P100-2008")),
            "Big5-HKSCS");
}

TEST(CharsetTest, DetectsLongGb18030) {
  EXPECT_EQ(DetectEncoding(Encode(kSimplified + kSimplified, "gb18030")),
            "GB18030");
}

TEST(CharsetTest, DetectsLongBig5) {
  std::string bytes = Encode(kTraditional + kTraditional, "ibm-1375_P100-2008");
  EXPECT_EQ(DetectEncoding(bytes), "Big5-HKSCS");
  EXPECT_EQ(DecodeToUtf8(bytes).utf8, kTraditional + kTraditional);
}

TEST(CharsetTest, ValidUtf8WinsDetection) {
  EXPECT_EQ(DetectEncoding("第十一号公告"), "UTF-8");
  EXPECT_EQ(DetectEncoding("ascii only"), "UTF-8");
}

TEST(CharsetTest, ValidMetaUtf8IsNotOverridden) {
  std::string html = "<meta charset=\"UTF-8\"><title>第十一号公告</title>";
  DecodedText decoded = DecodeToUtf8(html, HtmlMarkup());
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.source, EncodingSource::kMarkup);
  EXPECT_EQ(decoded.utf8, html);
}

TEST(CharsetTest, ContradictedLabelFallsBackToDetection) {
  std::string html =
      "<meta charset=\"utf-8\"><p>" + Encode(kSimplified, "gb18030");
  DecodedText decoded = DecodeToUtf8(html, HtmlMarkup());
  EXPECT_EQ(decoded.encoding, "GB18030");
  EXPECT_EQ(decoded.utf8, "<meta charset=\"utf-8\"><p>" + kSimplified);
  EXPECT_EQ(decoded.invalid_sequences, 0u);
  EXPECT_FALSE(decoded.note.empty());
}

// Labels that decode the bytes without an invalid sequence, but into
// mojibake or rare characters.
TEST(CharsetTest, ImplausibleLabelFallsBackToDetection) {
  struct Case {
    const char* label;
    std::string bytes;
    std::string text;
    const char* encoding;
  };
  const Case kCases[] = {
      {"iso-8859-1", Encode(kSimplified, "gb18030"), kSimplified, "GB18030"},
      {"windows-1252", Encode(kSimplified, "gb18030"), kSimplified, "GB18030"},
      {"iso-8859-1", kSimplified, kSimplified, "UTF-8"},
      {"windows-1252",
       "Marché public: équipement de sécurité, accès réservé, délai à préciser",
       "Marché public: équipement de sécurité, accès réservé, délai à préciser",
       "UTF-8"},
      {"gb2312", Encode(kTraditional, "ibm-1375_P100-2008"), kTraditional,
       "Big5-HKSCS"},
      {"big5", Encode(kSimplified, "gb18030"), kSimplified, "GB18030"},
  };
  for (const Case& c : kCases) {
    std::string html = std::string("<meta charset=\"") + c.label + "\"><p>";
    DecodedText decoded = DecodeToUtf8(html + c.bytes, HtmlMarkup());
    EXPECT_EQ(decoded.encoding, c.encoding) << c.label;
    EXPECT_EQ(decoded.utf8, html + c.text) << c.label;
    EXPECT_NE(decoded.note.find("does not fit the bytes"), std::string::npos)
        << c.label;
  }
}

// Western text keeps its single-byte label: its accented letters stand
// alone between ASCII letters, although many byte pairs of it are valid
// GBK.
TEST(CharsetTest, PlausibleSingleByteLabelStands) {
  std::string french = Encode(
      "Marché public de fournitures: équipement de sécurité, accès réservé, "
      "délai d'exécution à préciser, critères d'attribution détaillés.",
      "ISO-8859-1");
  std::string html = "<meta charset=\"iso-8859-1\"><p>" + french;
  DecodedText decoded = DecodeToUtf8(html, HtmlMarkup());
  EXPECT_EQ(decoded.encoding, "windows-1252");
  EXPECT_TRUE(decoded.note.empty()) << decoded.note;
}

// European text in GBK's Latin rows (á, é, ó, ü in row A8) scores low as
// Chinese under either table, and keeps its GBK label.
TEST(CharsetTest, GbkLatinLettersKeepTheirLabel) {
  std::string text;
  for (int i = 0; i < 8; ++i) {
    text +=
        "Hólapátolási szolgáltatások, limpieza pública, Dúnmore, "
        "Müller, académico. ";
  }
  std::string html = "<meta charset=\"gb2312\"><p>";
  DecodedText decoded =
      DecodeToUtf8(html + Encode(text, "gb18030"), HtmlMarkup());
  EXPECT_EQ(decoded.encoding, "GB18030");
  EXPECT_EQ(decoded.utf8, html + text);
  EXPECT_TRUE(decoded.note.empty()) << decoded.note;
}

TEST(CharsetTest, CountsInvalidSequences) {
  size_t invalid = 0;
  std::string text = ConvertToUtf8(
      "a\xFF"
      "b",
      "UTF-8", &invalid);
  EXPECT_EQ(text,
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(invalid, 1u);
}

TEST(CharsetTest, RejectsUnknownConverter) {
  EXPECT_THROW(ConvertToUtf8("x", "no-such-converter"), std::invalid_argument);
}

TEST(CharsetTest, ValidatesUtf8) {
  EXPECT_TRUE(IsValidUtf8("招标 abc \xF0\xA0\xAE\xB7"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xD5\xD0\xB1\xEA"));  // GBK bytes
}

}  // namespace
}  // namespace bidscope
