// The words read with Poppler's core classes against poppler-cpp's
// text_list, which reads the same text layer by a slower path.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include "extract/pdf_errors.h"
#include "extract/pdf_words.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

namespace fs = std::filesystem;

std::string Utf8(const poppler::ustring& text) {
  poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

std::vector<fs::path> PdfsBelow(const fs::path& root) {
  std::vector<fs::path> paths;
  if (!fs::is_directory(root)) return paths;
  for (const fs::directory_entry& entry :
       fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".pdf") {
      paths.push_back(entry.path());
    }
  }
  return paths;
}

// Compares every word of every page of `path` and returns how many.
size_t CompareWithPopplerCpp(const fs::path& path) {
  PopplerErrorCapture quiet;  // keeps the messages of damaged files
  std::string bytes = testing::ReadFile(path);
  std::unique_ptr<poppler::document> reference(
      poppler::document::load_from_raw_data(bytes.data(),
                                            static_cast<int>(bytes.size())));
  std::unique_ptr<CorePdf> core = CorePdf::Open(bytes, "");
  if (reference == nullptr || reference->is_locked()) {
    EXPECT_EQ(core, nullptr) << path;
    return 0;
  }
  EXPECT_NE(core, nullptr) << path;
  if (core == nullptr) return 0;

  size_t compared = 0;
  for (int index = 0; index < reference->pages(); ++index) {
    std::unique_ptr<poppler::page> page(reference->create_page(index));
    if (page == nullptr) continue;
    std::vector<poppler::text_box> expected =
        page->text_list(poppler::page::text_list_include_font);
    std::vector<PdfWord> words = core->PageWords(index);
    EXPECT_EQ(words.size(), expected.size()) << path << " page " << index;
    for (size_t i = 0; i < words.size() && i < expected.size(); ++i) {
      const LayoutBox& box = words[i].box;
      const poppler::text_box& want = expected[i];
      std::string where = path.string() + " page " + std::to_string(index) +
                          " word " + std::to_string(i);
      EXPECT_EQ(box.text, Utf8(want.text())) << where;
      EXPECT_DOUBLE_EQ(box.left, want.bbox().left()) << where;
      EXPECT_DOUBLE_EQ(box.top, want.bbox().top()) << where;
      EXPECT_DOUBLE_EQ(box.right, want.bbox().right()) << where;
      EXPECT_DOUBLE_EQ(box.bottom, want.bbox().bottom()) << where;
      EXPECT_DOUBLE_EQ(box.font_size, want.get_font_size()) << where;
      EXPECT_EQ(box.space_after, want.has_space_after()) << where;
      // poppler-cpp names only the fonts its scan of the page finds.
      std::string font = want.get_font_name();
      if (!font.empty()) {
        EXPECT_EQ(words[i].font_name, font) << where;
      }
      ++compared;
    }
  }
  return compared;
}

TEST(PdfWordsTest, SampleMatchesPopplerCpp) {
  std::vector<fs::path> paths =
      PdfsBelow(fs::path(BIDSCOPE_SOURCE_DIR) / "corpus-sample");
  ASSERT_FALSE(paths.empty());
  size_t compared = 0;
  for (const fs::path& path : paths) compared += CompareWithPopplerCpp(path);
  EXPECT_GT(compared, 100u);
}

TEST(PdfWordsTest, RealPdfsMatchPopplerCpp) {
  BIDSCOPE_REQUIRE_SHARED();
  std::vector<fs::path> paths = PdfsBelow(testing::SharedDir() / "corpus");
  for (const fs::path& path : PdfsBelow(testing::SharedDir() / "cases")) {
    paths.push_back(path);
  }
  ASSERT_GT(paths.size(), 20u);
  size_t compared = 0;
  for (const fs::path& path : paths) compared += CompareWithPopplerCpp(path);
  EXPECT_GT(compared, 10000u);
}

TEST(PdfWordsTest, PasswordOpensLockedFile) {
  BIDSCOPE_REQUIRE_SHARED();
  PopplerErrorCapture quiet;
  std::string bytes = testing::ReadFile(
      testing::SharedDir() /
      "cases/C06-pdf-robustness-encrypted-malformed/user-password.pdf");
  EXPECT_EQ(CorePdf::Open(bytes, ""), nullptr);
  EXPECT_EQ(CorePdf::Open(bytes, "wrong"), nullptr);

  std::unique_ptr<CorePdf> pdf = CorePdf::Open(bytes, "user-pw-123");
  ASSERT_NE(pdf, nullptr);
  std::string text;
  for (const PdfWord& word : pdf->PageWords(0)) text += word.box.text;
  EXPECT_FALSE(text.empty());
}

TEST(PdfWordsTest, RejectsBytesThatAreNotPdf) {
  PopplerErrorCapture quiet;
  EXPECT_EQ(CorePdf::Open("<html><body>not a PDF</body></html>", ""), nullptr);
  EXPECT_EQ(CorePdf::Open("", ""), nullptr);
}

}  // namespace
}  // namespace bidscope
