// ExtractOdt and ExtractOds on packages written here with libzip, one per
// feature.
#include <gtest/gtest.h>

#include <string>

#include "extract/extract.h"
#include "extract/formats.h"
#include "tests/office_zip.h"

namespace bidscope {
namespace {

using ::bidscope::testing::WriteOfficeZip;
using ::bidscope::testing::ZipParts;

constexpr char kNamespaces[] =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "
    "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
    "office:version=\"1.3\"";

constexpr char kTextMime[] = "application/vnd.oasis.opendocument.text";
constexpr char kSheetMime[] = "application/vnd.oasis.opendocument.spreadsheet";

ZipParts Package(const std::string& mimetype, const std::string& kind,
                 const std::string& body) {
  return {
      {"mimetype", mimetype},
      {"content.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                  "<office:document-content ") +
                          kNamespaces + "><office:body><office:" + kind + ">" +
                          body + "</office:" + kind +
                          "></office:body></office:document-content>"}};
}

std::string OdtText(const std::string& body) {
  Document doc =
      ExtractOdt(WriteOfficeZip(Package(kTextMime, "text", body)), {});
  EXPECT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  EXPECT_EQ(doc.pages.size(), 1u);
  return doc.pages.empty() ? "" : doc.pages[0].text;
}

Document OdsDocument(const std::string& body,
                     const ExtractOptions& options = {}) {
  return ExtractOds(WriteOfficeZip(Package(kSheetMime, "spreadsheet", body)),
                    options);
}

TEST(OdtTest, ParagraphsHeadingsAndSpaces) {
  EXPECT_EQ(OdtText("<text:h text:outline-level=\"1\">招标公告</text:h>"
                    "<text:p>项目<text:span>编号</text:span>：<text:s "
                    "text:c=\"3\"/>A-1<text:tab/>B<text:line-break/>C</text:p>"
                    "<text:p/><text:p><text:a>链接</text:a></text:p>"),
            "招标公告\n项目编号：   A-1\tB\nC\n链接");
}

TEST(OdtTest, ListsAndSections) {
  EXPECT_EQ(OdtText("<text:section><text:list><text:list-item><text:p>一"
                    "</text:p><text:list><text:list-item><text:p>二</text:p>"
                    "</text:list-item></text:list></text:list-item>"
                    "<text:list-header><text:p>三</text:p></text:list-header>"
                    "</text:list></text:section>"),
            "一\n二\n三");
}

TEST(OdtTest, TableRowsOnOneLine) {
  EXPECT_EQ(
      OdtText("<table:table><table:table-column table:number-columns-repeated="
              "\"3\"/><table:table-header-rows><table:table-row>"
              "<table:table-cell><text:p>序号</text:p></table:table-cell>"
              "<table:table-cell><text:p>名称</text:p></table:table-cell>"
              "<table:table-cell><text:p>金额</text:p></table:table-cell>"
              "</table:table-row></table:table-header-rows><table:table-row>"
              "<table:table-cell table:number-columns-spanned=\"2\"><text:p>"
              "合计</text:p><text:p>（含税）</text:p></table:table-cell>"
              "<table:covered-table-cell/><table:table-cell><text:p>120000"
              "</text:p></table:table-cell></table:table-row></table:table>"),
      "序号 | 名称 | 金额\n合计 （含税） |  | 120000");
}

TEST(OdtTest, FrameTextOnce) {
  EXPECT_EQ(OdtText("<text:p>正文<draw:frame><draw:text-box><text:p>框内"
                    "</text:p></draw:text-box><draw:text-box><text:p>备选"
                    "</text:p></draw:text-box><draw:image><svg:title>图"
                    "</svg:title></draw:image></draw:frame>之后</text:p>"
                    "<draw:custom-shape><text:p>形状</text:p>"
                    "</draw:custom-shape>"),
            "正文之后\n框内\n形状");
}

TEST(OdtTest, TrackedDeletionsDropped) {
  EXPECT_EQ(
      OdtText("<text:tracked-changes><text:changed-region text:id=\"c1\">"
              "<text:deletion><office:change-info><dc:creator>A</dc:creator>"
              "</office:change-info><text:p>删除的</text:p></text:deletion>"
              "</text:changed-region><text:changed-region text:id=\"c2\">"
              "<text:insertion><office:change-info><dc:creator>A"
              "</dc:creator></office:change-info></text:insertion>"
              "</text:changed-region></text:tracked-changes>"
              "<text:p>预算<text:change text:change-id=\"c1\"/>金额"
              "<text:change-start text:change-id=\"c2\"/>一百万"
              "<text:change-end text:change-id=\"c2\"/>元</text:p>"),
      "预算金额一百万元");
}

TEST(OdtTest, NotesAndCommentsAfterBody) {
  EXPECT_EQ(OdtText("<text:p>正文<text:note text:note-class=\"footnote\">"
                    "<text:note-citation>1</text:note-citation><text:note-body>"
                    "<text:p>脚注</text:p></text:note-body></text:note>结束"
                    "<office:annotation><dc:creator>审核</dc:creator><dc:date>"
                    "2024-01-01</dc:date><text:p>批注</text:p>"
                    "</office:annotation></text:p>"),
            "正文结束\n脚注\n批注");
}

TEST(OdtTest, IndexTemplatesSkipped) {
  EXPECT_EQ(
      OdtText("<text:table-of-content><text:table-of-content-source>"
              "<text:index-title-template>目录</text:index-title-template>"
              "</text:table-of-content-source><text:index-body>"
              "<text:p>第一章 总则</text:p></text:index-body>"
              "</text:table-of-content><text:sequence-decls>"
              "<text:sequence-decl text:name=\"x\"/></text:sequence-decls>"
              "<text:p>总则</text:p>"),
      "第一章 总则\n总则");
}

TEST(OdtTest, MetadataFromMeta) {
  ZipParts parts = Package(kTextMime, "text", "<text:p>x</text:p>");
  parts["meta.xml"] =
      std::string("<?xml version=\"1.0\"?><office:document-meta ") +
      kNamespaces +
      "><office:meta><dc:title>采购合同</dc:title><dc:subject>服务</dc:subject>"
      "<meta:initial-creator>张三</meta:initial-creator><dc:creator>李四"
      "</dc:creator><meta:creation-date>2024-03-05T10:00:00</"
      "meta:creation-date>"
      "<dc:date>2024-03-06T11:00:00.5</dc:date><meta:keyword>招标</"
      "meta:keyword>"
      "<meta:keyword>监测</meta:keyword><meta:generator>LibreOffice/7.4"
      "</meta:generator></office:meta></office:document-meta>";
  Document doc = ExtractOdt(WriteOfficeZip(parts), {});
  ASSERT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  EXPECT_EQ(doc.metadata.title, "采购合同");
  EXPECT_EQ(doc.metadata.subject, "服务");
  EXPECT_EQ(doc.metadata.author, "张三");
  EXPECT_EQ(doc.metadata.extra["last_modified_by"], "李四");
  EXPECT_EQ(doc.metadata.created, "2024-03-05T10:00:00");
  EXPECT_EQ(doc.metadata.modified, "2024-03-06T11:00:00.5");
  EXPECT_EQ(doc.metadata.keywords, "招标, 监测");
  EXPECT_EQ(doc.metadata.creator, "LibreOffice/7.4");
}

TEST(OdtTest, EncryptedPackageReported) {
  ZipParts parts = Package(kTextMime, "text", "<text:p>x</text:p>");
  parts["META-INF/manifest.xml"] =
      "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:"
      "names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry "
      "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
      "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/>"
      "</manifest:file-entry></manifest:manifest>";
  Document doc = ExtractOdt(WriteOfficeZip(parts), {});
  EXPECT_EQ(doc.status, ExtractStatus::kEncrypted);
  EXPECT_EQ(doc.error,
            "encrypted OpenDocument package: a password is required");
}

TEST(OdtTest, MalformedContentFails) {
  ZipParts parts = Package(kTextMime, "text", "<text:p>x</text:p>");
  parts["content.xml"] = "<office:document-content><office:body>";
  Document doc = ExtractOdt(WriteOfficeZip(parts), {});
  EXPECT_EQ(doc.status, ExtractStatus::kFailed);
  EXPECT_NE(doc.error.find("content.xml: invalid XML"), std::string::npos)
      << doc.error;
}

TEST(OdtTest, DetectedAndDispatched) {
  std::string bytes =
      WriteOfficeZip(Package(kTextMime, "text", "<text:p>招标</text:p>"));
  std::vector<Document> docs = ExtractBytes(bytes, "a.odt", {});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].format, Format::kOdt);
  EXPECT_EQ(docs[0].status, ExtractStatus::kOk) << docs[0].error;
  ASSERT_EQ(docs[0].pages.size(), 1u);
  EXPECT_EQ(docs[0].pages[0].text, "招标");
}

