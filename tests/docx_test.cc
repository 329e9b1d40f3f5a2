// ExtractDocx on packages written here with libzip, one per feature, and
// on the DOCX files of the shared corpus.
#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <string>
#include <vector>

#include "extract/formats.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

using ::bidscope::testing::ReadFile;
using ::bidscope::testing::SharedDir;
using ::bidscope::testing::TempDir;

using Parts = std::map<std::string, std::string>;

constexpr char kNamespaces[] =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/"
    "wordprocessingDrawing\" "
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
    "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/"
    "wordprocessingShape\" "
    "xmlns:v=\"urn:schemas-microsoft-com:vml\"";

constexpr char kPackageRels[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
    "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\""
    " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
    "package/2006/relationships/metadata/core-properties\" "
    "Target=\"docProps/core.xml\"/></Relationships>";

std::string WordPart(const std::string& root, const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:" + root + " " +
         kNamespaces + ">" + body + "</w:" + root + ">";
}

std::string DocumentXml(const std::string& body) {
  return WordPart("document", "<w:body>" + body + "</w:body>");
}

std::string Para(const std::string& text) {
  return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

// Writes `parts` as a ZIP with libzip (deflated) and returns its bytes.
std::string WriteZip(const Parts& parts) {
  TempDir dir;
  std::string path = (dir.path() / "test.docx").string();
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr) << "zip_open failed: " << error;
  if (archive == nullptr) return "";
  for (const auto& [name, data] : parts) {
    zip_source_t* source =
        zip_source_buffer(archive, data.data(), data.size(), 0);
    EXPECT_GE(zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8), 0)
        << zip_strerror(archive);
  }
  EXPECT_EQ(zip_close(archive), 0);
  return ReadFile(path);
}

Parts MinimalPackage(const std::string& document_xml) {
  return {{"_rels/.rels", kPackageRels}, {"word/document.xml", document_xml}};
}

std::string BodyText(const std::string& body) {
  Document doc = ExtractDocx(WriteZip(MinimalPackage(DocumentXml(body))), {});
  EXPECT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  std::string text;
  for (const Page& page : doc.pages) {
    if (!text.empty()) text += "\f";
    text += page.text;
  }
  return text;
}

struct BodyCase {
  const char* name;
  std::string body;
  const char* text;
};

TEST(DocxTest, RendersBodyFeatures) {
  const std::string text_box =
      "<w:txbxContent>" + Para("文本框") + "</w:txbxContent>";
  const std::vector<BodyCase> cases = {
      {"paragraphs", Para("甲") + Para("乙"), "甲\n乙"},
      {"runs join",
       "<w:p><w:r><w:t>中标</w:t></w:r><w:r><w:t xml:space=\"preserve\">金额 "
       "</w:t></w:r><w:r><w:t>298000元</w:t></w:r></w:p>",
       "中标金额 298000元"},
      {"tab and break",
       "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t>"
       "</w:r></w:p>",
       "a\tb\nc"},
      {"table rows",
       "<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc>" + Para("名称") +
           "</w:tc><w:tc>" + Para("数量") + "</w:tc></w:tr><w:tr><w:tc>" +
           Para("电脑") + "</w:tc><w:tc>" + Para("10") +
           "</w:tc></w:tr></w:tbl>",
       "名称 | 数量\n电脑 | 10"},
      {"nested table",
       "<w:tbl><w:tr><w:tc>" + Para("外") + "</w:tc><w:tc><w:tbl><w:tr><w:tc>" +
           Para("内1") + "</w:tc><w:tc>" + Para("内2") +
           "</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
       "外 | 内1 | 内2"},
      {"tracked changes",
       "<w:p><w:ins><w:r><w:t>新</w:t></w:r></w:ins><w:del><w:r><w:delText>"
       "旧</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>移走</w:t></w:r>"
       "</w:moveFrom><w:moveTo><w:r><w:t>移入</w:t></w:r></w:moveTo></w:p>",
       "新移入"},
      {"complex field result",
       "<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/>"
       "</w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar "
       "w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r><w:r>"
       "<w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>页</w:t></w:r></w:p>",
       "第3页"},
      {"field without separate",
       "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:t>"
       "指令</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r>"
       "<w:t>正文</w:t></w:r></w:p>",
       "正文"},
      {"simple field",
       "<w:p><w:fldSimple w:instr=\" DATE \"><w:r><w:t>2022-01-05</w:t></w:r>"
       "</w:fldSimple></w:p>",
       "2022-01-05"},
      {"content control",
       "<w:sdt><w:sdtPr><w:alias w:val=\"项目\"/></w:sdtPr><w:sdtContent>" +
           Para("内容控件") + "</w:sdtContent></w:sdt>",
       "内容控件"},
      {"text box once",
       "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
       "<wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>" +
           text_box +
           "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
           "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>" +
           text_box +
           "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
           "</w:r></w:p>",
       "文本框"},
      {"fallback alone",
       "<w:p><w:r><mc:AlternateContent><mc:Fallback><w:pict><v:shape>"
       "<v:textbox>" +
           text_box +
           "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
           "</w:r></w:p>",
       "文本框"},
      {"page breaks counted once",
       Para("一") + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p><w:p><w:r>"
                    "<w:lastRenderedPageBreak/><w:t>二</w:t></w:r></w:p>",
       "一\f二"},
  };
  for (const BodyCase& c : cases) {
    EXPECT_EQ(BodyText(c.body), c.text) << c.name;
  }
}

