#include "index/fields_terms.h"

#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "extract/code_points.h"
#include "extract/extract.h"
#include "extract/normalize.h"
#include "extract/region.h"
#include "index/document_builder.h"
#include "index/fields_terms_internal.h"
#include "index/index.h"
#include "index/stored_data.h"
#include "index/terms.h"

namespace bidscope {
namespace {

// Adds a party name as a boolean term of the whole name and as text terms
// under `text_prefix`, after the positions of earlier names.
void AddName(std::string_view name, const char* name_prefix,
             const char* text_prefix, uint32_t* position,
             DocumentBuilder* builder) {
  std::string key = NameKey(name);
  if (key.empty()) return;
  std::string term = name_prefix + key;
  if (term.size() <= kMaxTermBytes) builder->AddBooleanTerm(term);
  GeneratedTerms terms = GenerateTerms(key, text_prefix, *position);
  *position = terms.next_position + kPageGap;
  builder->AddPostings(std::move(terms));
}

void AddBooleanIfSet(const char* prefix, const std::string& value,
                     DocumentBuilder* builder) {
  if (value.empty()) return;
  std::string term = prefix + value;
  if (term.size() <= kMaxTermBytes) builder->AddBooleanTerm(term);
}

void AddRegionTerms(const Region& region, DocumentBuilder* builder) {
  if (region.code.size() != 6) return;
  // The code of every enclosing level: 340104 is in 340100 and 340000.
  AddBooleanIfSet(kRegionPrefix, region.code.substr(0, 2) + "0000", builder);
  AddBooleanIfSet(kRegionPrefix, region.code.substr(0, 4) + "00", builder);
  AddBooleanIfSet(kRegionPrefix, region.code, builder);
}

// The first 8 bytes of a document id given in hex, as bytes: enough to
// order any index, at half the size of the hex digits. An id that is not
// hex keeps its characters.
std::string OrderKey(std::string_view doc_id) {
  constexpr size_t kOrderKeyBytes = 8;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string key;
  for (size_t i = 0; i + 1 < doc_id.size() && key.size() < kOrderKeyBytes;
       i += 2) {
    int high = nibble(doc_id[i]);
    int low = nibble(doc_id[i + 1]);
    if (high < 0 || low < 0) return std::string(doc_id.substr(0, 16));
    key.push_back(static_cast<char>(high * 16 + low));
  }
  return key;
}

// Xapian 1.4's sortable_serialise writes into a 9-byte buffer
// (xapian/queryparser.h), so its result is at most nine bytes.
// Padded with zero bytes to that length, amounts compare in order when a
// date follows them.
constexpr size_t kAmountKeyBytes = 9;

void AddFieldValues(const Fields& fields, const std::string& doc_id,
                    DocumentBuilder* builder) {
  std::string published = PublishedKey(fields);
  if (!published.empty()) builder->AddValue(kPublishedSlot, published);
  std::optional<double> award = LargestCny(fields, "award");
  std::optional<double> budget = LargestCny(fields, "budget");
  if (award) {
    builder->AddValue(kAwardCnySlot, Xapian::sortable_serialise(*award));
  }
  if (budget) {
    builder->AddValue(kBudgetCnySlot, Xapian::sortable_serialise(*budget));
  }
  std::optional<double> main = award ? award : budget;
  if (main) {
    builder->AddValue(kMainAmountSlot, Xapian::sortable_serialise(*main));
  }
  if (!fields.notice_type.empty()) {
    builder->AddValue(kNoticeTypeSlot, fields.notice_type);
  }

  std::string date_key = published.empty() ? "00000000" : published;
  date_key += OrderKey(doc_id);
  std::string amount_key = main ? Xapian::sortable_serialise(*main) : "";
  amount_key.resize(std::max(amount_key.size(), kAmountKeyBytes), '\0');
  builder->AddValue(kAmountOrderSlot, amount_key + date_key);
  builder->AddValue(kDateOrderSlot, std::move(date_key));
}

}  // namespace

std::optional<double> LargestCny(const Fields& fields, std::string_view kind) {
  std::optional<double> largest;
  std::optional<double> ceiling;
  for (const Amount& amount : fields.amounts) {
    if (amount.currency != "CNY" || amount.revision == "superseded") continue;
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
  for (std::string_view kind : {"published", "other", "award", "contract"}) {
    for (const DateValue& date : fields.dates) {
      if (date.value.size() >= 10 && date.kind == kind) {
        chosen = &date;
        break;
      }
    }
    if (chosen != nullptr) break;
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

Xapian::Query RegionFilter(std::string_view name_or_code) {
  bool is_code = name_or_code.size() == 6 &&
                 std::all_of(name_or_code.begin(), name_or_code.end(),
                             [](char c) { return c >= '0' && c <= '9'; });
  const RegionTable& regions = RegionTable::Default();
  std::vector<std::string> codes;
  if (is_code) {
    codes.emplace_back(name_or_code);
  } else if (std::string code = regions.Resolve(name_or_code).code;
             !code.empty()) {
    codes.push_back(std::move(code));
  } else {
    codes = regions.CodesNamed(name_or_code);
  }
  if (codes.empty()) {
    throw QueryError("unknown region '" + std::string(name_or_code) +
                     "': give a province, city or county name, or its "
                     "6-digit code");
  }

  std::vector<Xapian::Query> terms;
  for (const std::string& code : codes)
    terms.emplace_back(kRegionPrefix + code);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
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

namespace {

// Returns `text` without layout whitespace. A whitespace run next to a CJK
// character is dropped, because Chinese has no spaces between words. Any
// other run becomes one space. So reposts that differ only in line wrapping
// or markup give the same text, but "video surveillance" and
// "videosurveillance" do not.
std::string WithoutLayoutWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  int32_t pos = 0;
  UChar32 previous = 0;  // last character kept, 0 at the start
  bool pending_space = false;
  while (pos < length) {
    int32_t begin = pos;
    UChar32 c;
    U8_NEXT(bytes, pos, length, c);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      pending_space = true;
      continue;
    }
    if (pending_space && previous != 0 && !IsCjkCodePoint(previous) &&
        !IsCjkCodePoint(c)) {
      out += ' ';
    }
    pending_space = false;
    previous = c;
    out.append(text.substr(begin, pos - begin));
  }
  return out;
}

}  // namespace

std::string ContentHash(const Document& doc,
                        const std::vector<std::string>& normalized_pages) {
  std::string text;
  for (size_t i = 0; i < doc.pages.size() && i < normalized_pages.size(); ++i) {
    if (!doc.pages[i].reliable) continue;
    text += normalized_pages[i];
    text += '\n';
  }
  text = WithoutLayoutWhitespace(text);
  if (text.empty()) return "";
  return Sha256Hex(text);
}

void AddFields(const Document& doc,
               const std::vector<std::string>& normalized_pages,
               DocumentBuilder* builder, nlohmann::json* data) {
  Fields fields = ExtractFields(doc);
  AddBooleanIfSet(kNoticeTypePrefix, fields.notice_type, builder);
  AddBooleanIfSet(kMethodPrefix, fields.procurement_method, builder);
  AddBooleanIfSet(kProjectPrefix, NameKey(fields.project_number), builder);
  AddRegionTerms(fields.region, builder);

  uint32_t position = 1;
  AddName(fields.buyer, kBuyerNamePrefix, kBuyerPrefix, &position, builder);
  AddName(fields.agency, kAgencyNamePrefix, kAgencyPrefix, &position, builder);
  for (const Supplier& supplier : fields.suppliers) {
    AddName(supplier.name, kSupplierNamePrefix, kSupplierPrefix, &position,
            builder);
  }
  AddFieldValues(fields, doc.id, builder);

  std::string hash = ContentHash(doc, normalized_pages);
  if (!hash.empty()) builder->AddBooleanTerm(kContentHashPrefix + hash);
  (*data)["fields"] = FieldsToJson(fields);
}

}  // namespace bidscope
