// ExtractXml: the text content of an XML document, one line per element
// that contains text.
#include <string>

#include "extract/charset.h"
#include "extract/formats.h"
#include "extract/text_lines.h"
#include "extract/xml_util.h"

namespace bidscope {
namespace {

bool HasOwnText(const xmlNode* node) {
  for (const xmlNode* child = node->children; child != nullptr;
       child = child->next) {
    if ((child->type == XML_TEXT_NODE ||
         child->type == XML_CDATA_SECTION_NODE) &&
        XmlView(child->content).find_first_not_of(" \t\r\n") !=
            std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// Elements end lines, except inside mixed content (text with inline
// elements, as in <P>see <B>Annex</B> II</P>), which stays on one line.
void RenderXml(const xmlNode* node, TextLines& out, bool mixed) {
  for (const xmlNode* child = node->children; child != nullptr;
       child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      out.Append(XmlView(child->content));
      continue;
    }
    if (child->type != XML_ELEMENT_NODE) continue;
    bool child_mixed = mixed || HasOwnText(child);
    if (!mixed) out.EndLine();
    RenderXml(child, out, child_mixed);
    if (!mixed) out.EndLine();
  }
}

}  // namespace

Document ExtractXml(std::string_view bytes, const ExtractOptions&) {
  Document doc;
  doc.paged = false;

  // 1. Decode: BOM, then the XML declaration, then detection.
  DecodeOptions decode_options;
  decode_options.markup = DecodeOptions::Markup::kXml;
  DecodedText decoded = DecodeToUtf8(bytes, decode_options);
  doc.metadata.encoding = decoded.encoding;
  if (!decoded.note.empty()) doc.warnings.push_back(decoded.note);

  // 2. Parse, keeping what libxml2 recovers from damaged markup.
  std::string error;
  XmlParseOptions parse_options;
  parse_options.recover = true;
  parse_options.input_is_utf8 = true;
  XmlDocPtr xml = ParseXml(decoded.utf8, parse_options, error);
  if (xml == nullptr) {
    doc.status = ExtractStatus::kFailed;
    doc.error = "invalid XML: " + error;
    return doc;
  }
  if (!error.empty()) doc.warnings.push_back("damaged XML: " + error);

  // 3. Text content.
  TextLines out;
  RenderXml(reinterpret_cast<const xmlNode*>(xml.get()), out, false);
  Page page;
  page.origin = TextOrigin::kMarkup;
  page.text = out.Text();
  doc.pages.push_back(std::move(page));
  doc.metadata.page_count = 1;
  return doc;
}

}  // namespace bidscope
