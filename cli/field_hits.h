// Every hit of a query and filters, with fields and without snippets, for
// commands that summarise or export whole result sets.
#ifndef BIDSCOPE_CLI_FIELD_HITS_H_
#define BIDSCOPE_CLI_FIELD_HITS_H_

#include <optional>
#include <string>
#include <vector>

#include "index/index.h"

namespace bidscope::cli {

struct HitQuery {
  std::string db;
  std::string query;  // empty for every document
  FieldFilters filters;
  SortOrder sort = SortOrder::kRelevance;
};

// Runs `query` over the whole index. Prints the error and returns empty
// when the index cannot be opened or the query is invalid.
std::optional<std::vector<Hit>> AllHits(const HitQuery& query);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_FIELD_HITS_H_
