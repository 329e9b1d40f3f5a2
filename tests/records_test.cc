// ExtractRecords on CSV, JSON and JSON Lines dumps: hand-written inputs
// for each parsing rule, and every CSV and JSON file of the shared corpus.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "extract/csv_parser.h"
#include "extract/extract.h"
#include "extract/fields.h"
#include "extract/formats.h"
#include "extract/records_date.h"
#include "extract/records_html.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

std::string PageText(const Document& doc) {
  return doc.pages.empty() ? "" : doc.pages[0].text;
}

std::vector<std::string> Titles(const std::vector<Document>& docs) {
  std::vector<std::string> titles;
  for (size_t i = 1; i < docs.size(); ++i) {
    titles.push_back(docs[i].metadata.title);
  }
  return titles;
}

// Cells of every row joined with "|", rows joined with "/".
std::string Flatten(const CsvTable& table) {
  std::string out;
  for (const CsvRow& row : table.rows) {
    if (!out.empty()) out += "/";
    for (size_t i = 0; i < row.cells.size(); ++i) {
      if (i > 0) out += "|";
      out += row.cells[i];
    }
  }
  return out;
}

TEST(CsvParserTest, ParsesRfc4180) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"a,b\n1,2\n", "a|b/1|2"},
      {"a,b\r\n1,2", "a|b/1|2"},
      {"a,b\r1,2\r", "a|b/1|2"},
      {"\"x,y\",z\n", "x,y|z"},
      {"\"line1\nline2\",z\n", "line1\nline2|z"},
      {"\"say \"\"hi\"\"\",z\n", "say \"hi\"|z"},
      {"a,,c\n", "a||c"},
      {"a,\"\"\n", "a|"},
      {"a,\n", "a|"},
      {"a,b\n\n\n1,2\n", "a|b/1|2"},
      {"ab\"c,d\n", "ab\"c|d"},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(Flatten(ParseCsv(input, ',')), expected) << input;
  }
}

TEST(CsvParserTest, ReportsDamagedLines) {
  CsvTable table = ParseCsv("a,b\n\"x\"y,1\n2,3\n\"open,4\n", ',');

  EXPECT_EQ(Flatten(table), "a|b/2|3");
  ASSERT_EQ(table.warnings.size(), 2u);
  EXPECT_EQ(table.warnings[0], "line 2: text after a closing quote");
  EXPECT_EQ(table.warnings[1], "line 4: quoted field is never closed");
}

TEST(CsvParserTest, DetectsDelimiter) {
  const std::vector<std::pair<std::string, char>> cases = {
      {"a,b,c\n1,2,3", ','}, {"a\tb\tc\n1\t2\t3", '\t'}, {"a;b;c\n1;2;3", ';'},
      {"a|b|c\n", '|'},      {"\"a;b\",c\n", ','},       {"single\n", ','},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(DetectCsvDelimiter(input), expected) << input;
  }
}

TEST(RecordsDateTest, NormalizesDates) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2016-11-21 08:47:30", "2016-11-21T08:47:30"},
      {"2026-03-17 00:32", "2026-03-17T00:32:00"},
      {"2020-12-11", "2020-12-11"},
      {"2020/1/5", "2020-01-05"},
      {"2022年1月5日", "2022-01-05"},
      {"2026年08月04日14时54分", "2026-08-04T14:54:00"},
      {"20190522", "2019-05-22"},
      {"2021-12-31T09:30:00+08:00", "2021-12-31T09:30:00+08:00"},
      {"2021-12-31T09:30:00+0800", "2021-12-31T09:30:00+08:00"},
      {"2026-08-04T08:01:00.642Z", "2026-08-04T08:01:00Z"},
      {"1742892661", "2025-03-25T08:51:01Z"},
      {"1742892661000", "2025-03-25T08:51:01Z"},
      {"16/06/2022", ""},
      {"2021-02-30", ""},
      {"soon", ""},
      {"", ""},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(NormalizeRecordDate(input), expected) << input;
  }
}

TEST(RecordsHtmlTest, StripsMarkup) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<p>\xE3\x80\x80\xE3\x80\x80第一段</p><p>第二段 &amp; 附件</p>",
       "第一段\n第二段 & 附件"},
      {"<div>预算<br>100万元</div><script>var x=1;</script>", "预算\n100万元"},
      {"<table><tr><td>名称</td><td>数量</td></tr></table>", "名称\n数量"},
      {"中标&nbsp;公告", "中标\xC2\xA0公告"},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(HtmlFragmentToText(input), expected) << input;
  }
  EXPECT_TRUE(ContainsMarkup("<p>x</p>"));
  EXPECT_TRUE(ContainsMarkup("a&amp;b"));
  EXPECT_FALSE(ContainsMarkup("价格 < 100 且 > 50"));
  EXPECT_FALSE(ContainsMarkup("A&B公司"));
}