TEST(DocxTest, NumbersPagesAtBreaks) {
  Document doc = ExtractDocx(
      WriteZip(MinimalPackage(DocumentXml(
          Para("一") + "<w:p><w:r><w:br w:type=\"page\"/><w:t>二</w:t></w:r>"
                       "</w:p>"))),
      {});
  EXPECT_TRUE(doc.paged);
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_EQ(doc.pages[1].number, 2);
  EXPECT_EQ(doc.pages[1].text, "二");
  EXPECT_EQ(doc.metadata.page_count, 2);
}

TEST(DocxTest, UnbrokenDocumentIsOneUnpagedPage) {
  Document doc =
      ExtractDocx(WriteZip(MinimalPackage(DocumentXml(Para("x")))), {});
  EXPECT_FALSE(doc.paged);
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].origin, TextOrigin::kMarkup);
}

TEST(DocxTest, ReadsHeadersFootersNotesAndProperties) {
  const std::string rels =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
      "openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
      "officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
      "officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
      "officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\"/>"
      "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/"
      "officeDocument/2006/relationships/endnotes\" Target=\"/word/endnotes."
      "xml\"/><Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats."
      "org/officeDocument/2006/relationships/hyperlink\" Target=\"http://"
      "127.0.0.1/\" TargetMode=\"External\"/></Relationships>";
  const std::string core =
      "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"http://schemas."
      "openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://"
      "purl.org/dc/terms/\"><dc:title>招标文件</dc:title><dc:creator>采购中心"
      "</dc:creator><dc:subject>监控设备</dc:subject><cp:keywords>招标;监控"
      "</cp:keywords><dcterms:created>2022-01-05T08:00:00Z</dcterms:created>"
      "<dcterms:modified>2022-01-06T09:30:00Z</dcterms:modified>"
      "</cp:coreProperties>";
  Parts parts = MinimalPackage(DocumentXml(Para("正文")));
  parts["word/_rels/document.xml.rels"] = rels;
  parts["word/header1.xml"] = WordPart("hdr", Para("页眉"));
  parts["word/footer1.xml"] = WordPart("ftr", Para("页脚"));
  parts["word/footnotes.xml"] = WordPart(
      "footnotes",
      "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/>"
      "</w:r></w:p></w:footnote><w:footnote w:id=\"1\">" +
          Para("脚注") + "</w:footnote>");
  parts["word/endnotes.xml"] = WordPart(
      "endnotes", "<w:endnote w:id=\"1\">" + Para("尾注") + "</w:endnote>");
  parts["docProps/core.xml"] = core;

  Document doc = ExtractDocx(WriteZip(parts), {});
  EXPECT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].text, "页眉\n正文\n页脚\n脚注\n尾注");
  EXPECT_EQ(doc.metadata.title, "招标文件");
  EXPECT_EQ(doc.metadata.author, "采购中心");
  EXPECT_EQ(doc.metadata.subject, "监控设备");
  EXPECT_EQ(doc.metadata.keywords, "招标;监控");
  EXPECT_EQ(doc.metadata.created, "2022-01-05T08:00:00Z");
  EXPECT_EQ(doc.metadata.modified, "2022-01-06T09:30:00Z");
}

TEST(DocxTest, FailsOnMalformedBody) {
  Document doc =
      ExtractDocx(WriteZip(MinimalPackage("<w:document><w:body><w:p>")), {});
  EXPECT_EQ(doc.status, ExtractStatus::kFailed);
  EXPECT_NE(doc.error.find("word/document.xml: invalid XML"), std::string::npos)
      << doc.error;
}

