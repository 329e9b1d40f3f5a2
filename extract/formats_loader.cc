// ExtractBytes and ExtractFile for the bidscope program, which loads the
// extractors as the module bidscope-formats.so on the first call
// (extract/formats_module.h). Test programs link the extractors instead.
#include <string>

#include "extract/extract.h"
#include "extract/formats_module.h"
#include "extract/module_loader.h"

namespace bidscope {
namespace {

std::vector<Document> Extract(const std::string& path,
                              const std::string_view* bytes,
                              const ExtractOptions& options) {
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
  reinterpret_cast<FormatsModuleEntry>(module.entry)(path, bytes, options,
                                                     &docs);
  return docs;
}

}  // namespace

std::vector<Document> ExtractBytes(std::string_view bytes,
                                   std::string_view path,
                                   const ExtractOptions& options) {
  return Extract(std::string(path), &bytes, options);
}

std::vector<Document> ExtractFile(const std::string& path,
                                  const ExtractOptions& options) {
  return Extract(path, nullptr, options);
}

}  // namespace bidscope
