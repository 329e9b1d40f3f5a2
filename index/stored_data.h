// The data stored with each Xapian document: the document's JSON
// (extract/document_json.h) with a "paths" array of every path the
// document was found at.
//
// Layout: the JSON text, in which each page has "text_bytes" in place of
// "text", then a NUL byte, then the page texts one after another. Parsing
// JSON strings costs tens of instructions a byte and page texts are most
// of the data, so a search that reads ten hits no longer lexes their text.
// Data without a NUL byte is read as plain JSON.
#ifndef BIDSCOPE_INDEX_STORED_DATA_H_
#define BIDSCOPE_INDEX_STORED_DATA_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "extract/document.h"

namespace bidscope {

struct StoredData {
  Document document;
  std::vector<std::string> paths;
};

// Parses stored data. Throws IndexError when it is not valid JSON of a
// document, which means the index is damaged or was written by another
// program.
StoredData ParseStoredData(std::string_view data);

// Serialises `object` (a document's JSON with its additions) in the layout
// above.
std::string SerializeStoredData(nlohmann::json object);

// Parses stored data into the document's JSON, page texts included, for
// callers that read several parts of it. Throws IndexError when the data is
// malformed.
nlohmann::json ParseStoredJson(std::string_view data);
StoredData StoredDataFromJson(const nlohmann::json& json);

// Returns `data` with `paths` in place of its stored paths.
std::string ReplaceStoredPaths(std::string_view data,
                               const std::vector<std::string>& paths);

// Term for a path: "P" + path, or "P#" + SHA-256 of the path when the term
// would be longer than Xapian allows.
std::string PathTerm(std::string_view path);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_STORED_DATA_H_
