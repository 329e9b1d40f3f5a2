// ExtractText and ExtractXml on text written here and on the shared
// corpus.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>
#include <vector>

#include "extract/formats.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

using ::bidscope::testing::ReadFile;
using ::bidscope::testing::SharedDir;

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

const std::string kNotice = "招标公告\n本项目采购舆情监测服务一套。\n";

struct TextCase {
  const char* name;
  std::string bytes;
  const char* text;
  const char* encoding;
};

TEST(TextTest, DecodesEncodings) {
  const std::vector<TextCase> cases = {
      {"utf-8", kNotice, "招标公告\n本项目采购舆情监测服务一套。\n", "UTF-8"},
      {"utf-8 bom", "\xEF\xBB\xBF" + kNotice,
       "招标公告\n本项目采购舆情监测服务一套。\n", "UTF-8"},
      {"utf-16le bom", "\xFF\xFE" + Encode(kNotice, "UTF-16LE"),
       "招标公告\n本项目采购舆情监测服务一套。\n", "UTF-16LE"},
      {"utf-16be bom", "\xFE\xFF" + Encode(kNotice, "UTF-16BE"),
       "招标公告\n本项目采购舆情监测服务一套。\n", "UTF-16BE"},
      {"gb18030", Encode(kNotice, "gb18030"),
       "招标公告\n本项目采购舆情监测服务一套。\n", "GB18030"},
      {"big5",
       Encode("政府採購公告\n本案採購輿情監測服務。\n", "ibm-1375_P100-2008"),
       "政府採購公告\n本案採購輿情監測服務。\n", "Big5-HKSCS"},
      {"crlf", "第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行", "UTF-8"},
  };
  for (const TextCase& c : cases) {
    Document doc = ExtractText(c.bytes, {});
    EXPECT_EQ(doc.status, ExtractStatus::kOk) << c.name;
    ASSERT_EQ(doc.pages.size(), 1u) << c.name;
    EXPECT_EQ(doc.pages[0].text, c.text) << c.name;
    EXPECT_EQ(doc.metadata.encoding, c.encoding) << c.name;
    EXPECT_EQ(doc.pages[0].origin, TextOrigin::kPlain) << c.name;
  }
}

TEST(TextTest, WarnsAboutInvalidSequences) {
  // UTF-8 text with one stray byte: still UTF-8, with a warning.
  Document doc = ExtractText(kNotice + kNotice + "\xFF" + kNotice, {});
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.metadata.encoding, "UTF-8");
  EXPECT_EQ(doc.pages[0].text, kNotice + kNotice + "\xEF\xBF\xBD" + kNotice);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0],
            "1 invalid byte sequences in UTF-8 replaced with U+FFFD");
}

TEST(TextTest, DropsNulBytes) {
  std::string bytes = kNotice + std::string(1, '\0') + kNotice;
  Document doc = ExtractText(bytes, {});
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.status, ExtractStatus::kOk);
  EXPECT_EQ(doc.pages[0].text, kNotice + kNotice);
  EXPECT_EQ(doc.warnings, std::vector<std::string>{"1 NUL byte dropped"});
}

TEST(TextTest, WhitespaceAloneIsEmpty) {
  for (const char* bytes : {"\xEF\xBB\xBF", " \n\t\r\n", "\xEF\xBB\xBF\n\n"}) {
    Document doc = ExtractText(bytes, {});
    EXPECT_EQ(doc.status, ExtractStatus::kEmpty) << bytes;
    EXPECT_EQ(doc.error, "empty file: only whitespace") << bytes;
  }
}

TEST(TextTest, RoutesXmlToExtractXml) {
  Document doc = ExtractText(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NOTICE><TITLE><P>Supply "
      "of <B>CCTV</B> cameras</P></TITLE><VALUE>320000</VALUE>"
      "<EMPTY/></NOTICE>",
      {});
  EXPECT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].text, "Supply of CCTV cameras\n320000");
  EXPECT_EQ(doc.pages[0].origin, TextOrigin::kMarkup);
}

