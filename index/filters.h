// Field filters and sort orders of SearchOptions as Xapian queries and
// Enquire settings, for the searcher.
#ifndef BIDSCOPE_INDEX_FILTERS_H_
#define BIDSCOPE_INDEX_FILTERS_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

#include "index/index.h"

namespace bidscope {

// The filter query of `filters`, or empty when every member is empty.
// Throws QueryError for a region that names no known division or a date
// that is not YYYY-MM-DD.
std::optional<Xapian::Query> FilterQuery(const FieldFilters& filters);

// Returns why `date` is not a day written YYYY-MM-DD ("expected
// YYYY-MM-DD", "no such day"), or "" when it is one.
std::string DateProblem(std::string_view date);

// Sets the order of `enquire` on `db` for `sort`. Documents without the
// sort value come last.
void ApplySortOrder(SortOrder sort, const Xapian::Database& db,
                    Xapian::Enquire* enquire);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_FILTERS_H_