TEST(RecordsTest, ReadsCsvWithHeuristicFields) {
  std::string csv =
      "\xEF\xBB\xBF公告标题,发布日期,详情链接,采购人,正文\n"
      "\"视频监控项目, 一期\",2022-01-05,http://example.org/1,公安局,"
      "\"<p>预算100万元</p>\"\n"
      "舆情监测服务,2022/2/6,http://example.org/2,宣传部,\"第一行\n第二行\"\n";
  std::vector<Document> docs =
      ExtractRecords(csv, Format::kCsv, ExtractOptions{});

  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].format, Format::kCsv);
  EXPECT_EQ(docs[0].status, ExtractStatus::kOk);
  EXPECT_EQ(docs[0].id, Sha256Hex(csv));
  EXPECT_TRUE(docs[0].pages.empty());
  EXPECT_EQ(docs[0].metadata.encoding, "UTF-8");
  EXPECT_EQ(docs[1].format, Format::kRecord);
  EXPECT_EQ(docs[1].parent_id, docs[0].id);
  EXPECT_EQ(docs[1].locator, "record 1");
  EXPECT_EQ(docs[1].metadata.title, "视频监控项目, 一期");
  EXPECT_EQ(docs[1].metadata.created, "2022-01-05");
  EXPECT_EQ(docs[1].metadata.extra.at("url"), "http://example.org/1");
  EXPECT_EQ(PageText(docs[1]),
            "视频监控项目, 一期\n预算100万元\n采购人: 公安局");
  EXPECT_EQ(docs[1].pages[0].origin, TextOrigin::kPlain);
  EXPECT_EQ(docs[2].locator, "record 2");
  EXPECT_EQ(docs[2].metadata.created, "2022-02-06");
  EXPECT_EQ(PageText(docs[2]), "舆情监测服务\n第一行\n第二行\n采购人: 宣传部");
}

TEST(RecordsTest, ReadsTabAndSemicolonCsv) {
  const std::vector<std::string> inputs = {
      "\tref\tobject\turl\n0\t1\t甲公告\thttp://a\n1\t2\t乙公告\thttp://b\n",
      "title;date\n甲公告;2020-01-01\n乙公告;2020-01-02\n",
  };
  for (const std::string& input : inputs) {
    std::vector<Document> docs =
        ExtractRecords(input, Format::kCsv, ExtractOptions{});
    EXPECT_EQ(Titles(docs), (std::vector<std::string>{"甲公告", "乙公告"}))
        << input;
  }
}

TEST(RecordsTest, DecodesGbkCsv) {
  // "标题,金额\n视频监控,100\n" in GBK.
  std::string gbk =
      "\xB1\xEA\xCC\xE2,\xBD\xF0\xB6\xEE\n\xCA\xD3\xC6\xB5\xBC\xE0\xBF\xD8,"
      "100\n";
  std::vector<Document> docs =
      ExtractRecords(gbk, Format::kCsv, ExtractOptions{});

  EXPECT_EQ(docs[0].metadata.encoding, "GB18030");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].metadata.title, "视频监控");
  EXPECT_EQ(PageText(docs[1]), "视频监控\n金额: 100");
}

TEST(RecordsTest, UnwrapsListQuotedCells) {
  std::string csv =
      "序号,公告标题,发布日期,跳转链接\n"
      "['1'],['公安局视频项目'],['2020-12-11'],['http://example.org/765547']\n";
  std::vector<Document> docs =
      ExtractRecords(csv, Format::kCsv, ExtractOptions{});

  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].metadata.title, "公安局视频项目");
  EXPECT_EQ(docs[1].metadata.created, "2020-12-11");
  EXPECT_EQ(docs[1].metadata.extra.at("url"), "http://example.org/765547");
}

TEST(RecordsTest, WarnsOnMalformedCsvLines) {
  std::string csv =
      "title,body\n"
      "好,正文一\n"
      "\"坏\"x,正文二\n"
      "多,一,二\n"
      "也好,正文三\n";
  std::vector<Document> docs =
      ExtractRecords(csv, Format::kCsv, ExtractOptions{});

  // The long row is kept, its extra cell named by its column.
  EXPECT_EQ(Titles(docs), (std::vector<std::string>{"好", "多", "也好"}));
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[3].locator, "record 3");
  ASSERT_EQ(docs[2].pages.size(), 1u);
  EXPECT_NE(docs[2].pages[0].text.find("二"), std::string::npos)
      << docs[2].pages[0].text;
  ASSERT_EQ(docs[0].warnings.size(), 2u);
  EXPECT_EQ(docs[0].warnings[0], "line 3: text after a closing quote");
  EXPECT_EQ(docs[0].warnings[1],
            "line 4: 3 fields where the header has 2; the fields after "
            "column 2 are kept as \"column N\"");
}

