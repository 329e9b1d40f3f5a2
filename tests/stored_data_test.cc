#include "index/stored_data.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extract/document_json.h"
#include "extract/extract.h"
#include "index/deflate.h"
#include "index/index.h"
#include "index/stored_data_dictionaries.h"
#include "index/varint.h"

namespace bidscope {
namespace {

using nlohmann::json;

json SampleDocument() {
  return {{"format", "pdf"},
          {"paths", {"a.pdf"}},
          {"pages",
           {{{"number", 1}, {"text", "第一页：采购公告\n"}},
            {{"number", 2}, {"text", ""}},
            {{"number", 3}, {"text", std::string("nul\0inside", 10)}}}}};
}

TEST(StoredDataTest, RoundTripKeepsPageTexts) {
  json original = SampleDocument();
  EXPECT_EQ(ParseStoredJson(SerializeStoredData(original)), original);
}

// The three blocks of deflated stored data, each with its sizes.
struct Block {
  std::string_view framed;  // sizes and stream
  std::string inflated;
};

std::vector<Block> Blocks(std::string_view data) {
  EXPECT_EQ(data.front(), '\x02');
  VarintReader reader(data.substr(1), "test data");
  const std::string_view dictionaries[] = {
      StoredJsonDictionary(), StoredTextDictionary(), StoredJsonDictionary()};
  std::vector<Block> blocks;
  for (std::string_view dictionary : dictionaries) {
    std::string_view start = reader.Rest();
    uint64_t size = reader.Varint();
    std::string_view stream = reader.Take(reader.Varint());
    Block block;
    block.framed = start.substr(0, start.size() - reader.Rest().size());
    block.inflated = Inflate(stream, dictionary, size, "test block");
    blocks.push_back(std::move(block));
  }
  EXPECT_TRUE(reader.Rest().empty());
  return blocks;
}

TEST(StoredDataTest, SummaryThenTextsThenJsonDeflated) {
  std::vector<Block> blocks = Blocks(SerializeStoredData(SampleDocument()));
  ASSERT_EQ(blocks.size(), 3u);

  json summary = json::parse(blocks[0].inflated);
  EXPECT_EQ(summary["paths"], json({"a.pdf"}));
  EXPECT_EQ(summary["pages"][0], json({1, true, 25, json::array()}));

  EXPECT_EQ(blocks[1].inflated,
            std::string("第一页：采购公告\nnul\0inside", 35));

  const std::string& head = blocks[2].inflated;
  EXPECT_EQ(head.find("采购"), std::string::npos) << head;
  EXPECT_EQ(head.find("paths"), std::string::npos) << head;
  EXPECT_NE(head.find("\"text_bytes\":25"), std::string::npos) << head;
}

// A document as PrepareDocument stores it: fields, topics, furniture.
json FullDocument() {
  json fields = {{"notice_type", "award"},
                 {"procurement_method", "open"},
                 {"project_number", "ZB-1"},
                 {"project_name", ""},
                 {"buyer", "某某市公安局"},
                 {"agency", ""},
                 {"suppliers", json::array()},
                 {"amounts",
                  {{{"kind", "award"},
                    {"value", "3200000"},
                    {"currency", "CNY"},
                    {"raw", "320万元"},
                    {"page", 2}}}},
                 {"dates",
                  {{{"kind", "published"},
                    {"value", "2021-03-05"},
                    {"raw", "2021年3月5日"},
                    {"page", 1}}}},
                 {"region", {{"code", ""}}},
                 {"warnings", json::array()}};
  return {{"sha256", std::string(64, 'b')},
          {"format", "pdf"},
          {"status", "ok"},
          {"paged", true},
          {"metadata", {{"title", "中标公告"}}},
          {"paths", {"/x/a.pdf", "/y/b.pdf"}},
          {"topics", {{{"category", "surveillance"}}}},
          {"fields", fields},
          {"pages",
           {{{"number", 1}, {"text", "页眉\n正文"}, {"furniture", {{0, 6}}}},
            {{"number", 2}, {"text", "garbage"}, {"reliable", false}}}}};
}

TEST(StoredDataTest, DictionariesShortenTypicalParts) {
  const std::string text =
      "一、项目基本情况\n项目编号：ZB2024-017\n项目名称：某某县公安局视频监控"
      "运维服务项目\n预算金额：120.5万元（人民币）\n二、申请人的资格要求：\n"
      "1.满足《中华人民共和国政府采购法》第二十二条规定；\n三、获取招标文件\n"
      "七、对本次招标提出询问，请按以下方式联系。\n1.采购人信息\n名 称："
      "某某县公安局\n地址：某某县人民路1号\n联系方式：0571-12345678\n";
  EXPECT_LT(Deflate(text, StoredTextDictionary()).size() * 10,
            Deflate(text, "").size() * 8);

  std::string head = json({{"fields", FullDocument()["fields"]},
                           {"format", "html"},
                           {"status", "ok"}})
                         .dump();
  EXPECT_LT(Deflate(head, StoredJsonDictionary()).size() * 10,
            Deflate(head, "").size() * 7);
}

TEST(StoredDataTest, ReadsUncompressedSummaryLayout) {
  std::vector<Block> blocks = Blocks(SerializeStoredData(FullDocument()));
  std::string data = "\x01" + blocks[0].inflated + std::string(1, '\0') +
                     blocks[2].inflated + std::string(1, '\0') +
                     blocks[1].inflated;
  json expected = FullDocument();
  EXPECT_EQ(ParseStoredJson(data), expected);
  EXPECT_EQ(StoredPaths(data),
            (std::vector<std::string>{"/x/a.pdf", "/y/b.pdf"}));
  EXPECT_EQ(ParseStoredHit(data).pages.pages[0].text, "页眉\n正文");

  std::string replaced = ReplaceStoredPaths(data, {"/z/c.pdf"});
  EXPECT_EQ(replaced.front(), '\x02');
  expected["paths"] = {"/z/c.pdf"};
  EXPECT_EQ(ParseStoredJson(replaced), expected);
}

TEST(StoredDataTest, HitComesFromTheSummary) {
  StoredHit hit = ParseStoredHit(SerializeStoredData(FullDocument()));
  EXPECT_EQ(hit.id, std::string(64, 'b'));
  EXPECT_EQ(hit.title, "中标公告");
  EXPECT_EQ(hit.format, "pdf");
  EXPECT_EQ(hit.paths, (std::vector<std::string>{"/x/a.pdf", "/y/b.pdf"}));
  EXPECT_EQ(hit.topics, std::vector<std::string>{"surveillance"});
  EXPECT_FALSE(hit.translated);
  EXPECT_EQ(hit.brief.notice_type, "award");
  EXPECT_EQ(hit.brief.buyer, "某某市公安局");
  EXPECT_EQ(hit.brief.published, "2021-03-05");
  ASSERT_EQ(hit.brief.amounts.size(), 1u);
  EXPECT_EQ(hit.brief.amounts[0].kind, "award");
  EXPECT_EQ(hit.brief.amounts[0].value, "3200000");
  EXPECT_EQ(hit.brief.amounts[0].currency, "CNY");
  EXPECT_TRUE(hit.brief.amounts[0].raw.empty());

  EXPECT_TRUE(hit.pages.paged);
  ASSERT_EQ(hit.pages.pages.size(), 2u);
  EXPECT_EQ(hit.pages.pages[0].text, "页眉\n正文");
  ASSERT_EQ(hit.pages.pages[0].furniture.size(), 1u);
  EXPECT_EQ(hit.pages.pages[0].furniture[0].end, 6u);
  EXPECT_EQ(hit.pages.pages[1].number, 2);
  EXPECT_EQ(hit.pages.pages[1].text, "garbage");
  EXPECT_FALSE(hit.pages.pages[1].reliable);
}

// Search inflates the start of a long text first: the page the limit falls
// in is cut there, with its running header kept up to the cut, and later
// pages are left out.
TEST(StoredDataTest, HitTextCutAtLimit) {
  std::string data = SerializeStoredData(FullDocument());
  StoredHit cut = ParseStoredHit(data, 3);
  EXPECT_TRUE(cut.text_cut);
  ASSERT_EQ(cut.pages.pages.size(), 1u);
  EXPECT_EQ(cut.pages.pages[0].text, "页");
  ASSERT_EQ(cut.pages.pages[0].furniture.size(), 1u);
  EXPECT_EQ(cut.pages.pages[0].furniture[0].end, 3u);

  // A limit at the end of a page leaves the next page out.
  StoredHit first_page = ParseStoredHit(data, 13);
  EXPECT_TRUE(first_page.text_cut);
  ASSERT_EQ(first_page.pages.pages.size(), 1u);
  EXPECT_EQ(first_page.pages.pages[0].text, "页眉\n正文");

  StoredHit whole = ParseStoredHit(data, 1000);
  EXPECT_FALSE(whole.text_cut);
  EXPECT_EQ(whole.pages.pages.size(), 2u);
}

TEST(StoredDataTest, HitFromDataWithoutSummary) {
  // The layout before summaries: the document JSON, NUL, the texts.
  json object = FullDocument();
  object["pages"] = {{{"number", 1}, {"text_bytes", 6}}};
  std::string data = object.dump() + std::string(1, '\0') + "正文";
  StoredHit hit = ParseStoredHit(data);
  EXPECT_EQ(hit.paths, (std::vector<std::string>{"/x/a.pdf", "/y/b.pdf"}));
  EXPECT_EQ(hit.brief.published, "2021-03-05");
  ASSERT_EQ(hit.pages.pages.size(), 1u);
  EXPECT_EQ(hit.pages.pages[0].text, "正文");
  EXPECT_EQ(StoredPaths(data), hit.paths);

  // Replacing its paths writes the current layout.
  std::string replaced = ReplaceStoredPaths(data, {"/z/c.pdf"});
  EXPECT_EQ(replaced.front(), '\x02');
  EXPECT_EQ(StoredPaths(replaced), std::vector<std::string>{"/z/c.pdf"});
  EXPECT_EQ(ParseStoredHit(replaced).pages.pages[0].text, "正文");
}

TEST(StoredDataTest, TranslatedDocumentIsMarked) {
  json object = FullDocument();
  object["translations"] = {{"abc", {{"target", "notice"}}}};
  EXPECT_TRUE(ParseStoredHit(SerializeStoredData(object)).translated);
}

TEST(StoredDataTest, ReadsPlainJson) {
  json original = SampleDocument();
  EXPECT_EQ(ParseStoredJson(original.dump()), original);
}

TEST(StoredDataTest, DocumentWithoutPages) {
  json original = {{"format", "zip"}, {"paths", {"a.zip"}}};
  EXPECT_EQ(ParseStoredJson(SerializeStoredData(original)), original);
}

TEST(StoredDataTest, RejectsLengthsThatDoNotAdd) {
  std::string data = SerializeStoredData(SampleDocument());
  const std::string cases[] = {data + "x", data.substr(0, data.size() - 1),
                               std::string("{\"pages\":[{}]}\0abc", 17),
                               std::string("{}\0abc", 6), "[1,2]", "{",
                               "\x01{}", std::string("\x01{}\0{}", 6),
                               std::string("\x01[]\0{}\0", 7), "\x02",
                               std::string("\x02\x05\x03"
                                           "abc\0\0\0\0",
                                           10),
                               // 2 GiB declared for a 1-byte stream.
                               std::string("\x02\x80\x80\x80\x80\x08\x01x"
                                           "\0\0\0\0",
                                           12)};
  for (const std::string& malformed : cases) {
    EXPECT_THROW(ParseStoredJson(malformed), IndexError) << malformed;
  }
  // The summary's text lengths are checked too.
  for (const std::string& malformed :
       {data + "x", data.substr(0, data.size() - 1)}) {
    EXPECT_THROW(ParseStoredHit(malformed), IndexError);
  }
}

TEST(StoredDataTest, ReplacingPathsKeepsTexts) {
  std::string original = SerializeStoredData(SampleDocument());
  std::string data = ReplaceStoredPaths(original, {"b", "c"});
  json expected = SampleDocument();
  expected["paths"] = {"b", "c"};
  EXPECT_EQ(ParseStoredJson(data), expected);
  EXPECT_EQ(StoredPaths(data), (std::vector<std::string>{"b", "c"}));

  // Only the summary changes.
  std::vector<Block> before = Blocks(original);
  std::vector<Block> after = Blocks(data);
  EXPECT_NE(after[0].inflated, before[0].inflated);
  EXPECT_EQ(after[1].framed, before[1].framed);
  EXPECT_EQ(after[2].framed, before[2].framed);
}

TEST(StoredDataTest, PathUrlsFollowTheirPaths) {
  json object = DocumentToJson(ExtractBytes("采购公告\n", "a.txt", {}).front());
  object["paths"] = {"a.txt"};
  std::string data = SerializeStoredData(object);
  data = ReplaceStoredPaths(data, {"a.txt", "b.csv#record 2"},
                            "http://b.example/2");
  StoredData stored = ParseStoredData(data);
  EXPECT_EQ(stored.path_urls, (std::map<std::string, std::string>{
                                  {"b.csv#record 2", "http://b.example/2"}}));

  // Reserialising the whole document, as importing translations does,
  // keeps them.
  std::string again = SerializeStoredData(ParseStoredJson(data));
  EXPECT_EQ(ParseStoredData(again).path_urls, stored.path_urls);

  // A removed path takes its URL with it.
  std::string removed = ReplaceStoredPaths(again, {"a.txt"});
  EXPECT_TRUE(ParseStoredData(removed).path_urls.empty());
  EXPECT_EQ(ParseStoredJson(removed).count("path_urls"), 0u);
}

TEST(StoredDataTest, DocumentUrlComesFromMetadata) {
  json object = SampleDocument();
  object["metadata"] = {{"extra", {{"url", "http://a.example/1"}}}};
  EXPECT_EQ(StoredDocumentUrl(SerializeStoredData(object)),
            "http://a.example/1");
  EXPECT_EQ(StoredDocumentUrl(SerializeStoredData(SampleDocument())), "");
}

}  // namespace
}  // namespace bidscope
