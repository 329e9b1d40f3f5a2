// ExtractHtml: decode with the charset priority rules, parse with
// libxml2's HTML parser, render the body as text.
#include <libxml/HTMLparser.h>

#include <cctype>
#include <string>

#include "extract/charset.h"
#include "extract/formats.h"
#include "extract/html_text.h"
#include "extract/text_lines.h"
#include "extract/xml_util.h"

namespace bidscope {
namespace {

std::string CollapsedText(const xmlNode* node) {
  TextLines lines;
  lines.Append(NodeText(node));
  return lines.Text();
}

const xmlNode* FindElement(const xmlNode* node, std::string_view name) {
  for (; node != nullptr; node = node->next) {
    if (IsElement(node, name)) return node;
    if (const xmlNode* found = FindElement(node->children, name)) return found;
  }
  return nullptr;
}

// Title, author, keywords and description from <title>, the first <h1>
// and <meta name=...>. The page's address is read apart (SavedFromUrl,
// DeclaredUrl).
void ReadHtmlMetadata(const xmlDoc* doc, Metadata& metadata) {
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (const xmlNode* title = FindElement(root, "title")) {
    metadata.title = CollapsedText(title);
  }
  if (metadata.title.empty()) {
    if (const xmlNode* h1 = FindElement(root, "h1")) {
      metadata.title = CollapsedText(h1);
    }
  }
  const xmlNode* head = FindElement(root, "head");
  if (head == nullptr) return;
  for (const xmlNode* node = head->children; node != nullptr;
       node = node->next) {
    if (!IsElement(node, "meta")) continue;
    std::string name = AttributeValue(node, "name");
    for (char& c : name) c = static_cast<char>(std::tolower(c));
    std::string content = AttributeValue(node, "content");
    if (name == "author") metadata.author = content;
    if (name == "keywords") metadata.keywords = content;
    if (name == "description") metadata.subject = content;
    if (name == "generator") metadata.creator = content;
  }
}

// An address that names the page itself, not a local or browser one.
bool IsWebAddress(std::string_view url) {
  return url.starts_with("http://") || url.starts_with("https://");
}

// Returns the address a browser saved the page from: Internet Explorer and
// Chrome write "<!-- saved from url=(0046)http://... -->" before the markup.
std::string SavedFromUrl(std::string_view text) {
  constexpr std::string_view kMark = "saved from url=(";
  std::string_view head = text.substr(0, 4096);
  size_t at = head.find(kMark);
  if (at == std::string_view::npos) return "";
  size_t close = head.find(')', at + kMark.size());
  if (close == std::string_view::npos) return "";
  std::string_view rest = head.substr(close + 1);
  size_t end = rest.find_first_of(" \t\r\n");
  std::string_view url = rest.substr(0, std::min(end, rest.size()));
  if (url.ends_with("-->")) url.remove_suffix(3);
  return IsWebAddress(url) ? std::string(url) : "";
}

// Returns the address the page names for itself: <link rel="canonical"> or
// <meta property="og:url">.
std::string DeclaredUrl(const xmlDoc* doc) {
  const xmlNode* head = FindElement(xmlDocGetRootElement(doc), "head");
  if (head == nullptr) return "";
  std::string og_url;
  for (const xmlNode* node = head->children; node != nullptr;
       node = node->next) {
    if (IsElement(node, "link")) {
      std::string rel = AttributeValue(node, "rel");
      for (char& c : rel) c = static_cast<char>(std::tolower(c));
      std::string href = AttributeValue(node, "href");
      if (rel == "canonical" && IsWebAddress(href)) return href;
    } else if (IsElement(node, "meta") &&
               AttributeValue(node, "property") == "og:url") {
      std::string content = AttributeValue(node, "content");
      if (og_url.empty() && IsWebAddress(content)) og_url = content;
    }
  }
  return og_url;
}

}  // namespace

Document ExtractHtml(std::string_view bytes, const ExtractOptions&,
                     std::string_view declared_charset,
                     const FrameText& frame_text) {
  Document doc;
  doc.paged = false;

  // 1. Decode: BOM, then <meta>, then detection.
  DecodeOptions decode_options;
  decode_options.markup = DecodeOptions::Markup::kHtml;
  decode_options.declared_label = std::string(declared_charset);
  DecodedText decoded = DecodeToUtf8(bytes, decode_options);
  doc.metadata.encoding = decoded.encoding;
  if (!decoded.note.empty()) doc.warnings.push_back(decoded.note);
  if (decoded.invalid_sequences > 0) {
    doc.warnings.push_back(std::to_string(decoded.invalid_sequences) +
                           " invalid byte sequences in " + decoded.encoding +
                           " replaced with U+FFFD");
  }

  // 2. Parse the UTF-8 text; libxml2 ignores <meta charset> here. It would
  // stop at a NUL byte, which browsers drop from the text.
  std::string nul_warning = DropNulBytes(decoded.utf8);
  if (!nul_warning.empty()) doc.warnings.push_back(nul_warning);
  Page page;
  page.origin = TextOrigin::kMarkup;
  XmlDocPtr html = ParseHtml(decoded.utf8);
  if (html != nullptr) {
    ReadHtmlMetadata(html.get(), doc.metadata);
    std::string url = SavedFromUrl(decoded.utf8);
    if (url.empty()) url = DeclaredUrl(html.get());
    if (!url.empty()) doc.metadata.extra["url"] = url;
    page.text = HtmlBodyText(html.get(), frame_text);
  } else if (decoded.utf8.find_first_not_of(" \t\r\n") != std::string::npos) {
    doc.status = ExtractStatus::kFailed;
    doc.error = "libxml2 built no HTML tree from the input";
    return doc;
  }
  if (page.text.find_first_not_of(" \t\n") == std::string::npos) {
    if (doc.metadata.title.empty()) {
      doc.status = ExtractStatus::kEmpty;
      doc.error = "empty page: markup without text";
    } else {
      doc.warnings.push_back("the page has a title but no text");
    }
  }
  doc.pages.push_back(std::move(page));
  doc.metadata.page_count = 1;
  return doc;
}

}  // namespace bidscope
