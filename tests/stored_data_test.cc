#include "index/stored_data.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "index/index.h"

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

TEST(StoredDataTest, SummaryThenJsonThenTexts) {
  std::string data = SerializeStoredData(SampleDocument());
  ASSERT_EQ(data.front(), '\x01');
  size_t summary_end = data.find('\0');
  ASSERT_NE(summary_end, std::string::npos);
  size_t head_end = data.find('\0', summary_end + 1);
  ASSERT_NE(head_end, std::string::npos);

  json summary = json::parse(data.substr(1, summary_end - 1));
  EXPECT_EQ(summary["paths"], json({"a.pdf"}));
  EXPECT_EQ(summary["pages"][0], json({1, true, 25, json::array()}));

  std::string head = data.substr(summary_end + 1, head_end - summary_end - 1);
  EXPECT_EQ(head.find("采购"), std::string::npos) << head;
  EXPECT_EQ(head.find("paths"), std::string::npos) << head;
  EXPECT_NE(head.find("\"text_bytes\":25"), std::string::npos) << head;
  EXPECT_EQ(data.substr(head_end + 1),
            std::string("第一页：采购公告\nnul\0inside", 35));
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
  EXPECT_EQ(replaced.front(), '\x01');
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
  const std::string cases[] = {data + "x",
                               data.substr(0, data.size() - 1),
                               std::string("{\"pages\":[{}]}\0abc", 17),
                               std::string("{}\0abc", 6),
                               "[1,2]",
                               "{",
                               "\x01{}",
                               std::string("\x01{}\0{}", 6),
                               std::string("\x01[]\0{}\0", 7)};
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
  size_t original_head = original.find('\0');
  size_t replaced_head = data.find('\0');
  EXPECT_EQ(data.substr(replaced_head), original.substr(original_head));
}

}  // namespace
}  // namespace bidscope
