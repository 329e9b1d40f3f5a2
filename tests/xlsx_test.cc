// ExtractXlsx on workbooks written here with libzip, one per feature.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "extract/extract.h"
#include "extract/formats.h"
#include "extract/xlsx_number_format.h"
#include "tests/office_zip.h"

namespace bidscope {
namespace {

using ::bidscope::testing::WriteOfficeZip;
using ::bidscope::testing::ZipParts;

constexpr char kMain[] =
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships\"";
constexpr char kRelsNs[] =
    "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr char kRelType[] =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

struct Sheet {
  std::string name;
  std::string rows;  // the sheetData content
  std::string state;
};

struct Workbook {
  std::vector<Sheet> sheets;
  std::vector<std::string> shared_strings;  // si contents
  std::string styles;                       // styleSheet content
  std::string workbook_pr;                  // a workbookPr element
  std::string core;                         // docProps/core.xml, if any
};

std::string Relationship(const std::string& id, const std::string& type,
                         const std::string& target) {
  return "<Relationship Id=\"" + id + "\" Type=\"" + kRelType + type +
         "\" Target=\"" + target + "\"/>";
}

// A workbook whose sheet parts are numbered backwards, so that workbook
// order and part order differ.
ZipParts WorkbookParts(const Workbook& workbook) {
  ZipParts parts;
  std::string package_rels =
      Relationship("rId1", "officeDocument", "xl/workbook.xml");
  if (!workbook.core.empty()) {
    package_rels +=
        "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
        "package/2006/relationships/metadata/core-properties\" "
        "Target=\"docProps/core.xml\"/>";
    parts["docProps/core.xml"] = workbook.core;
  }
  parts["_rels/.rels"] = std::string(
                             "<?xml version=\"1.0\"?><Relationships "
                             "xmlns=\"") +
                         kRelsNs + "\">" + package_rels + "</Relationships>";

  std::string sheets_xml;
  std::string rels =
      Relationship("rIdS", "sharedStrings", "sharedStrings.xml") +
      Relationship("rIdY", "styles", "styles.xml");
  size_t count = workbook.sheets.size();
  for (size_t i = 0; i < count; ++i) {
    const Sheet& sheet = workbook.sheets[i];
    std::string id = "rId" + std::to_string(i + 10);
    std::string file = "worksheets/sheet" + std::to_string(count - i) + ".xml";
    sheets_xml +=
        "<sheet name=\"" + sheet.name + "\" sheetId=\"" +
        std::to_string(i + 1) + "\" r:id=\"" + id + "\"" +
        (sheet.state.empty() ? "" : " state=\"" + sheet.state + "\"") + "/>";
    rels += Relationship(id, "worksheet", file);
    parts["xl/" + file] = std::string("<?xml version=\"1.0\"?><worksheet ") +
                          kMain + "><sheetData>" + sheet.rows +
                          "</sheetData></worksheet>";
  }
  parts["xl/workbook.xml"] = std::string("<?xml version=\"1.0\"?><workbook ") +
                             kMain + ">" + workbook.workbook_pr + "<sheets>" +
                             sheets_xml + "</sheets></workbook>";
  parts["xl/_rels/workbook.xml.rels"] =
      std::string("<?xml version=\"1.0\"?><Relationships xmlns=\"") + kRelsNs +
      "\">" + rels + "</Relationships>";
  std::string strings;
  for (const std::string& item : workbook.shared_strings) {
    strings += "<si>" + item + "</si>";
  }
  parts["xl/sharedStrings.xml"] = std::string("<?xml version=\"1.0\"?><sst ") +
                                  kMain + ">" + strings + "</sst>";
  parts["xl/styles.xml"] = std::string("<?xml version=\"1.0\"?><styleSheet ") +
                           kMain + ">" + workbook.styles + "</styleSheet>";
  return parts;
}

Document Extract(const ZipParts& parts, const ExtractOptions& options = {}) {
  return ExtractXlsx(WriteOfficeZip(parts), options);
}

std::string OneSheetText(const std::string& rows,
                         const std::vector<std::string>& strings = {},
                         const std::string& styles = "",
                         const std::string& workbook_pr = "") {
  Workbook workbook{{{"S", rows, ""}}, strings, styles, workbook_pr, ""};
  Document doc = Extract(WorkbookParts(workbook));
  EXPECT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  return doc.pages.empty() ? "" : doc.pages[0].text;
}

TEST(XlsxTest, SheetsInWorkbookOrder) {
  Workbook workbook;
  workbook.sheets = {
      {"报价一览表",
       "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>一</t>"
       "</is></c></row>",
       ""},
      {"Hidden", "<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>", "hidden"},
      {"Empty", "", ""}};
  Document doc = Extract(WorkbookParts(workbook));
  ASSERT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  ASSERT_EQ(doc.pages.size(), 3u);
  EXPECT_FALSE(doc.paged);
  EXPECT_EQ(doc.metadata.page_count, 3);
  EXPECT_EQ(doc.pages[0].text, "sheet 报价一览表\n一");
  EXPECT_EQ(doc.pages[1].text, "sheet Hidden (hidden)\n2");
  EXPECT_EQ(doc.pages[2].text, "sheet Empty");
  EXPECT_EQ(doc.pages[2].number, 3);
  EXPECT_EQ(doc.pages[0].origin, TextOrigin::kMarkup);
}

TEST(XlsxTest, SharedAndInlineStrings) {
  std::vector<std::string> strings = {
      "<t>项目名称</t>", "<r><t>服务</t></r><r><rPr><b/></rPr><t>期限</t></r>",
      "<t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh>"};
  std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
      "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
      "<c r=\"D1\" t=\"inlineStr\"><is><r><t>内</t></r><r><t>联</t></r></is>"
      "</c><c r=\"E1\" t=\"s\"><v>99</v></c><c r=\"F1\" t=\"b\"><v>1</v></c>"
      "<c r=\"G1\" t=\"str\"><f>A1</f><v>项目名称</v></c>"
      "<c r=\"H1\" t=\"e\"><v>#DIV/0!</v></c></row>";
  EXPECT_EQ(OneSheetText(rows, strings),
            "sheet S\n项目名称 | 服务期限 | 東京 | 内联 |  | TRUE | 项目名称 | "
            "#DIV/0!");
}

TEST(XlsxTest, EmptyCellsKeepColumns) {
  std::string rows =
      "<row r=\"2\"><c r=\"B2\"><v>1</v></c><c r=\"D2\"><v>3</v></c></row>"
      "<row r=\"3\"><c r=\"C3\"><v>2</v></c></row>"
      "<row r=\"4\"><c r=\"B4\" t=\"inlineStr\"><is><t> </t></is></c></row>"
      "<row r=\"5\"><c r=\"B5\"><v>5</v></c><c><v>6</v></c></row>";
  EXPECT_EQ(OneSheetText(rows), "sheet S\n1 |  | 3\n | 2\n5 | 6");
}

TEST(XlsxTest, NumbersAsWrittenDatesFormatted) {
  std::string styles =
      "<numFmts count=\"3\"><numFmt numFmtId=\"176\" "
      "formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
      "<numFmt numFmtId=\"177\" formatCode=\"#,##0.00&quot;元&quot;\"/>"
      "<numFmt numFmtId=\"178\" formatCode=\"[Red]0.00\"/></numFmts>"
      "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
      "<xf numFmtId=\"176\"/><xf numFmtId=\"177\"/><xf numFmtId=\"22\"/>"
      "<xf numFmtId=\"20\"/><xf numFmtId=\"178\"/></cellXfs>";
  std::string rows =
      "<row r=\"1\"><c r=\"A1\"><v>1234.5</v></c>"
      "<c r=\"B1\" s=\"1\"><v>45356</v></c>"
      "<c r=\"C1\" s=\"2\"><v>45356</v></c>"
      "<c r=\"D1\" s=\"3\"><v>1980000</v></c>"
      "<c r=\"E1\" s=\"4\"><v>45356.75</v></c>"
      "<c r=\"F1\" s=\"5\"><v>0.5</v></c>"
      "<c r=\"G1\" s=\"6\"><v>0.30000000000000004</v></c>"
      "<c r=\"H1\" s=\"1\"><v>not a number</v></c></row>";
  EXPECT_EQ(OneSheetText(rows, {}, styles),
            "sheet S\n1234.5 | 2024-03-05 | 2024-03-05 | 1980000 | "
            "2024-03-05 18:00:00 | 12:00:00 | 0.30000000000000004 | "
            "not a number");
}

TEST(XlsxTest, Date1904System) {
  std::string styles =
      "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
      "</cellXfs>";
  std::string rows = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c></row>";
  EXPECT_EQ(OneSheetText(rows, {}, styles, "<workbookPr date1904=\"1\"/>"),
            "sheet S\n1904-01-01");
}

TEST(XlsxTest, FormatCodeDateKinds) {
  const std::vector<std::pair<std::string, DateKind>> cases = {
      {"General", DateKind::kNone},
      {"0.00", DateKind::kNone},
      {"#,##0.00\"元\"", DateKind::kNone},
      {"yyyy-mm-dd", DateKind::kDate},
      {"yyyy\"年\"m\"月\"d\"日\"", DateKind::kDate},
      {"[$-F800]dddd, mmmm dd, yyyy", DateKind::kDate},
      {"mmm", DateKind::kDate},
      {"h:mm:ss", DateKind::kTime},
      {"[h]:mm", DateKind::kTime},
      {"yyyy/m/d h:mm", DateKind::kDateTime},
      {"\"day\" 0", DateKind::kNone},
      {"[Red]0.00;[Blue]-0.00", DateKind::kNone},
  };
  for (const auto& [code, kind] : cases) {
    EXPECT_EQ(DateKindOfFormatCode(code), kind) << code;
  }
}

TEST(XlsxTest, SerialDatesAroundLeapBug) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"1", "1900-01-01"},     {"59", "1900-02-28"},      {"61", "1900-03-01"},
      {"45356", "2024-03-05"}, {"2958465", "9999-12-31"},
  };
  for (const auto& [serial, expected] : cases) {
    std::string text;
    EXPECT_TRUE(FormatSerialDate(serial, DateKind::kDate, false, text))
        << serial;
    EXPECT_EQ(text, expected) << serial;
  }
  std::string text;
  EXPECT_FALSE(FormatSerialDate("-1", DateKind::kDate, false, text));
  EXPECT_FALSE(FormatSerialDate("2958466", DateKind::kDate, false, text));
  EXPECT_FALSE(FormatSerialDate("1e400", DateKind::kDate, false, text));
}

