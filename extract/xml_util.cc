#include "extract/xml_util.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <vector>

namespace bidscope {
namespace {

struct ParserContextFreer {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

std::string TrimmedMessage(const xmlError* error) {
  if (error == nullptr || error->message == nullptr) return "";
  std::string message = error->message;
  while (!message.empty() &&
         (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  if (error->line > 0) {
    message = "line " + std::to_string(error->line) + ": " + message;
  }
  return message;
}

// Initialises libxml2 once, as its documentation requires before parsing
// from several threads.
void InitLibxml2() {
  static const bool initialized = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialized;
}

// Browsers keep an HTML tree at most 512 elements deep, as Blink does:
// deeper elements are added to the element at that depth, and all text
// still shows. libxml2 stops parsing at 256 levels (the rest of the page
// is lost) unless given XML_PARSE_HUGE, and then builds a tree of any
// depth, which recursive walkers cannot visit. So the HTML parser runs
// with XML_PARSE_HUGE and the tree is flattened below this depth.
constexpr int kMaxHtmlDepth = 512;

// Makes every descendant of `top` a child of it, in document order, so
// that none has children of its own.
void FlattenSubtree(xmlNode* top) {
  std::vector<xmlNode*> nodes;
  xmlNode* node = top->children;
  while (node != nullptr) {
    nodes.push_back(node);
    if (node->children != nullptr) {
      node = node->children;
      continue;
    }
    while (node != top && node->next == nullptr) node = node->parent;
    node = node == top ? nullptr : node->next;
  }
  xmlNode* previous = nullptr;
  for (xmlNode* n : nodes) {
    n->parent = top;
    n->prev = previous;
    n->next = nullptr;
    n->children = nullptr;
    n->last = nullptr;
    if (previous != nullptr) previous->next = n;
    previous = n;
  }
  top->children = nodes.front();
  top->last = nodes.back();
}

// Flattens the subtree of every node at kMaxHtmlDepth. The walk follows
// parent links, so it needs no stack.
void LimitDepth(xmlDoc* doc) {
  auto* root = reinterpret_cast<xmlNode*>(doc);
  xmlNode* node = root;
  int depth = 0;
  while (node != nullptr) {
    if (node->children != nullptr) {
      if (depth < kMaxHtmlDepth) {
        node = node->children;
        ++depth;
        continue;
      }
      FlattenSubtree(node);
    }
    while (node != root && node->next == nullptr) {
      node = node->parent;
      --depth;
    }
    if (node == root) break;
    node = node->next;
  }
}

}  // namespace

XmlDocPtr ParseXml(std::string_view bytes, const XmlParseOptions& options,
                   std::string& error) {
  InitLibxml2();
  std::unique_ptr<xmlParserCtxt, ParserContextFreer> context(
      xmlNewParserCtxt());
  if (context == nullptr) {
    error = "libxml2 could not allocate a parser";
    return nullptr;
  }

  // No XML_PARSE_NOENT (entities stay unexpanded, against billion-laughs
  // input) and no XML_PARSE_HUGE (libxml2 keeps its size limits).
  int flags = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
              XML_PARSE_COMPACT;
  if (options.recover) flags |= XML_PARSE_RECOVER;
  if (options.input_is_utf8) flags |= XML_PARSE_IGNORE_ENC;
  XmlDocPtr doc(xmlCtxtReadMemory(
      context.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr,
      options.input_is_utf8 ? "UTF-8" : nullptr, flags));
  bool well_formed = context->wellFormed != 0;
  if (doc == nullptr || (!well_formed && !options.recover)) {
    error = TrimmedMessage(xmlCtxtGetLastError(context.get()));
    if (error.empty()) error = "not well-formed XML";
    return nullptr;
  }
  if (!well_formed) error = TrimmedMessage(xmlCtxtGetLastError(context.get()));
  return doc;
}

XmlDocPtr ParseHtml(std::string_view utf8) {
  InitLibxml2();
  int flags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
              HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
              XML_PARSE_HUGE;
  XmlDocPtr doc(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()),
                               nullptr, "UTF-8", flags));
  if (doc != nullptr) LimitDepth(doc.get());
  return doc;
}

bool IsElement(const xmlNode* node, std::string_view name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE &&
         XmlView(node->name) == name;
}

bool IsElementNs(const xmlNode* node, std::string_view ns_href,
                 std::string_view name) {
  return IsElement(node, name) && node->ns != nullptr &&
         XmlView(node->ns->href) == ns_href;
}

std::string AttributeValue(const xmlNode* node, std::string_view name) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return "";
  for (const xmlAttr* attr = node->properties; attr != nullptr;
       attr = attr->next) {
    if (XmlView(attr->name) != name) continue;
    xmlChar* value = xmlNodeListGetString(node->doc, attr->children, 1);
    std::string result(XmlView(value));
    xmlFree(value);
    return result;
  }
  return "";
}

std::string NodeText(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string result(XmlView(content));
  xmlFree(content);
  return result;
}

}  // namespace bidscope
