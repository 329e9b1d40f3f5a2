// Procurement fields (extract/fields.h) in the index: boolean terms, text
// terms under a prefix, value slots and the "fields" object of the stored
// data. index/terms.h lists the prefixes with the rest of the term scheme.
#ifndef BIDSCOPE_INDEX_FIELDS_TERMS_H_
#define BIDSCOPE_INDEX_FIELDS_TERMS_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "extract/fields.h"

namespace bidscope {

// Boolean terms: prefix + value as ExtractFields gives it.
inline constexpr char kNoticeTypePrefix[] = "XT";   // award, tender ...
inline constexpr char kMethodPrefix[] = "XM";       // open, rfq ...
inline constexpr char kRegionPrefix[] = "XR";       // 6-digit division code
inline constexpr char kContentHashPrefix[] = "XH";  // SHA-256 of the text
inline constexpr char kProjectPrefix[] = "XJ";      // normalised project number

// Party names as text (the free-text term scheme under the prefix), so
// that buyer:公安 matches 示例市公安局 as an exact substring.
inline constexpr char kBuyerPrefix[] = "XB";
inline constexpr char kAgencyPrefix[] = "XA";
inline constexpr char kSupplierPrefix[] = "XU";

// Party names whole, normalised, as boolean terms.
inline constexpr char kBuyerNamePrefix[] = "XNB";
inline constexpr char kAgencyNamePrefix[] = "XNA";
inline constexpr char kSupplierNamePrefix[] = "XNU";

// Value slots. 0-3 belong to prepare_document.cc and 20 to topics.
inline constexpr unsigned kPublishedSlot = 10;   // YYYYMMDD, sorts as text
inline constexpr unsigned kAwardCnySlot = 11;    // sortable_serialise
inline constexpr unsigned kBudgetCnySlot = 12;   // sortable_serialise
inline constexpr unsigned kNoticeTypeSlot = 13;  // as the XT term
inline constexpr unsigned kMainAmountSlot = 14;  // award, else budget (CNY)

// Sort keys that end with the first 8 bytes of the document id. Sorting by
// one of them breaks every tie the same way, whatever the document numbers
// (which differ between shards and the index compacted from them). One
// slot per order also works on remote shards, where Xapian supports no
// KeyMaker. A missing date is 00000000 and a missing amount nine zero
// bytes, which sort after every real value in a descending order.
// Relevance ties are broken by the date key.
inline constexpr unsigned kDateOrderSlot = 15;    // date, id
inline constexpr unsigned kAmountOrderSlot = 16;  // amount, date, id

// Largest amount of `kind` in CNY; budget also takes ceiling amounts when
// there is no budget. Empty when there is none. Amounts in other
// currencies are left out: converting them needs a rate and a date.
std::optional<double> LargestCny(const Fields& fields, std::string_view kind);

// The notice's date as YYYYMMDD: its first published date, else its first
// date of kind other (such as the date under the signature), else of kind
// award, then contract. Deadlines and openings lie weeks after publication,
// so they never stand in for it. Empty when there is none.
std::string PublishedKey(const Fields& fields);

// The normalised form used in name and project terms.
std::string NameKey(std::string_view name);

// Returns the filter for a 6-digit division code or a name: the division
// the name resolves to (安徽省, 合肥市, 上海市普陀区), else every division of
// that name (普陀区 is in Shanghai and in Zhejiang). Throws QueryError
// naming the value when no division has it.
Xapian::Query RegionFilter(std::string_view name_or_code);

// The fields of stored data (the "fields" object PrepareDocument writes),
// or empty when the data has none.
std::optional<Fields> StoredFields(std::string_view data);
std::optional<Fields> StoredFieldsFromJson(const nlohmann::json& data);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_FIELDS_TERMS_H_