TEST(RecordsTest, KeepsShortCsvRowsWithWarning) {
  std::string csv =
      "title,date,body\n"
      "好,2022-01-05,正文一\n"
      "追加一行：更正公告。\n";
  std::vector<Document> docs =
      ExtractRecords(csv, Format::kCsv, ExtractOptions{});

  EXPECT_EQ(Titles(docs),
            (std::vector<std::string>{"好", "追加一行：更正公告。"}));
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_EQ(docs[0].warnings[0],
            "line 3: 1 field where the header has 3; the others are empty");
}

TEST(RecordsTest, DateColumnIsPublishedDate) {
  std::string csv =
      "url,title,date,text\n"
      "http://example.org/1,示例采购公告,2024-05-20,采购办公设备一批。\n";
  std::vector<Document> docs =
      ExtractRecords(csv, Format::kCsv, ExtractOptions{});
  ASSERT_EQ(docs.size(), 2u);

  Fields fields = ExtractFields(docs[1]);
  ASSERT_FALSE(fields.dates.empty());
  EXPECT_EQ(fields.dates[0].kind, "published");
  EXPECT_EQ(fields.dates[0].value, "2024-05-20");
  EXPECT_EQ(fields.dates[0].raw, "2024-05-20");
}

TEST(RecordsTest, PartyColumnsGiveParties) {
  std::string jsonl =
      "{\"title\":\"嘉善县妇幼保健院智能衣柜采购项目中标(成交)结果公告\","
      "\"agency\":\"杭州中易招标代理有限公司\",\"buyer\":\"嘉善县妇幼保健院\","
      "\"winner\":\"湖州中诚生物科技有限公司\",\"winnerInfo\":[{\"winner\":"
      "\"湖州中诚生物科技有限公司\"},{\"winner\":\"浙江某某科技有限公司\"}],"
      "\"city\":\"嘉兴市\",\"district\":\"嘉善县\"}\n"
      "{\"title\":\"某项目招标公告\",\"buyer\":\"无\",\"agency\":\" \"}\n";
  std::vector<Document> docs =
      ExtractRecords(jsonl, Format::kJsonLines, ExtractOptions{});
  ASSERT_EQ(docs.size(), 3u);

  Fields fields = ExtractFields(docs[1]);
  EXPECT_EQ(fields.buyer, "嘉善县妇幼保健院");
  EXPECT_EQ(fields.agency, "杭州中易招标代理有限公司");
  ASSERT_EQ(fields.suppliers.size(), 2u);
  EXPECT_EQ(fields.suppliers[0].name, "湖州中诚生物科技有限公司");
  EXPECT_EQ(fields.suppliers[1].name, "浙江某某科技有限公司");
  // The region comes from the buyer, not the agency's city.
  EXPECT_EQ(fields.region.code, "330421");

  Fields placeholders = ExtractFields(docs[2]);
  EXPECT_EQ(placeholders.buyer, "");
  EXPECT_EQ(placeholders.agency, "");
}

// Kind, value, currency and raw text of each amount, one per line.
std::string AmountList(const Fields& fields) {
  std::string out;
  for (const Amount& a : fields.amounts) {
    out += a.kind + " " + a.value + " " + a.currency + " " + a.raw + "\n";
  }
  return out;
}

TEST(RecordsTest, AmountColumnsGiveAmounts) {
  std::string jsonl =
      // Bare figures under English names, as jianyu-style scrapers keep
      // them, and a JSON number written from a double.
      "{\"title\":\"某医院手术行为管理系统中标结果公示\",\"budget\":2000000,"
      "\"bidAmount\":88000,\"bid_count\":3,\"budgetYear\":2025}\n"
      // A money object whose siblings give unit and currency.
      "{\"title\":\"某局成交公告\",\"total_winning_money\":{"
      "\"money_amount\":9.955,\"money_unit\":\"万元\","
      "\"money_currency\":\"人民币\"}}\n"
      // Currency in the name, and a bare value with a qualifier.
      "{\"title\":\"Timber harvesting services\",\"lot_value_eur\":"
      "1577466.41,\"total_contract_value_eur\":446422994.0300024,"
      "\"value\":12,\"price_type\":\"fixed\"}\n"
      // A figure with its unit, which the text patterns also find.
      "{\"title\":\"某分公司发电服务项目比选公告\",\"budget\":\"93.47万元\","
      "\"max_price\":\"1,200,000\"}\n"
      // Placeholders, zero and an unknown currency are not amounts.
      "{\"title\":\"某项目公告\",\"budget\":\"公告未明确列示\","
      "\"bidAmount\":0,\"price\":5,\"currency\":\"CHF\"}\n"
      // Figures are rounded to cents, long fractions included.
      "{\"title\":\"某项目公告\",\"unit_price\":\"12.345\","
      "\"fee\":\"0.0000000000000000000000000000001\"}\n";
  std::vector<Document> docs =
      ExtractRecords(jsonl, Format::kJsonLines, ExtractOptions{});
  ASSERT_EQ(docs.size(), 7u);

  // JSON objects are read with their keys in sorted order.
  EXPECT_EQ(AmountList(ExtractFields(docs[1])),
            "award 88000 CNY bidAmount: 88000\n"
            "budget 2000000 CNY budget: 2000000\n");
  EXPECT_EQ(AmountList(ExtractFields(docs[2])),
            "award 99550 CNY total_winning_money.money_amount: 9.955\n");
  EXPECT_EQ(AmountList(ExtractFields(docs[3])),
            "other 1577466.41 EUR lot_value_eur: 1577466.41\n"
            "award 446422994.03 EUR total_contract_value_eur: "
            "446422994.0300024\n");
  // The text's 93.47万元 takes the column's kind instead of being given
  // twice.
  EXPECT_EQ(AmountList(ExtractFields(docs[4])),
            "budget 934700 CNY 93.47万元\n"
            "ceiling 1200000 CNY max_price: 1,200,000\n");
  EXPECT_EQ(AmountList(ExtractFields(docs[5])), "");
  EXPECT_EQ(AmountList(ExtractFields(docs[6])),
            "unit_price 12.35 CNY unit_price: 12.345\n");
}

