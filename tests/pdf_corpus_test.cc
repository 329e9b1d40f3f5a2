// Every PDF of the shared corpus: no crash, Poppler's page count, and text
// where the manifest records a good text layer.
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "extract/formats.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

namespace fs = std::filesystem;

// Manifest notes by corpus-relative path.
std::map<std::string, std::string> ReadManifestNotes(const fs::path& corpus) {
  std::map<std::string, std::string> notes;
  std::ifstream manifest(corpus / "MANIFEST.tsv");
  std::string line;
  while (std::getline(manifest, line)) {
    size_t tab = line.find('\t');
    size_t last_tab = line.rfind('\t');
    if (tab == std::string::npos) continue;
    notes[line.substr(0, tab)] = line.substr(last_tab + 1);
  }
  return notes;
}

// Page count as pdfinfo prints it, or -1 when pdfinfo fails.
int PdfinfoPages(const fs::path& path) {
  testing::CommandResult result =
      testing::RunProgram("pdfinfo", {path.string()});
  size_t at = result.out.find("\nPages:");
  if (result.exit_code != 0 || at == std::string::npos) return -1;
  return std::stoi(result.out.substr(at + 7));
}

TEST(PdfCorpusTest, EveryPdfExtracts) {
  BIDSCOPE_REQUIRE_SHARED();
  fs::path corpus = testing::SharedDir() / "corpus";
  std::map<std::string, std::string> notes = ReadManifestNotes(corpus);
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  int checked = 0;
  for (const fs::directory_entry& entry :
       fs::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".pdf") {
      continue;
    }
    std::string relative = fs::relative(entry.path(), corpus).string();
    Document doc = ExtractPdf(testing::ReadFile(entry.path()), options);
    ++checked;

    EXPECT_EQ(ExtractStatusName(doc.status), "ok") << relative << doc.error;
    EXPECT_EQ(doc.metadata.page_count, PdfinfoPages(entry.path())) << relative;
    EXPECT_EQ(doc.pages.size(), static_cast<size_t>(doc.metadata.page_count))
        << relative;
    if (notes[relative].find("pdftotext: text OK") == std::string::npos) {
      continue;
    }
    size_t text_bytes = 0;
    for (const Page& page : doc.pages) text_bytes += page.text.size();
    EXPECT_GT(text_bytes, 0u) << relative;
  }
  EXPECT_GT(checked, 0);
}

// A scanned English report whose later pages are tables turned sideways:
// Tesseract reads them with low confidence, and their text stays out of
// the index instead of giving false matches.
TEST(PdfCorpusTest, SidewaysScanIsReadUpright) {
  BIDSCOPE_REQUIRE_SHARED();
  fs::path path = testing::SharedDir() / "corpus" /
                  "South-Africa-Government-Procurement__data" /
                  "national__SAA_-_PPE_Procurement.pdf";
  if (!fs::exists(path)) GTEST_SKIP() << path << " is not in the corpus";
  Document doc = ExtractPdf(testing::ReadFile(path), ExtractOptions{});
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_EQ(doc.pages[0].origin, TextOrigin::kOcr);
  EXPECT_EQ(doc.pages[0].ocr_rotation, 0);
  // The second page is a table scanned a quarter turn anticlockwise.
  const Page& table = doc.pages[1];
  EXPECT_EQ(table.origin, TextOrigin::kOcr);
  EXPECT_EQ(table.ocr_rotation, 90);
  EXPECT_TRUE(table.reliable);
  EXPECT_GE(table.ocr_confidence, 50);
  EXPECT_NE(table.text.find("SURGICAL MASK"), std::string::npos) << table.text;
  EXPECT_NE(table.text.find("Hand Sanitizer"), std::string::npos) << table.text;
}

TEST(PdfCorpusTest, RuledTableScanIsReadWithoutRules) {
  BIDSCOPE_REQUIRE_SHARED();
  fs::path path = testing::SharedDir() / "corpus" /
                  "South-Africa-Government-Procurement__data" /
                  "national__ARC_-_Procurement_of_PPEs_Report_07.08.2020.pdf";
  if (!fs::exists(path)) GTEST_SKIP() << path << " is not in the corpus";
  Document doc = ExtractPdf(testing::ReadFile(path), ExtractOptions{});
  ASSERT_EQ(doc.pages.size(), 5u);
  EXPECT_FALSE(doc.pages[0].ocr_rules_removed);
  // Tables ruled in grid lines and scanned sideways: turned and without
  // their rules they read well enough to index.
  for (size_t i = 1; i < doc.pages.size(); ++i) {
    const Page& page = doc.pages[i];
    EXPECT_EQ(page.origin, TextOrigin::kOcr) << "page " << page.number;
    EXPECT_EQ(page.ocr_rotation, 270) << "page " << page.number;
    EXPECT_TRUE(page.ocr_rules_removed) << "page " << page.number;
    EXPECT_TRUE(page.reliable) << "page " << page.number;
  }
  EXPECT_NE(doc.pages[2].text.find("Disinfection of office"), std::string::npos)
      << doc.pages[2].text;
}

}  // namespace
}  // namespace bidscope
