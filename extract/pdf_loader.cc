// ExtractPdf for programs that load PDF support on demand: the first call
// loads bidscope-pdf.so (extract/pdf_module.h) and later calls reuse it.
#include <dlfcn.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "extract/formats.h"
#include "extract/pdf_module.h"

namespace bidscope {
namespace {

struct LoadedModule {
  PdfModuleEntry entry = nullptr;
  std::string error;  // why no module could be loaded
};

// Folders to look in, in order: the running executable's own folder, so an
// installed bidscope finds the module installed beside it, then the build
// tree, for test programs that live in another folder.
std::vector<std::filesystem::path> ModuleFolders() {
  std::vector<std::filesystem::path> folders;
  std::error_code error;
  std::filesystem::path self =
      std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) folders.push_back(self.parent_path());
  folders.emplace_back(BIDSCOPE_MODULE_DIR);
  return folders;
}

LoadedModule Load() {
  LoadedModule module;
  for (const std::filesystem::path& folder : ModuleFolders()) {
    std::filesystem::path path = folder / kPdfModuleFile;
    if (!std::filesystem::exists(path)) {
      module.error +=
          (module.error.empty() ? "" : "; ") + path.string() + ": no such file";
      continue;
    }
    // RTLD_LOCAL keeps the module's copies of bidscope's own functions
    // apart from the program's.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      module.error +=
          (module.error.empty() ? "" : "; ") + std::string(dlerror());
      continue;
    }
    void* symbol = dlsym(handle, kPdfModuleEntrySymbol);
    if (symbol == nullptr) {
      module.error += (module.error.empty() ? "" : "; ") + path.string() +
                      ": no symbol " + kPdfModuleEntrySymbol;
      dlclose(handle);
      continue;
    }
    module.entry = reinterpret_cast<PdfModuleEntry>(symbol);
    module.error.clear();
    return module;
  }
  return module;
}

}  // namespace

Document ExtractPdf(std::string_view bytes, const ExtractOptions& options) {
  static const LoadedModule module = Load();
  Document doc;
  if (module.entry == nullptr) {
    doc.format = Format::kPdf;
    doc.status = ExtractStatus::kFailed;
    doc.error = std::string("PDF support is missing: cannot load ") +
                kPdfModuleFile + " (" + module.error +
                "); build bidscope again so that the module is beside the "
                "bidscope binary";
    return doc;
  }
  module.entry(bytes, options, &doc);
  return doc;
}

}  // namespace bidscope
