#include "extract/normalize.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace bidscope {
namespace {

struct NormalizeCase {
  const char* input;
  const char* expected;
};

class NormalizeTableTest : public ::testing::TestWithParam<NormalizeCase> {};

TEST_P(NormalizeTableTest, ProducesExpectedText) {
  EXPECT_EQ(NormalizeText(GetParam().input), GetParam().expected)
      << "input: " << GetParam().input;
  EXPECT_EQ(Normalize(GetParam().input).text, GetParam().expected)
      << "input: " << GetParam().input;
}

const NormalizeCase kNormalizeCases[] = {
    // NFKC: full-width letters and digits, ideographic space, codes.
    {"ＡＢＣ１２３", "abc123"},
    {"ＺＢ２０２１－０１２３", "zb2021-0123"},
    {"中文　English", "中文 english"},
    {"面积１０㎡", "面积10m2"},
    // Chinese full-width punctuation stays as written.
    {"招标公告：本项目，一套！", "招标公告：本项目，一套！"},
    // Compatibility ideographs, Kangxi radicals and the CJK Radicals
    // Supplement become unified ideographs (豈 then folds to 岂).
    {"\uF900\u2F00\u2ED8", "岂一青"},
    {"\u2EC4年", "西年"},
    // Case folding.
    {"Straße PROJECT", "strasse project"},
    // Spaces and line breaks between Han characters are removed.
    {"招 标 公 告", "招标公告"},
    {"本项目采购舆情监测\n服务一套，服务期为\n一年。",
     "本项目采购舆情监测服务一套，服务期为一年。"},
    {"舆情监测\t \t服务", "舆情监测服务"},
    {"招标，\n服务", "招标，服务"},
    // Latin words keep one space; a line break between them is a space.
    {"Bidders must submit\nthe technical proposal.",
     "bidders must submit the technical proposal."},
    {"Project No.: ZB-2021-001 Contact:  Purchasing Office",
     "project no.: zb-2021-001 contact: purchasing office"},
    {"中文 English 中文", "中文 english 中文"},
    {"  leading and trailing  \n", "leading and trailing"},
    // Enclosed numbers become the number and a space.
    {"①2021年", "1 2021年"},
    {"⑵项目 ⒊甲 ㉑乙 ❶丙", "2 项目 3 甲 21 乙 1 丙"},
    // Traditional to Simplified, phrase-aware.
    {"乾隆", "乾隆"},
    {"著作權", "著作权"},
    {"乾燥設備", "干燥设备"},
    {"幹部培訓", "干部培训"},
    {"臺北", "台北"},
    {"三週", "三周"},
    {"臺北市政府採購公告", "台北市政府采购公告"},
    // Invalid UTF-8 becomes U+FFFD.
    {"a\xFF"
     "b",
     "a\uFFFDb"},
    {"", ""},
};

INSTANTIATE_TEST_SUITE_P(Table, NormalizeTableTest,
                         ::testing::ValuesIn(kNormalizeCases));

TEST(NormalizeTest, KeepsTraditionalWhenFoldingIsOff) {
  NormalizeOptions options;
  options.fold_traditional = false;
  EXPECT_EQ(NormalizeText("臺北 ABC", options), "臺北 abc");
}

TEST(NormalizeTest, KeepsCaseWhenCaseFoldingIsOff) {
  NormalizeOptions options;
  options.case_fold = false;
  EXPECT_EQ(NormalizeText("ＡＢＣ abc", options), "ABC abc");
}

std::string Join(const std::vector<uint32_t>& values) {
  std::string out;
  for (uint32_t value : values) {
    if (!out.empty()) out += ' ';
    out += std::to_string(value);
  }
  return out;
}

TEST(NormalizeTest, OffsetsFollowEveryStep) {
  // 臺(0-2) space(3) ①(4-6) 2(7) Ａ(8-10); output 台, space, 1, space, 2, a.
  NormalizedText result = Normalize("臺 ①2Ａ");
  EXPECT_EQ(result.text, "台 1 2a");
  EXPECT_EQ(Join(result.offsets), "0 0 0 3 4 4 7 8 11");
}

TEST(NormalizeTest, OffsetsPointBackAcrossRemovedSpaces) {
  NormalizedText result = Normalize("招 标");
  EXPECT_EQ(result.text, "招标");
  EXPECT_EQ(Join(result.offsets), "0 0 0 4 4 4 7");
}

TEST(NormalizeTest, MapsFoldedMatchToOriginalText) {
  std::string original = "臺北市政府採購公告";
  NormalizedText result = Normalize(original);
  size_t at = result.text.find("政府采购");
  ASSERT_NE(at, std::string::npos);
  OriginalSpan span = MapToOriginal(result, at, at + 12);
  EXPECT_EQ(original.substr(span.begin, span.end - span.begin), "政府採購");
}

TEST(NormalizeTest, MapsInsertedCharactersToWholeOriginal) {
  std::string original = "见①号";
  NormalizedText result = Normalize(original);
  ASSERT_EQ(result.text, "见1 号");
  OriginalSpan span = MapToOriginal(result, 3, 4);  // the 1
  EXPECT_EQ(original.substr(span.begin, span.end - span.begin), "①");
}

TEST(NormalizeTest, OffsetsAreMonotonicCharacterStarts) {
  const char* inputs[] = {"臺北 ①2Ａ\n\nabc", "ＺＢ２０２１－０１２３ 招 标",
                          "a\xFF\xFE 中", "Straße \u2ED8\u2F00 ⒈"};
  for (const char* input : inputs) {
    std::string original = input;
    NormalizedText result = Normalize(original);
    ASSERT_EQ(result.offsets.size(), result.text.size() + 1) << input;
    EXPECT_EQ(result.offsets.back(), original.size()) << input;
    for (size_t i = 1; i < result.offsets.size(); ++i) {
      EXPECT_LE(result.offsets[i - 1], result.offsets[i]) << input;
    }
    for (size_t i = 0; i + 1 < result.offsets.size(); ++i) {
      unsigned char byte = original[result.offsets[i]];
      EXPECT_NE(byte & 0xC0, 0x80) << input << " byte " << i;
    }
  }
}

// NormalizeText keeps no offsets, and its text must equal Normalize's.
TEST(NormalizeTest, TextOnlyEqualsMappedText) {
  std::vector<std::string> inputs = {"臺北 ①2Ａ\n\nabc", "a\xFF\xFE 中",
                                     "Straße \u2ED8\u2F00 ⒈ 後臺（測試）"};
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           testing::SourceDir() / "corpus-sample" / "documents")) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      inputs.push_back(testing::ReadFile(entry.path()));
    }
  }
  ASSERT_GT(inputs.size(), 4u);
  for (bool fold : {true, false}) {
    NormalizeOptions options;
    options.fold_traditional = fold;
    options.case_fold = fold;
    for (const std::string& input : inputs) {
      EXPECT_EQ(NormalizeText(input, options), Normalize(input, options).text)
          << input.substr(0, 60);
    }
  }
}

