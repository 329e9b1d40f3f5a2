// ExtractDocx: a WordprocessingML package read with libzip and libxml2.
#include <algorithm>
#include <string>
#include <vector>

#include "extract/formats.h"
#include "extract/office_package.h"
#include "extract/ooxml_package.h"
#include "extract/ooxml_properties.h"
#include "extract/ooxml_wordml.h"
#include "extract/xml_util.h"

namespace bidscope {
namespace {

constexpr char kDefaultMainPart[] = "word/document.xml";

std::string FolderOf(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// "word/_rels/document.xml.rels" for "word/document.xml".
std::string RelsPartOf(const std::string& part) {
  size_t slash = part.rfind('/');
  std::string dir = FolderOf(part);
  std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return dir + "_rels/" + file + ".rels";
}

std::vector<Relationship> PartRelationships(ZipPackage& package,
                                            const std::string& part) {
  std::string error;
  XmlDocPtr rels = ReadXmlPart(package, RelsPartOf(part), error);
  if (rels == nullptr) return {};
  return ReadRelationships(rels.get(), FolderOf(part));
}

std::string TargetOf(const std::vector<Relationship>& relationships,
                     std::string_view type, std::string fallback) {
  for (const Relationship& relationship : relationships) {
    if (relationship.type == type) return relationship.target;
  }
  return fallback;
}

void ReadProperties(ZipPackage& package,
                    const std::vector<Relationship>& package_rels,
                    Document& doc) {
  std::string error;
  std::string core_name =
      TargetOf(package_rels, "core-properties", "docProps/core.xml");
  if (package.Has(core_name)) {
    XmlDocPtr core = ReadXmlPart(package, core_name, error);
    if (core != nullptr) ReadCoreProperties(core.get(), doc.metadata);
    if (core == nullptr) doc.warnings.push_back(error);
  }
  std::string app_name =
      TargetOf(package_rels, "extended-properties", "docProps/app.xml");
  if (package.Has(app_name)) {
    XmlDocPtr app = ReadXmlPart(package, app_name, error);
    if (app != nullptr) ReadAppProperties(app.get(), doc.metadata);
  }
}

// Text of the header, footer, footnote and endnote parts the main part
// refers to, each as one block. Damaged parts become warnings.
void ReadAuxiliaryParts(ZipPackage& package,
                        const std::vector<Relationship>& relationships,
                        std::vector<std::string>& headers,
                        std::vector<std::string>& trailers, Document& doc) {
  for (const Relationship& relationship : relationships) {
    bool header = relationship.type == "header";
    bool trailer = relationship.type == "footer" ||
                   relationship.type == "footnotes" ||
                   relationship.type == "endnotes";
    if (!header && !trailer) continue;
    std::string error;
    XmlDocPtr part = ReadXmlPart(package, relationship.target, error);
    if (part == nullptr) {
      doc.warnings.push_back(error);
      continue;
    }
    std::string text;
    for (const std::string& page : RenderWordprocessingMl(part.get()).pages) {
      if (!text.empty() && !page.empty()) text.push_back('\n');
      text += page;
    }
    // Sections repeat the same header and footer parts' text.
    std::vector<std::string>& blocks = header ? headers : trailers;
    if (text.empty() ||
        std::find(blocks.begin(), blocks.end(), text) != blocks.end()) {
      continue;
    }
    blocks.push_back(std::move(text));
  }
}

std::string JoinBlocks(const std::vector<std::string>& blocks) {
  std::string text;
  for (const std::string& block : blocks) {
    if (!text.empty()) text.push_back('\n');
    text += block;
  }
  return text;
}

}  // namespace

Document ExtractDocx(std::string_view bytes, const ExtractOptions& options) {
  // 1. Open the package and find the main part through its relationship.
  std::string error;
  std::unique_ptr<ZipPackage> package =
      ZipPackage::Open(bytes, PackageLimitsFrom(options), error);
  if (package == nullptr)
    return FailedDocument("not a readable ZIP archive: " + error);
  std::vector<Relationship> package_rels = PartRelationships(*package, "");
  std::string main_name =
      TargetOf(package_rels, "officeDocument", kDefaultMainPart);

  // 2. The body is required; a damaged body fails the document.
  XmlDocPtr main_part = ReadXmlPart(*package, main_name, error);
  if (main_part == nullptr) return FailedDocument(error);
  WordText body = RenderWordprocessingMl(main_part.get());
  main_part.reset();

  // 3. Headers go before the first page; footers, footnotes and endnotes
  // after the last.
  Document doc;
  std::vector<std::string> headers;
  std::vector<std::string> trailers;
  ReadAuxiliaryParts(*package, PartRelationships(*package, main_name), headers,
                     trailers, doc);
  ReadProperties(*package, package_rels, doc);
  if (!headers.empty()) {
    std::string& first = body.pages.front();
    first = JoinBlocks(headers) + (first.empty() ? "" : "\n") + first;
  }
  if (!trailers.empty()) {
    std::string& last = body.pages.back();
    last += (last.empty() ? "" : "\n") + JoinBlocks(trailers);
  }

  // 4. Pages, numbered only when the document has page breaks.
  doc.paged = body.pages.size() > 1;
  for (size_t i = 0; i < body.pages.size(); ++i) {
    Page page;
    page.number = static_cast<int>(i) + 1;
    page.origin = TextOrigin::kMarkup;
    page.text = std::move(body.pages[i]);
    doc.pages.push_back(std::move(page));
  }
  doc.metadata.page_count = static_cast<int>(doc.pages.size());
  return doc;
}

}  // namespace bidscope
