// Entry point of the module bidscope-formats.so (extract/formats_module.h).
#include "extract/formats_module.h"

extern "C" __attribute__((visibility("default"))) void bidscope_extract(
    const std::string& path, const std::string_view* bytes,
    const bidscope::ExtractOptions& options,
    std::vector<bidscope::Document>* out) {
  if (bytes == nullptr) {
    *out = bidscope::ExtractFile(path, options);
  } else {
    *out = bidscope::ExtractBytes(*bytes, path, options);
  }
}
