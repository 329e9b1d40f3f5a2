// CSV and JSON Lines writers of cli/export_fields.h.
#include <cstdio>

#include "cli/export_fields.h"
#include "index/fields_terms.h"

namespace bidscope::cli {
namespace {

constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

constexpr const char* kColumns[] = {
    "doc_id",    "path",           "url",          "title",     "notice_type",
    "method",    "project_number", "project_name", "buyer",     "agency",
    "suppliers", "region_code",    "region",       "published", "budget_cny",
    "award_cny", "amounts_json"};

std::string Decimal(const std::optional<double>& value) {
  if (!value) return "";
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", *value);
  return text;
}

std::string IsoDate(const std::string& key) {
  if (key.size() != 8) return "";
  return key.substr(0, 4) + "-" + key.substr(4, 2) + "-" + key.substr(6, 2);
}

std::vector<std::string> Row(const Hit& hit) {
  const Fields& f = hit.fields;
  std::string suppliers;
  for (const Supplier& supplier : f.suppliers) {
    if (!suppliers.empty()) suppliers += "; ";
    suppliers += supplier.name;
  }
  std::string region = f.region.province;
  for (const std::string* part : {&f.region.city, &f.region.county}) {
    if (!part->empty()) region += (region.empty() ? "" : " ") + *part;
  }
  nlohmann::json amounts =
      FieldsToJson(f).value("amounts", nlohmann::json::array());
  return {hit.doc_id,
          hit.paths.empty() ? "" : hit.paths.front(),
          hit.url,
          hit.title,
          f.notice_type,
          f.procurement_method,
          f.project_number,
          f.project_name,
          f.buyer,
          f.agency,
          suppliers,
          f.region.code,
          region,
          IsoDate(PublishedKey(f)),
          Decimal(LargestCny(f, "budget")),
          Decimal(LargestCny(f, "award")),
          amounts.dump()};
}

void WriteRow(const std::vector<std::string>& cells, std::ostream& out) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out << ',';
    out << CsvField(cells[i]);
  }
  out << "\r\n";
}

}  // namespace

// NOTE: cells starting with = + - @ are written as they are, so a
// spreadsheet may evaluate text scraped from a notice as a formula.
std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(field);
  }
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void WriteCsvExport(const std::vector<Hit>& hits, std::ostream& out) {
  out << kUtf8Bom;
  WriteRow(std::vector<std::string>(std::begin(kColumns), std::end(kColumns)),
           out);
  for (const Hit& hit : hits) WriteRow(Row(hit), out);
}

void WriteJsonlExport(const std::vector<Hit>& hits, std::ostream& out) {
  for (const Hit& hit : hits) {
    nlohmann::json line = {{"doc_id", hit.doc_id},
                           {"paths", hit.paths},
                           {"url", hit.url.empty() ? nlohmann::json(nullptr)
                                                   : nlohmann::json(hit.url)},
                           {"path_urls", hit.path_urls},
                           {"title", hit.title},
                           {"format", hit.format},
                           {"fields", FieldsToJson(hit.fields)}};
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
  }
}

}  // namespace bidscope::cli
