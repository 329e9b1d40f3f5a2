// Plain-text decoding and format detection on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/formats.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  bidscope::DetectFormat(input);
  bidscope::ExtractText(input, bidscope::ExtractOptions{});
  return 0;
}