TEST(XlsxTest, PriceListRowsIntact) {
  std::vector<std::string> strings = {"<t>分项报价表</t>",
                                      "<t>序号</t>",
                                      "<t>货物名称</t>",
                                      "<t>规格型号</t>",
                                      "<t>数量</t>",
                                      "<t>单价（元）</t>",
                                      "<t>总价（元）</t>",
                                      "<t>舆情监测服务</t>",
                                      "<t>标准版，含 7×24 小时值守</t>",
                                      "<t>合计：人民币壹拾贰万元整</t>"};
  std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"s\">"
      "<v>2</v></c><c r=\"C2\" t=\"s\"><v>3</v></c><c r=\"D2\" t=\"s\">"
      "<v>4</v></c><c r=\"E2\" t=\"s\"><v>5</v></c><c r=\"F2\" t=\"s\">"
      "<v>6</v></c></row>"
      "<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"B3\" t=\"s\"><v>7</v></c>"
      "<c r=\"C3\" t=\"s\"><v>8</v></c><c r=\"D3\"><v>12</v></c>"
      "<c r=\"E3\"><v>10000</v></c><c r=\"F3\"><f>D3*E3</f><v>120000</v>"
      "</c></row>"
      "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>9</v></c><c r=\"F4\"><v>120000</v>"
      "</c></row>";
  EXPECT_EQ(
      OneSheetText(rows, strings),
      "sheet S\n"
      "分项报价表\n"
      "序号 | 货物名称 | 规格型号 | 数量 | 单价（元） | 总价（元）\n"
      "1 | 舆情监测服务 | 标准版，含 7×24 小时值守 | 12 | 10000 | 120000\n"
      "合计：人民币壹拾贰万元整 |  |  |  |  | 120000");
}

