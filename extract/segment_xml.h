// libxml2 helpers shared by the XLIFF and TMX writers and readers: RAII
// handles, a small xmlTextWriter wrapper and text cleaning for XML 1.0.
// Internal to the export code; it exposes libxml2 types.
#ifndef BIDSCOPE_EXTRACT_SEGMENT_XML_H_
#define BIDSCOPE_EXTRACT_SEGMENT_XML_H_

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include <memory>
#include <string>
#include <string_view>

namespace bidscope::segment_internal {

// `text` as valid UTF-8 that XML 1.0 accepts: invalid sequences become
// U+FFFD and characters XML forbids (C0 controls other than tab, line
// feed and carriage return; U+FFFE, U+FFFF) are dropped.
std::string XmlSafeText(std::string_view text);

// Writes an indented UTF-8 document into memory. Every method throws
// std::runtime_error when libxml2 reports a failure.
class XmlWriter {
 public:
  XmlWriter();
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  void StartElement(std::string_view name);
  void StartElementNs(std::string_view name, std::string_view ns_uri);
  void Attribute(std::string_view name, std::string_view value);
  void Text(std::string_view text);
  void EndElement();

  // Ends the document and returns it.
  std::string Finish();

 private:
  void Check(int result, std::string_view step);

  xmlBufferPtr buffer_ = nullptr;
  xmlTextWriterPtr writer_ = nullptr;
};

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

// Parses `xml` without fetching anything from the network and without
// expanding entities. Throws TranslationFileError naming `description` and the
// line libxml2 reports when the document is not well-formed.
XmlDocPtr ParseXml(std::string_view xml, std::string_view description);

// Element name, attribute value and text content as std::string; missing
// values come back empty.
std::string Name(const xmlNode* node);
std::string AttributeValue(const xmlNode* node, const char* name);
std::string AttributeValueNs(const xmlNode* node, const char* name,
                             const char* ns_uri);
std::string TextContent(const xmlNode* node);
bool IsElement(const xmlNode* node, const char* name);

// "element <unit> at line 12", for error messages.
std::string Where(const xmlNode* node);

}  // namespace bidscope::segment_internal

#endif  // BIDSCOPE_EXTRACT_SEGMENT_XML_H_
