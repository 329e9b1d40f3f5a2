// Procurement fields of one document: notice type, method, identifiers,
// parties, amounts, dates and region, with their JSON form.
#ifndef BIDSCOPE_EXTRACT_FIELDS_H_
#define BIDSCOPE_EXTRACT_FIELDS_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/amount.h"
#include "extract/date.h"
#include "extract/document.h"
#include "extract/parties.h"
#include "extract/region.h"

namespace bidscope {

struct Fields {
  // See ClassifyNoticeType and ClassifyProcurementMethod for the values.
  std::string notice_type;
  std::string procurement_method;

  std::string project_number;
  std::string plan_number;
  std::string project_name;
  std::string lot;
  std::string buyer;
  std::string agency;
  std::vector<Supplier> suppliers;
  std::vector<Amount> amounts;
  std::vector<DateValue> dates;
  Region region;

  // Problems found while reading the fields, such as a 大写 amount that
  // disagrees with its figures or an impossible date.
  std::vector<std::string> warnings;
};

// Reads the fields from the pages' original text, keeping page numbers
// on amounts and dates. The title comes from the metadata, or from the
// first non-empty line when the metadata has none.
Fields ExtractFields(const Document& doc);

// The same for plain text treated as one page.
Fields ExtractFieldsFromText(std::string_view text);

nlohmann::json FieldsToJson(const Fields& fields);

// Throws nlohmann::json::exception on a malformed object.
Fields FieldsFromJson(const nlohmann::json& json);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_FIELDS_H_
