#include "extract/xml_util.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

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
              HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
  return XmlDocPtr(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()),
                                  nullptr, "UTF-8", flags));
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
