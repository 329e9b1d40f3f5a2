// OCR of rendered PDF pages with Tesseract. Few and small pages, because a
// page takes seconds.
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include "extract/formats.h"
#include "extract/ocr.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

std::vector<UChar32> NonSpaceCodePoints(const std::string& text) {
  std::vector<UChar32> out;
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    UChar32 c;
    U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
    if (c != ' ' && c != '\n' && c != '\t' && c != 0x3000) out.push_back(c);
  }
  return out;
}

// 1 - (Levenshtein distance / reference length), whitespace ignored.
double CharacterAccuracy(const std::string& reference,
                         const std::string& recognised) {
  std::vector<UChar32> a = NonSpaceCodePoints(reference);
  std::vector<UChar32> b = NonSpaceCodePoints(recognised);
  if (a.empty()) return b.empty() ? 1.0 : 0.0;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return 1.0 - static_cast<double>(row[b.size()]) / a.size();
}

Document ExtractShared(const std::string& relative_path, OcrMode mode) {
  ExtractOptions options;
  options.ocr = mode;
  return ExtractPdf(testing::ReadFile(testing::SharedDir() / relative_path),
                    options);
}

struct SpaceCase {
  const char* input;
  const char* output;
};

TEST(OcrTest, RemovesSpacesBetweenCjk) {
  const SpaceCase kCases[] = {
      {"舆 情 监 测", "舆情监测"},
      {"采购 需求 ： 舆情", "采购需求：舆情"},
      {"预算 320000 元", "预算 320000 元"},
      {"Contact: Purchasing Office", "Contact: Purchasing Office"},
      {"招 标\n公 告", "招标\n公告"},
      {"", ""},
  };
  for (const SpaceCase& test_case : kCases) {
    EXPECT_EQ(RemoveSpacesBetweenCjk(test_case.input), test_case.output);
  }
}

TEST(OcrTest, ChoosesLanguagesByScript) {
  EXPECT_EQ(ChooseOcrLanguages("关于采购舆情监测服务的招标公告"),
            "chi_sim+eng");
  EXPECT_EQ(ChooseOcrLanguages("關於採購輿情監測服務的招標公告"),
            "chi_tra+eng");
  EXPECT_EQ(ChooseOcrLanguages(""), "chi_sim+eng");

  std::string english;
  for (int i = 0; i < 10; ++i) {
    english += "Procurement of personal protective equipment report. ";
  }
  EXPECT_EQ(ChooseOcrLanguages(english), "eng");
  // A stray Han character from an earlier page read as Chinese.
  EXPECT_EQ(ChooseOcrLanguages(english + "下"), "eng");
  // Bilingual notices keep Chinese.
  EXPECT_EQ(ChooseOcrLanguages(english + "关于采购舆情监测服务的招标公告"),
            "chi_sim+eng");
}

TEST(OcrTest, NamesDebianPackage) {
  EXPECT_EQ(TesseractLanguagePackage("chi_sim"), "tesseract-ocr-chi-sim");
  EXPECT_EQ(TesseractLanguagePackage("chi_tra_vert"),
            "tesseract-ocr-chi-tra-vert");
}

TEST(OcrTest, MissingLanguageNamesPackage) {
  std::vector<unsigned char> white(64 * 64, 255);
  GrayImage image{white.data(), 64, 64, 64, 300};
  OcrEngine engine;
  OcrResult result = engine.Recognize(image, "eng+zzz_absent");
  EXPECT_EQ(result.error,
            "OCR language data zzz_absent not found: install the Debian "
            "package tesseract-ocr-zzz-absent");
  EXPECT_EQ(result.text, "");
}

