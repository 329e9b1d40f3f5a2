#include "index/translations.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "extract/document_json.h"
#include "extract/normalize.h"
#include "extract/segment.h"
#include "index/index.h"
#include "index/shard_stub.h"
#include "index/stored_data.h"
#include "index/terms.h"

namespace bidscope {
namespace {

using nlohmann::json;

// First position of translation terms. Page text starts at 1 and would
// need about a billion tokens to reach it, so translation postings never
// mix with the document's own and can be removed on a later import.
constexpr uint32_t kTranslationFirstPosition = 1u << 30;

constexpr char kTranslationsKey[] = "translations";

// The document and database of one segment.
struct SegmentSite {
  Xapian::docid docid = 0;
  size_t database = 0;
  Segment segment;
};

std::vector<std::string> LocalDatabases(const std::string& dir) {
  if (!IsShardedIndex(dir)) return {dir};
  std::vector<std::string> paths;
  for (const ShardLocation& shard : ReadShardStub(dir)) {
    if (shard.remote) {
      throw IndexError(dir + ": shard at " + shard.target +
                       " is remote; run `bidscope shards set-local` first");
    }
    std::filesystem::path path(shard.target);
    paths.push_back(path.is_absolute()
                        ? path.string()
                        : (std::filesystem::path(dir) / path).string());
  }
  return paths;
}

json TranslationToJson(const StoredTranslation& translation) {
  return {{"page", translation.page},
          {"begin", translation.begin},
          {"end", translation.end},
          {"source", translation.source},
          {"target", translation.target}};
}

std::vector<StoredTranslation> TranslationsFromJson(const json& object) {
  std::vector<StoredTranslation> translations;
  if (!object.contains(kTranslationsKey)) return translations;
  try {
    for (const auto& [id, value] : object.at(kTranslationsKey).items()) {
      StoredTranslation translation;
      translation.segment_id = id;
      translation.page = value.at("page").get<int>();
      translation.begin = value.at("begin").get<size_t>();
      translation.end = value.at("end").get<size_t>();
      translation.source = value.at("source").get<std::string>();
      translation.target = value.at("target").get<std::string>();
      translations.push_back(std::move(translation));
    }
  } catch (const json::exception& e) {
    throw IndexError(std::string("stored translations are malformed: ") +
                     e.what());
  }
  std::sort(translations.begin(), translations.end(),
            [](const StoredTranslation& a, const StoredTranslation& b) {
              return std::tie(a.page, a.begin) < std::tie(b.page, b.begin);
            });
  return translations;
}

// Removes every posting at or after kTranslationFirstPosition, and terms
// left with neither positions nor within-document frequency.
void RemoveTranslationPostings(Xapian::Document* doc) {
  std::vector<std::pair<std::string, std::vector<Xapian::termpos>>> found;
  for (auto it = doc->termlist_begin(); it != doc->termlist_end(); ++it) {
    std::vector<Xapian::termpos> positions;
    for (auto pos = it.positionlist_begin(); pos != it.positionlist_end();
         ++pos) {
      if (*pos >= kTranslationFirstPosition) positions.push_back(*pos);
    }
    if (!positions.empty()) found.emplace_back(*it, std::move(positions));
  }
  for (const auto& [term, positions] : found) {
    for (Xapian::termpos pos : positions) doc->remove_posting(term, pos);
    Xapian::TermIterator it = doc->termlist_begin();
    it.skip_to(term);
    if (it != doc->termlist_end() && *it == term && it.get_wdf() == 0 &&
        it.positionlist_count() == 0) {
      doc->remove_term(term);
    }
  }
}

// Adds the target words of every translation. Stems, which the page text
// indexes without positions, get the position of their word here so that
// RemoveTranslationPostings finds them again.
void AddTranslationPostings(const std::vector<StoredTranslation>& translations,
                            Xapian::Document* doc) {
  uint32_t position = kTranslationFirstPosition;
  for (const StoredTranslation& translation : translations) {
    GeneratedTerms terms =
        GenerateTerms(NormalizeText(translation.target), "", position);
    uint32_t last = position;
    for (const Posting& posting : terms.postings) {
      if (posting.position != 0) last = posting.position;
      doc->add_posting(posting.term, last);
    }
    position = terms.next_position + kPageGap;
  }
}

// Finds the segments named in `requested` among the documents of `db`.
void FindSegments(Xapian::Database& db, size_t database,
                  const std::map<std::string, std::string>& requested,
                  std::map<std::string, SegmentSite>* sites) {
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    json object = ParseStoredJson(db.get_document(*it).get_data());
    Document doc;
    try {
      doc = DocumentFromJson(object);
    } catch (const json::exception& e) {
      throw IndexError(std::string("stored document data is malformed: ") +
                       e.what());
    }
    for (Segment& segment : SegmentDocument(doc)) {
      if (!requested.contains(segment.id)) continue;
      std::string id = segment.id;
      (*sites)[id] = SegmentSite{*it, database, std::move(segment)};
    }
  }
}

// Rewrites one document with `additions` merged into its translations.
void StoreInDocument(Xapian::WritableDatabase& db, Xapian::docid docid,
                     const std::vector<StoredTranslation>& additions) {
  Xapian::Document doc = db.get_document(docid);
  json object = ParseStoredJson(doc.get_data());
  if (!object.contains(kTranslationsKey) ||
      !object[kTranslationsKey].is_object()) {
    object[kTranslationsKey] = json::object();
  }
  for (const StoredTranslation& translation : additions) {
    object[kTranslationsKey][translation.segment_id] =
        TranslationToJson(translation);
  }
  RemoveTranslationPostings(&doc);
  AddTranslationPostings(TranslationsFromJson(object), &doc);
  doc.set_data(SerializeStoredData(std::move(object)));
  db.replace_document(docid, doc);
}

}  // namespace

