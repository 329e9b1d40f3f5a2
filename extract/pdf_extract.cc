// PDF extraction with Poppler: status of damaged and encrypted files,
// metadata, page text in reading order, text quality and OCR fallback.
// poppler-cpp opens the file, reads its metadata and renders pages for
// OCR. The text layer is read with Poppler's core classes (pdf_words.h).
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include "extract/formats.h"
#include "extract/layout.h"
#include "extract/ocr.h"
#include "extract/pdf_errors.h"
#include "extract/pdf_info.h"
#include "extract/pdf_module.h"
#include "extract/pdf_words.h"
#include "extract/text_quality.h"

namespace bidscope {
namespace {

// Poppler messages kept per document; a damaged file can report
// thousands.
constexpr size_t kMaxPopplerMessages = 20;
// Resolution pages without font sizes are rendered at for OCR.
constexpr double kOcrDpi = 300;
// Height in pixels that the median font size is rendered at for OCR, and
// the resolutions allowed for it, rounded to steps of kOcrDpiStep.
// Tesseract 5.3 with chi_sim 4.1.0 misread 16 pt Chinese rendered at
// 300 dpi (舆 as 与) but read it at 200 dpi.
// NOTE: in that measurement 舆 was also misread at 198 dpi, so this choice
// improves recognition on average only.
constexpr double kOcrEmPixels = 44;
constexpr double kOcrDpiStep = 50;
constexpr double kMinOcrDpi = 150;
constexpr double kMaxOcrDpi = 400;
// Largest rendered page, in pixels (about A3 at 300 dpi is 17 million);
// larger pages are rendered at a lower resolution.
constexpr double kMaxRenderPixels = 64e6;

bool HasVisibleText(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") != std::string::npos;
}

std::string DamagedMessage(const PopplerErrorCapture& errors) {
  std::string message = "damaged PDF";
  std::vector<std::string> distinct;
  for (const std::string& text : errors.messages()) {
    if (std::find(distinct.begin(), distinct.end(), text) == distinct.end()) {
      distinct.push_back(text);
    }
  }
  for (size_t i = 0; i < distinct.size() && i < 3; ++i) {
    message += (i == 0 ? ": " : "; ") + distinct[i];
  }
  if (distinct.empty()) message += ": Poppler could not open the file";
  return message;
}

// Opens `bytes`, trying `options.password` on a locked file. Sets the
// status and error of `doc` and returns null unless the text can be read.
// `password` is set to the password that unlocked it, if one was needed.
std::unique_ptr<poppler::document> OpenPdf(std::string_view bytes,
                                           const ExtractOptions& options,
                                           const PopplerErrorCapture& errors,
                                           Document& doc,
                                           std::string& password) {
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    doc.status = ExtractStatus::kFailed;
    doc.error = "PDF larger than 2 GiB: poppler-cpp cannot load it";
    return nullptr;
  }
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
  if (pdf == nullptr) {
    doc.status = ExtractStatus::kFailed;
    doc.error = DamagedMessage(errors);
    return nullptr;
  }
  if (!pdf->is_locked()) return pdf;

  // unlock() returns the new locking state: false means unlocked.
  doc.metadata.extra["encrypted"] = "true";
  if (!options.password.empty() &&
      !pdf->unlock(options.password, options.password)) {
    password = options.password;
    return pdf;
  }
  doc.status = ExtractStatus::kEncrypted;
  doc.error = options.password.empty() ? "encrypted: password required"
                                       : "encrypted: incorrect password";
  return nullptr;
}

struct TextLayer {
  std::string text;
  TextQuality quality;
  double median_font_size = 0;  // points; 0 without text
};

double MedianFontSize(std::vector<double> sizes) {
  if (sizes.empty()) return 0;
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2,
                   sizes.end());
  return sizes[sizes.size() / 2];
}

TextLayer ReadTextLayer(CorePdf& pdf, int index) {
  std::vector<LayoutBox> boxes;
  std::vector<TextRun> runs;
  std::vector<double> sizes;
  for (PdfWord& word : pdf.PageWords(index)) {
    sizes.push_back(word.box.font_size);
    runs.push_back({word.box.text, std::move(word.font_name)});
    boxes.push_back(std::move(word.box));
  }
  return {LayoutPageText(boxes), AssessTextQuality(runs),
          MedianFontSize(std::move(sizes))};
}

// Renders `page` in gray and runs Tesseract on it. `font_size` (points,
// 0 when unknown) sets the resolution.
OcrResult OcrPdfPage(const poppler::page& page, double font_size,
                     const std::string& languages) {
  double dpi = kOcrDpi;
  if (font_size > 0) {
    dpi = std::clamp(kOcrEmPixels * 72 / font_size, kMinOcrDpi, kMaxOcrDpi);
    dpi = std::round(dpi / kOcrDpiStep) * kOcrDpiStep;
  }
  poppler::rectf rect = page.page_rect();
  double pixels = (rect.width() / 72 * dpi) * (rect.height() / 72 * dpi);
  if (pixels > kMaxRenderPixels) dpi *= std::sqrt(kMaxRenderPixels / pixels);

  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing);
  poppler::image image = renderer.render_page(&page, dpi, dpi);
  if (!image.is_valid()) {
    OcrResult failed;
    failed.error = "OCR skipped: Poppler could not render the page";
    return failed;
  }
  GrayImage gray;
  gray.pixels = reinterpret_cast<const unsigned char*>(image.const_data());
  gray.width = image.width();
  gray.height = image.height();
  gray.bytes_per_line = image.bytes_per_row();
  gray.dpi = static_cast<int>(dpi);

  return RecognizeImage(gray, languages);
}

