// Translations of segments stored with their documents: import from
// translation files, English terms for search, and the translation shown
// with a search hit.
//
// A document's stored data (index/stored_data.h) gains a "translations"
// object keyed by segment id (extract/segment.h), each value holding the
// page, the byte range of the segment in the page text, the source and the
// target. The target's words are indexed as terms of the same document, so
// English queries find Chinese documents through their translations.
#ifndef BIDSCOPE_INDEX_TRANSLATIONS_H_
#define BIDSCOPE_INDEX_TRANSLATIONS_H_

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "extract/document.h"
#include "extract/segment_translation.h"
#include "index/index.h"
#include "index/query_parser.h"

namespace bidscope {

// A translation kept in a document's stored data.
struct StoredTranslation {
  std::string segment_id;
  int page = 1;

  // Byte range of the segment in the page text.
  size_t begin = 0;
  size_t end = 0;

  // Segment::source at import time, and the translated text.
  std::string source;
  std::string target;
};

struct ImportResult {
  // Translations stored (new or replacing an earlier one).
  int stored = 0;

  // Documents rewritten with their new translations.
  int documents = 0;

  // Segment ids that no current document has, in file order: the
  // document changed or left the index after the export.
  std::vector<std::string> stale_ids;
};

// Stores `translations` in the index in `dir`, an unsharded index or every
// local shard of a sharded one. Each segment id is looked up among the
// segments of every stored document, so the cost grows with the corpus.
// A later translation of the same segment replaces the earlier one.
// Throws IndexError when the index cannot be opened or written, or has a
// remote shard.
ImportResult ImportTranslations(
    const std::string& dir,
    const std::vector<SegmentTranslation>& translations);

// Reads the translations of stored data, in page and offset order; none
// when the data is empty or has no "translations" object. Throws IndexError
// when the object is malformed.
std::vector<StoredTranslation> StoredTranslations(std::string_view data);
std::vector<StoredTranslation> StoredTranslationsFromJson(
    const nlohmann::json& data);

// Picks the translation to show with a hit on `page`: the one whose
// target matches the most `patterns` (the earliest on ties), else the first
// whose source contains text of the snippet's first highlight `highlighted`,
// else the first on the page. Returns nothing when `translations` has none on
// that page and none matching.
std::optional<StoredTranslation> PickTranslation(
    const std::vector<StoredTranslation>& translations,
    const std::vector<MatchPattern>& patterns, std::optional<int> page,
    std::string_view highlighted);

// True when the normalised target of `translation` matches a pattern.
bool TranslationMatches(const StoredTranslation& translation,
                        const std::vector<MatchPattern>& patterns);

// Sets `hit->translation` from the stored data of its document. A hit
// whose snippet has no match, because only a translation matched, gets
// the source text and page of that translation as its snippet.
void AddTranslationToHit(const nlohmann::json& stored,
                         const std::vector<MatchPattern>& patterns, Hit* hit);

// Ids of every document in the index in `dir`, in id order. Throws
// IndexError.
std::vector<std::string> ListDocumentIds(const std::string& dir);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_TRANSLATIONS_H_