TEST(RecordsTest, ListFieldsComeAfterOwnFields) {
  std::string json =
      R"([{"title": "甲公告", "attachments": [{"name": "附件.pdf",
           "url": "https://files.example/a.pdf"}],
           "detail_url": "https://example.org/notice/1"},
          {"title": "乙公告", "attachments": [{"url": "https://files.example/b.pdf"}]}])";
  std::vector<Document> docs =
      ExtractRecords(json, Format::kJson, ExtractOptions{});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[1].metadata.extra.at("url"), "https://example.org/notice/1");
  EXPECT_EQ(docs[1].metadata.title, "甲公告");
  // With nothing else, a list's field still gives the role.
  EXPECT_EQ(docs[2].metadata.extra.at("url"), "https://files.example/b.pdf");
}

TEST(RecordsTest, UrlFoundBySuffixMustBeAbsolute) {
  std::string json =
      R"([{"title": "甲公告", "areaUrl": "/list/city/AH_FZ.html",
           "detail_url": "https://example.org/notice/1"},
          {"title": "乙公告", "subtypeUrl": "/list/stype/ZBJG_CJ.html"},
          {"title": "丙公告", "url": "/notice/3"}])";
  std::vector<Document> docs =
      ExtractRecords(json, Format::kJson, ExtractOptions{});
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[1].metadata.extra.at("url"), "https://example.org/notice/1");
  EXPECT_EQ(docs[2].metadata.extra.count("url"), 0u);
  // A field named exactly "url" is taken as the scraper wrote it.
  EXPECT_EQ(docs[3].metadata.extra.at("url"), "/notice/3");
}

TEST(RecordsTest, PartyColumnsOverrideTheText) {
  // The flattened result table runs the supplier's name into its
  // neighbours; the winner column has it alone.
  std::string jsonl =
      "{\"title\":\"某医院维保项目中标结果公告\",\"detail\":"
      "\"中标人：某医院维保项目"
      "中标人中标价格某某软件技术有限公司\",\"winner\":"
      "\"某某软件技术有限公司\","
      "\"projectNo\":\"CGGG0535\"}\n"
      // A project number in the text wins over the column.
      "{\"title\":\"某项目招标公告\",\"detail\":\"项目编号：SDGP3701-45\","
      "\"project_code\":\"3701-45\"}\n";
  std::vector<Document> docs =
      ExtractRecords(jsonl, Format::kJsonLines, ExtractOptions{});
  ASSERT_EQ(docs.size(), 3u);

  Fields award = ExtractFields(docs[1]);
  ASSERT_EQ(award.suppliers.size(), 1u);
  EXPECT_EQ(award.suppliers[0].name, "某某软件技术有限公司");
  EXPECT_EQ(award.project_number, "CGGG0535");
  EXPECT_EQ(ExtractFields(docs[2]).project_number, "SDGP3701-45");
}

