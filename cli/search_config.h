// Per-index search defaults in DIR/config.json, such as {"expand": true}.
#ifndef BIDSCOPE_CLI_SEARCH_CONFIG_H_
#define BIDSCOPE_CLI_SEARCH_CONFIG_H_

#include <string>

namespace bidscope::cli {

struct SearchConfig {
  // Expand English query words through the lexicon unless --no-expand.
  bool expand = false;
};

// Reads DIR/config.json; a missing file gives the defaults and unknown
// keys are ignored. Throws std::runtime_error naming the file when it is
// not a JSON object or "expand" is not a boolean.
SearchConfig ReadSearchConfig(const std::string& db);

// Returns `query` expanded through the shipped lexicon when `expand`
// (index/query_expansion.h), else `query` unchanged.
std::string ApplyExpansion(const std::string& query, bool expand);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_SEARCH_CONFIG_H_
