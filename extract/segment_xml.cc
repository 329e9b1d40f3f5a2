#include "extract/segment_xml.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <unicode/utf8.h>

#include <stdexcept>

#include "extract/segment_translation.h"

namespace bidscope::segment_internal {
namespace {

const xmlChar* Xml(const std::string& s) {
  return reinterpret_cast<const xmlChar*>(s.c_str());
}

bool IsXmlChar(UChar32 c) {
  if (c == 0x9 || c == 0xA || c == 0xD) return true;
  if (c < 0x20) return false;
  return c != 0xFFFE && c != 0xFFFF;
}

std::string FromXml(xmlChar* value) {
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

}  // namespace

std::string XmlSafeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else if (IsXmlChar(c)) {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

XmlWriter::XmlWriter() {
  buffer_ = xmlBufferCreate();
  if (buffer_ == nullptr) throw std::runtime_error("xmlBufferCreate failed");
  writer_ = xmlNewTextWriterMemory(buffer_, 0);
  if (writer_ == nullptr) {
    xmlBufferFree(buffer_);
    throw std::runtime_error("xmlNewTextWriterMemory failed");
  }
  Check(xmlTextWriterSetIndent(writer_, 1), "set indent");
  Check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr),
        "start document");
}

XmlWriter::~XmlWriter() {
  if (writer_ != nullptr) xmlFreeTextWriter(writer_);
  if (buffer_ != nullptr) xmlBufferFree(buffer_);
}

void XmlWriter::Check(int result, std::string_view step) {
  if (result < 0) {
    throw std::runtime_error("libxml2 failed to " + std::string(step));
  }
}

void XmlWriter::StartElement(std::string_view name) {
  Check(xmlTextWriterStartElement(writer_, Xml(std::string(name))),
        "start element " + std::string(name));
}

void XmlWriter::StartElementNs(std::string_view name, std::string_view ns_uri) {
  Check(xmlTextWriterStartElementNS(writer_, nullptr, Xml(std::string(name)),
                                    Xml(std::string(ns_uri))),
        "start element " + std::string(name));
}

void XmlWriter::Attribute(std::string_view name, std::string_view value) {
  Check(xmlTextWriterWriteAttribute(writer_, Xml(std::string(name)),
                                    Xml(XmlSafeText(value))),
        "write attribute " + std::string(name));
}

void XmlWriter::Text(std::string_view text) {
  Check(xmlTextWriterWriteString(writer_, Xml(XmlSafeText(text))),
        "write text");
}

void XmlWriter::EndElement() {
  Check(xmlTextWriterEndElement(writer_), "end element");
}

std::string XmlWriter::Finish() {
  Check(xmlTextWriterEndDocument(writer_), "end document");
  Check(xmlTextWriterFlush(writer_), "flush");
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)),
                     static_cast<size_t>(xmlBufferLength(buffer_)));
}

XmlDocPtr ParseXml(std::string_view xml, std::string_view description) {
  xmlResetLastError();
  XmlDocPtr doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8",
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (doc) return doc;
  const xmlError* error = xmlGetLastError();
  std::string message = std::string(description) + " is not well-formed XML";
  if (error != nullptr) {
    message += " (line " + std::to_string(error->line) + ": ";
    std::string detail = error->message != nullptr ? error->message : "";
    while (!detail.empty() && detail.back() == '\n') detail.pop_back();
    message += detail + ")";
  }
  throw TranslationFileError(message);
}

std::string Name(const xmlNode* node) {
  return node->name != nullptr ? reinterpret_cast<const char*>(node->name) : "";
}

std::string AttributeValue(const xmlNode* node, const char* name) {
  return FromXml(xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name)));
}

std::string AttributeValueNs(const xmlNode* node, const char* name,
                             const char* ns_uri) {
  return FromXml(xmlGetNsProp(node, reinterpret_cast<const xmlChar*>(name),
                              reinterpret_cast<const xmlChar*>(ns_uri)));
}

std::string TextContent(const xmlNode* node) {
  return FromXml(xmlNodeGetContent(node));
}

bool IsElement(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && Name(node) == name;
}

std::string Where(const xmlNode* node) {
  return "element <" + Name(node) + "> at line " +
         std::to_string(xmlGetLineNo(node));
}

}  // namespace bidscope::segment_internal