TEST(RecordsTest, CategoryColumnGivesNoticeType) {
  std::string jsonl =
      "{\"title\":\"某医院维保项目\",\"subtype\":\"合同\"}\n"
      "{\"title\":\"某医院维保项目\",\"subtype\":\"成交\"}\n"
      "{\"title\":\"某医院维保项目\",\"category\":\"采购项目预公告\"}\n"
      "{\"title\":\"Timber harvesting\",\"notice_type\":\"CAN\"}\n"
      "{\"title\":\"某医院维保项目\",\"subtype\":\"其它\"}\n"
      // The title wins over the column.
      "{\"title\":\"某医院维保项目更正公告\",\"subtype\":\"成交\"}\n";
  std::vector<Document> docs =
      ExtractRecords(jsonl, Format::kJsonLines, ExtractOptions{});
  ASSERT_EQ(docs.size(), 7u);
  EXPECT_EQ(ExtractFields(docs[1]).notice_type, "contract");
  EXPECT_EQ(ExtractFields(docs[2]).notice_type, "award");
  EXPECT_EQ(ExtractFields(docs[3]).notice_type, "intention");
  EXPECT_EQ(ExtractFields(docs[4]).notice_type, "award");
  EXPECT_EQ(ExtractFields(docs[5]).notice_type, "other");
  EXPECT_EQ(ExtractFields(docs[6]).notice_type, "amendment");
}

TEST(RecordsTest, RegionColumnsNarrowTheRegion) {
  std::string jsonl =
      "{\"title\":\"手术行为管理系统\",\"buyer\":\"河北医科大学第四医院\","
      "\"area\":\"河北\",\"city\":\"石家庄市\"}\n"
      // Columns that name another province are the winner's, not the
      // buyer's.
      "{\"title\":\"维保服务\",\"buyer\":\"福州大学附属省立医院\","
      "\"area\":\"浙江\",\"city\":\"杭州市\"}\n"
      // Without any other place, the columns give the region.
      "{\"title\":\"某项目\",\"region\":\"福建\"}\n";
  std::vector<Document> docs =
      ExtractRecords(jsonl, Format::kJsonLines, ExtractOptions{});
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(ExtractFields(docs[1]).region.code, "130100");
  EXPECT_EQ(ExtractFields(docs[2]).region.code, "350100");
  EXPECT_EQ(ExtractFields(docs[3]).region.code, "350000");
}

TEST(RecordsTest, DateColumnGivesYearToText) {
  std::string csv =
      "title,date,text\n"
      "示例采购公告,2024-05-20,投标截止时间：12月31日。\n";
  std::vector<Document> docs =
      ExtractRecords(csv, Format::kCsv, ExtractOptions{});
  ASSERT_EQ(docs.size(), 2u);

  Fields fields = ExtractFields(docs[1]);
  ASSERT_EQ(fields.dates.size(), 2u);
  EXPECT_EQ(fields.dates[0].value, "2024-05-20");
  EXPECT_EQ(fields.dates[1].value, "2024-12-31");
}

TEST(RecordsTest, ReadsJsonShapes) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {R"([{"title": "甲"}, {"title": "乙"}])", {"甲", "乙"}},
      {R"({"meta": {"total": 2}, "items": [{"title": "甲"}, {"title": "乙"}],
          "tags": [{"k": 1}]})",
       {"甲", "乙"}},
      {R"({"result": {"data": {"list": [{"name": "甲"}]}}})", {"甲"}},
      {R"({"title": "单条公告", "content": "正文",
          "attachments": [{"name": "a.pdf"}, {"name": "b.pdf"}]})",
       {"单条公告"}},
      {R"({"title": "搜索结果", "data": [{"title": "甲"}, {"title": "乙"}]})",
       {"甲", "乙"}},
      {R"({"标题": "无数组"})", {"无数组"}},
  };
  for (const auto& [input, expected] : cases) {
    std::vector<Document> docs =
        ExtractRecords(input, Format::kJson, ExtractOptions{});
    EXPECT_EQ(Titles(docs), expected) << input;
  }
}

TEST(RecordsTest, FlattensNestedJson) {
  std::string json = R"([{"title": "公告", "detail": {"content": "<p>正文</p>",
      "budget": 1000000}, "publishTime": 1742892661, "tags": ["a", "b"],
      "source_url": "http://example.org/x"}])";
  std::vector<Document> docs =
      ExtractRecords(json, Format::kJson, ExtractOptions{});

  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].metadata.created, "2025-03-25T08:51:01Z");
  EXPECT_EQ(docs[1].metadata.extra.at("url"), "http://example.org/x");
  EXPECT_EQ(PageText(docs[1]),
            "公告\n正文\ndetail.budget: 1000000\ntags.0: a\ntags.1: b");
}

TEST(RecordsTest, BodyStartingWithTitleGivesItOnce) {
  std::string json =
      R"([{"title": "某局采购公告", "content": "某局采购公告\n一、项目概况"},
          {"title": "某局中标公告", "content": "  某局中标公告 正文"},
          {"title": "某局更正公告", "content": "正文在前。某局更正公告"}])";
  std::vector<Document> docs =
      ExtractRecords(json, Format::kJson, ExtractOptions{});
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(PageText(docs[1]), "某局采购公告\n一、项目概况");
  EXPECT_EQ(PageText(docs[2]), "  某局中标公告 正文");
  EXPECT_EQ(PageText(docs[3]), "某局更正公告\n正文在前。某局更正公告");
  EXPECT_EQ(docs[1].metadata.title, "某局采购公告");
}

