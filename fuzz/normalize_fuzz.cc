// Normalisation must accept any bytes and keep its offset map consistent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  bidscope::NormalizedText normalized = bidscope::Normalize(input);
  if (normalized.offsets.size() != normalized.text.size() + 1) std::abort();
  for (uint32_t offset : normalized.offsets) {
    if (offset > input.size()) std::abort();
  }
  return 0;
}
