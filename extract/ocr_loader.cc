// RecognizeImage: loads bidscope-ocr.so on the first call.
#include <string>

#include "extract/module_loader.h"
#include "extract/ocr.h"
#include "extract/ocr_module.h"

namespace bidscope {

OcrResult RecognizeImage(const GrayImage& image, const std::string& languages) {
  static const LoadedModule module =
      LoadModule(kOcrModuleFile, kOcrModuleEntrySymbol);
  OcrResult result;
  if (module.entry == nullptr) {
    result.error = MissingModuleError("OCR", kOcrModuleFile, module);
    return result;
  }
  reinterpret_cast<OcrModuleEntry>(module.entry)(image, languages, &result);
  return result;
}

}  // namespace bidscope
