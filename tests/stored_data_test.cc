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

TEST(StoredDataTest, TextsFollowTheJson) {
  std::string data = SerializeStoredData(SampleDocument());
  size_t split = data.find('\0');
  ASSERT_NE(split, std::string::npos);
  std::string head = data.substr(0, split);
  EXPECT_EQ(head.find("采购"), std::string::npos) << head;
  EXPECT_NE(head.find("\"text_bytes\":25"), std::string::npos) << head;
  EXPECT_EQ(data.substr(split + 1),
            std::string("第一页：采购公告\nnul\0inside", 35));
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
                               "{"};
  for (const std::string& malformed : cases) {
    EXPECT_THROW(ParseStoredJson(malformed), IndexError) << malformed;
  }
}

TEST(StoredDataTest, ReplacingPathsKeepsTexts) {
  std::string data =
      ReplaceStoredPaths(SerializeStoredData(SampleDocument()), {"b", "c"});
  json expected = SampleDocument();
  expected["paths"] = {"b", "c"};
  EXPECT_EQ(ParseStoredJson(data), expected);
}

}  // namespace
}  // namespace bidscope
