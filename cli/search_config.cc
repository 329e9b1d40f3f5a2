#include "cli/search_config.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "extract/lexicon.h"
#include "index/query_expansion.h"

namespace bidscope::cli {

SearchConfig ReadSearchConfig(const std::string& db) {
  std::filesystem::path path = std::filesystem::path(db) / "config.json";
  SearchConfig config;
  std::ifstream in(path);
  if (!in) return config;
  nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    throw std::runtime_error(path.string() + " is not a JSON object");
  }
  if (json.contains("expand")) {
    if (!json["expand"].is_boolean()) {
      throw std::runtime_error(path.string() +
                               ": \"expand\" must be true or false");
    }
    config.expand = json["expand"].get<bool>();
  }
  return config;
}

std::string ApplyExpansion(const std::string& query, bool expand) {
  if (!expand) return query;
  static const Lexicon lexicon = LoadLexicon().lexicon;
  return ExpandQuery(query, lexicon).query;
}

}  // namespace bidscope::cli
