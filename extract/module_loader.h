// Loading the parts of bidscope that are built as modules (bidscope-pdf.so,
// bidscope-ocr.so): large libraries such as Poppler and Tesseract come in
// with them, so a process pays for them only when it needs them.
#ifndef BIDSCOPE_EXTRACT_MODULE_LOADER_H_
#define BIDSCOPE_EXTRACT_MODULE_LOADER_H_

#include <string>

namespace bidscope {

struct LoadedModule {
  void* entry = nullptr;  // the entry point, or null
  std::string error;      // why no module could be loaded
};

// Loads the module `file` and looks up `symbol` in it. The module is
// looked for beside the running executable, so that an installed bidscope
// finds the modules installed beside it, then in the build tree, for test
// programs that live in another folder. Never throws.
LoadedModule LoadModule(const char* file, const char* symbol);

// Returns the error for a module that did not load, such as "PDF support
// is missing: cannot load bidscope-pdf.so (...)", with what to do next.
std::string MissingModuleError(const char* support, const char* file,
                               const LoadedModule& module);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_MODULE_LOADER_H_
