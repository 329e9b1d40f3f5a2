// Command-line flags for the procurement field filters and sort orders
// shared by search, stats and export.
#ifndef BIDSCOPE_CLI_FIELD_FILTERS_H_
#define BIDSCOPE_CLI_FIELD_FILTERS_H_

#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "extract/fields.h"
#include "index/index.h"

namespace bidscope::cli {

// Adds --type, --method, --buyer, --agency, --supplier, --region, --after,
// --before, --min-amount and --max-amount to `command`.
void AddFilterOptions(CLI::App* command, FieldFilters* filters);

// Adds --sort relevance|date|amount to `command`.
void AddSortOption(CLI::App* command, std::string* sort);

// The order named by --sort; relevance for an empty name.
SortOrder ParseSortOrder(const std::string& name);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_FIELD_FILTERS_H_
