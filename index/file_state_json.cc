#include "index/file_state_json.h"

#include <nlohmann/json.hpp>

#include "extract/extract.h"

namespace bidscope {
namespace {

// Xapian keeps user metadata keys in a table whose keys are limited to
// about 245 bytes.
constexpr size_t kMaxKeyBytes = 200;

}  // namespace

std::string FileStateKey(std::string_view path) {
  std::string key(kFileStateKeyPrefix);
  if (key.size() + 1 + path.size() <= kMaxKeyBytes) {
    key.append(":");
    key.append(path);
    return key;
  }
  key.append("#");
  key.append(Sha256Hex(path));
  return key;
}

std::string FileStateToJson(const FileState& state) {
  nlohmann::json json = {
      {"path", state.path},         {"size", state.size},
      {"mtime_ns", state.mtime_ns}, {"doc_id", state.doc_id},
      {"status", state.status},     {"reason", state.reason}};
  return json.dump();
}

std::optional<FileState> FileStateFromJson(std::string_view text) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return std::nullopt;
  try {
    FileState state;
    state.path = json.at("path").get<std::string>();
    state.size = json.value("size", int64_t{0});
    state.mtime_ns = json.value("mtime_ns", int64_t{0});
    state.doc_id = json.value("doc_id", "");
    state.status = json.value("status", "");
    state.reason = json.value("reason", "");
    return state;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace bidscope
