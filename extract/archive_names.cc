#include "extract/archive_names.h"

#include <vector>

#include "extract/charset.h"

namespace bidscope {

std::string DecodeMemberName(std::string_view raw) {
  if (IsValidUtf8(raw)) return std::string(raw);

  size_t invalid = 0;
  std::string gb18030 = ConvertToUtf8(raw, kGb18030, &invalid);
  if (invalid == 0) return gb18030;

  // CP437 maps every byte, so this reading always succeeds.
  return ConvertToUtf8(raw, "ibm-437");
}

std::string SanitizeMemberPath(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    start = end + 1;

    // A drive letter only counts as the first component ("C:").
    bool drive = parts.empty() && part.size() == 2 && part[1] == ':';
    if (part.empty() || part == "." || part == ".." || drive) continue;
    parts.push_back(part);
  }

  std::string result;
  for (std::string_view part : parts) {
    if (!result.empty()) result += '/';
    result += part;
  }
  return result;
}

}  // namespace bidscope
