// Tesseract is built as a module of its own, loaded by the PDF module the
// first time a page needs OCR. Tesseract and its libraries took longer to
// load than extracting a typical PDF, which every process that read a PDF
// paid although few pages need OCR.
#ifndef BIDSCOPE_EXTRACT_OCR_MODULE_H_
#define BIDSCOPE_EXTRACT_OCR_MODULE_H_

#include <string>

#include "extract/ocr.h"

namespace bidscope {

// File name of the module, looked for as LoadModule does.
inline constexpr char kOcrModuleFile[] = "bidscope-ocr.so";

// Symbol of the module's entry point, an OcrModuleEntry.
inline constexpr char kOcrModuleEntrySymbol[] = "bidscope_recognize";

using OcrModuleEntry = void (*)(const GrayImage& image,
                                const std::string& languages, OcrResult* out);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_OCR_MODULE_H_