TEST(OdsTest, SheetsWithRowsAndRepeats) {
  Document doc = OdsDocument(
      "<table:table table:name=\"报价一览表\"><table:table-column "
      "table:number-columns-repeated=\"16384\"/><table:table-row>"
      "<table:table-cell office:value-type=\"string\"><text:p>序号</text:p>"
      "</table:table-cell><table:table-cell "
      "table:number-columns-repeated=\"2\">"
      "</table:table-cell><table:table-cell office:value-type=\"float\" "
      "office:value=\"1980000\"><text:p>1,980,000.00</text:p>"
      "</table:table-cell><table:table-cell "
      "table:number-columns-repeated=\"16380\"/></table:table-row>"
      "<table:table-row table:number-rows-repeated=\"1048570\">"
      "<table:table-cell table:number-columns-repeated=\"16384\"/>"
      "</table:table-row><table:table-row table:number-rows-repeated=\"2\">"
      "<table:table-cell office:value-type=\"date\" office:date-value="
      "\"2024-03-05\"><text:p>2024年3月5日</text:p></table:table-cell>"
      "<table:table-cell table:number-columns-repeated=\"3\"><text:p>同"
      "</text:p></table:table-cell></table:table-row></table:table>"
      "<table:table table:name=\"Sheet2\"><table:table-row><table:table-cell "
      "office:value-type=\"float\" office:value=\"7\"/></table:table-row>"
      "</table:table>");
  ASSERT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_FALSE(doc.paged);
  EXPECT_EQ(doc.pages[0].text,
            "sheet 报价一览表\n序号 |  |  | 1,980,000.00\n"
            "2024年3月5日 | 同 | 同 | 同\n2024年3月5日 | 同 | 同 | 同");
  EXPECT_EQ(doc.pages[1].text, "sheet Sheet2\n7");
  EXPECT_EQ(doc.pages[1].number, 2);
}

