// Structural check of XLIFF 2.0 core documents: the element order,
// cardinality and required attributes of the specification's core
// elements, without modules or inline markup rules.
#include <set>
#include <stdexcept>
#include <string>

#include "extract/segment_xml.h"
#include "extract/xliff.h"

namespace bidscope {
namespace {

using segment_internal::AttributeValue;
using segment_internal::Name;
using segment_internal::Where;

using Problems = std::vector<std::string>;

bool InCore(const xmlNode* node) {
  return node->ns != nullptr && node->ns->href != nullptr &&
         std::string_view(reinterpret_cast<const char*>(node->ns->href)) ==
             kXliffNamespace;
}

std::vector<const xmlNode*> Elements(const xmlNode* node) {
  std::vector<const xmlNode*> elements;
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) elements.push_back(child);
  }
  return elements;
}

// Core elements with `name` among `children`; elements of other
// namespaces (modules and extensions) are allowed and skipped.
size_t CountCore(const std::vector<const xmlNode*>& children,
                 std::string_view name) {
  size_t count = 0;
  for (const xmlNode* child : children) {
    if (InCore(child) && Name(child) == name) ++count;
  }
  return count;
}

void RequireAttribute(const xmlNode* node, const char* name, Problems* out) {
  if (AttributeValue(node, name).empty()) {
    out->push_back(Where(node) + " lacks the required attribute " + name);
  }
}

void CheckOrder(const xmlNode* parent,
                const std::vector<std::string_view>& order, Problems* out) {
  size_t position = 0;
  for (const xmlNode* child : Elements(parent)) {
    if (!InCore(child)) continue;
    std::string name = Name(child);
    // An entry such as "unit|group" admits either name at that rank.
    auto matches = [&](std::string_view entry) {
      size_t start = 0;
      while (true) {
        size_t bar = entry.find('|', start);
        if (entry.substr(start, bar - start) == name) return true;
        if (bar == std::string_view::npos) return false;
        start = bar + 1;
      }
    };
    size_t index = 0;
    while (index < order.size() && !matches(order[index])) ++index;
    if (index == order.size()) {
      out->push_back(Where(child) + " is not allowed inside <" + Name(parent) +
                     ">");
    } else if (index < position) {
      out->push_back(Where(child) + " is out of order inside <" + Name(parent) +
                     ">");
    } else {
      position = index;
    }
  }
}

void CheckNotes(const xmlNode* notes, Problems* out) {
  std::vector<const xmlNode*> children = Elements(notes);
  if (CountCore(children, "note") == 0) {
    out->push_back(Where(notes) + " has no <note>");
  }
  CheckOrder(notes, {"note"}, out);
}

void CheckSegment(const xmlNode* segment, bool* has_target, Problems* out) {
  std::vector<const xmlNode*> children = Elements(segment);
  if (CountCore(children, "source") != 1) {
    out->push_back(Where(segment) + " needs exactly one <source>");
  }
  size_t targets = CountCore(children, "target");
  if (targets > 1) out->push_back(Where(segment) + " has several <target>");
  if (targets > 0) *has_target = true;
  CheckOrder(segment, {"source", "target"}, out);
}

void CheckUnit(const xmlNode* unit, bool* has_target, Problems* out) {
  RequireAttribute(unit, "id", out);
  std::vector<const xmlNode*> children = Elements(unit);
  if (CountCore(children, "segment") == 0) {
    out->push_back(Where(unit) + " has no <segment>");
  }
  if (CountCore(children, "notes") > 1) {
    out->push_back(Where(unit) + " has several <notes>");
  }
  CheckOrder(unit, {"notes", "originalData", "segment|ignorable"}, out);
  for (const xmlNode* child : children) {
    if (!InCore(child)) continue;
    if (Name(child) == "notes") CheckNotes(child, out);
    if (Name(child) == "segment" || Name(child) == "ignorable") {
      CheckSegment(child, has_target, out);
    }
  }
}

void CheckContainer(const xmlNode* container, std::set<std::string>* ids,
                    bool* has_target, Problems* out) {
  size_t units = 0;
  for (const xmlNode* child : Elements(container)) {
    if (!InCore(child)) continue;
    std::string name = Name(child);
    if (name != "unit" && name != "group") continue;
    ++units;
    std::string id = AttributeValue(child, "id");
    if (!id.empty() && !ids->insert(id).second) {
      out->push_back(Where(child) + " repeats the id " + id);
    }
    if (name == "unit") {
      CheckUnit(child, has_target, out);
    } else {
      RequireAttribute(child, "id", out);
      CheckContainer(child, ids, has_target, out);
    }
  }
  if (units == 0 && Name(container) == "file") {
    out->push_back(Where(container) + " has no <unit> or <group>");
  }
}

}  // namespace

std::vector<std::string> CheckXliffStructure(std::string_view xml) {
  Problems problems;
  segment_internal::XmlDocPtr doc;
  try {
    doc = segment_internal::ParseXml(xml, "the XLIFF file");
  } catch (const TranslationFileError& error) {
    return {error.what()};
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr || Name(root) != "xliff" || !InCore(root)) {
    return {"the root element is not <xliff> in namespace " +
            std::string(kXliffNamespace)};
  }
  RequireAttribute(root, "version", &problems);
  RequireAttribute(root, "srcLang", &problems);

  std::vector<const xmlNode*> files = Elements(root);
  if (CountCore(files, "file") == 0) problems.push_back("no <file> element");
  CheckOrder(root, {"file"}, &problems);
  std::set<std::string> file_ids;
  bool has_target = false;
  for (const xmlNode* file : files) {
    if (!InCore(file) || Name(file) != "file") continue;
    RequireAttribute(file, "id", &problems);
    std::string id = AttributeValue(file, "id");
    if (!id.empty() && !file_ids.insert(id).second) {
      problems.push_back(Where(file) + " repeats the file id " + id);
    }
    CheckOrder(file, {"skeleton", "notes", "unit|group"}, &problems);
    std::set<std::string> unit_ids;
    CheckContainer(file, &unit_ids, &has_target, &problems);
  }
  if (has_target && AttributeValue(root, "trgLang").empty()) {
    problems.push_back("targets are present but <xliff> lacks trgLang");
  }
  return problems;
}

}  // namespace bidscope