TEST(RecordsTest, WarnsOnBadJsonLines) {
  std::string jsonl =
      "{\"title\": \"一\"}\n"
      "{\"title\": \n"
      "\n"
      "[1, 2]\n"
      "{\"title\": \"四\"}\n";
  std::vector<Document> docs =
      ExtractRecords(jsonl, Format::kJsonLines, ExtractOptions{});

  EXPECT_EQ(Titles(docs), (std::vector<std::string>{"一", "四"}));
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[2].locator, "record 4");
  ASSERT_EQ(docs[0].warnings.size(), 2u);
  EXPECT_TRUE(docs[0].warnings[0].starts_with("line 2: invalid JSON: "))
      << docs[0].warnings[0];
  EXPECT_EQ(docs[0].warnings[1], "line 4: array is not an object; skipped");
}

TEST(RecordsTest, ReadsPythonNanAsNull) {
  std::string json =
      R"([{"title": "NaN 与 Infinity", "v": NaN, "w": -Infinity}])";
  std::vector<Document> docs =
      ExtractRecords(json, Format::kJson, ExtractOptions{});

  EXPECT_EQ(docs[0].status, ExtractStatus::kOk);
  EXPECT_EQ(Titles(docs), std::vector<std::string>{"NaN 与 Infinity"});
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_EQ(docs[0].warnings[0],
            "2 NaN or Infinity literals, which JSON forbids, read as null");
}

TEST(RecordsTest, FailsOnInvalidJson) {
  std::vector<Document> docs = ExtractRecords(
      "[{\"title\": \"a\"},\n{\"title\" }]", Format::kJson, ExtractOptions{});

  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].status, ExtractStatus::kFailed);
  EXPECT_TRUE(docs[0].error.starts_with("line 2: invalid JSON: "))
      << docs[0].error;
}

// A dump cut short inside a record keeps the records before the cut, as
// records, with a warning naming the record lost. A record's own list of
// attachments is no record.
TEST(RecordsTest, CutJsonKeepsCompleteRecords) {
  const std::vector<std::string> inputs = {
      R"([{"title": "甲", "files": [{"n": 1}, {"n": 2}]}, {"title": "乙"},
          {"title": "丙", "files": [{"n": 1}, {"n": 2}], "content": "正)",
      R"({"code": 0, "data": {"list": [{"title": "甲"}, {"title": "乙"},
          {"title": "丙", "content": "正)",
  };
  for (const std::string& input : inputs) {
    std::vector<Document> docs =
        ExtractRecords(input, Format::kJson, ExtractOptions{});
    EXPECT_EQ(docs[0].status, ExtractStatus::kOk) << docs[0].error;
    EXPECT_EQ(Titles(docs), (std::vector<std::string>{"甲", "乙"})) << input;
    ASSERT_FALSE(docs[0].warnings.empty()) << input;
    EXPECT_EQ(docs[0].warnings.back(),
              "the file ends inside record 3, cut short: that record is lost "
              "and the 2 before it are kept");
  }
  // Cut inside the first record, the dump has no complete record.
  std::vector<Document> first = ExtractRecords(
      R"([{"title": "甲", "content": "正)", Format::kJson, ExtractOptions{});
  EXPECT_EQ(first[0].status, ExtractStatus::kFailed);
  EXPECT_EQ(first.size(), 1u);
}

TEST(RecordsTest, SameRecordHasOneIdAcrossFiles) {
  std::string csv = "title,url\n公告,http://example.org/1\n";
  std::string json = R"([{"url": "http://example.org/1", "title": "公告"}])";
  std::vector<Document> from_csv =
      ExtractRecords(csv, Format::kCsv, ExtractOptions{});
  std::vector<Document> from_json =
      ExtractRecords(json, Format::kJson, ExtractOptions{});

  ASSERT_EQ(from_csv.size(), 2u);
  ASSERT_EQ(from_json.size(), 2u);
  EXPECT_NE(from_csv[0].id, from_json[0].id);
  EXPECT_EQ(from_csv[1].id, from_json[1].id);
}

TEST(RecordsTest, SurvivesEveryTruncation) {
  const std::vector<std::pair<std::string, Format>> inputs = {
      {"title,body\n\"甲,乙\",\"多\n行\"\n丙,丁\n", Format::kCsv},
      {R"({"data": [{"title": "甲", "x": {"y": [1, "二"]}}, {"title": "乙"}]})",
       Format::kJson},
      {"{\"title\": \"甲\"}\n{\"title\": \"乙\"}\n", Format::kJsonLines},
  };
  for (const auto& [input, format] : inputs) {
    for (size_t length = 0; length <= input.size(); ++length) {
      std::vector<Document> docs =
          ExtractRecords(input.substr(0, length), format, ExtractOptions{});
      ASSERT_FALSE(docs.empty()) << input << " cut at " << length;
      EXPECT_EQ(docs[0].format, format) << length;
    }
  }
}

TEST(RecordsTest, WarnsOnOverrideNameNoRecordHas) {
  std::string csv = "bt,nr\n招标公告,正文\n中标公告,正文二\n";
  ExtractOptions options;
  options.title_fields = {"nosuch"};
  options.text_fields = {"nr"};
  std::vector<Document> docs = ExtractRecords(csv, Format::kCsv, options);
  ASSERT_EQ(docs.size(), 3u);
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_EQ(docs[0].warnings[0],
            "--title-field nosuch: no record of this file has a non-empty "
            "column or key of that name");

  options.title_fields = {"bt"};
  EXPECT_TRUE(ExtractRecords(csv, Format::kCsv, options)[0].warnings.empty());
}

TEST(RecordsTest, OptionsOverrideFieldNames) {
  std::string csv = "headline,title,when,text\n真标题,假标题,2020-01-01,正文\n";
  ExtractOptions options;
  options.title_fields = {"headline"};
  options.date_fields = {"when"};
  options.text_fields = {"text"};
  std::vector<Document> docs = ExtractRecords(csv, Format::kCsv, options);

  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].metadata.title, "真标题");
  EXPECT_EQ(docs[1].metadata.created, "2020-01-01");
  EXPECT_EQ(PageText(docs[1]), "真标题\n正文\ntitle: 假标题");
}

