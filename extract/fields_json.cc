// JSON form of Fields, the "fields" object of `extract --json`.
#include <nlohmann/json.hpp>

#include "extract/fields.h"

namespace bidscope {

using nlohmann::json;

json FieldsToJson(const Fields& f) {
  json suppliers = json::array();
  for (const Supplier& s : f.suppliers) {
    suppliers.push_back({{"name", s.name},
                         {"address", s.address},
                         {"credit_code", s.credit_code},
                         {"credit_code_valid", s.credit_code_valid}});
  }
  json amounts = json::array();
  for (const Amount& a : f.amounts) {
    json amount = {{"kind", a.kind},
                   {"value", a.value},
                   {"currency", a.currency},
                   {"raw", a.raw},
                   {"page", a.page}};
    if (!a.revision.empty()) amount["revision"] = a.revision;
    amounts.push_back(std::move(amount));
  }
  json dates = json::array();
  for (const DateValue& d : f.dates) {
    dates.push_back({{"kind", d.kind},
                     {"value", d.value},
                     {"raw", d.raw},
                     {"page", d.page}});
  }
  return {{"notice_type", f.notice_type},
          {"procurement_method", f.procurement_method},
          {"project_number", f.project_number},
          {"plan_number", f.plan_number},
          {"project_name", f.project_name},
          {"lot", f.lot},
          {"buyer", f.buyer},
          {"agency", f.agency},
          {"suppliers", suppliers},
          {"amounts", amounts},
          {"dates", dates},
          {"region",
           {{"province", f.region.province},
            {"city", f.region.city},
            {"county", f.region.county},
            {"code", f.region.code}}},
          {"warnings", f.warnings}};
}

Fields FieldsFromJson(const json& j) {
  Fields f;
  f.notice_type = j.at("notice_type").get<std::string>();
  f.procurement_method = j.at("procurement_method").get<std::string>();
  f.project_number = j.at("project_number").get<std::string>();
  f.plan_number = j.value("plan_number", "");
  f.project_name = j.at("project_name").get<std::string>();
  f.lot = j.value("lot", "");
  f.buyer = j.at("buyer").get<std::string>();
  f.agency = j.at("agency").get<std::string>();

  for (const json& s : j.at("suppliers")) {
    f.suppliers.push_back(Supplier{
        s.at("name").get<std::string>(), s.value("address", ""),
        s.value("credit_code", ""), s.value("credit_code_valid", false)});
  }
  for (const json& a : j.at("amounts")) {
    f.amounts.push_back(Amount{
        a.at("kind").get<std::string>(), a.at("value").get<std::string>(),
        a.at("currency").get<std::string>(), a.value("raw", ""),
        a.value("page", 1), a.value("revision", "")});
  }
  for (const json& d : j.at("dates")) {
    f.dates.push_back(DateValue{d.at("kind").get<std::string>(),
                                d.at("value").get<std::string>(),
                                d.value("raw", ""), d.value("page", 1)});
  }

  const json& r = j.at("region");
  f.region = Region{r.value("province", ""), r.value("city", ""),
                    r.value("county", ""), r.value("code", "")};
  f.warnings = j.at("warnings").get<std::vector<std::string>>();
  return f;
}

}  // namespace bidscope