TEST(XlsxTest, CorePropertiesAsMetadata) {
  Workbook workbook;
  workbook.sheets = {{"S", "", ""}};
  workbook.core =
      "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"http://schemas."
      "openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:dcterms=\"http://purl.org/dc/terms/\"><dc:title>报价一览表"
      "</dc:title><dc:creator>张三</dc:creator><dcterms:created>"
      "2024-03-05T08:00:00Z</dcterms:created></cp:coreProperties>";
  Document doc = Extract(WorkbookParts(workbook));
  ASSERT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  EXPECT_EQ(doc.metadata.title, "报价一览表");
  EXPECT_EQ(doc.metadata.author, "张三");
  EXPECT_EQ(doc.metadata.created, "2024-03-05T08:00:00Z");
}

TEST(XlsxTest, DetectedAndDispatched) {
  Workbook workbook;
  workbook.sheets = {{"S", "<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>", ""}};
  std::string bytes = WriteOfficeZip(WorkbookParts(workbook));
  std::vector<Document> docs = ExtractBytes(bytes, "book.xlsx", {});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].format, Format::kXlsx);
  EXPECT_EQ(docs[0].status, ExtractStatus::kOk) << docs[0].error;
  ASSERT_EQ(docs[0].pages.size(), 1u);
  EXPECT_EQ(docs[0].pages[0].text, "sheet S\n7");
}

