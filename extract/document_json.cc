#include "extract/document_json.h"

#include <string>

namespace bidscope {

using nlohmann::json;

namespace {

template <typename Enum, typename NameFn>
Enum EnumFromName(const std::string& name, NameFn name_of, Enum last) {
  for (int i = 0; i <= static_cast<int>(last); ++i) {
    Enum value = static_cast<Enum>(i);
    if (name_of(value) == name) return value;
  }
  return static_cast<Enum>(0);
}

json MetadataToJson(const Metadata& m) {
  json out = {{"title", m.title},      {"author", m.author},
              {"subject", m.subject},  {"keywords", m.keywords},
              {"creator", m.creator},  {"producer", m.producer},
              {"created", m.created},  {"modified", m.modified},
              {"pages", m.page_count}, {"encoding", m.encoding},
              {"extra", m.extra}};
  return out;
}

Metadata MetadataFromJson(const json& j) {
  Metadata m;
  m.title = j.value("title", "");
  m.author = j.value("author", "");
  m.subject = j.value("subject", "");
  m.keywords = j.value("keywords", "");
  m.creator = j.value("creator", "");
  m.producer = j.value("producer", "");
  m.created = j.value("created", "");
  m.modified = j.value("modified", "");
  m.page_count = j.value("pages", 0);
  m.encoding = j.value("encoding", "");
  if (j.contains("extra"))
    m.extra = j.at("extra").get<std::map<std::string, std::string>>();
  return m;
}

// Ranges outside the page text are dropped, since the JSON may come from
// another program.
std::vector<TextRange> FurnitureFromJson(const json& p, const Page& page) {
  std::vector<TextRange> furniture;
  for (const json& range : p.at("furniture")) {
    auto bounds = range.get<std::vector<size_t>>();
    if (bounds.size() != 2 || bounds[0] > bounds[1] ||
        bounds[1] > page.text.size()) {
      continue;
    }
    furniture.push_back({bounds[0], bounds[1]});
  }
  return furniture;
}

}  // namespace

json DocumentToJson(const Document& doc) {
  json pages = json::array();
  for (const Page& page : doc.pages) {
    json p = {{"number", page.number},
              {"text", page.text},
              {"origin", TextOriginName(page.origin)},
              {"quality", page.quality},
              {"reliable", page.reliable}};
    if (page.ocr_confidence >= 0) p["ocr_confidence"] = page.ocr_confidence;
    if (page.ocr_rotation != 0) p["ocr_rotation"] = page.ocr_rotation;
    if (page.ocr_rules_removed) p["ocr_rules_removed"] = true;
    if (!page.warnings.empty()) p["warnings"] = page.warnings;
    // Running headers and footers as [begin, end) UTF-8 byte offsets.
    if (!page.furniture.empty()) {
      json furniture = json::array();
      for (const TextRange& range : page.furniture) {
        furniture.push_back({range.begin, range.end});
      }
      p["furniture"] = std::move(furniture);
    }
    pages.push_back(std::move(p));
  }
  json out = {{"sha256", doc.id},
              {"format", FormatName(doc.format)},
              {"status", ExtractStatusName(doc.status)},
              {"paged", doc.paged},
              {"size", doc.size_bytes},
              {"metadata", MetadataToJson(doc.metadata)},
              {"pages", std::move(pages)},
              {"warnings", doc.warnings}};
  if (!doc.error.empty()) out["error"] = doc.error;
  if (!doc.parent_id.empty()) out["parent"] = doc.parent_id;
  if (!doc.locator.empty()) out["locator"] = doc.locator;
  return out;
}

Document DocumentFromJson(const json& j) {
  Document doc;
  doc.id = j.at("sha256").get<std::string>();
  doc.format =
      EnumFromName(j.at("format").get<std::string>(), FormatName, kLastFormat);
  doc.status = EnumFromName(j.at("status").get<std::string>(),
                            ExtractStatusName, kLastExtractStatus);
  doc.paged = j.value("paged", false);
  doc.size_bytes = j.value("size", size_t{0});
  doc.error = j.value("error", "");
  doc.parent_id = j.value("parent", "");
  doc.locator = j.value("locator", "");
  doc.metadata = MetadataFromJson(j.at("metadata"));
  for (const json& p : j.at("pages")) {
    Page page;
    page.number = p.at("number").get<int>();
    page.text = p.at("text").get<std::string>();
    page.origin = EnumFromName(p.value("origin", "plain"), TextOriginName,
                               TextOrigin::kNone);
    page.quality = p.value("quality", 1.0);
    page.reliable = p.value("reliable", true);
    page.ocr_confidence = p.value("ocr_confidence", -1.0);
    page.ocr_rotation = p.value("ocr_rotation", 0);
    page.ocr_rules_removed = p.value("ocr_rules_removed", false);
    if (p.contains("warnings"))
      page.warnings = p.at("warnings").get<std::vector<std::string>>();
    if (p.contains("furniture")) page.furniture = FurnitureFromJson(p, page);
    doc.pages.push_back(std::move(page));
  }
  if (j.contains("warnings"))
    doc.warnings = j.at("warnings").get<std::vector<std::string>>();
  return doc;
}

}  // namespace bidscope
