#include "index/filters.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "index/fields_terms.h"
#include "index/query_parser.h"
#include "index/terms.h"

namespace bidscope {
namespace {

// A party filter through the query language, so that it matches exactly as
// buyer:"..." does. Quotes inside the value would end the phrase and are
// dropped.
Xapian::Query PartyQuery(std::string_view field, std::string value) {
  std::erase_if(value, [](char c) { return c == '"'; });
  ParsedQuery parsed = ParseQuery(std::string(field) + ":\"" + value + "\"");
  return Xapian::Query::unserialise(parsed.serialised);
}

// YYYY-MM-DD as the YYYYMMDD of kPublishedSlot.
std::string DateKey(const std::string& date) {
  std::string problem = DateProblem(date);
  if (!problem.empty()) {
    throw QueryError("invalid date '" + date + "': " + problem);
  }
  return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
}

}  // namespace

std::string DateProblem(std::string_view date) {
  bool digits = date.size() == 10 && date[4] == '-' && date[7] == '-';
  for (size_t i = 0; digits && i < date.size(); ++i) {
    if (i != 4 && i != 7) digits = date[i] >= '0' && date[i] <= '9';
  }
  if (!digits) return "expected YYYY-MM-DD";
  auto number = [&](size_t at, size_t length) {
    return static_cast<unsigned>(
        std::stoi(std::string(date.substr(at, length))));
  };
  std::chrono::year_month_day day{
      std::chrono::year{static_cast<int>(number(0, 4))},
      std::chrono::month{number(5, 2)}, std::chrono::day{number(8, 2)}};
  return day.ok() ? "" : "no such day";
}

namespace {

std::optional<Xapian::Query> RangeQuery(unsigned slot, const std::string& low,
                                        const std::string& high) {
  if (low.empty() && high.empty()) return std::nullopt;
  if (high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, low);
  if (low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, high);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, low, high);
}

std::string AmountKey(const std::optional<double>& amount) {
  return amount ? Xapian::sortable_serialise(*amount) : "";
}

}  // namespace

std::optional<Xapian::Query> FilterQuery(const FieldFilters& filters) {
  std::vector<Xapian::Query> parts;
  if (!filters.notice_type.empty()) {
    parts.emplace_back(kNoticeTypePrefix + filters.notice_type);
  }
  if (!filters.method.empty()) {
    parts.emplace_back(kMethodPrefix + filters.method);
  }
  if (!filters.buyer.empty())
    parts.push_back(PartyQuery("buyer", filters.buyer));
  if (!filters.agency.empty()) {
    parts.push_back(PartyQuery("agency", filters.agency));
  }
  if (!filters.supplier.empty()) {
    parts.push_back(PartyQuery("supplier", filters.supplier));
  }
  if (!filters.region.empty()) parts.push_back(RegionFilter(filters.region));
  if (!filters.project.empty()) {
    parts.emplace_back(kProjectPrefix + NameKey(filters.project));
  }
  std::string after = filters.after.empty() ? "" : DateKey(filters.after);
  std::string before = filters.before.empty() ? "" : DateKey(filters.before);
  if (auto dates = RangeQuery(kPublishedSlot, after, before)) {
    parts.push_back(*dates);
  }
  if (auto amounts = RangeQuery(kMainAmountSlot, AmountKey(filters.min_amount),
                                AmountKey(filters.max_amount))) {
    parts.push_back(*amounts);
  }
  if (parts.empty()) return std::nullopt;
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

// Xapian breaks ties by document number, which differs between a sharded
// index and its compacted copy, so paging with an offset across a
// compaction could skip or repeat hits. Each order ends with the document
// id instead: equal scores come newest first, then in order of id.
// Sorting by date or amount leaves relevance out: equal dates come in
// order of id. An index with documents written before the
// sort slots existed keeps the former orders, whose ties follow document
// numbers (and whose amount order needs every shard local).
void ApplySortOrder(SortOrder sort, const Xapian::Database& db,
                    Xapian::Enquire* enquire) {
  auto every_document_has = [&db](unsigned slot) {
    return db.get_value_freq(slot) == db.get_doccount();
  };
  switch (sort) {
    case SortOrder::kRelevance:
      enquire->set_sort_by_relevance_then_value(kDateOrderSlot, true);
      return;
    case SortOrder::kDate:
      if (every_document_has(kDateOrderSlot)) {
        enquire->set_sort_by_value(kDateOrderSlot, true);
      } else {
        enquire->set_sort_by_value_then_relevance(kPublishedSlot, true);
      }
      return;
    case SortOrder::kAmount:
      if (every_document_has(kAmountOrderSlot)) {
        enquire->set_sort_by_value(kAmountOrderSlot, true);
      } else {
        auto* key = new Xapian::MultiValueKeyMaker;
        key->add_value(kMainAmountSlot, true);
        key->add_value(kPublishedSlot, true);
        enquire->set_sort_by_key_then_relevance(key->release(), false);
      }
      return;
  }
}

}  // namespace bidscope
