#include "cli/document_display.h"

#include <iostream>

#include "extract/fields.h"
#include "extract/pinyin.h"

namespace bidscope::cli {

std::optional<Script> ParseScriptOption(const std::string& value) {
  if (value.empty()) return Script::kOriginal;
  return ParseScript(value);
}

std::vector<std::string> PartyNames(const Fields* fields) {
  std::vector<std::string> names;
  if (fields == nullptr) return names;
  names.push_back(fields->buyer);
  names.push_back(fields->agency);
  for (const Supplier& supplier : fields->suppliers) {
    names.push_back(supplier.name);
  }
  return names;
}

Document ConvertDocument(const Document& doc, Script script,
                         const std::vector<std::string>& names) {
  Document converted = doc;
  if (script == Script::kOriginal) return converted;
  converted.metadata.title =
      ConvertScriptKeepingNames(doc.metadata.title, script, names);
  for (Page& page : converted.pages) {
    page.text = ConvertScriptKeepingNames(page.text, script, names);
  }
  return converted;
}

namespace {

// The title ExtractFields classifies by: the metadata title, else the
// first non-empty line of the text.
std::string DisplayTitle(const Document& doc) {
  if (!doc.metadata.title.empty()) return doc.metadata.title;
  for (const Page& page : doc.pages) {
    size_t at = 0;
    while (at < page.text.size()) {
      size_t end = page.text.find('\n', at);
      if (end == std::string::npos) end = page.text.size();
      std::string line = page.text.substr(at, end - at);
      if (line.find_first_not_of(" \t\r") != std::string::npos) return line;
      at = end + 1;
    }
  }
  return "";
}

}  // namespace

std::vector<NamePinyin> DocumentNamePinyin(const Document& doc) {
  Fields fields = ExtractFields(doc);
  std::vector<NamePinyin> names;
  auto add = [&](const char* field, const std::string& name) {
    if (!name.empty()) names.push_back({field, name, ToPinyin(name)});
  };
  add("title", DisplayTitle(doc));
  add("buyer", fields.buyer);
  add("agency", fields.agency);
  for (const Supplier& supplier : fields.suppliers) {
    add("supplier", supplier.name);
  }
  return names;
}

nlohmann::json NamePinyinToJson(const std::vector<NamePinyin>& names) {
  nlohmann::json list = nlohmann::json::array();
  for (const NamePinyin& name : names) {
    list.push_back(
        {{"field", name.field}, {"name", name.name}, {"pinyin", name.pinyin}});
  }
  return list;
}

void PrintNamePinyin(const std::vector<NamePinyin>& names) {
  std::cout << "Pinyin:\n";
  for (const NamePinyin& name : names) {
    std::cout << "  " << name.field << ": " << name.name << " (" << name.pinyin
              << ")\n";
  }
}

}  // namespace bidscope::cli
