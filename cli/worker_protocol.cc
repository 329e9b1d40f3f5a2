#include "cli/worker_protocol.h"

#include "index/index.h"

namespace bidscope::cli {

using nlohmann::json;

json OptionsToJson(const ExtractOptions& options, const WorkerLimits& limits) {
  return {{"ocr", static_cast<int>(options.ocr)},
          {"ocr_languages", options.ocr_languages},
          {"password", options.password},
          {"max_decoded_bytes", options.max_decoded_bytes},
          {"max_archive_total_bytes", options.max_archive_total_bytes},
          {"max_compression_ratio", options.max_compression_ratio},
          {"max_archive_depth", options.max_archive_depth},
          {"url_fields", options.url_fields},
          {"title_fields", options.title_fields},
          {"date_fields", options.date_fields},
          {"text_fields", options.text_fields},
          {"timeout_seconds", limits.timeout_seconds},
          {"memory_mib", limits.memory_mib}};
}

void OptionsFromJson(const json& j, ExtractOptions& options,
                     WorkerLimits& limits) {
  options.ocr = static_cast<OcrMode>(j.at("ocr").get<int>());
  options.ocr_languages = j.at("ocr_languages").get<std::string>();
  options.password = j.at("password").get<std::string>();
  options.max_decoded_bytes = j.at("max_decoded_bytes").get<size_t>();
  options.max_archive_total_bytes =
      j.at("max_archive_total_bytes").get<size_t>();
  options.max_compression_ratio = j.at("max_compression_ratio").get<double>();
  options.max_archive_depth = j.at("max_archive_depth").get<int>();
  options.url_fields = j.at("url_fields").get<std::vector<std::string>>();
  options.title_fields = j.at("title_fields").get<std::vector<std::string>>();
  options.date_fields = j.at("date_fields").get<std::vector<std::string>>();
  options.text_fields = j.at("text_fields").get<std::vector<std::string>>();
  limits.timeout_seconds = j.at("timeout_seconds").get<int>();
  limits.memory_mib = j.at("memory_mib").get<int64_t>();
}

json ExtractedToJson(const ExtractedDocument& doc) {
  return {{"id", doc.id},
          {"parent_id", doc.parent_id},
          {"locator", doc.locator},
          {"format", doc.format},
          {"status", doc.status},
          {"error", doc.error},
          {"title", doc.title},
          {"pages", doc.pages},
          {"unreliable_pages", doc.unreliable_pages},
          {"warnings", doc.warnings}};
}

ExtractedDocument ExtractedFromJson(const json& j) {
  ExtractedDocument doc;
  doc.id = j.at("id").get<std::string>();
  doc.parent_id = j.at("parent_id").get<std::string>();
  doc.locator = j.at("locator").get<std::string>();
  doc.format = j.at("format").get<std::string>();
  doc.status = j.at("status").get<std::string>();
  doc.error = j.at("error").get<std::string>();
  doc.title = j.at("title").get<std::string>();
  doc.pages = j.at("pages").get<int>();
  doc.unreliable_pages = j.at("unreliable_pages").get<int>();
  doc.warnings = j.at("warnings").get<std::vector<std::string>>();
  return doc;
}

std::vector<ExtractedDocument> PrepareExtracted(
    const std::vector<Document>& docs) {
  std::vector<ExtractedDocument> out;
  for (const Document& doc : docs) {
    ExtractedDocument e;
    e.id = doc.id;
    e.parent_id = doc.parent_id;
    e.locator = doc.locator;
    e.format = std::string(FormatName(doc.format));
    e.status = std::string(ExtractStatusName(doc.status));
    e.error = doc.error;
    e.title = doc.metadata.title;
    e.pages = static_cast<int>(doc.pages.size());
    for (const Page& page : doc.pages) {
      if (!page.reliable) ++e.unreliable_pages;
      for (const std::string& w : page.warnings)
        e.warnings.push_back("page " + std::to_string(page.number) + ": " + w);
    }
    e.warnings.insert(e.warnings.end(), doc.warnings.begin(),
                      doc.warnings.end());
    if (doc.status == ExtractStatus::kOk) e.prepared = PrepareDocument(doc);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace bidscope::cli
