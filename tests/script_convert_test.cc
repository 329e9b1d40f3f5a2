// Script conversion with OpenCC: phrase by phrase for text, character by
// character for the names of a notice's parties.
#include "extract/script_convert.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bidscope {
namespace {

TEST(ScriptConvertTest, TextTakesTaiwanVocabulary) {
  EXPECT_EQ(ConvertScript("采购软件和信息服务", Script::kTraditional),
            "採購軟體和資訊服務");
  EXPECT_EQ(ConvertScript("採購軟體和資訊服務", Script::kSimplified),
            "采购软件和信息服务");
}

TEST(ScriptConvertTest, NamesKeepTheirWords) {
  std::vector<std::string> names = {"北京信息软件有限公司"};
  EXPECT_EQ(ConvertScriptKeepingNames(
                "中标供应商：北京信息软件有限公司，提供软件和信息服务。",
                Script::kTraditional, names),
            "中標供應商：北京信息軟件有限公司，提供軟體和資訊服務。");
  EXPECT_EQ(
      ConvertScriptKeepingNames("臺北資訊股份有限公司承攬資訊服務",
                                Script::kSimplified, {"臺北資訊股份有限公司"}),
      "台北资讯股份有限公司承揽信息服务");
}

TEST(ScriptConvertTest, LongestOverlappingNameWins) {
  // The buyer's name starts the supplier's: the supplier's is kept whole.
  std::vector<std::string> names = {"", "示例信息", "示例信息软件有限公司"};
  EXPECT_EQ(ConvertScriptKeepingNames("示例信息软件有限公司与示例信息中心",
                                      Script::kTraditional, names),
            "示例信息軟件有限公司與示例信息中心");
}

// Cuts are where highlights start and end: the text between them is
// converted apart, and each cut moves with the text, whose length changes.
TEST(ScriptConvertTest, CutsFollowTheConvertedText) {
  std::string text = "采购内存条，中标供应商：北京信息软件有限公司。";
  size_t memory = text.find("内存");
  size_t name = text.find("北京信息软件");
  std::vector<size_t> cuts = {memory, memory + std::string("内存").size(), name,
                              name + std::string("北京信息软件").size()};
  std::string converted = ConvertScriptKeepingNames(
      text, Script::kTraditional, {"北京信息软件有限公司"}, &cuts);
  EXPECT_EQ(converted, "採購記憶體條，中標供應商：北京信息軟件有限公司。");
  ASSERT_EQ(cuts.size(), 4u);
  EXPECT_EQ(converted.substr(cuts[0], cuts[1] - cuts[0]), "記憶體");
  EXPECT_EQ(converted.substr(cuts[2], cuts[3] - cuts[2]), "北京信息軟件");
  EXPECT_EQ(converted.substr(cuts[3]), "有限公司。");
}

TEST(ScriptConvertTest, OriginalIsUnchanged) {
  EXPECT_EQ(ConvertScriptKeepingNames("软件", Script::kOriginal, {"软件"}),
            "软件");
}

}  // namespace
}  // namespace bidscope
