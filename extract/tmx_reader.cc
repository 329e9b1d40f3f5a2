// Reading TMX 1.4 translation memories.
#include <libxml/tree.h>

#include <string>

#include "extract/segment_translation.h"
#include "extract/segment_xml.h"
#include "extract/tmx.h"

namespace bidscope {
namespace {

using segment_internal::AttributeValue;
using segment_internal::IsElement;
using segment_internal::TextContent;
using segment_internal::Where;

// xml:lang, or the lang attribute of TMX 1.1 files.
std::string VariantLanguage(const xmlNode* tuv) {
  std::string language = segment_internal::AttributeValueNs(
      tuv, "lang", reinterpret_cast<const char*>(XML_XML_NAMESPACE));
  return language.empty() ? AttributeValue(tuv, "lang") : language;
}

TmxUnit ReadUnit(const xmlNode* tu) {
  TmxUnit unit;
  unit.tuid = AttributeValue(tu, "tuid");
  for (const xmlNode* child = tu->children; child; child = child->next) {
    if (IsElement(child, "prop")) {
      unit.props[AttributeValue(child, "type")] = TextContent(child);
    } else if (IsElement(child, "note")) {
      unit.notes.push_back(TextContent(child));
    } else if (IsElement(child, "tuv")) {
      std::string language = VariantLanguage(child);
      if (language.empty()) {
        throw TranslationFileError(Where(child) + " has no xml:lang");
      }
      for (const xmlNode* seg = child->children; seg; seg = seg->next) {
        if (IsElement(seg, "seg")) unit.variants[language] = TextContent(seg);
      }
    }
  }
  if (unit.variants.empty()) {
    throw TranslationFileError(Where(tu) + " has no <tuv> with a <seg>");
  }
  return unit;
}

}  // namespace

TmxDocument ReadTmx(std::string_view xml) {
  segment_internal::XmlDocPtr doc =
      segment_internal::ParseXml(xml, "the TMX file");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr || !IsElement(root, "tmx")) {
    throw TranslationFileError("the root element is not <tmx>");
  }

  TmxDocument tmx;
  bool has_header = false;
  for (const xmlNode* child = root->children; child; child = child->next) {
    if (IsElement(child, "header")) {
      has_header = true;
      for (const xmlAttr* attr = child->properties; attr; attr = attr->next) {
        tmx.header[reinterpret_cast<const char*>(attr->name)] =
            AttributeValue(child, reinterpret_cast<const char*>(attr->name));
      }
    } else if (IsElement(child, "body")) {
      for (const xmlNode* tu = child->children; tu; tu = tu->next) {
        if (IsElement(tu, "tu")) tmx.units.push_back(ReadUnit(tu));
      }
    }
  }
  if (!has_header) {
    throw TranslationFileError(Where(root) + " has no <header>");
  }
  return tmx;
}

}  // namespace bidscope