TEST(OcrTest, RenderedPageMatchesTextLayer) {
  BIDSCOPE_REQUIRE_SHARED();
  const std::string kPath =
      "cases/C06-pdf-robustness-encrypted-malformed/good.pdf";
  Document layer = ExtractShared(kPath, OcrMode::kNever);
  Document ocr = ExtractShared(kPath, OcrMode::kAlways);
  ASSERT_EQ(layer.pages.size(), 1u);
  ASSERT_EQ(ocr.pages.size(), 1u);
  EXPECT_EQ(TextOriginName(ocr.pages[0].origin),
            TextOriginName(TextOrigin::kOcr));
  EXPECT_GT(ocr.pages[0].ocr_confidence, 50);
  EXPECT_GE(CharacterAccuracy(layer.pages[0].text, ocr.pages[0].text), 0.9)
      << ocr.pages[0].text;
}

TEST(OcrTest, NoToUnicodePageIsRecognised) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc =
      ExtractShared("cases/C02-pdf-subset-font-no-tounicode/no-tounicode.pdf",
                    OcrMode::kAuto);
  ASSERT_EQ(doc.pages.size(), 1u);
  const Page& page = doc.pages[0];
  EXPECT_EQ(TextOriginName(page.origin), TextOriginName(TextOrigin::kOcr));
  EXPECT_TRUE(page.reliable);
  EXPECT_NE(page.text.find("舆情监测"), std::string::npos) << page.text;
  EXPECT_NE(page.text.find("450000"), std::string::npos) << page.text;
  EXPECT_EQ(page.text.find("€"), std::string::npos) << page.text;
}

// A one-page PDF (150 by 200 points) whose only content is a gray image
// of seeded speckles and short strokes: no text, but marks that Tesseract
// reads as junk with low confidence.
std::string SpeckledScanPdf() {
  constexpr int kWidth = 300;
  constexpr int kHeight = 400;
  std::string pixels(kWidth * kHeight, '\xff');
  std::mt19937 random(7);
  auto below = [&](int n) { return static_cast<int>(random() % n); };
  for (int mark = 0; mark < 2200; ++mark) {
    int x = below(kWidth - 6);
    int y = below(kHeight - 3);
    for (int i = below(5) + 2; i > 0; --i) {
      pixels[y * kWidth + x + i] = static_cast<char>(below(90));
    }
    if (below(2) == 0) {
      for (int j = 0; j < 3; ++j) {
        pixels[(y + j) * kWidth + x] = static_cast<char>(below(90));
      }
    }
  }

  std::string content = "q 150 0 0 200 0 0 cm /Im1 Do Q";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 150 200] /Resources "
      "<< /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /XObject /Subtype /Image /Width 300 /Height 400 /ColorSpace "
      "/DeviceGray /BitsPerComponent 8 /Length " +
          std::to_string(pixels.size()) + " >>\nstream\n" + pixels +
          "\nendstream",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
          content + "\nendstream"};

  return testing::AssemblePdf(objects);
}

TEST(OcrTest, LowConfidenceReadingIsUnreliable) {
  ExtractOptions options;
  options.ocr_languages = "eng";
  Document doc = ExtractPdf(SpeckledScanPdf(), options);
  ASSERT_EQ(doc.pages.size(), 1u);
  const Page& page = doc.pages[0];
  EXPECT_EQ(TextOriginName(page.origin), TextOriginName(TextOrigin::kOcr));
  EXPECT_LT(page.ocr_confidence, 50);
  EXPECT_FALSE(page.text.empty());
  EXPECT_FALSE(page.reliable);
  ASSERT_FALSE(page.warnings.empty());
  EXPECT_NE(page.warnings.back().find("OCR confidence"), std::string::npos)
      << page.warnings.back();
}

TEST(OcrTest, GlyphIdFontsYieldChinese) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc = ExtractShared(
      "corpus/zc910704__Bidding-Simulation/招标文件.pdf", OcrMode::kAuto);
  ASSERT_EQ(doc.pages.size(), 4u);
  const Page& page = doc.pages[0];
  EXPECT_EQ(TextOriginName(page.origin), TextOriginName(TextOrigin::kOcr));
  EXPECT_NE(page.text.find("商务标初步评审"), std::string::npos) << page.text;
  EXPECT_NE(page.text.find("评标委员会"), std::string::npos) << page.text;
}

}  // namespace
}  // namespace bidscope
