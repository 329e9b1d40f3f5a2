#include "index/stored_data.h"

#include <nlohmann/json.hpp>

#include "extract/document_json.h"
#include "extract/extract.h"
#include "index/index.h"
#include "index/terms.h"

namespace bidscope {
namespace {

// Xapian 1.4 rejects terms over 245 bytes; longer paths are hashed.
constexpr size_t kMaxPathTermBytes = 240;

nlohmann::json ParseJson(std::string_view data) {
  nlohmann::json json = nlohmann::json::parse(data, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    throw IndexError("stored document data is not a JSON object");
  }
  return json;
}

}  // namespace

StoredData ParseStoredData(std::string_view data) {
  return StoredDataFromJson(ParseJson(data));
}

nlohmann::json ParseStoredJson(std::string_view data) {
  return ParseJson(data);
}

StoredData StoredDataFromJson(const nlohmann::json& json) {
  StoredData stored;
  try {
    stored.document = DocumentFromJson(json);
    if (json.contains("paths")) {
      stored.paths = json.at("paths").get<std::vector<std::string>>();
    }
  } catch (const nlohmann::json::exception& e) {
    throw IndexError(std::string("stored document data is malformed: ") +
                     e.what());
  }
  return stored;
}

std::string ReplaceStoredPaths(std::string_view data,
                               const std::vector<std::string>& paths) {
  nlohmann::json json = ParseJson(data);
  json["paths"] = paths;
  return json.dump();
}

std::string PathTerm(std::string_view path) {
  std::string term(kPathPrefix);
  if (term.size() + path.size() <= kMaxPathTermBytes) {
    term.append(path);
    return term;
  }
  term.append("#");
  term.append(Sha256Hex(path));
  return term;
}

}  // namespace bidscope
