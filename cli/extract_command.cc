#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "cli/document_view.h"
#include "cli/file_walk.h"
#include "cli/output.h"
#include "extract/extract.h"
#include "extract/fields.h"

namespace bidscope::cli {

int RunExtractCommand(const ExtractCommandOptions& options) {
  int exit_code = 0;
  bool color = StdoutIsTerminal();
  bool printed = false;  // true once a record is on stdout
  for (const std::string& input : options.inputs) {
    std::vector<Document> docs;
    std::string path = input;
    if (input == "-") {
      std::string bytes((std::istreambuf_iterator<char>(std::cin)),
                        std::istreambuf_iterator<char>());
      docs = ExtractBytes(bytes, "-", options.extract);
    } else {
      path = AbsolutePath(input);
      docs = ExtractFile(path, options.extract);
    }
    for (size_t i = 0; i < docs.size(); ++i) {
      const Document& doc = docs[i];
      std::string shown = i == 0 ? path : path + "#" + doc.locator;
      if (doc.status != ExtractStatus::kOk) {
        PrintError(shown, std::string(ExtractStatusName(doc.status)),
                   doc.error);
        if (i == 0) exit_code = 1;
      }
      // A document without text has no fields, because classifying nothing
      // would print a notice type and empty values as if they were read.
      bool has_text = !doc.pages.empty();
      Fields fields;
      if (has_text) fields = ExtractFields(doc);
      if (options.json) {
        // JSON keeps one record per document, failures included, so that a
        // tool reading the stream gets the status of every input.
        nlohmann::json view = DocumentView(doc, {shown});
        if (has_text) view["fields"] = FieldsToJson(fields);
        std::cout << DumpJson(view) << '\n';
      } else if (has_text || doc.status != ExtractStatus::kFailed) {
        if (printed) std::cout << '\n';
        PrintDocument(doc, {shown}, color, has_text ? &fields : nullptr);
        printed = true;
      }
    }
  }
  return exit_code;
}

}  // namespace bidscope::cli