TEST(NormalizeTest, IsHanCoversIdeographsOnly) {
  EXPECT_TRUE(IsHan(U'中'));
  EXPECT_TRUE(IsHan(U'\u3400'));
  EXPECT_TRUE(IsHan(U'\U00020000'));
  EXPECT_TRUE(IsHan(U'〇'));
  EXPECT_FALSE(IsHan(U'a'));
  EXPECT_FALSE(IsHan(U'，'));
  EXPECT_FALSE(IsHan(U'。'));
  EXPECT_FALSE(IsHan(U'あ'));
}

// Prints throughput on generated text; timings are never asserted.
TEST(NormalizeTest, ReportsThroughput) {
  const std::string simplified =
      "北京市海淀区人民政府采购中心发布招标公告，项目编号ZB2021-0123，"
      "预算金额为人民币叁拾贰万元整。Bidders must submit the proposal.\n";
  const std::string traditional =
      "臺北市政府採購公告：本案採購輿情監測服務，預算金額新臺幣參拾貳萬元整。"
      "\n";
  for (const std::string* sample : {&simplified, &traditional}) {
    std::string text;
    while (text.size() < (4u << 20)) text += *sample;
    auto start = std::chrono::steady_clock::now();
    NormalizedText result = Normalize(text);
    std::chrono::duration<double> seconds =
        std::chrono::steady_clock::now() - start;
    EXPECT_FALSE(result.text.empty());
    std::printf("Normalize: %.1f MB/s on %zu bytes of %s text\n",
                text.size() / 1e6 / seconds.count(), text.size(),
                sample == &simplified ? "Simplified" : "Traditional");
  }
}

}  // namespace
}  // namespace bidscope
