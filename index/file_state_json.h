// FileState records as kept in Xapian user metadata, so that they commit
// atomically with the documents they describe.
#ifndef BIDSCOPE_INDEX_FILE_STATE_JSON_H_
#define BIDSCOPE_INDEX_FILE_STATE_JSON_H_

#include <optional>
#include <string>
#include <string_view>

#include "index/index.h"

namespace bidscope {

// Every file state key starts with this; user metadata keys start with
// kUserMetadataPrefix, so the two never collide.
inline constexpr char kFileStateKeyPrefix[] = "f";
inline constexpr char kUserMetadataPrefix[] = "m:";

// Metadata key of a path: "f:" + path, or "f#" + SHA-256 of the path when
// the key would be too long for Xapian.
std::string FileStateKey(std::string_view path);

std::string FileStateToJson(const FileState& state);

// Empty when `json` is not a stored file state.
std::optional<FileState> FileStateFromJson(std::string_view json);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_FILE_STATE_JSON_H_
