// `bidscope import-translations`: stores translated segments from an XLIFF
// 2 file or JSON Lines export in the index.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/output.h"
#include "cli/translation_commands.h"
#include "extract/segment_jsonl.h"
#include "extract/xliff.h"
#include "index/index.h"
#include "index/translations.h"

namespace bidscope::cli {
namespace {

// XLIFF starts with '<' after an optional byte order mark and whitespace;
// JSON Lines start with '{'.
bool LooksLikeXml(const std::string& text) {
  size_t at = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  at = text.find_first_not_of(" \t\r\n", at);
  return at != std::string::npos && text[at] == '<';
}

void PrintResult(const ImportCommandOptions& options,
                 const ImportResult& result) {
  for (const std::string& id : result.stale_ids) {
    PrintError(options.file, "stale segment " + id,
               "no document in the index has this segment; the document "
               "changed or was removed after the export");
  }
  if (options.json) {
    PrintJsonLine("summary", {{"file", options.file},
                              {"stored", result.stored},
                              {"documents", result.documents},
                              {"stale", result.stale_ids.size()},
                              {"stale_ids", result.stale_ids}});
    return;
  }
  std::cout << "stored " << result.stored << " translations in "
            << result.documents << " documents";
  if (!result.stale_ids.empty()) {
    std::cout << "; " << result.stale_ids.size() << " stale segment ids";
  }
  std::cout << '\n';
}

}  // namespace

int RunImportCommand(const ImportCommandOptions& options) {
  std::ifstream in(options.file, std::ios::binary);
  if (!in) {
    PrintError(options.file, "cannot read the translation file",
               "check the path");
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();

  std::vector<SegmentTranslation> translations;
  try {
    translations = LooksLikeXml(text) ? ReadXliffTranslations(text)
                                      : ReadSegmentJsonlTranslations(text);
  } catch (const TranslationFileError& e) {
    PrintError(options.file, "invalid translation file", e.what());
    return 2;
  }

  ImportResult result;
  try {
    result = ImportTranslations(options.db, translations);
  } catch (const IndexError& e) {
    PrintError(options.db, "import failed", e.what());
    return 2;
  }
  PrintResult(options, result);
  return result.stale_ids.empty() ? 0 : 1;
}

}  // namespace bidscope::cli
