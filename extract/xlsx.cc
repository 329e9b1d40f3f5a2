// ExtractXlsx: a SpreadsheetML package read with libzip and libxml2. Each
// worksheet becomes one Page whose text starts with the line
// "sheet NAME". The document is not paged, because sheets are not pages.
#include <map>
#include <string>
#include <vector>

#include "extract/formats.h"
#include "extract/office_package.h"
#include "extract/ooxml_properties.h"
#include "extract/xlsx_sheet.h"
#include "extract/xlsx_styles.h"
#include "extract/xml_util.h"

namespace bidscope {
namespace {

constexpr char kDefaultWorkbook[] = "xl/workbook.xml";

struct SheetEntry {
  std::string name;
  std::string part;  // empty when the relationship is missing
  bool hidden = false;
};

std::string FolderOf(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

std::string RelsPartOf(const std::string& part) {
  size_t slash = part.rfind('/');
  std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return FolderOf(part) + "_rels/" + file + ".rels";
}

// Relationships of `part` by id, read directly because ReadRelationships
// drops the ids that sheets refer to.
std::map<std::string, std::string> RelationshipTargets(
    ZipPackage& package, const std::string& part) {
  std::map<std::string, std::string> targets;
  std::string error;
  XmlDocPtr rels = ReadXmlPart(package, RelsPartOf(part), error);
  if (rels == nullptr) return targets;
  std::string folder = FolderOf(part);
  for (const xmlNode* node = xmlDocGetRootElement(rels.get())->children;
       node != nullptr; node = node->next) {
    if (!IsElement(node, "Relationship")) continue;
    if (AttributeValue(node, "TargetMode") == "External") continue;
    std::string target = AttributeValue(node, "Target");
    target = !target.empty() && target[0] == '/' ? target.substr(1)
                                                 : folder + target;
    targets[AttributeValue(node, "Id")] = target;
  }
  return targets;
}

std::string TargetOfType(const std::vector<Relationship>& relationships,
                         std::string_view type, std::string fallback) {
  for (const Relationship& relationship : relationships) {
    if (relationship.type == type) return relationship.target;
  }
  return fallback;
}

std::vector<Relationship> PartRelationships(ZipPackage& package,
                                            const std::string& part) {
  std::string error;
  XmlDocPtr rels = ReadXmlPart(package, RelsPartOf(part), error);
  if (rels == nullptr) return {};
  return ReadRelationships(rels.get(), FolderOf(part));
}

// Sheets in workbook order and the date system, from xl/workbook.xml.
std::vector<SheetEntry> ReadWorkbook(
    const xmlDoc* workbook, const std::map<std::string, std::string>& targets,
    bool& date1904) {
  std::vector<SheetEntry> sheets;
  for (const xmlNode* section = xmlDocGetRootElement(workbook)->children;
       section != nullptr; section = section->next) {
    if (IsElement(section, "workbookPr")) {
      std::string value = AttributeValue(section, "date1904");
      date1904 = value == "1" || value == "true";
    }
    if (!IsElement(section, "sheets")) continue;
    for (const xmlNode* sheet = section->children; sheet != nullptr;
         sheet = sheet->next) {
      if (!IsElement(sheet, "sheet")) continue;
      SheetEntry entry;
      entry.name = AttributeValue(sheet, "name");
      std::string state = AttributeValue(sheet, "state");
      entry.hidden = state == "hidden" || state == "veryHidden";
      auto it = targets.find(AttributeValue(sheet, "id"));
      if (it != targets.end()) entry.part = it->second;
      sheets.push_back(std::move(entry));
    }
  }
  return sheets;
}

std::vector<std::string> ReadSharedStrings(const xmlDoc* part) {
  std::vector<std::string> strings;
  for (const xmlNode* item = xmlDocGetRootElement(part)->children;
       item != nullptr; item = item->next) {
    if (IsElement(item, "si")) strings.push_back(RichText(item));
  }
  return strings;
}

// Reads the shared strings and styles the workbook's relationships name.
// Damaged parts become warnings: cells then show no text or raw numbers.
WorkbookContext ReadWorkbookContext(ZipPackage& package,
                                    const std::vector<Relationship>& rels,
                                    Document& doc) {
  WorkbookContext context;
  std::string error;
  std::string strings_name = TargetOfType(rels, "sharedStrings", "");
  if (!strings_name.empty() && package.Has(strings_name)) {
    XmlDocPtr strings = ReadXmlPart(package, strings_name, error);
    if (strings != nullptr)
      context.shared_strings = ReadSharedStrings(strings.get());
    if (strings == nullptr) doc.warnings.push_back(error);
  }
  std::string styles_name = TargetOfType(rels, "styles", "");
  if (!styles_name.empty() && package.Has(styles_name)) {
    XmlDocPtr styles = ReadXmlPart(package, styles_name, error);
    if (styles != nullptr)
      context.style_date_kinds = ReadCellStyleDateKinds(styles.get());
    if (styles == nullptr) doc.warnings.push_back(error);
  }
  return context;
}

void ReadProperties(ZipPackage& package,
                    const std::vector<Relationship>& package_rels,
                    Document& doc) {
  std::string error;
  std::string core_name =
      TargetOfType(package_rels, "core-properties", "docProps/core.xml");
  if (package.Has(core_name)) {
    XmlDocPtr core = ReadXmlPart(package, core_name, error);
    if (core != nullptr) ReadCoreProperties(core.get(), doc.metadata);
    if (core == nullptr) doc.warnings.push_back(error);
  }
  std::string app_name =
      TargetOfType(package_rels, "extended-properties", "docProps/app.xml");
  if (package.Has(app_name)) {
    XmlDocPtr app = ReadXmlPart(package, app_name, error);
    if (app != nullptr) ReadAppProperties(app.get(), doc.metadata);
  }
}

// One page for `sheet`: its heading line, then its rows within the
// remaining text budget. A damaged sheet keeps its heading and a warning.
Page ReadSheet(ZipPackage& package, const SheetEntry& sheet,
               const WorkbookContext& context, size_t& budget) {
  Page page;
  page.origin = TextOrigin::kMarkup;
  page.text = "sheet " + sheet.name + (sheet.hidden ? " (hidden)" : "");
  std::string error;
  XmlDocPtr part =
      sheet.part.empty() ? nullptr : ReadXmlPart(package, sheet.part, error);
  if (part == nullptr) {
    if (sheet.part.empty()) error = "no worksheet part for this sheet";
    page.warnings.push_back(error);
    return page;
  }
  size_t heading = page.text.size() + 1;
  SheetTextBuilder builder(budget > heading ? budget - heading : 0);
  RenderWorksheet(part.get(), context, builder);
  std::string rows = builder.Finish();
  if (!rows.empty()) page.text += "\n" + rows;
  if (builder.truncated()) {
    page.warnings.push_back("sheet text truncated at the decoded size limit (" +
                            std::to_string(budget) + " bytes left)");
  }
  budget = budget > page.text.size() ? budget - page.text.size() : 0;
  return page;
}

}  // namespace

Document ExtractXlsx(std::string_view bytes, const ExtractOptions& options) {
  // 1. Open the package and find the workbook through its relationship.
  std::string error;
  std::unique_ptr<ZipPackage> package =
      ZipPackage::Open(bytes, PackageLimitsFrom(options), error);
  if (package == nullptr) {
    return FailedDocument("not a readable ZIP archive: " + error);
  }
  std::vector<Relationship> package_rels = PartRelationships(*package, "");
  std::string workbook_name =
      TargetOfType(package_rels, "officeDocument", kDefaultWorkbook);
  XmlDocPtr workbook = ReadXmlPart(*package, workbook_name, error);
  if (workbook == nullptr) return FailedDocument(error);

  // 2. Sheets in workbook order, with the strings and styles they use.
  Document doc;
  bool date1904 = false;
  std::vector<SheetEntry> sheets = ReadWorkbook(
      workbook.get(), RelationshipTargets(*package, workbook_name), date1904);
  workbook.reset();
  WorkbookContext context = ReadWorkbookContext(
      *package, PartRelationships(*package, workbook_name), doc);
  context.date1904 = date1904;
  ReadProperties(*package, package_rels, doc);

  // 3. One page per sheet, all sheets together within max_decoded_bytes.
  size_t budget = options.max_decoded_bytes;
  for (const SheetEntry& sheet : sheets) {
    doc.pages.push_back(ReadSheet(*package, sheet, context, budget));
    doc.pages.back().number = static_cast<int>(doc.pages.size());
  }
  if (doc.pages.empty()) {
    doc.warnings.push_back("workbook lists no sheets");
    doc.pages.emplace_back();
    doc.pages.back().origin = TextOrigin::kMarkup;
  }
  doc.paged = false;
  doc.metadata.page_count = static_cast<int>(doc.pages.size());
  return doc;
}

}  // namespace bidscope