TEST(DocxTest, RejectsDoctypeInPart) {
  Document doc = ExtractDocx(
      WriteZip(MinimalPackage(
          "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY e \"x\">]>" +
          DocumentXml(Para("&e;")).substr(38))),
      {});
  EXPECT_EQ(doc.status, ExtractStatus::kFailed);
  EXPECT_EQ(doc.error,
            "word/document.xml: DOCTYPE declarations are not allowed in "
            "office parts");
}

TEST(DocxTest, FailsOnMissingBody) {
  Document doc = ExtractDocx(WriteZip({{"other.xml", "<a/>"}}), {});
  EXPECT_EQ(doc.status, ExtractStatus::kFailed);
  EXPECT_EQ(doc.error, "word/document.xml: member not found");
}

TEST(DocxTest, FailsOnDamagedZip) {
  Document doc = ExtractDocx("PK\x03\x04 not really a zip", {});
  EXPECT_EQ(doc.status, ExtractStatus::kFailed);
  EXPECT_NE(doc.error.find("not a readable ZIP archive"), std::string::npos)
      << doc.error;
}

TEST(DocxTest, RejectsHighCompressionRatio) {
  // 8 MiB of one repeated paragraph deflates far beyond a ratio of 200.
  std::string body;
  while (body.size() < (8u << 20)) body += Para("重复");
  Document doc = ExtractDocx(WriteZip(MinimalPackage(DocumentXml(body))), {});
  EXPECT_EQ(doc.status, ExtractStatus::kFailed);
  EXPECT_NE(doc.error.find("compression ratio limit exceeded"),
            std::string::npos)
      << doc.error;
}

TEST(DocxTest, RejectsMemberOverDecodedLimit) {
  ExtractOptions options;
  options.max_decoded_bytes = 100;
  Document doc = ExtractDocx(
      WriteZip(MinimalPackage(DocumentXml(Para("超过一百字节的正文")))),
      options);
  EXPECT_EQ(doc.status, ExtractStatus::kFailed);
  EXPECT_NE(doc.error.find("decoded size limit exceeded"), std::string::npos)
      << doc.error;
}

struct CorpusCase {
  const char* path;
  const char* phrase;
};

TEST(DocxTest, ExtractsCorpusDocuments) {
  BIDSCOPE_REQUIRE_SHARED();
  const std::vector<CorpusCase> cases = {
      {"charlotty2026__bid-toolkit/rfp__samples__real_bids__工程类__招标文件_"
       "精简版_-2026年银川国芳外墙logo字制作_安装项目6.3.docx",
       "宁夏国芳百货购物广场有限公司"},
      {"charlotty2026__bid-toolkit/rfp__samples__real_bids__服务类__PCMET-"
       "2611YG0122_黄浦海关辅助服务采购项目_招标文件_发售稿.docx",
       "2026年黄浦海关辅助服务采购项目"},
      {"charlotty2026__bid-toolkit/rfp__samples__real_bids__服务类___"
       "2606029001_上海分行2026年零售业务劳务外包服务人员采购项目招标文件_"
       "发布稿_.docx",
       "零售业务劳务外包服务人员采购项目"},
      {"charlotty2026__bid-toolkit/rfp__samples__real_bids__服务类__上海松江"
       "客整所列车库内保洁服务招标文件HTLF-2025-BJZB006.docx",
       "上海松江客整所列车库内保洁服务"},
      {"charlotty2026__bid-toolkit/rfp__samples__real_bids__服务类__交通银行"
       "张江园区餐厅洗碗业务外包项目--竞争性谈判拟发布稿.docx",
       "餐厅洗碗业务外包项目"},
      {"charlotty2026__bid-toolkit/rfp__samples__real_bids__服务类__宝山区"
       "市场监督管理局政府购买服务人员经费招标文件.docx",
       "招标人：上海市宝山区市场监督管理局"},
      {"charlotty2026__bid-toolkit/rfp__samples__real_bids__服务类__招标文件"
       "正文.docx",
       "上海金艺检测技术有限公司"},
      {"gjyhj1234__cheyeytztb/招标文件.docx", "四川星海视听新媒体有限公司"},
  };
  for (const CorpusCase& c : cases) {
    Document doc = ExtractDocx(ReadFile(SharedDir() / "corpus" / c.path), {});
    EXPECT_EQ(doc.status, ExtractStatus::kOk) << c.path << ": " << doc.error;
    std::string text;
    for (const Page& page : doc.pages) text += page.text + "\n";
    EXPECT_GT(text.size(), 1000u) << c.path;
    EXPECT_NE(text.find(c.phrase), std::string::npos) << c.path;
    EXPECT_EQ(text.find("\xEF\xBF\xBD"), std::string::npos) << c.path;
  }
}

}  // namespace
}  // namespace bidscope
