// The data stored with each Xapian document: the document's JSON
// (extract/document_json.h) with a "paths" array of every path the
// document was found at, and a summary of what a search hit shows.
//
// Layout: the byte 0x02, then three blocks. A block is the LEB128 varint
// of its size, that of its deflated size, then its raw deflate stream
// (index/deflate.h). The first block is the summary JSON and the second
// the page texts one after another. The third is the document JSON
// without "paths", with "text_bytes" in place of each page's "text".
//
// The JSON is deflated with a dictionary of the JSON's own keys and common
// values, the texts with one of procurement notices' common phrases
// (index/stored_data_dictionaries.h). Xapian would compress the data as
// one block without a dictionary. With them, the first occurrence of a key
// or phrase in a short document is already a back reference. A search
// inflates only the summary and the texts, because the document JSON of a
// long notice keeps every amount and date with its raw text, and parsing
// it cost more than the rest of a search. Paths live in the summary, so
// that adding a path rewrites only the summary.
//
// Older layouts are read too. The byte 0x01 started the summary JSON, NUL,
// the document JSON, NUL and the page texts, all uncompressed. Before
// that, data started with '{': the document JSON, then NUL and the page
// texts, or plain JSON.
#ifndef BIDSCOPE_INDEX_STORED_DATA_H_
#define BIDSCOPE_INDEX_STORED_DATA_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "extract/document.h"
#include "index/index.h"

namespace bidscope {

struct StoredData {
  Document document;
  std::vector<std::string> paths;

  // URL of the record found at a path, for paths after the first whose
  // record gave another URL than the document's own (a repost).
  std::map<std::string, std::string> path_urls;
};

// Parses stored data. Throws IndexError when it is not valid JSON of a
// document, which means the index is damaged or was written by another
// program.
StoredData ParseStoredData(std::string_view data);

// Serialises `object` (a document's JSON with its additions, "paths"
// included) in the layout above.
std::string SerializeStoredData(nlohmann::json object);

// Parses stored data into the document's JSON, page texts and paths
// included, for callers that read several parts of it. Throws IndexError
// when the data is malformed.
nlohmann::json ParseStoredJson(std::string_view data);
StoredData StoredDataFromJson(const nlohmann::json& json);

// The parts of a document that a search hit shows, read without its
// document JSON.
struct StoredHit {
  std::string id;
  std::string title;
  std::string format;
  std::vector<std::string> paths;
  std::string url;  // as Hit::url
  std::map<std::string, std::string> path_urls;
  std::vector<std::string> topics;  // lexicon categories
  FieldsBrief brief;

  // The pages with their number, text, reliability and furniture, and
  // `paged`, which is all MakeSnippet reads.
  Document pages;

  // True when the document has imported translations, which only the
  // document JSON contains.
  bool translated = false;

  // True when `pages` has only the start of the text: its last page is cut
  // short and any later pages are left out (ParseStoredHit's limit).
  bool text_cut = false;
};

// Parses the summary and page texts of stored data, of the texts at most
// the first `text_limit` bytes. Throws IndexError when the data is
// malformed. Damage in texts past the limit is found only without one.
StoredHit ParseStoredHit(std::string_view data, size_t text_limit = SIZE_MAX);

// The paths of stored data. Throws IndexError when the data is malformed.
std::vector<std::string> StoredPaths(std::string_view data);

// Returns `data` with `paths` in place of its stored paths. Path URLs of
// paths no longer present are dropped. A non-empty `added_url` becomes the
// URL of the last path.
std::string ReplaceStoredPaths(std::string_view data,
                               const std::vector<std::string>& paths,
                               const std::string& added_url = "");

// Returns the "url" that the document JSON of `data` keeps in its
// metadata (a record's or saved page's address), or "".
std::string StoredDocumentUrl(std::string_view data);

// Term for a path: "P" + path, or "P#" + SHA-256 of the path when the term
// would be longer than Xapian allows.
std::string PathTerm(std::string_view path);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_STORED_DATA_H_