ImportResult ImportTranslations(
    const std::string& dir,
    const std::vector<SegmentTranslation>& translations) {
  std::map<std::string, std::string> requested;
  for (const SegmentTranslation& translation : translations) {
    requested[translation.id] = translation.target;
  }

  ImportResult result;
  std::vector<std::string> databases = LocalDatabases(dir);
  try {
    std::vector<Xapian::WritableDatabase> writers;
    std::map<std::string, SegmentSite> sites;
    for (size_t i = 0; i < databases.size(); ++i) {
      writers.emplace_back(databases[i], Xapian::DB_OPEN);
      FindSegments(writers.back(), i, requested, &sites);
    }

    // Group by document so that each is rewritten once.
    std::map<std::pair<size_t, Xapian::docid>, std::vector<StoredTranslation>>
        by_document;
    for (const SegmentTranslation& translation : translations) {
      auto site = sites.find(translation.id);
      if (site == sites.end()) {
        result.stale_ids.push_back(translation.id);
        continue;
      }
      const Segment& segment = site->second.segment;
      by_document[{site->second.database, site->second.docid}].push_back(
          {segment.id, segment.page, segment.begin, segment.end, segment.source,
           requested.at(translation.id)});
    }
    for (const auto& [key, additions] : by_document) {
      StoreInDocument(writers[key.first], key.second, additions);
      result.stored += static_cast<int>(additions.size());
      ++result.documents;
    }
    for (Xapian::WritableDatabase& writer : writers) writer.commit();
  } catch (const Xapian::Error& e) {
    throw IndexError(dir +
                     ": importing translations failed: " + e.get_description());
  }
  return result;
}

std::vector<StoredTranslation> StoredTranslations(std::string_view data) {
  if (data.empty()) return {};
  return TranslationsFromJson(ParseStoredJson(data));
}

std::vector<StoredTranslation> StoredTranslationsFromJson(const json& data) {
  return TranslationsFromJson(data);
}

