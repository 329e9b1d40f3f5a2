// DetectFormat: magic numbers first, then ZIP members, then sniffs of the
// text formats on a decoded prefix.
#include <algorithm>
#include <string>
#include <string_view>

#include "extract/charset.h"
#include "extract/detect_text.h"
#include "extract/extract.h"
#include "extract/ooxml_package.h"

namespace bidscope {
namespace {

// A %PDF header may follow junk bytes (mail headers, a BOM) within this
// many bytes; PDF readers accept the same offset.
constexpr size_t kPdfHeaderWindow = 1024;

// The text sniffs look at this many leading bytes only.
constexpr size_t kTextPrefixBytes = 64 * 1024;

Format DetectZip(std::string_view bytes) {
  ZipMembers members = ListZipMembers(bytes);
  if (!members.readable) return Format::kZip;
  if (members.Contains("word/document.xml")) return Format::kDocx;
  if (members.ContainsPrefix("xl/")) return Format::kXlsx;
  std::string mimetype = ReadSmallZipMember(bytes, "mimetype", 256);
  if (mimetype == "application/vnd.oasis.opendocument.text") {
    return Format::kOdt;
  }
  if (mimetype == "application/vnd.oasis.opendocument.spreadsheet") {
    return Format::kOds;
  }
  return Format::kZip;
}

Format DetectMagic(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) {
    return DetectZip(bytes);
  }
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    return Format::kDoc;
  }
  if (bytes.starts_with("{\\rtf")) return Format::kRtf;
  if (bytes.starts_with("Rar!\x1A\x07")) return Format::kRar;
  if (bytes.starts_with("7z\xBC\xAF\x27\x1C")) return Format::kSevenZip;
  if (bytes.starts_with("\x89PNG\r\n\x1A\n") ||
      bytes.starts_with("\xFF\xD8\xFF") ||
      bytes.starts_with(std::string_view("II*\0", 4)) ||
      bytes.starts_with(std::string_view("MM\0*", 4))) {
    return Format::kImage;
  }
  if (bytes.substr(0, kPdfHeaderWindow).find("%PDF-") !=
      std::string_view::npos) {
    return Format::kPdf;
  }
  return Format::kUnknown;
}

// The leading bytes as UTF-8 text, or nothing when they do not read as
// text (more than one in a hundred characters are NUL bytes, other
// control characters or invalid sequences). A stray NUL is common in
// saved pages and scraped text, and the readers drop it.
bool DecodePrefix(std::string_view bytes, std::string& text) {
  std::string_view prefix = bytes.substr(0, kTextPrefixBytes);
  size_t bom_length = 0;
  std::string_view bom = SniffBom(prefix, &bom_length);
  bool utf16 = bom == kUtf16Le || bom == kUtf16Be;
  // Drop a character cut off at the end of the prefix.
  if (bytes.size() > prefix.size()) {
    prefix.remove_suffix(std::min<size_t>(prefix.size(), utf16 ? 2 : 3));
  }
  DecodedText decoded = DecodeToUtf8(prefix);
  text = std::move(decoded.utf8);
  size_t controls = std::count_if(text.begin(), text.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
  });
  size_t limit = text.size() / 100 + 1;
  return controls + decoded.invalid_sequences <= limit;
}

}  // namespace

Format DetectFormat(std::string_view bytes) {
  if (bytes.empty()) return Format::kUnknown;
  Format magic = DetectMagic(bytes);
  if (magic != Format::kUnknown) return magic;

  std::string text;
  if (!DecodePrefix(bytes, text)) return Format::kUnknown;
  bool truncated = bytes.size() > kTextPrefixBytes;
  Format mime = SniffMime(text);
  if (mime != Format::kUnknown) return mime;
  if (SniffMbox(text) != Format::kUnknown) return Format::kMbox;
  if (LooksLikeHtml(text)) return Format::kHtml;
  if (LooksLikeXml(text)) return Format::kXml;
  Format json = SniffJson(text, truncated);
  if (json != Format::kUnknown) return json;
  if (LooksLikeCsv(text, truncated)) return Format::kCsv;
  if (LooksLikeHtmlFragment(text)) return Format::kHtml;
  return Format::kText;
}

}  // namespace bidscope
