#include "cli/field_hits.h"

#include <limits>

#include "cli/output.h"

namespace bidscope::cli {

std::optional<std::vector<Hit>> AllHits(const HitQuery& query) {
  try {
    std::unique_ptr<Searcher> searcher = Searcher::Open(query.db);
    SearchOptions options;
    options.filters = query.filters;
    options.sort = query.sort;
    options.snippets = false;
    uint64_t count = searcher->DocumentCount();
    options.limit = static_cast<int>(
        std::min<uint64_t>(count, std::numeric_limits<int>::max()));
    if (options.limit == 0) return std::vector<Hit>{};
    return searcher->Search(query.query, options).hits;
  } catch (const QueryError& e) {
    PrintError("", "invalid query '" + query.query + "'", e.what());
  } catch (const IndexError& e) {
    PrintError(query.db, "search failed", e.what());
  }
  return std::nullopt;
}

}  // namespace bidscope::cli
