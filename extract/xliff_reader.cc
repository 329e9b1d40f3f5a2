// Reading translations back from XLIFF 2 files.
#include <set>
#include <string>

#include "extract/segment_xml.h"
#include "extract/xliff.h"

namespace bidscope {
namespace {

using segment_internal::IsElement;
using segment_internal::Where;

const xmlNode* FirstChildElement(const xmlNode* node) {
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) return child;
  }
  return nullptr;
}

const xmlNode* NextElement(const xmlNode* node) {
  for (const xmlNode* next = node->next; next; next = next->next) {
    if (next->type == XML_ELEMENT_NODE) return next;
  }
  return nullptr;
}

bool InXliffNamespace(const xmlNode* node) {
  return node->ns != nullptr && node->ns->href != nullptr &&
         std::string_view(reinterpret_cast<const char*>(node->ns->href)) ==
             kXliffNamespace;
}

// Returns the joined targets of a unit's segments and sets `*found` when
// any segment has a target.
std::string UnitTarget(const xmlNode* unit, bool* found) {
  std::string target;
  *found = false;
  for (const xmlNode* child = FirstChildElement(unit); child;
       child = NextElement(child)) {
    if (!IsElement(child, "segment") && !IsElement(child, "ignorable")) {
      continue;
    }
    for (const xmlNode* part = FirstChildElement(child); part;
         part = NextElement(part)) {
      if (!IsElement(part, "target")) continue;
      target += segment_internal::TextContent(part);
      *found = true;
    }
  }
  return target;
}

void ReadUnits(const xmlNode* parent, std::set<std::string>* seen,
               std::vector<SegmentTranslation>* out) {
  for (const xmlNode* node = FirstChildElement(parent); node;
       node = NextElement(node)) {
    if (IsElement(node, "group")) {
      ReadUnits(node, seen, out);
      continue;
    }
    if (!IsElement(node, "unit")) continue;
    std::string id = segment_internal::AttributeValue(node, "id");
    if (id.empty()) {
      throw TranslationFileError(Where(node) + " has no id attribute");
    }
    if (!seen->insert(id).second) {
      throw TranslationFileError(Where(node) + " repeats unit id " + id);
    }
    bool found = false;
    std::string target = UnitTarget(node, &found);
    if (found) out->push_back({id, std::move(target)});
  }
}

}  // namespace

std::vector<SegmentTranslation> ReadXliffTranslations(std::string_view xml) {
  segment_internal::XmlDocPtr doc =
      segment_internal::ParseXml(xml, "the XLIFF file");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr || !IsElement(root, "xliff") || !InXliffNamespace(root)) {
    throw TranslationFileError(
        "the root element is not <xliff> in the XLIFF 2 namespace " +
        std::string(kXliffNamespace));
  }
  std::string version = segment_internal::AttributeValue(root, "version");
  if (!version.starts_with("2.")) {
    throw TranslationFileError(Where(root) + " has version \"" + version +
                               "\"; only XLIFF 2.x is read");
  }

  std::vector<SegmentTranslation> translations;
  std::set<std::string> seen;
  for (const xmlNode* file = FirstChildElement(root); file;
       file = NextElement(file)) {
    if (IsElement(file, "file")) ReadUnits(file, &seen, &translations);
  }
  return translations;
}

}  // namespace bidscope
