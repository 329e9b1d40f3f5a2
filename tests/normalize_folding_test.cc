// Normalize folds Traditional Chinese piece by piece, between characters
// that no OpenCC dictionary key contains. These tests check that the result
// equals OpenCC t2s run once over the whole unfolded text.
#include <gtest/gtest.h>
#include <opencc/SimpleConverter.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/normalize.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

// The same configuration file that extract/normalize.cc loads.
constexpr char kT2sConfig[] = "/usr/share/opencc/t2s.json";

// Corpus files above this size are skipped to keep the test short.
constexpr uintmax_t kMaxCorpusFileBytes = 1500 * 1024;

std::string FoldWholeText(std::string_view original) {
  static const opencc::SimpleConverter converter(kT2sConfig);
  NormalizeOptions unfolded;
  unfolded.fold_traditional = false;
  return converter.Convert(Normalize(original, unfolded).text);
}

class FoldingTableTest : public ::testing::TestWithParam<const char*> {};

TEST_P(FoldingTableTest, MatchesWholeTextConversion) {
  EXPECT_EQ(Normalize(GetParam()).text, FoldWholeText(GetParam()));
}

INSTANTIATE_TEST_SUITE_P(
    Table, FoldingTableTest,
    ::testing::Values(
        "臺北市政府採購公告：本案採購輿情監測服務，預算金額新臺幣參拾貳萬元整"
        "。",
        "乾隆年間，乾燥的天氣裡頭髮乾了。",
        "著作權與著名的著陸：沈先生沈思後發現了頭髮。",
        "於是他們在這裡開發了後臺系統與雲端資料庫。",
        "政府采购中心发布招标公告，项目编号ZB2021-0123，预算金额为人民币",
        "一隻隻、一對對，〇〇七號。（甲）乙丙；丁？",
        "（臺灣）【採購】「標案」", "ＡＢＣ１２３　計畫ＩＤ：ＸＹ－００１",
        "後 台 系 統 與 資 料 庫", ""));

TEST(FoldingCorpusTest, MatchesWholeTextConversionOnCorpus) {
  BIDSCOPE_REQUIRE_SHARED();
  std::filesystem::path manifest = testing::SharedDir() / "corpus/MANIFEST.tsv";
  std::ifstream rows(manifest);
  ASSERT_TRUE(rows) << manifest;
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  std::string row;
  std::getline(rows, row);  // header
  int pages_checked = 0;
  while (std::getline(rows, row)) {
    std::string path = row.substr(0, row.find('\t'));
    if (row.find("\tzh-") == std::string::npos) continue;
    std::filesystem::path file = testing::SharedDir() / "corpus" / path;
    if (!std::filesystem::exists(file) ||
        std::filesystem::file_size(file) > kMaxCorpusFileBytes) {
      continue;
    }
    for (const Document& doc : ExtractFile(file.string(), options)) {
      for (const Page& page : doc.pages) {
        EXPECT_EQ(Normalize(page.text).text, FoldWholeText(page.text))
            << path << " page " << page.number;
        ++pages_checked;
      }
    }
  }
  EXPECT_GT(pages_checked, 0);
}

}  // namespace
}  // namespace bidscope
