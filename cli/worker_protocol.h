// Serialisation of worker requests and outcomes.
#ifndef BIDSCOPE_CLI_WORKER_PROTOCOL_H_
#define BIDSCOPE_CLI_WORKER_PROTOCOL_H_

#include <string>

#include <nlohmann/json.hpp>

#include "cli/worker.h"
#include "extract/extract.h"

namespace bidscope::cli {

nlohmann::json OptionsToJson(const ExtractOptions& options,
                             const WorkerLimits& limits);
void OptionsFromJson(const nlohmann::json& json, ExtractOptions& options,
                     WorkerLimits& limits);

nlohmann::json ExtractedToJson(const ExtractedDocument& doc);
ExtractedDocument ExtractedFromJson(const nlohmann::json& json);

// Turns the documents extracted from one file into what the writer needs,
// preparing the Xapian documents of those that succeeded.
std::vector<ExtractedDocument> PrepareExtracted(
    const std::vector<Document>& docs);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_WORKER_PROTOCOL_H_
