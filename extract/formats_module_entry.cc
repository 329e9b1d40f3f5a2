// Entry point of the module bidscope-formats.so (extract/formats_module.h).
#include "extract/formats_module.h"

extern "C" __attribute__((visibility("default"))) void bidscope_extract(
    std::string_view bytes, std::string_view path,
    const bidscope::ExtractOptions& options,
    std::vector<bidscope::Document>* out) {
  *out = bidscope::ExtractBytes(bytes, path, options);
}