struct CorpusDump {
  std::string path;         // under ../shared/corpus
  size_t records;           // expected number of records
  std::string first_title;  // title of record 1; empty: no title field
};

// Counts and first titles read from the files themselves.
const std::vector<CorpusDump>& CorpusDumps() {
  static const std::vector<CorpusDump> kDumps = {
      {"daijy0926__zhaotoubiaoshuju/data__test1.json", 100,
       "福州大学附属省立医院“金山院区手术行为管理系统”项目市场调研公告"},
      {"daijy0926__zhaotoubiaoshuju/data__sssxw1.json", 100,
       "遂昌县人民医院手术室行为管理系统采购项目合同"},
      {"daijy0926__zhaotoubiaoshuju/data__ssscxg1.json", 100,
       "常州市第一人民医院医用织物租赁洗涤及智能化管理采购项目中标公告"},
      {"daijy0926__zhaotoubiaoshuju/data__sssgxg1.json", 100,
       "广西新侨咨询有限公司关于产房空调、消毒机与柜体等物资成交公告"},
      {"jlxxlj__bidding/"
       "analysis__test__ccgp__http___www.ccgp.gov.cn_cggg_dfgg_cjgg_201611_"
       "t20161130_7658293.htm.json",
       1,
       "巴林左旗农牧业局巴林左旗公共资源交易中心信息网络及软件采购成交结果公告"
       "成交公告"},
      {"jlxxlj__bidding/"
       "analysis__test__cqgp__https___www.cqgp.gov.cn_notices_"
       "376668591300505600.json",
       1, "重庆文理学院数字化校园配套设备(16A5421,16A5420,16A5622)结果公告"},
      {"jlxxlj__bidding/"
       "analysis__test__cqggzy__http___www.cqggzy.com_xxhz_014001_014001004_"
       "20170109_482f0da6-8dc3-4d50-9341-2de361a718d5.html.json",
       1, "酉阳县偏柏乡中心小学校教学楼及运动场工程中标结果公告"},
      {"lemorange-joe__flutter_gov_auction/"
       "db__csv_source__auctionList_1-2022_TC.csv",
       1737, ""},
      {"charlotty2026__bid-toolkit/rfp__samples__real_bids__招标文件清单.csv",
       15, "银川国芳外墙logo字制作安装"},
      {"wirthal1990-tech__EU-Procurement-Dataset/"
       "eu__procurement_500_sample_v1.1.json",
       500, ""},
      {"z1404027309-glitch__huadong-caigou-radar/public__data__unicom-notices."
       "json",
       92,
       "2026年中国联通浙江临平算力中心DC1楼202机房配套新建工程采购项目公告"},
      {"z1404027309-glitch__huadong-caigou-radar/public__data__tower-notices."
       "json",
       546,
       "铁塔能源有限公司福建分公司2026年宁德电信局楼屋面发电服务项目比选公告"},
      {"Gaius-Julius-Caeasar__zhaobiao/ggzy__ggzy__recruit.csv", 3425,
       "广州市公安局番禺区分局智能执法办案中心审讯工作一体机采购项目(CZ2020-"
       "1943)招标公告"},
      {"khtsai1973__gov-procurement-law-tutor/data__moj-cache__A0030057.json",
       1, "政府採購法"},
      {"DanrunFR__ccgp_trade_detection_data/data__trade.csv", 15994,
       "江西诚信伟业招标咨询有限公司关于江西中医药大学附属医院采购一批医用病床"
       "和床头柜项目（项目编号：1493-226105148020）竞争性谈判采购公告"},
      {"beidouKen__ggzy-workspace/"
       "ggzy_bid_scout__data__structured__bid_data.json",
       100,
       "德清县体育中心（县少年儿童体育学校）的少体校学生就学、训练、参赛等用车"
       "服务采购项目合同"},
      {"beidouKen__ggzy-workspace/"
       "ggzy_bid_scout__data__reports__bid_report.csv",
       100,
       "德清县体育中心（县少年儿童体育学校）的少体校学生就学、训练、参赛等用车"
       "服务采购项目合同"},
      {"coomaso__zhongbiao/zb.json", 312,
       "三峡库区宜昌柑橘特色产业灌区（沿江片区）[古夫镇万家湾、夫子及深渡河]("
       "第2次招标)中标结果公告"},
  };
  return kDumps;
}

