// ExtractBytes and ExtractFile for the bidscope program, which loads the
// extractors as the module bidscope-formats.so on the first call
// (extract/formats_module.h). A PDF goes straight to the PDF module, so a
// process that reads only PDFs never loads the format module. Test
// programs link the extractors instead.
#include <optional>
#include <string>
#include <utility>

#include "extract/extract.h"
#include "extract/extract_steps.h"
#include "extract/formats_module.h"
#include "extract/module_loader.h"

namespace bidscope {

std::vector<Document> ExtractBytes(std::string_view bytes,
                                   std::string_view path,
                                   const ExtractOptions& options) {
  if (StartsAsPdf(bytes)) {
    return CompleteExtraction(bytes, Format::kPdf, [&] {
      return std::vector<Document>{ExtractPdfDocument(bytes, options)};
    });
  }
  static const LoadedModule module =
      LoadModule(kFormatsModuleFile, kFormatsModuleEntrySymbol);
  std::vector<Document> docs;
  if (module.entry == nullptr) {
    Document doc;
    doc.status = ExtractStatus::kFailed;
    doc.error = MissingModuleError("extraction", kFormatsModuleFile, module);
    docs.push_back(std::move(doc));
    return docs;
  }
  reinterpret_cast<FormatsModuleEntry>(module.entry)(bytes, path, options,
                                                     &docs);
  return docs;
}

std::vector<Document> ExtractFile(const std::string& path,
                                  const ExtractOptions& options) {
  std::string bytes;
  if (std::optional<Document> failed = ReadWholeFile(path, bytes)) {
    return {std::move(*failed)};
  }
  return ExtractBytes(bytes, path, options);
}

}  // namespace bidscope