TEST(OdsTest, HugeRepeatBoundedByLimit) {
  ExtractOptions options;
  options.max_decoded_bytes = 10000;
  Document doc = OdsDocument(
      "<table:table table:name=\"S\"><table:table-row "
      "table:number-rows-repeated=\"1000000000\"><table:table-cell "
      "table:number-columns-repeated=\"1000000000\"><text:p>x</text:p>"
      "</table:table-cell></table:table-row></table:table>",
      options);
  ASSERT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_LE(doc.pages[0].text.size(), 10000u);
  ASSERT_EQ(doc.pages[0].warnings.size(), 1u);
  EXPECT_NE(doc.pages[0].warnings[0].find("truncated"), std::string::npos)
      << doc.pages[0].warnings[0];
}

TEST(OdsTest, RowGroupsAndHeaderRows) {
  Document doc = OdsDocument(
      "<table:table table:name=\"S\"><table:table-header-rows><table:table-row>"
      "<table:table-cell><text:p>名称</text:p></table:table-cell>"
      "</table:table-row></table:table-header-rows><table:table-row-group>"
      "<table:table-row><table:table-cell><text:p>服务<text:s/>器</text:p>"
      "</table:table-cell></table:table-row></table:table-row-group>"
      "</table:table>");
  ASSERT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].text, "sheet S\n名称\n服务 器");
}

TEST(OdsTest, DetectedAndDispatched) {
  std::string bytes = WriteOfficeZip(Package(
      kSheetMime, "spreadsheet",
      "<table:table table:name=\"S\"><table:table-row><table:table-cell>"
      "<text:p>1</text:p></table:table-cell></table:table-row></table:table>"));
  std::vector<Document> docs = ExtractBytes(bytes, "a.ods", {});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].format, Format::kOds);
  ASSERT_EQ(docs[0].pages.size(), 1u);
  EXPECT_EQ(docs[0].pages[0].text, "sheet S\n1");
}

TEST(OdsTest, NotASpreadsheetFails) {
  Document doc = ExtractOds(
      WriteOfficeZip(Package(kTextMime, "text", "<text:p>x</text:p>")), {});
  EXPECT_EQ(doc.status, ExtractStatus::kFailed);
  EXPECT_EQ(doc.error,
            "content.xml: no office:body/office:spreadsheet element");
}

}  // namespace
}  // namespace bidscope
