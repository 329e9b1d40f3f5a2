// DOCX extraction on arbitrary bytes: ZIP parsing and OOXML walking.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/formats.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  bidscope::ExtractOptions options;
  options.max_decoded_bytes = 8u << 20;
  bidscope::ExtractDocx(input, options);
  return 0;
}
