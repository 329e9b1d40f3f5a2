// Optical character recognition of rendered page images with Tesseract.
#ifndef BIDSCOPE_EXTRACT_OCR_H_
#define BIDSCOPE_EXTRACT_OCR_H_

#include <memory>
#include <string>
#include <string_view>

namespace bidscope {

// An 8-bit grayscale image that the caller owns.
struct GrayImage {
  const unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  int bytes_per_line = 0;
  int dpi = 300;  // resolution the page was rendered at
};

struct OcrResult {
  // Recognised text, UTF-8, with the spaces Tesseract puts between CJK
  // characters removed.
  std::string text;

  // Mean word confidence, 0-100; -1 when recognition did not run.
  double confidence = -1;

  // Degrees (90, 180 or 270) the image was turned clockwise before the
  // reading that `text` comes from; 0 when it was read as given.
  int rotation = 0;

  // True when `text` was read with the image's table rules painted white.
  bool rules_removed = false;

  // Why recognition did not run, such as missing language data with the
  // Debian package that provides it. Empty on success.
  std::string error;
};

// Tesseract's mean word confidence below which a reading is unreliable
// and its text is not indexed. On the real corpus, pages read well scored
// 73 to 94, and rotated or faint English scans read as Chinese 25 to 36.
inline constexpr double kMinReliableOcrConfidence = 50;

// A Tesseract instance (LSTM engine) kept initialised for one language set
// between pages. Not thread-safe: use one engine per thread. Tesseract is
// limited to one OpenMP thread, because its default threading made a page
// several times slower on two cores; run documents in parallel instead.
class OcrEngine {
 public:
  OcrEngine();
  ~OcrEngine();
  OcrEngine(OcrEngine&&) noexcept;
  OcrEngine& operator=(OcrEngine&&) noexcept;

  // Recognises `image` with `languages` in Tesseract's notation
  // ("chi_sim+eng"). A reading below kMinReliableOcrConfidence is tried
  // again with the image turned upright when Tesseract's orientation
  // detection (osd data) finds it sideways or upside down, and if still
  // below, with its table rules removed. The reading with the highest
  // confidence is returned.
  OcrResult Recognize(const GrayImage& image, const std::string& languages);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Recognises `image` with an engine kept per thread. The first call loads
// Tesseract, as the module bidscope-ocr.so (extract/ocr_module.h); when the
// module cannot be loaded, the result's error says why.
OcrResult RecognizeImage(const GrayImage& image, const std::string& languages);

// Removes spaces between two CJK characters (Han, kana, CJK and full-width
// punctuation); other spaces stay.
std::string RemoveSpacesBetweenCjk(std::string_view text);

// Returns "eng" when `sample` has at least 200 Latin letters and fewer
// than one Han character per 50 of them, "chi_tra+eng" when it reads as
// Traditional Chinese (OpenCC t2s changes at least a tenth of its Han
// characters), else "chi_sim+eng".
std::string ChooseOcrLanguages(std::string_view sample);

// The Debian package with Tesseract data for `language`: "chi_sim" ->
// "tesseract-ocr-chi-sim".
std::string TesseractLanguagePackage(std::string_view language);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_OCR_H_
