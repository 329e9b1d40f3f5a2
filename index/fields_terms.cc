#include "index/fields_terms.h"

#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "extract/extract.h"
#include "extract/normalize.h"
#include "extract/region.h"
#include "index/fields_terms_internal.h"
#include "index/index.h"
#include "index/stored_data.h"
#include "index/terms.h"

namespace bidscope {
namespace {

void AddPostings(const GeneratedTerms& terms, Xapian::Document* xdoc) {
  for (const Posting& posting : terms.postings) {
    if (posting.position == 0) {
      xdoc->add_term(posting.term);
    } else {
      xdoc->add_posting(posting.term, posting.position);
    }
  }
}

// Adds a party name as a boolean term of the whole name and as text terms
// under `text_prefix`, after the positions of earlier names.
void AddName(std::string_view name, const char* name_prefix,
             const char* text_prefix, uint32_t* position,
             Xapian::Document* xdoc) {
  std::string key = NameKey(name);
  if (key.empty()) return;
  std::string term = name_prefix + key;
  if (term.size() <= kMaxTermBytes) xdoc->add_boolean_term(term);
  GeneratedTerms terms = GenerateTerms(key, text_prefix, *position);
  AddPostings(terms, xdoc);
  *position = terms.next_position + kPageGap;
}

void AddBooleanIfSet(const char* prefix, const std::string& value,
                     Xapian::Document* xdoc) {
  if (value.empty()) return;
  std::string term = prefix + value;
  if (term.size() <= kMaxTermBytes) xdoc->add_boolean_term(term);
}

void AddRegionTerms(const Region& region, Xapian::Document* xdoc) {
  if (region.code.size() != 6) return;
  // The code of every enclosing level: 340104 is in 340100 and 340000.
  AddBooleanIfSet(kRegionPrefix, region.code.substr(0, 2) + "0000", xdoc);
  AddBooleanIfSet(kRegionPrefix, region.code.substr(0, 4) + "00", xdoc);
  AddBooleanIfSet(kRegionPrefix, region.code, xdoc);
}

void AddFieldValues(const Fields& fields, Xapian::Document* xdoc) {
  std::string published = PublishedKey(fields);
  if (!published.empty()) xdoc->add_value(kPublishedSlot, published);
  std::optional<double> award = LargestCny(fields, "award");
  std::optional<double> budget = LargestCny(fields, "budget");
  if (award) {
    xdoc->add_value(kAwardCnySlot, Xapian::sortable_serialise(*award));
  }
  if (budget) {
    xdoc->add_value(kBudgetCnySlot, Xapian::sortable_serialise(*budget));
  }
  std::optional<double> main = award ? award : budget;
  if (main) {
    xdoc->add_value(kMainAmountSlot, Xapian::sortable_serialise(*main));
  }
  if (!fields.notice_type.empty()) {
    xdoc->add_value(kNoticeTypeSlot, fields.notice_type);
  }
}

}  // namespace

std::optional<double> LargestCny(const Fields& fields, std::string_view kind) {
  std::optional<double> largest;
  std::optional<double> ceiling;
  for (const Amount& amount : fields.amounts) {
    if (amount.currency != "CNY") continue;
    double value = std::strtod(amount.value.c_str(), nullptr);
    if (amount.kind == kind && (!largest || value > *largest)) largest = value;
    if (amount.kind == "ceiling" && (!ceiling || value > *ceiling)) {
      ceiling = value;
    }
  }
  if (!largest && kind == "budget") return ceiling;
  return largest;
}

std::string PublishedKey(const Fields& fields) {
  const DateValue* chosen = nullptr;
  for (const DateValue& date : fields.dates) {
    if (date.value.size() < 10) continue;
    if (date.kind == "published") {
      chosen = &date;
      break;
    }
    if (chosen == nullptr) chosen = &date;
  }
  if (chosen == nullptr) return "";
  const std::string& v = chosen->value;
  return v.substr(0, 4) + v.substr(5, 2) + v.substr(8, 2);
}

std::string NameKey(std::string_view name) {
  std::string key = NormalizeText(name);
  std::erase_if(key, [](char c) { return c == ' ' || c == '\t'; });
  return key;
}

std::string RegionCode(std::string_view name_or_code) {
  bool is_code = name_or_code.size() == 6 &&
                 std::all_of(name_or_code.begin(), name_or_code.end(),
                             [](char c) { return c >= '0' && c <= '9'; });
  if (is_code) return std::string(name_or_code);
  return RegionTable::Default().Resolve(name_or_code).code;
}

std::optional<Fields> StoredFields(std::string_view data) {
  try {
    return StoredFieldsFromJson(ParseStoredJson(data));
  } catch (const IndexError&) {
    return std::nullopt;
  }
}

std::optional<Fields> StoredFieldsFromJson(const nlohmann::json& data) {
  if (!data.is_object() || !data.contains("fields")) return std::nullopt;
  try {
    return FieldsFromJson(data["fields"]);
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

std::string ContentHash(const Document& doc,
                        const std::vector<std::string>& normalized_pages) {
  std::string text;
  for (size_t i = 0; i < doc.pages.size() && i < normalized_pages.size(); ++i) {
    if (!doc.pages[i].reliable) continue;
    text += normalized_pages[i];
    text += '\n';
  }
  // Whitespace differs between reposts of one notice (markup, line
  // wrapping), so it is left out of the hash.
  std::erase_if(text, [](char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  });
  if (text.empty()) return "";
  return Sha256Hex(text);
}

void AddFields(const Document& doc,
               const std::vector<std::string>& normalized_pages,
               Xapian::Document* xdoc, nlohmann::json* data) {
  Fields fields = ExtractFields(doc);
  AddBooleanIfSet(kNoticeTypePrefix, fields.notice_type, xdoc);
  AddBooleanIfSet(kMethodPrefix, fields.procurement_method, xdoc);
  AddBooleanIfSet(kProjectPrefix, NameKey(fields.project_number), xdoc);
  AddRegionTerms(fields.region, xdoc);

  uint32_t position = 1;
  AddName(fields.buyer, kBuyerNamePrefix, kBuyerPrefix, &position, xdoc);
  AddName(fields.agency, kAgencyNamePrefix, kAgencyPrefix, &position, xdoc);
  for (const Supplier& supplier : fields.suppliers) {
    AddName(supplier.name, kSupplierNamePrefix, kSupplierPrefix, &position,
            xdoc);
  }
  AddFieldValues(fields, xdoc);

  std::string hash = ContentHash(doc, normalized_pages);
  if (!hash.empty()) xdoc->add_boolean_term(kContentHashPrefix + hash);
  (*data)["fields"] = FieldsToJson(fields);
}

}  // namespace bidscope
