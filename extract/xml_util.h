// libxml2 helpers shared by the markup extractors: owning document
// handles, parsing with error messages, and namespace-tolerant lookups.
// Internal to the extraction library; its public headers stay free of
// libxml2 types.
#ifndef BIDSCOPE_EXTRACT_XML_UTIL_H_
#define BIDSCOPE_EXTRACT_XML_UTIL_H_

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace bidscope {

struct XmlDocFreer {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFreer>;

struct XmlParseOptions {
  // Keep what libxml2 can recover from malformed markup instead of
  // failing.
  bool recover = false;

  // Treat the bytes as UTF-8 whatever the XML declaration names, for text
  // already decoded by the charset module.
  bool input_is_utf8 = false;
};

// Parses XML without network access or entity substitution. Returns null
// and sets `error` to libxml2's message on failure.
XmlDocPtr ParseXml(std::string_view bytes, const XmlParseOptions& options,
                   std::string& error);

// Parses UTF-8 HTML with libxml2's recovering HTML parser, ignoring any
// charset the document declares. Elements nested deeper than 512 levels
// become children of the element at that depth, as in browsers, so the
// tree's depth is bounded. Returns null only when libxml2 builds no tree
// at all (for example, on empty input). libxml2 reads a NUL byte as the
// end of the input.
XmlDocPtr ParseHtml(std::string_view utf8);

// True when `node` is an element with local name `name`, whatever its
// namespace prefix.
bool IsElement(const xmlNode* node, std::string_view name);

// True when `node` is an element named `name` in namespace `ns_href`.
bool IsElementNs(const xmlNode* node, std::string_view ns_href,
                 std::string_view name);

// Value of the attribute with local name `name`, whatever its prefix, or
// an empty string.
std::string AttributeValue(const xmlNode* node, std::string_view name);

// Concatenated text of all descendants of `node`.
std::string NodeText(const xmlNode* node);

// Views libxml2's UTF-8 strings as std::string_view.
inline std::string_view XmlView(const xmlChar* text) {
  return text == nullptr
             ? std::string_view()
             : std::string_view(reinterpret_cast<const char*>(text));
}

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_XML_UTIL_H_
