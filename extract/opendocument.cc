// ExtractOdt and ExtractOds: OpenDocument packages read with libzip and
// libxml2 from content.xml and meta.xml.
#include <string>
#include <vector>

#include "extract/formats.h"
#include "extract/odf_text.h"
#include "extract/office_package.h"
#include "extract/xml_util.h"

namespace bidscope {
namespace {

constexpr char kDublinCore[] = "http://purl.org/dc/elements/1.1/";
constexpr char kMetaNamespace[] =
    "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";

// True when META-INF/manifest.xml gives content.xml encryption data,
// which means the package needs a password.
bool ContentIsEncrypted(ZipPackage& package) {
  std::string error;
  if (!package.Has("META-INF/manifest.xml")) return false;
  XmlDocPtr manifest = ReadXmlPart(package, "META-INF/manifest.xml", error);
  if (manifest == nullptr) return false;
  for (const xmlNode* entry = xmlDocGetRootElement(manifest.get())->children;
       entry != nullptr; entry = entry->next) {
    if (!IsElement(entry, "file-entry") ||
        AttributeValue(entry, "full-path") != "content.xml") {
      continue;
    }
    for (const xmlNode* child = entry->children; child != nullptr;
         child = child->next) {
      if (IsElement(child, "encryption-data")) return true;
    }
  }
  return false;
}

void ReadMetaField(const xmlNode* node, Metadata& metadata) {
  std::string_view ns = XmlView(node->ns == nullptr ? nullptr : node->ns->href);
  std::string_view name = XmlView(node->name);
  std::string value = NodeText(node);
  if (value.empty()) return;
  if (ns == kDublinCore) {
    if (name == "title") metadata.title = value;
    if (name == "subject") metadata.subject = value;
    if (name == "date") metadata.modified = value;
    if (name == "creator") metadata.extra["last_modified_by"] = value;
    if (name == "description") metadata.extra["description"] = value;
    return;
  }
  if (ns != kMetaNamespace) return;
  if (name == "initial-creator") metadata.author = value;
  if (name == "creation-date") metadata.created = value;
  if (name == "generator") metadata.creator = value;
  if (name == "keyword") {
    if (!metadata.keywords.empty()) metadata.keywords += ", ";
    metadata.keywords += value;
  }
}

// Copies office:meta from meta.xml. A damaged meta.xml is a warning.
void ReadMeta(ZipPackage& package, Document& doc) {
  if (!package.Has("meta.xml")) return;
  std::string error;
  XmlDocPtr meta = ReadXmlPart(package, "meta.xml", error);
  if (meta == nullptr) {
    doc.warnings.push_back(error);
    return;
  }
  for (const xmlNode* section = xmlDocGetRootElement(meta.get())->children;
       section != nullptr; section = section->next) {
    if (!IsOdfElement(section, "office", "meta")) continue;
    for (const xmlNode* node = section->children; node != nullptr;
         node = node->next) {
      if (node->type == XML_ELEMENT_NODE) ReadMetaField(node, doc.metadata);
    }
  }
}

// office:body's child `kind` ("text", "spreadsheet") in content.xml.
const xmlNode* BodyContent(const xmlDoc* content, const char* kind) {
  const xmlNode* root = xmlDocGetRootElement(content);
  for (const xmlNode* body = root == nullptr ? nullptr : root->children;
       body != nullptr; body = body->next) {
    if (!IsOdfElement(body, "office", "body")) continue;
    for (const xmlNode* child = body->children; child != nullptr;
         child = child->next) {
      if (IsOdfElement(child, "office", kind)) return child;
    }
  }
  return nullptr;
}

// Opens the package and parses content.xml, or fills `failed` with the
// reason: unreadable ZIP, encrypted content, damaged or oversized XML.
XmlDocPtr OpenContent(std::string_view bytes, const ExtractOptions& options,
                      std::unique_ptr<ZipPackage>& package, Document& failed) {
  std::string error;
  package = ZipPackage::Open(bytes, PackageLimitsFrom(options), error);
  if (package == nullptr) {
    failed = FailedDocument("not a readable ZIP archive: " + error);
    return nullptr;
  }
  if (ContentIsEncrypted(*package)) {
    failed.status = ExtractStatus::kEncrypted;
    failed.error = "encrypted OpenDocument package: a password is required";
    return nullptr;
  }
  XmlDocPtr content = ReadXmlPart(*package, "content.xml", error);
  if (content == nullptr) failed = FailedDocument(error);
  return content;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) {
    if (!text.empty()) text.push_back('\n');
    text += line;
  }
  return text;
}

void AddTruncationWarning(Page& page, const ExtractOptions& options) {
  page.warnings.push_back("table text truncated at the decoded size limit (" +
                          std::to_string(options.max_decoded_bytes) +
                          " bytes)");
}

}  // namespace

Document ExtractOdt(std::string_view bytes, const ExtractOptions& options) {
  std::unique_ptr<ZipPackage> package;
  Document doc;
  XmlDocPtr content = OpenContent(bytes, options, package, doc);
  if (content == nullptr) return doc;
  const xmlNode* text = BodyContent(content.get(), "text");
  if (text == nullptr) {
    return FailedDocument("content.xml: no office:body/office:text element");
  }

  // Notes and comments follow the body, as footnotes follow a page.
  OdfText rendered = RenderOdfText(text, options.max_decoded_bytes);
  content.reset();
  Page page;
  page.origin = TextOrigin::kMarkup;
  page.text = JoinLines(rendered.lines);
  if (!rendered.notes.empty()) {
    if (!page.text.empty()) page.text.push_back('\n');
    page.text += JoinLines(rendered.notes);
  }
  if (rendered.truncated) AddTruncationWarning(page, options);
  doc.pages.push_back(std::move(page));
  ReadMeta(*package, doc);
  doc.metadata.page_count = 1;
  return doc;
}

Document ExtractOds(std::string_view bytes, const ExtractOptions& options) {
  std::unique_ptr<ZipPackage> package;
  Document doc;
  XmlDocPtr content = OpenContent(bytes, options, package, doc);
  if (content == nullptr) return doc;
  const xmlNode* spreadsheet = BodyContent(content.get(), "spreadsheet");
  if (spreadsheet == nullptr) {
    return FailedDocument(
        "content.xml: no office:body/office:spreadsheet element");
  }

  // One page per sheet. All sheets together stay within max_decoded_bytes.
  size_t budget = options.max_decoded_bytes;
  for (const xmlNode* table = spreadsheet->children; table != nullptr;
       table = table->next) {
    if (!IsOdfElement(table, "table", "table")) continue;
    Page page;
    page.number = static_cast<int>(doc.pages.size()) + 1;
    page.origin = TextOrigin::kMarkup;
    page.text = "sheet " + AttributeValue(table, "name");
    size_t heading = page.text.size() + 1;
    bool truncated = false;
    std::string rows = RenderOdfTable(
        table, budget > heading ? budget - heading : 0, truncated);
    if (!rows.empty()) page.text += "\n" + rows;
    if (truncated) AddTruncationWarning(page, options);
    budget = budget > page.text.size() ? budget - page.text.size() : 0;
    doc.pages.push_back(std::move(page));
  }
  content.reset();
  if (doc.pages.empty()) {
    doc.warnings.push_back("spreadsheet contains no tables");
    doc.pages.emplace_back();
    doc.pages.back().origin = TextOrigin::kMarkup;
  }
  ReadMeta(*package, doc);
  doc.metadata.page_count = static_cast<int>(doc.pages.size());
  return doc;
}

}  // namespace bidscope
