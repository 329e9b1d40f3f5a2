#include "extract/xlsx_styles.h"

#include <charconv>
#include <map>

#include "extract/xml_util.h"

namespace bidscope {
namespace {

int ParseInt(std::string_view text, int fallback) {
  int value = fallback;
  auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value
                                                                  : fallback;
}

}  // namespace

std::vector<DateKind> ReadCellStyleDateKinds(const xmlDoc* styles) {
  std::vector<DateKind> kinds;
  const xmlNode* root =
      styles == nullptr ? nullptr : xmlDocGetRootElement(styles);
  if (root == nullptr) return kinds;
  std::map<int, DateKind> declared;
  for (const xmlNode* section = root->children; section != nullptr;
       section = section->next) {
    if (IsElement(section, "numFmts")) {
      for (const xmlNode* format = section->children; format != nullptr;
           format = format->next) {
        if (!IsElement(format, "numFmt")) continue;
        int id = ParseInt(AttributeValue(format, "numFmtId"), -1);
        declared[id] =
            DateKindOfFormatCode(AttributeValue(format, "formatCode"));
      }
    }
    if (!IsElement(section, "cellXfs")) continue;
    for (const xmlNode* xf = section->children; xf != nullptr; xf = xf->next) {
      if (!IsElement(xf, "xf")) continue;
      int id = ParseInt(AttributeValue(xf, "numFmtId"), 0);
      auto it = declared.find(id);
      kinds.push_back(it != declared.end() ? it->second : BuiltInDateKind(id));
    }
  }
  return kinds;
}

}  // namespace bidscope
