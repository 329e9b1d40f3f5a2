#include "index/stored_data.h"

#include <nlohmann/json.hpp>

#include "extract/document_json.h"
#include "extract/extract.h"
#include "index/index.h"
#include "index/terms.h"

namespace bidscope {
namespace {

// Xapian 1.4 rejects terms over 245 bytes; longer paths are hashed.
constexpr size_t kMaxPathTermBytes = 240;

constexpr char kPagesKey[] = "pages";
constexpr char kTextKey[] = "text";
constexpr char kTextBytesKey[] = "text_bytes";

IndexError Malformed(const std::string& reason) {
  return IndexError("stored document data is malformed: " + reason);
}

// Moves the page texts at the end of `data` back into `json`.
void AttachPageTexts(std::string_view texts, nlohmann::json* json) {
  auto pages = json->find(kPagesKey);
  if (pages == json->end() || !pages->is_array()) {
    if (!texts.empty()) throw Malformed("page texts without pages");
    return;
  }
  size_t offset = 0;
  for (nlohmann::json& page : *pages) {
    auto bytes = page.find(kTextBytesKey);
    if (!page.is_object() || bytes == page.end() ||
        !bytes->is_number_unsigned()) {
      throw Malformed("a page has no text_bytes");
    }
    size_t size = bytes->get<size_t>();
    if (size > texts.size() - offset) {
      throw Malformed("page texts are shorter than their text_bytes");
    }
    page.erase(bytes);
    page[kTextKey] = std::string(texts.substr(offset, size));
    offset += size;
  }
  if (offset != texts.size()) {
    throw Malformed("page texts are longer than their text_bytes");
  }
}

nlohmann::json ParseJson(std::string_view data) {
  size_t split = data.find('\0');
  std::string_view head = data.substr(0, split);
  nlohmann::json json = nlohmann::json::parse(head, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    throw IndexError("stored document data is not a JSON object");
  }
  if (split != std::string_view::npos) {
    AttachPageTexts(data.substr(split + 1), &json);
  }
  return json;
}

}  // namespace

StoredData ParseStoredData(std::string_view data) {
  return StoredDataFromJson(ParseJson(data));
}

nlohmann::json ParseStoredJson(std::string_view data) {
  return ParseJson(data);
}

std::string SerializeStoredData(nlohmann::json object) {
  std::string texts;
  auto pages = object.find(kPagesKey);
  if (pages != object.end() && pages->is_array()) {
    for (nlohmann::json& page : *pages) {
      auto text = page.find(kTextKey);
      if (!page.is_object() || text == page.end() || !text->is_string()) {
        page[kTextBytesKey] = 0;
        continue;
      }
      const std::string& value = text->get_ref<const std::string&>();
      texts += value;
      page[kTextBytesKey] = value.size();
      page.erase(text);
    }
  }
  std::string data = object.dump();
  data += '\0';
  data += texts;
  return data;
}

StoredData StoredDataFromJson(const nlohmann::json& json) {
  StoredData stored;
  try {
    stored.document = DocumentFromJson(json);
    if (json.contains("paths")) {
      stored.paths = json.at("paths").get<std::vector<std::string>>();
    }
  } catch (const nlohmann::json::exception& e) {
    throw IndexError(std::string("stored document data is malformed: ") +
                     e.what());
  }
  return stored;
}

std::string ReplaceStoredPaths(std::string_view data,
                               const std::vector<std::string>& paths) {
  nlohmann::json json = ParseJson(data);
  json["paths"] = paths;
  return SerializeStoredData(std::move(json));
}

std::string PathTerm(std::string_view path) {
  std::string term(kPathPrefix);
  if (term.size() + path.size() <= kMaxPathTermBytes) {
    term.append(path);
    return term;
  }
  term.append("#");
  term.append(Sha256Hex(path));
  return term;
}

}  // namespace bidscope