TEST(TextTest, DecodesXmlDeclaredGbk) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"GBK\"?><a>" +
                    Encode("招标公告", "gb18030") + "</a>";
  Document doc = ExtractXml(xml, {});
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].text, "招标公告");
  EXPECT_EQ(doc.metadata.encoding, "GB18030");
}

TEST(TextTest, KeepsTextOfDamagedXml) {
  Document doc = ExtractXml("<?xml version=\"1.0\"?><a><b>保留</b><c>", {});
  EXPECT_EQ(doc.status, ExtractStatus::kOk);
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].text, "保留");
  EXPECT_FALSE(doc.warnings.empty());
}

TEST(TextTest, DoesNotExpandEntities) {
  Document doc = ExtractXml(
      "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"expanded\">]>"
      "<a>x&e;y</a>",
      {});
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].text.find("expanded"), std::string::npos);
}

TEST(TextTest, ReadsGb18030CorpusFile) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc =
      ExtractText(ReadFile(SharedDir() / "corpus" / "Yvonnelyl__zhaobiaoCral" /
                           "push__fenci__分词.txt"),
                  {});
  EXPECT_EQ(doc.metadata.encoding, "GB18030");
  ASSERT_EQ(doc.pages.size(), 1u);
  const std::string& text = doc.pages[0].text;
  EXPECT_NE(text.find("执法记录仪"), std::string::npos);
  EXPECT_NE(text.find("家族排查"), std::string::npos);
  EXPECT_EQ(text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_TRUE(doc.warnings.empty());
}

struct CorpusCase {
  const char* path;
  const char* phrase;
};

TEST(TextTest, ReadsUtf8CorpusFiles) {
  BIDSCOPE_REQUIRE_SHARED();
  const std::vector<CorpusCase> cases = {
      {"18F__bpa-DOL-WHD-14-c/solicitation_documents__RFQ.md",
       "Request for Quot"},
      {"18F__bpa-DOL-WHD-14-c/first_order__Attachment1_PWS.md",
       "PERFORMANCE WORK STATEMENT"},
      {"charlotty2026__bid-toolkit/rfp__laws__财政部87号令.txt",
       "政府采购货物和服务招标投标管理办法"},
      {"charlotty2026__bid-toolkit/rfp__samples__北大图书馆_货物服务类.txt",
       "北京大学"},
      {"charlotty2026__bid-toolkit/rfp__samples__广州建设工程_工程类.txt",
       "招标"},
      {"charlotty2026__bid-toolkit/rfp__samples__浙江政府采购_服务类.txt",
       "政府采购"},
  };
  for (const CorpusCase& c : cases) {
    Document doc = ExtractText(ReadFile(SharedDir() / "corpus" / c.path), {});
    EXPECT_EQ(doc.status, ExtractStatus::kOk) << c.path;
    EXPECT_EQ(doc.metadata.encoding, "UTF-8") << c.path;
    ASSERT_EQ(doc.pages.size(), 1u) << c.path;
    EXPECT_NE(doc.pages[0].text.find(c.phrase), std::string::npos) << c.path;
    EXPECT_EQ(doc.pages[0].text.find("\xEF\xBF\xBD"), std::string::npos)
        << c.path;
  }
}

TEST(TextTest, ReadsCorpusXml) {
  BIDSCOPE_REQUIRE_SHARED();
  for (const char* path :
       {"OP-TED__ted-xml-data-converter/development-notices__ted-xml__"
        "20-156983-001-EXP.xml",
        "OP-TED__ted-xml-data-converter/development-notices__ted-xml__"
        "20-157399-001-EXP.xml"}) {
    Document doc = ExtractText(ReadFile(SharedDir() / "corpus" / path), {});
    EXPECT_EQ(doc.status, ExtractStatus::kOk) << path << ": " << doc.error;
    ASSERT_EQ(doc.pages.size(), 1u) << path;
    EXPECT_GT(doc.pages[0].text.size(), 500u) << path;
    EXPECT_EQ(doc.pages[0].text.find('<'), std::string::npos) << path;
  }
}

}  // namespace
}  // namespace bidscope
