#include "index/stored_data.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

#include "extract/document_json.h"
#include "extract/extract.h"
#include "extract/fields.h"
#include "index/deflate.h"
#include "index/fields_terms.h"
#include "index/index.h"
#include "index/stored_data_dictionaries.h"
#include "index/terms.h"
#include "index/topic_terms.h"
#include "index/varint.h"

namespace bidscope {
namespace {

using nlohmann::json;

// Xapian 1.4 rejects terms over 245 bytes; longer paths are hashed.
constexpr size_t kMaxPathTermBytes = 240;

// First byte of data whose parts are deflated, and of the uncompressed
// layout with a summary. Data without either starts with '{'.
constexpr char kDeflatedTag = '\x02';
constexpr char kSummaryTag = '\x01';

constexpr char kPagesKey[] = "pages";
constexpr char kPathsKey[] = "paths";
// URLs of the records found at paths other than the first (reposts), by
// path. The first path's URL is the document's own.
constexpr char kPathUrlsKey[] = "path_urls";
constexpr char kTextKey[] = "text";
constexpr char kTextBytesKey[] = "text_bytes";

IndexError Malformed(const std::string& reason) {
  return IndexError("stored document data is malformed: " + reason);
}

// Parts of stored data that a caller requests.
enum Part : unsigned { kSummary = 1, kTexts = 2, kHead = 4, kAllParts = 7 };

// The parts of stored data. `summary` is empty for data without one, and
// `has_texts` false for plain JSON, whose pages keep their "text". Parts
// of deflated data are inflated into `inflated` when requested, and
// `rest` is what follows the summary's block.
struct Sections {
  std::string_view summary;
  std::string_view head;
  std::string_view texts;
  std::string_view rest;
  bool has_texts = false;
  // Size of the page texts as recorded, of which `texts` may be a prefix.
  size_t texts_size = 0;
  std::string inflated[3];
};

// Appends `bytes` to `out` as one block: its size, its deflated size, then
// the deflate stream.
void PutBlock(std::string_view bytes, std::string_view dictionary,
              std::string* out) {
  std::string deflated = Deflate(bytes, dictionary);
  PutVarint(bytes.size(), out);
  PutVarint(deflated.size(), out);
  out->append(deflated);
}

// Reads one block, and inflates into `storage` at most `limit` bytes of
// it when `wanted`. Sets `*size` to the block's recorded size.
std::string_view TakeBlock(VarintReader* reader, bool wanted,
                           std::string_view dictionary, const char* what,
                           std::string* storage, size_t limit = SIZE_MAX,
                           size_t* size = nullptr) {
  uint64_t recorded = reader->Varint();
  std::string_view stream = reader->Take(reader->Varint());
  if (size != nullptr) *size = recorded;
  if (!wanted) return {};
  *storage = InflatePrefix(stream, dictionary, recorded, limit, what);
  return *storage;
}

// Splits `data`, inflating the `parts` of deflated data, and of the page
// texts at most `text_limit` bytes. The framing of every block is checked
// whatever is inflated.
void Split(std::string_view data, unsigned parts, Sections* sections,
           size_t text_limit = SIZE_MAX) {
  if (!data.empty() && data.front() == kDeflatedTag) {
    VarintReader reader(data.substr(1), "stored document data");
    sections->summary =
        TakeBlock(&reader, (parts & kSummary) != 0, StoredJsonDictionary(),
                  "summary", &sections->inflated[0]);
    sections->rest = reader.Rest();
    sections->texts = TakeBlock(
        &reader, (parts & kTexts) != 0, StoredTextDictionary(), "page texts",
        &sections->inflated[1], text_limit, &sections->texts_size);
    sections->head =
        TakeBlock(&reader, (parts & kHead) != 0, StoredJsonDictionary(),
                  "document", &sections->inflated[2]);
    if (!reader.Rest().empty()) throw Malformed("bytes after the document");
    if ((parts & kSummary) != 0 && sections->summary.empty())
      throw Malformed("empty summary");
    sections->has_texts = true;
    return;
  }
  if (!data.empty() && data.front() == kSummaryTag) {
    size_t summary_end = data.find('\0', 1);
    if (summary_end == std::string_view::npos)
      throw Malformed("no summary end");
    size_t head_end = data.find('\0', summary_end + 1);
    if (head_end == std::string_view::npos) throw Malformed("no head end");
    sections->summary = data.substr(1, summary_end - 1);
    sections->head = data.substr(summary_end + 1, head_end - summary_end - 1);
    sections->texts = data.substr(head_end + 1);
    sections->texts_size = sections->texts.size();
    sections->has_texts = true;
    return;
  }
  size_t split = data.find('\0');
  sections->head = data.substr(0, split);
  if (split != std::string_view::npos) {
    sections->texts = data.substr(split + 1);
    sections->has_texts = true;
  }
}

json ParseObject(std::string_view text, const char* what) {
  json object = json::parse(text, nullptr, false);
  if (object.is_discarded() || !object.is_object()) {
    throw IndexError(std::string("stored document ") + what +
                     " is not a JSON object");
  }
  return object;
}

// Moves the page texts at the end of `data` back into `json`.
void AttachPageTexts(std::string_view texts, json* object) {
  auto pages = object->find(kPagesKey);
  if (pages == object->end() || !pages->is_array()) {
    if (!texts.empty()) throw Malformed("page texts without pages");
    return;
  }
  size_t offset = 0;
  for (json& page : *pages) {
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

std::vector<std::string> PathsOf(const json& object) {
  auto paths = object.find(kPathsKey);
  if (paths == object.end()) return {};
  try {
    return paths->get<std::vector<std::string>>();
  } catch (const json::exception& e) {
    throw Malformed(std::string("paths: ") + e.what());
  }
}

// The path URLs of a summary or document object, kept for `paths` only.
json PathUrlsOf(const json& object, const std::vector<std::string>& paths) {
  json urls = json::object();
  auto found = object.find(kPathUrlsKey);
  if (found == object.end() || !found->is_object()) return urls;
  for (const std::string& path : paths) {
    auto url = found->find(path);
    if (url != found->end() && url->is_string()) urls[path] = *url;
  }
  return urls;
}

json ParseJson(std::string_view data) {
  Sections sections;
  Split(data, kAllParts, &sections);
  json object = ParseObject(sections.head, "data");
  if (sections.has_texts) AttachPageTexts(sections.texts, &object);
  if (!sections.summary.empty()) {
    json summary = ParseObject(sections.summary, "summary");
    object[kPathsKey] = PathsOf(summary);
    json urls = PathUrlsOf(summary, object[kPathsKey]);
    if (!urls.empty()) object[kPathUrlsKey] = std::move(urls);
  }
  return object;
}

json BriefToJson(const json& object) {
  json brief = {{"notice_type", ""},
                {"buyer", ""},
                {"published", ""},
                {"amounts", json::array()}};
  std::optional<Fields> fields = StoredFieldsFromJson(object);
  if (!fields) return brief;
  brief["notice_type"] = fields->notice_type;
  brief["buyer"] = fields->buyer;
  std::string published = PublishedKey(*fields);
  if (published.size() == 8) {
    brief["published"] = published.substr(0, 4) + "-" + published.substr(4, 2) +
                         "-" + published.substr(6, 2);
  }
  for (const Amount& amount : fields->amounts) {
    if (amount.revision == "superseded") continue;
    brief["amounts"].push_back({amount.kind, amount.value, amount.currency});
  }
  return brief;
}

// The summary of a document's JSON, whose pages carry "text_bytes".
// The "url" of a document's metadata, or "".
std::string ExtraUrlOf(const json& metadata) {
  auto extra = metadata.find("extra");
  if (extra == metadata.end() || !extra->is_object()) return "";
  auto url = extra->find("url");
  return url != extra->end() && url->is_string() ? url->get<std::string>() : "";
}

// Path URLs as a map.
std::map<std::string, std::string> PathUrlMap(const json& urls) {
  std::map<std::string, std::string> map;
  for (auto it = urls.begin(); it != urls.end(); ++it) {
    map[it.key()] = it.value().get<std::string>();
  }
  return map;
}

json MakeSummary(const json& object, const std::vector<std::string>& paths) {
  json summary = {{"id", object.value("sha256", "")},
                  {"format", object.value("format", "")},
                  {"paged", object.value("paged", false)},
                  {"title", ""},
                  {kPathsKey, paths},
                  {"topics", StoredTopicNamesFromJson(object)},
                  {"brief", BriefToJson(object)},
                  {kPagesKey, json::array()},
                  {"translated", false}};
  auto metadata = object.find("metadata");
  if (metadata != object.end() && metadata->is_object()) {
    summary["title"] = metadata->value("title", "");
    std::string url = ExtraUrlOf(*metadata);
    if (!url.empty()) summary["url"] = std::move(url);
  }
  auto translations = object.find("translations");
  summary["translated"] = translations != object.end() &&
                          translations->is_object() && !translations->empty();

  // Each page as [number, reliable, text_bytes, furniture ranges].
  auto pages = object.find(kPagesKey);
  if (pages == object.end() || !pages->is_array()) return summary;
  for (const json& page : *pages) {
    json furniture = json::array();
    auto ranges = page.find("furniture");
    if (ranges != page.end() && ranges->is_array()) furniture = *ranges;
    summary[kPagesKey].push_back(
        {page.value("number", 1), page.value("reliable", true),
         page.value(kTextBytesKey, size_t{0}), std::move(furniture)});
  }
  return summary;
}

Amount AmountFromBrief(const json& item) {
  Amount amount;
  amount.kind = item.at(0).get<std::string>();
  amount.value = item.at(1).get<std::string>();
  amount.currency = item.at(2).get<std::string>();
  return amount;
}

FieldsBrief BriefFromJson(const json& brief) {
  FieldsBrief fields;
  fields.notice_type = brief.at("notice_type").get<std::string>();
  fields.buyer = brief.at("buyer").get<std::string>();
  fields.published = brief.at("published").get<std::string>();
  for (const json& item : brief.at("amounts")) {
    fields.amounts.push_back(AmountFromBrief(item));
  }
  return fields;
}

// The hit of a summary, with the page texts sliced from `texts`, which is
// a prefix of the `texts_size` bytes of page texts. When it is shorter,
// the page it ends in is cut there and later pages are left out.
StoredHit HitFromSummary(const json& summary, std::string_view texts,
                         size_t texts_size) {
  StoredHit hit;
  hit.id = summary.at("id").get<std::string>();
  hit.title = summary.at("title").get<std::string>();
  hit.format = summary.at("format").get<std::string>();
  hit.paths = summary.at(kPathsKey).get<std::vector<std::string>>();
  hit.url = summary.value("url", "");
  hit.path_urls = PathUrlMap(PathUrlsOf(summary, hit.paths));
  hit.topics = summary.at("topics").get<std::vector<std::string>>();
  hit.translated = summary.at("translated").get<bool>();
  hit.brief = BriefFromJson(summary.at("brief"));

  hit.pages.paged = summary.at("paged").get<bool>();
  size_t offset = 0;
  for (const json& item : summary.at(kPagesKey)) {
    size_t size = item.at(2).get<size_t>();
    if (size > texts_size - offset) {
      throw Malformed("page texts are shorter than their text_bytes");
    }
    offset += size;
    if (hit.text_cut) continue;  // sizes are still checked

    size_t start = offset - size;
    if (size > 0 && start >= texts.size()) {
      hit.text_cut = true;
      continue;
    }
    Page page;
    page.number = item.at(0).get<int>();
    page.reliable = item.at(1).get<bool>();
    page.text = std::string(texts.substr(start, size));
    hit.text_cut = page.text.size() < size;
    for (const json& range : item.at(3)) {
      auto bounds = range.get<std::vector<size_t>>();
      if (bounds.size() != 2 || bounds[0] > bounds[1] || bounds[1] > size) {
        continue;
      }
      // A cut page keeps the part of each header or footer before the cut,
      // so that its text there is what the whole page gives.
      if (bounds[0] >= page.text.size()) continue;
      page.furniture.push_back(
          {bounds[0], std::min<size_t>(bounds[1], page.text.size())});
    }
    hit.pages.pages.push_back(std::move(page));
  }
  if (offset != texts_size) {
    throw Malformed("page texts are longer than their text_bytes");
  }
  return hit;
}

// The hit of data written before summaries, from the whole document.
StoredHit HitFromDocumentJson(const json& object) {
  StoredData stored = StoredDataFromJson(object);
  StoredHit hit;
  hit.id = stored.document.id;
  hit.title = stored.document.metadata.title;
  hit.format = std::string(FormatName(stored.document.format));
  hit.paths = std::move(stored.paths);
  hit.path_urls = std::move(stored.path_urls);
  auto url = stored.document.metadata.extra.find("url");
  if (url != stored.document.metadata.extra.end()) hit.url = url->second;
  hit.topics = StoredTopicNamesFromJson(object);
  hit.brief = BriefFromJson(BriefToJson(object));
  hit.pages = std::move(stored.document);
  auto translations = object.find("translations");
  hit.translated = translations != object.end() && !translations->empty();
  return hit;
}

}  // namespace

StoredData ParseStoredData(std::string_view data) {
  return StoredDataFromJson(ParseJson(data));
}

json ParseStoredJson(std::string_view data) { return ParseJson(data); }

std::string SerializeStoredData(json object) {
  std::vector<std::string> paths = PathsOf(object);
  json urls = PathUrlsOf(object, paths);
  object.erase(kPathsKey);
  object.erase(kPathUrlsKey);

  std::string texts;
  auto pages = object.find(kPagesKey);
  if (pages != object.end() && pages->is_array()) {
    for (json& page : *pages) {
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

  // NOTE: Xapian still tries to compress the data when it stores it, which
  // costs the writer about 4% of a run's CPU and gains nothing here.
  // Xapian 1.4 has no setting that turns this off for document data.
  std::string data(1, kDeflatedTag);
  json summary = MakeSummary(object, paths);
  if (!urls.empty()) summary[kPathUrlsKey] = std::move(urls);
  PutBlock(summary.dump(), StoredJsonDictionary(), &data);
  PutBlock(texts, StoredTextDictionary(), &data);
  PutBlock(object.dump(), StoredJsonDictionary(), &data);
  return data;
}

StoredData StoredDataFromJson(const json& object) {
  StoredData stored;
  try {
    stored.document = DocumentFromJson(object);
    stored.paths = PathsOf(object);
    stored.path_urls = PathUrlMap(PathUrlsOf(object, stored.paths));
  } catch (const json::exception& e) {
    throw IndexError(std::string("stored document data is malformed: ") +
                     e.what());
  }
  return stored;
}

StoredHit ParseStoredHit(std::string_view data, size_t text_limit) {
  Sections sections;
  Split(data, kSummary | kTexts, &sections, text_limit);
  if (sections.summary.empty()) return HitFromDocumentJson(ParseJson(data));
  try {
    return HitFromSummary(ParseObject(sections.summary, "summary"),
                          sections.texts, sections.texts_size);
  } catch (const json::exception& e) {
    throw Malformed(std::string("summary: ") + e.what());
  }
}

std::vector<std::string> StoredPaths(std::string_view data) {
  Sections sections;
  Split(data, kSummary, &sections);
  if (sections.summary.empty()) return PathsOf(ParseJson(data));
  return PathsOf(ParseObject(sections.summary, "summary"));
}

std::string ReplaceStoredPaths(std::string_view data,
                               const std::vector<std::string>& paths,
                               const std::string& added_url) {
  // Older layouts are rewritten in the current one.
  if (data.empty() || data.front() != kDeflatedTag) {
    json object = ParseJson(data);
    object[kPathsKey] = paths;
    if (!added_url.empty() && !paths.empty()) {
      object[kPathUrlsKey][paths.back()] = added_url;
    }
    return SerializeStoredData(std::move(object));
  }
  Sections sections;
  Split(data, kSummary, &sections);
  json summary = ParseObject(sections.summary, "summary");
  summary[kPathsKey] = paths;
  json urls = PathUrlsOf(summary, paths);
  if (!added_url.empty() && !paths.empty()) urls[paths.back()] = added_url;
  if (urls.empty()) {
    summary.erase(kPathUrlsKey);
  } else {
    summary[kPathUrlsKey] = std::move(urls);
  }
  std::string replaced(1, kDeflatedTag);
  PutBlock(summary.dump(), StoredJsonDictionary(), &replaced);
  replaced += sections.rest;
  return replaced;
}

std::string StoredDocumentUrl(std::string_view data) {
  Sections sections;
  Split(data, kHead, &sections);
  json object = ParseObject(sections.head, "data");
  auto metadata = object.find("metadata");
  if (metadata == object.end() || !metadata->is_object()) return "";
  return ExtraUrlOf(*metadata);
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