Format FormatOfPath(const std::string& path) {
  return path.ends_with(".csv") ? Format::kCsv : Format::kJson;
}

TEST(RecordsCorpusTest, ReadsEveryCorpusDump) {
  BIDSCOPE_REQUIRE_SHARED();
  for (const CorpusDump& dump : CorpusDumps()) {
    std::string bytes =
        testing::ReadFile(testing::SharedDir() / "corpus" / dump.path);
    std::vector<Document> docs =
        ExtractRecords(bytes, FormatOfPath(dump.path), ExtractOptions{});

    ASSERT_FALSE(docs.empty()) << dump.path;
    EXPECT_EQ(docs[0].status, ExtractStatus::kOk) << dump.path << docs[0].error;
    EXPECT_EQ(docs.size() - 1, dump.records) << dump.path;
    if (docs.size() < 2) continue;
    EXPECT_EQ(docs[1].metadata.title, dump.first_title) << dump.path;
    EXPECT_FALSE(PageText(docs[1]).empty()) << dump.path;

    size_t untitled = 0;
    for (size_t i = 1; i < docs.size(); ++i) {
      if (docs[i].metadata.title.empty()) ++untitled;
    }
    if (!dump.first_title.empty()) {
      EXPECT_EQ(untitled, 0u) << dump.path;
    }
  }
}

TEST(RecordsCorpusTest, ReadsUnlistedManifestDumps) {
  BIDSCOPE_REQUIRE_SHARED();
  std::ifstream manifest(testing::SharedDir() / "corpus/MANIFEST.tsv");
  std::string line;
  std::vector<std::string> missing;
  while (std::getline(manifest, line)) {
    std::istringstream fields(line);
    std::vector<std::string> columns;
    for (std::string column; std::getline(fields, column, '\t');) {
      columns.push_back(column);
    }
    if (columns.size() < 7 || (columns[6] != "csv" && columns[6] != "json")) {
      continue;
    }
    bool listed = false;
    for (const CorpusDump& dump : CorpusDumps()) {
      listed = listed || dump.path == columns[0];
    }
    // Files of the same sources not in the table still have to parse.
    if (listed) continue;
    std::string bytes =
        testing::ReadFile(testing::SharedDir() / "corpus" / columns[0]);
    std::vector<Document> docs =
        ExtractRecords(bytes, FormatOfPath(columns[0]), ExtractOptions{});
    EXPECT_EQ(docs[0].status, ExtractStatus::kOk) << columns[0];
    EXPECT_GT(docs.size(), 1u) << columns[0];
    if (docs.size() > 1) {
      EXPECT_FALSE(docs[1].metadata.title.empty()) << columns[0];
    }
  }
}

TEST(RecordsCorpusTest, ReadsKnownRecordFields) {
  BIDSCOPE_REQUIRE_SHARED();
  std::string bytes =
      testing::ReadFile(testing::SharedDir() /
                        "corpus/jlxxlj__bidding/"
                        "analysis__test__cqgp__https___www.cqgp.gov.cn_notices_"
                        "376668591300505600.json");
  std::vector<Document> docs =
      ExtractRecords(bytes, Format::kJson, ExtractOptions{});

  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].metadata.created, "2016-11-21T08:47:30");
  EXPECT_EQ(docs[1].metadata.extra.at("url"),
            "https://www.cqgp.gov.cn/notices/376668591300505600");
  EXPECT_EQ(PageText(docs[1]).find('<'), std::string::npos);
}

}  // namespace
}  // namespace bidscope
