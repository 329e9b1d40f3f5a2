// Human and JSON views of an extracted or stored document.
#ifndef BIDSCOPE_CLI_DOCUMENT_VIEW_H_
#define BIDSCOPE_CLI_DOCUMENT_VIEW_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/document.h"

namespace bidscope::cli {

// The JSON object of `extract --json` and `show --json`.
nlohmann::json DocumentView(const Document& doc,
                            const std::vector<std::string>& paths);

// Prints metadata, paths and the text page by page.
void PrintDocument(const Document& doc, const std::vector<std::string>& paths,
                   bool color);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_DOCUMENT_VIEW_H_
