// ExtractText: plain text in any supported encoding, and XML routed to
// ExtractXml.
#include <string>

#include "extract/charset.h"
#include "extract/formats.h"

namespace bidscope {
namespace {

// Converts CRLF and lone CR line ends to LF.
std::string UnixLineEnds(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      result.push_back(text[i]);
      continue;
    }
    result.push_back('\n');
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
  return result;
}

}  // namespace

Document ExtractText(std::string_view bytes, const ExtractOptions& options) {
  if (DetectFormat(bytes) == Format::kXml) return ExtractXml(bytes, options);
  return ExtractPlainText(bytes);
}

Document ExtractPlainText(std::string_view bytes,
                          std::string_view declared_charset) {
  Document doc;
  doc.paged = false;
  DecodeOptions decode_options;
  decode_options.declared_label = std::string(declared_charset);
  DecodedText decoded = DecodeToUtf8(bytes, decode_options);
  doc.metadata.encoding = decoded.encoding;
  doc.metadata.page_count = 1;
  if (!decoded.note.empty()) doc.warnings.push_back(decoded.note);
  if (decoded.invalid_sequences > 0) {
    doc.warnings.push_back(std::to_string(decoded.invalid_sequences) +
                           " invalid byte sequences in " + decoded.encoding +
                           " replaced with U+FFFD");
  }
  std::string nul_warning = DropNulBytes(decoded.utf8);
  if (!nul_warning.empty()) doc.warnings.push_back(nul_warning);
  if (decoded.utf8.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    doc.status = ExtractStatus::kEmpty;
    doc.error = "empty file: only whitespace";
  }
  Page page;
  page.origin = TextOrigin::kPlain;
  page.text = UnixLineEnds(decoded.utf8);
  doc.pages.push_back(std::move(page));
  return doc;
}

}  // namespace bidscope