TEST(XlsxTest, ZipBombSheetRejected) {
  std::string row = "<row><c t=\"inlineStr\"><is><t>" + std::string(1000, 'x') +
                    "</t></is></c></row>";
  std::string rows;
  for (int i = 0; i < 3000; ++i) rows += row;
  Workbook workbook;
  workbook.sheets = {{"Bomb", rows, ""},
                     {"Small", "<row><c><v>1</v></c></row>", ""}};
  Document doc = Extract(WorkbookParts(workbook));
  ASSERT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_EQ(doc.pages[0].text, "sheet Bomb");
  ASSERT_EQ(doc.pages[0].warnings.size(), 1u);
  EXPECT_NE(doc.pages[0].warnings[0].find("compression ratio limit exceeded"),
            std::string::npos)
      << doc.pages[0].warnings[0];
  EXPECT_EQ(doc.pages[1].text, "sheet Small\n1");
}

TEST(XlsxTest, DecodedSizeLimitApplied) {
  std::string rows;
  for (int i = 0; i < 100; ++i) {
    rows += "<row><c><v>" + std::to_string(i) + "</v></c></row>";
  }
  Workbook workbook;
  workbook.sheets = {{"S", rows, ""}};
  ExtractOptions options;
  options.max_decoded_bytes = 1000;
  Document doc = Extract(WorkbookParts(workbook), options);
  ASSERT_EQ(doc.pages.size(), 1u);
  ASSERT_EQ(doc.pages[0].warnings.size(), 1u);
  EXPECT_NE(doc.pages[0].warnings[0].find("decoded size limit exceeded"),
            std::string::npos)
      << doc.pages[0].warnings[0];
}

TEST(XlsxTest, TextTruncatedAtLimit) {
  std::string rows;
  for (int i = 0; i < 50; ++i) rows += "<row><c><v>123456789</v></c></row>";
  Workbook workbook;
  workbook.sheets = {{"S", rows, ""}};
  ExtractOptions options;
  options.max_decoded_bytes = 4000;
  Document doc = Extract(WorkbookParts(workbook), options);
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_LE(doc.pages[0].text.size(), 4000u);
  EXPECT_EQ(doc.pages[0].text.substr(0, 18), "sheet S\n123456789\n");
}

TEST(XlsxTest, MalformedSheetBecomesWarning) {
  Workbook workbook;
  workbook.sheets = {{"Bad", "<row><c><v>1</v></row>", ""},
                     {"Good", "<row><c><v>2</v></c></row>", ""}};
  Document doc = Extract(WorkbookParts(workbook));
  ASSERT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_EQ(doc.pages[0].text, "sheet Bad");
  ASSERT_EQ(doc.pages[0].warnings.size(), 1u);
  EXPECT_NE(doc.pages[0].warnings[0].find("invalid XML"), std::string::npos)
      << doc.pages[0].warnings[0];
  EXPECT_EQ(doc.pages[1].text, "sheet Good\n2");
}

TEST(XlsxTest, MalformedWorkbookFails) {
  Workbook workbook;
  workbook.sheets = {{"S", "", ""}};
  ZipParts parts = WorkbookParts(workbook);
  parts["xl/workbook.xml"] = "<workbook><sheets>";
  Document doc = Extract(parts);
  EXPECT_EQ(doc.status, ExtractStatus::kFailed);
  EXPECT_NE(doc.error.find("xl/workbook.xml: invalid XML"), std::string::npos)
      << doc.error;
}

TEST(XlsxTest, EntityExpansionRejected) {
  Workbook workbook;
  workbook.sheets = {{"S", "<row><c><v>1</v></c></row>", ""}};
  ZipParts parts = WorkbookParts(workbook);
  parts["xl/sharedStrings.xml"] =
      "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><sst><si><t>&b;</t>"
      "</si></sst>";
  Document doc = Extract(parts);
  ASSERT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_NE(doc.warnings[0].find("DOCTYPE declarations are not allowed"),
            std::string::npos)
      << doc.warnings[0];
  EXPECT_EQ(doc.pages[0].text, "sheet S\n1");
}

TEST(XlsxTest, NotAZipFails) {
  Document doc = ExtractXlsx("PK\x03\x04 truncated", {});
  EXPECT_EQ(doc.status, ExtractStatus::kFailed);
  EXPECT_NE(doc.error.find("not a readable ZIP archive"), std::string::npos)
      << doc.error;
}

}  // namespace
}  // namespace bidscope