bool ShouldOcr(OcrMode mode, const Page& page, bool has_text) {
  switch (mode) {
    case OcrMode::kNever:
      return false;
    case OcrMode::kAlways:
      return true;
    case OcrMode::kAuto:
      return !has_text || !page.reliable;
  }
  return false;
}

// Text of earlier reliable pages and the title, to choose OCR languages
// for a page without a usable text layer.
std::string LanguageSample(const Document& doc, const std::string& page_text) {
  std::string sample = page_text + "\n" + doc.metadata.title;
  for (const Page& page : doc.pages) {
    if (page.reliable) sample += "\n" + page.text;
    if (sample.size() > 8192) break;
  }
  return sample;
}

void ApplyOcr(const poppler::page& pdf_page, double font_size,
              const ExtractOptions& options, const Document& doc, Page& page) {
  std::string languages = options.ocr_languages;
  if (languages.empty()) {
    languages = ChooseOcrLanguages(
        LanguageSample(doc, page.reliable ? page.text : std::string()));
  }
  OcrResult ocr = OcrPdfPage(pdf_page, font_size, languages);
  if (!ocr.error.empty()) {
    page.warnings.push_back(ocr.error);
    return;
  }
  page.text = std::move(ocr.text);
  page.origin = TextOrigin::kOcr;
  page.ocr_confidence = ocr.confidence;
  page.ocr_rotation = ocr.rotation;
  page.ocr_rules_removed = ocr.rules_removed;
  page.reliable = true;
  if (ocr.confidence < kMinReliableOcrConfidence && HasVisibleText(page.text)) {
    page.reliable = false;
    page.warnings.push_back(fmt::format(
        "OCR confidence {:.0f} is below {:.0f} ({}): the text is kept for "
        "show but left out of the index",
        ocr.confidence, kMinReliableOcrConfidence, languages));
  }
}

Page ReadPage(const poppler::document& pdf, CorePdf& core, int index,
              const ExtractOptions& options, const Document& doc) {
  Page page;
  page.number = index + 1;
  page.origin = TextOrigin::kTextLayer;
  std::unique_ptr<poppler::page> pdf_page(pdf.create_page(index));
  if (pdf_page == nullptr) {
    page.origin = TextOrigin::kNone;
    page.reliable = false;
    page.warnings.push_back("page could not be read (damaged page object)");
    return page;
  }

  TextLayer layer = ReadTextLayer(core, index);
  bool has_text = HasVisibleText(layer.text);
  page.text = std::move(layer.text);
  page.quality = layer.quality.score;
  page.reliable = layer.quality.reliable;
  page.warnings = std::move(layer.quality.warnings);

  if (ShouldOcr(options.ocr, page, has_text)) {
    ApplyOcr(*pdf_page, layer.median_font_size, options, doc, page);
  }
  // Garbage never reaches the index: without OCR text the page is empty.
  if (page.origin != TextOrigin::kOcr && (!page.reliable || !has_text)) {
    page.text.clear();
    page.origin = TextOrigin::kNone;
  }
  return page;
}

void AddPopplerWarnings(const PopplerErrorCapture& errors, Document& doc) {
  for (const std::string& message : errors.messages()) {
    // The first open tries the empty password; its failure is expected.
    if (message == "Incorrect password") continue;
    doc.warnings.push_back("Poppler: " + message);
  }
  if (errors.dropped() > 0) {
    doc.warnings.push_back("Poppler reported " +
                           std::to_string(errors.dropped()) + " more messages");
  }
}

}  // namespace

Document ExtractPdfInProcess(std::string_view bytes,
                             const ExtractOptions& options) {
  Document doc;
  doc.format = Format::kPdf;
  doc.paged = true;
  PopplerErrorCapture errors(kMaxPopplerMessages);

  std::string password;
  std::unique_ptr<poppler::document> pdf =
      OpenPdf(bytes, options, errors, doc, password);
  if (pdf == nullptr) return doc;
  std::unique_ptr<CorePdf> core;
  {
    // The first open already reported the file's messages.
    PopplerErrorCapture repeated(kMaxPopplerMessages);
    core = CorePdf::Open(bytes, password);
  }
  if (core == nullptr) {
    doc.status = ExtractStatus::kFailed;
    doc.error = DamagedMessage(errors);
    return doc;
  }
  ReadPdfInfo(*pdf, doc);

  int page_count = std::max(pdf->pages(), 0);
  doc.metadata.page_count = page_count;
  for (int i = 0; i < page_count; ++i) {
    doc.pages.push_back(ReadPage(*pdf, *core, i, options, doc));
  }
  AddPopplerWarnings(errors, doc);
  return doc;
}

}  // namespace bidscope
