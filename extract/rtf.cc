// ExtractRtf: one logical page of RTF text with the \info metadata.
#include "extract/formats.h"
#include "extract/rtf_reader.h"

namespace bidscope {

Document ExtractRtf(std::string_view bytes, const ExtractOptions& options) {
  RtfContent content = ReadRtf(bytes, options.max_decoded_bytes);
  Document doc;
  doc.format = Format::kRtf;
  doc.status = ExtractStatus::kOk;
  doc.metadata.title = std::move(content.title);
  doc.metadata.author = std::move(content.author);
  doc.metadata.subject = std::move(content.subject);
  doc.metadata.keywords = std::move(content.keywords);
  doc.metadata.created = std::move(content.created);
  doc.warnings = std::move(content.warnings);

  Page page;
  page.text = std::move(content.text);
  page.origin = TextOrigin::kMarkup;
  doc.pages.push_back(std::move(page));
  return doc;
}

}  // namespace bidscope
