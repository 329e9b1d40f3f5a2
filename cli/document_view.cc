#include "cli/document_view.h"

#include <iostream>

#include "cli/output.h"
#include "extract/document_json.h"

namespace bidscope::cli {

using nlohmann::json;

json DocumentView(const Document& doc, const std::vector<std::string>& paths,
                  const std::map<std::string, std::string>& path_urls) {
  json view = DocumentToJson(doc);
  view["path"] = paths.empty() ? "" : paths.front();
  view["paths"] = paths;
  if (!path_urls.empty()) view["path_urls"] = path_urls;
  return view;
}

void PrintFields(const Fields& fields, bool color) {
  auto field = [&](const std::string& name, const std::string& value) {
    if (!value.empty()) std::cout << Bold(name, color) << ": " << value << '\n';
  };
  std::cout << '\n' << Dim("--- fields ---", color) << '\n';
  field("notice type", fields.notice_type);
  field("method", fields.procurement_method);
  field("project number", fields.project_number);
  field("plan number", fields.plan_number);
  field("project name", fields.project_name);
  field("lot", fields.lot);
  field("buyer", fields.buyer);
  field("agency", fields.agency);
  for (const Supplier& supplier : fields.suppliers) {
    std::string text = supplier.name;
    if (!supplier.credit_code.empty())
      text += " (" + supplier.credit_code + ")";
    field("supplier", text);
  }
  for (const Amount& amount : fields.amounts) {
    std::string where = "page " + std::to_string(amount.page);
    if (!amount.revision.empty()) where += ", " + amount.revision;
    field(amount.kind + " amount",
          amount.value + " " + amount.currency + " (" + where + ")");
  }
  for (const DateValue& date : fields.dates) {
    field(date.kind + " date",
          date.value + " (page " + std::to_string(date.page) + ")");
  }
  const Region& r = fields.region;
  std::string region = r.province;
  for (const std::string* part : {&r.city, &r.county}) {
    if (!part->empty()) region += (region.empty() ? "" : " ") + *part;
  }
  if (!r.code.empty()) field("region", region + " (" + r.code + ")");
  for (const std::string& warning : fields.warnings) {
    field("field warning", warning);
  }
}

void PrintDocument(const Document& doc, const std::vector<std::string>& paths,
                   bool color, const Fields* fields) {
  PrintDocumentHead(doc, paths, color, fields);
  PrintPages(doc, color);
}

void PrintDocumentHead(const Document& doc,
                       const std::vector<std::string>& paths, bool color,
                       const Fields* fields,
                       const std::map<std::string, std::string>& path_urls) {
  const Metadata& m = doc.metadata;
  auto field = [&](const char* name, const std::string& value) {
    if (!value.empty()) std::cout << Bold(name, color) << ": " << value << '\n';
  };
  field("id", doc.id);
  for (const std::string& path : paths) {
    auto url = path_urls.find(path);
    field("path", url == path_urls.end() ? path : path + "  " + url->second);
  }
  field("format", std::string(FormatName(doc.format)));
  field("status", std::string(ExtractStatusName(doc.status)));
  field("error", doc.error);
  field("parent", doc.parent_id);
  field("locator", doc.locator);
  field("title", m.title);
  field("author", m.author);
  field("subject", m.subject);
  field("created", m.created);
  field("modified", m.modified);
  field("producer", m.producer);
  field("encoding", m.encoding);
  for (const auto& [key, value] : m.extra) field(key.c_str(), value);
  field("pages", std::to_string(doc.pages.size()));
  for (const std::string& warning : doc.warnings) field("warning", warning);
  if (fields != nullptr) PrintFields(*fields, color);
}

void PrintPages(const Document& doc, bool color) {
  for (const Page& page : doc.pages) {
    std::string heading = "--- page " + std::to_string(page.number) + " (" +
                          std::string(TextOriginName(page.origin));
    if (page.ocr_confidence >= 0)
      heading += ", OCR confidence " +
                 std::to_string(static_cast<int>(page.ocr_confidence));
    if (page.ocr_rotation != 0)
      heading += ", read turned " + std::to_string(page.ocr_rotation) +
                 " degrees clockwise";
    if (page.ocr_rules_removed) heading += ", table rules removed";
    char quality[32];
    std::snprintf(quality, sizeof quality, ", quality %.2f", page.quality);
    heading += quality;
    if (!page.reliable) heading += ", unreliable: not indexed";
    heading += ") ---";
    std::cout << '\n' << Dim(heading, color) << '\n';
    for (const std::string& warning : page.warnings)
      std::cout << Dim("warning: " + warning, color) << '\n';
    std::cout << page.text << '\n';
  }
}

}  // namespace bidscope::cli