namespace {

int CountMatchingPatterns(const StoredTranslation& translation,
                          const std::vector<MatchPattern>& patterns) {
  std::string normalised = NormalizeText(translation.target);
  std::vector<Token> tokens = Tokenize(normalised);
  auto matches = [&](const MatchPattern& pattern) {
    if (pattern.kind == MatchPattern::Kind::kSubstring) {
      return normalised.find(pattern.text) != std::string::npos;
    }
    for (const Token& token : tokens) {
      for (std::string_view part : token.parts) {
        bool hit = pattern.kind == MatchPattern::Kind::kStem
                       ? StemTerm(part, "") == pattern.text
                       : part.starts_with(pattern.text);
        if (hit) return true;
      }
    }
    return false;
  };
  int count = 0;
  for (const MatchPattern& pattern : patterns) {
    if (matches(pattern)) ++count;
  }
  return count;
}

}  // namespace

bool TranslationMatches(const StoredTranslation& translation,
                        const std::vector<MatchPattern>& patterns) {
  return CountMatchingPatterns(translation, patterns) > 0;
}

namespace {

// The translation on `page` (any page when unset) whose target matches
// the most patterns, the earliest on ties; nothing when none matches.
std::optional<StoredTranslation> BestMatch(
    const std::vector<StoredTranslation>& translations,
    const std::vector<MatchPattern>& patterns, std::optional<int> page) {
  std::optional<StoredTranslation> best;
  int best_count = 0;
  for (const StoredTranslation& translation : translations) {
    if (page && translation.page != *page) continue;
    int count = CountMatchingPatterns(translation, patterns);
    if (count > best_count) {
      best = translation;
      best_count = count;
    }
  }
  return best;
}

}  // namespace

std::optional<StoredTranslation> PickTranslation(
    const std::vector<StoredTranslation>& translations,
    const std::vector<MatchPattern>& patterns, std::optional<int> page,
    std::string_view highlighted) {
  auto on_page = [&](const StoredTranslation& t) {
    return !page || t.page == *page;
  };
  if (auto best = BestMatch(translations, patterns, page)) return best;
  if (!highlighted.empty()) {
    for (const StoredTranslation& translation : translations) {
      if (on_page(translation) &&
          translation.source.find(highlighted) != std::string::npos) {
        return translation;
      }
    }
  }
  for (const StoredTranslation& translation : translations) {
    if (on_page(translation)) return translation;
  }
  return std::nullopt;
}

void AddTranslationToHit(const json& stored,
                         const std::vector<MatchPattern>& patterns, Hit* hit) {
  std::vector<StoredTranslation> translations =
      StoredTranslationsFromJson(stored);
  if (translations.empty()) return;
  if (hit->highlights.empty()) {
    if (auto best = BestMatch(translations, patterns, std::nullopt)) {
      if (hit->page) hit->page = best->page;
      hit->snippet = best->source;
      hit->translation = best->target;
      return;
    }
  }
  std::string highlighted;
  if (!hit->highlights.empty()) {
    const Highlight& first = hit->highlights.front();
    if (first.end <= hit->snippet.size()) {
      highlighted = hit->snippet.substr(first.begin, first.end - first.begin);
    }
  }
  std::optional<StoredTranslation> picked =
      PickTranslation(translations, patterns, hit->page, highlighted);
  if (picked) hit->translation = picked->target;
}

std::vector<std::string> ListDocumentIds(const std::string& dir) {
  try {
    Xapian::Database db(dir);
    std::vector<std::string> ids;
    std::string prefix(kIdPrefix);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix);
         ++it) {
      ids.push_back((*it).substr(prefix.size()));
    }
    return ids;
  } catch (const Xapian::Error& e) {
    throw IndexError(dir +
                     ": listing documents failed: " + e.get_description());
  }
}

}  // namespace bidscope
