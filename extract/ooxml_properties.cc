#include "extract/ooxml_properties.h"

#include <vector>

#include "extract/text_lines.h"
#include "extract/xml_util.h"

namespace bidscope {
namespace {

// Resolves "../media/a.png" or "header1.xml" against `dir` ("word/").
std::string ResolveTarget(std::string_view dir, std::string_view target) {
  if (target.starts_with("/")) return std::string(target.substr(1));
  std::vector<std::string> segments;
  std::string path = std::string(dir) + std::string(target);
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t end = std::min(path.find('/', pos), path.size());
    std::string segment = path.substr(pos, end - pos);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(std::move(segment));
    }
    pos = end + 1;
  }
  std::string resolved;
  for (const std::string& segment : segments) {
    if (!resolved.empty()) resolved.push_back('/');
    resolved += segment;
  }
  return resolved;
}

std::string Collapsed(const xmlNode* node) {
  TextLines lines;
  lines.Append(NodeText(node));
  return lines.Text();
}

}  // namespace

std::vector<Relationship> ReadRelationships(const xmlDoc* rels,
                                            std::string_view source_dir) {
  std::vector<Relationship> result;
  const xmlNode* root = xmlDocGetRootElement(rels);
  if (root == nullptr) return result;
  for (const xmlNode* node = root->children; node != nullptr;
       node = node->next) {
    if (!IsElement(node, "Relationship")) continue;
    if (AttributeValue(node, "TargetMode") == "External") continue;
    std::string type = AttributeValue(node, "Type");
    size_t slash = type.rfind('/');
    Relationship relationship;
    relationship.type =
        slash == std::string::npos ? type : type.substr(slash + 1);
    relationship.target =
        ResolveTarget(source_dir, AttributeValue(node, "Target"));
    result.push_back(std::move(relationship));
  }
  return result;
}

void ReadCoreProperties(const xmlDoc* core, Metadata& metadata) {
  const xmlNode* root = xmlDocGetRootElement(core);
  if (root == nullptr) return;
  for (const xmlNode* node = root->children; node != nullptr;
       node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    std::string_view name = XmlView(node->name);
    std::string value = Collapsed(node);
    if (name == "title") metadata.title = value;
    if (name == "creator") metadata.author = value;
    if (name == "subject") metadata.subject = value;
    if (name == "keywords") metadata.keywords = value;
    if (name == "created") metadata.created = value;
    if (name == "modified") metadata.modified = value;
    if (name == "lastModifiedBy" && !value.empty()) {
      metadata.extra["last_modified_by"] = value;
    }
    if (name == "description" && !value.empty()) {
      metadata.extra["description"] = value;
    }
  }
}

void ReadAppProperties(const xmlDoc* app, Metadata& metadata) {
  const xmlNode* root = xmlDocGetRootElement(app);
  if (root == nullptr) return;
  for (const xmlNode* node = root->children; node != nullptr;
       node = node->next) {
    if (IsElement(node, "Application")) metadata.creator = Collapsed(node);
  }
}

}  // namespace bidscope
