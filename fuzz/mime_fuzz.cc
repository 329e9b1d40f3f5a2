// E-mail, saved-page and mailbox extraction on arbitrary bytes. The first
// byte picks the format. Attachments are left out, since their formats
// have targets of their own.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/formats.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  bidscope::ExtractOptions options;
  // Messages are read past the nesting limit, so their attachments are
  // not extracted. A mailbox at the limit still reads its messages.
  int depth = options.max_archive_depth;
  switch (data[0] % 3) {
    case 0:
      bidscope::ExtractMime(input, bidscope::Format::kEmail, options,
                            depth + 1);
      break;
    case 1:
      bidscope::ExtractMime(input, bidscope::Format::kMhtml, options,
                            depth + 1);
      break;
    default:
      bidscope::ExtractMbox(input, options, depth);
      break;
  }
  return 0;
}
