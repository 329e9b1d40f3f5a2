// Display options of `show`, `search` and `export`: script conversion and
// pinyin of the names in a document.
#ifndef BIDSCOPE_CLI_DOCUMENT_DISPLAY_H_
#define BIDSCOPE_CLI_DOCUMENT_DISPLAY_H_

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/document.h"
#include "extract/fields.h"
#include "extract/script_convert.h"

namespace bidscope::cli {

// Parses a --script value: empty or "original" keeps the text, "hans"
// and "hant" convert it. Nothing for any other value.
std::optional<Script> ParseScriptOption(const std::string& value);

// The organisation names of `fields` (buyer, agency, suppliers), which
// script conversion keeps word for word. None when `fields` is null.
std::vector<std::string> PartyNames(const Fields* fields);

// A copy of `doc` with its title and page text converted to `script`, the
// `names` in them character by character (ConvertScriptKeepingNames).
Document ConvertDocument(const Document& doc, Script script,
                         const std::vector<std::string>& names = {});

// A name of the document with its pinyin.
struct NamePinyin {
  std::string field;  // "title", "buyer", "agency" or "supplier"
  std::string name;
  std::string pinyin;
};

// Pinyin of the title (the metadata title, else the first line), the
// buyer, the agency and every supplier, as ExtractFields reads them.
std::vector<NamePinyin> DocumentNamePinyin(const Document& doc);

nlohmann::json NamePinyinToJson(const std::vector<NamePinyin>& names);

// Prints one "field: name (pinyin)" line per name.
void PrintNamePinyin(const std::vector<NamePinyin>& names);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_DOCUMENT_DISPLAY_H_
