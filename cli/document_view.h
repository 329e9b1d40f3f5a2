// Human and JSON views of an extracted or stored document.
#ifndef BIDSCOPE_CLI_DOCUMENT_VIEW_H_
#define BIDSCOPE_CLI_DOCUMENT_VIEW_H_

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/document.h"
#include "extract/fields.h"

namespace bidscope::cli {

// The JSON object of `extract --json` and `show --json`. `path_urls`
// gives the URL of a repost found at a path ("path_urls" in the JSON).
nlohmann::json DocumentView(
    const Document& doc, const std::vector<std::string>& paths,
    const std::map<std::string, std::string>& path_urls = {});

// Prints metadata, paths, the procurement fields when given, and the text
// page by page.
void PrintDocument(const Document& doc, const std::vector<std::string>& paths,
                   bool color, const Fields* fields = nullptr);

// Prints what PrintDocument prints before the pages, with the URL of a
// repost after its path.
void PrintDocumentHead(
    const Document& doc, const std::vector<std::string>& paths, bool color,
    const Fields* fields = nullptr,
    const std::map<std::string, std::string>& path_urls = {});

// Prints the text page by page, each under a heading naming its source.
void PrintPages(const Document& doc, bool color);

// Prints the procurement fields, one "name: value" line each.
void PrintFields(const Fields& fields, bool color);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_DOCUMENT_VIEW_H_
