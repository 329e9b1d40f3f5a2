#include "extract/module_loader.h"

#include <dlfcn.h>

#include <filesystem>
#include <system_error>
#include <vector>

namespace bidscope {
namespace {

std::vector<std::filesystem::path> ModuleFolders() {
  std::vector<std::filesystem::path> folders;
  std::error_code error;
  std::filesystem::path self =
      std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) folders.push_back(self.parent_path());
  folders.emplace_back(BIDSCOPE_MODULE_DIR);
  return folders;
}

void AppendError(std::string& errors, const std::string& error) {
  errors += (errors.empty() ? "" : "; ") + error;
}

}  // namespace

LoadedModule LoadModule(const char* file, const char* symbol) {
  LoadedModule module;
  for (const std::filesystem::path& folder : ModuleFolders()) {
    std::filesystem::path path = folder / file;
    if (!std::filesystem::exists(path)) {
      AppendError(module.error, path.string() + ": no such file");
      continue;
    }
    // RTLD_LOCAL keeps the module's copies of bidscope's own functions
    // apart from the program's.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      AppendError(module.error, dlerror());
      continue;
    }
    void* entry = dlsym(handle, symbol);
    if (entry == nullptr) {
      AppendError(module.error, path.string() + ": no symbol " + symbol);
      dlclose(handle);
      continue;
    }
    module.entry = entry;
    module.error.clear();
    return module;
  }
  return module;
}

std::string MissingModuleError(const char* support, const char* file,
                               const LoadedModule& module) {
  return std::string(support) + " support is missing: cannot load " + file +
         " (" + module.error +
         "); build bidscope again so that the module is beside the bidscope "
         "binary";
}

}  // namespace bidscope
