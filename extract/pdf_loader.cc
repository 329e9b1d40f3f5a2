// ExtractPdf for programs that load PDF support on demand: the first call
// loads bidscope-pdf.so (extract/pdf_module.h) and later calls reuse it.
#include <string>

#include "extract/formats.h"
#include "extract/module_loader.h"
#include "extract/pdf_module.h"

namespace bidscope {

Document ExtractPdf(std::string_view bytes, const ExtractOptions& options) {
  static const LoadedModule module =
      LoadModule(kPdfModuleFile, kPdfModuleEntrySymbol);
  Document doc;
  if (module.entry == nullptr) {
    doc.format = Format::kPdf;
    doc.status = ExtractStatus::kFailed;
    doc.error = MissingModuleError("PDF", kPdfModuleFile, module);
    return doc;
  }
  reinterpret_cast<PdfModuleEntry>(module.entry)(bytes, options, &doc);
  return doc;
}

}  // namespace bidscope
