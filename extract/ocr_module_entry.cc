// Entry point of the module bidscope-ocr.so (extract/ocr_module.h).
#include "extract/ocr_module.h"

extern "C" __attribute__((visibility("default"))) void bidscope_recognize(
    const bidscope::GrayImage& image, const std::string& languages,
    bidscope::OcrResult* out) {
  // One engine per thread keeps Tesseract initialised between pages and
  // documents.
  thread_local bidscope::OcrEngine engine;
  *out = engine.Recognize(image, languages);
}
