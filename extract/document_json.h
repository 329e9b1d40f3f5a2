// JSON form of documents, used by `extract --json`, the index's stored data
// and the pipe between worker processes and the writer.
#ifndef BIDSCOPE_EXTRACT_DOCUMENT_JSON_H_
#define BIDSCOPE_EXTRACT_DOCUMENT_JSON_H_

#include <nlohmann/json.hpp>

#include "extract/document.h"

namespace bidscope {

nlohmann::json DocumentToJson(const Document& doc);

// Throws nlohmann::json::exception on a malformed object.
Document DocumentFromJson(const nlohmann::json& json);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_DOCUMENT_JSON_H_
