// E-mail and saved-page extraction on arbitrary bytes. The first byte
// picks the format; attachments are left out, since their formats have
// targets of their own.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/formats.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  bidscope::Format format =
      data[0] % 2 == 0 ? bidscope::Format::kEmail : bidscope::Format::kMhtml;
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  bidscope::ExtractOptions options;
  bidscope::ExtractMime(input, format, options, options.max_archive_depth + 1);
  return 0;
}
