#include "index/topic_terms.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>

#include "extract/topics.h"
#include "index/index.h"
#include "index/stored_data.h"
#include "index/topic_terms_internal.h"

namespace bidscope {

using nlohmann::json;

std::string TopicBooleanTerm(std::string_view category) {
  std::string term(kTopicPrefix);
  for (char c : category) {
    term += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return term;
}

const Lexicon& IndexLexicon() {
  static const Lexicon* lexicon = [] {
    LexiconSources sources;
    const char* user = std::getenv(kUserLexiconVariable);
    if (user != nullptr) sources.user_path = user;
    return new Lexicon(LoadLexicon(sources).lexicon);
  }();
  return *lexicon;
}

void AddTopics(const Document& doc,
               const std::vector<std::string>& normalized_pages,
               DocumentBuilder* builder, json* data) {
  json topics = json::array();
  for (const TopicTag& tag :
       TagNormalizedTopics(doc, normalized_pages, IndexLexicon())) {
    builder->AddBooleanTerm(TopicBooleanTerm(tag.category));
    json terms = json::array();
    for (const TopicTerm& term : tag.terms) {
      terms.push_back({{"term", term.term},
                       {"english", term.english},
                       {"pages", term.pages},
                       {"count", term.count}});
    }
    topics.push_back({{"category", tag.category}, {"terms", terms}});
  }
  (*data)["topics"] = std::move(topics);
}

std::optional<Xapian::Query> TopicAndTimeFilter(const SearchOptions& options) {
  std::vector<Xapian::Query> filters;
  if (!options.topic.empty()) {
    filters.emplace_back(TopicBooleanTerm(options.topic));
  }
  if (options.indexed_after > 0) {
    // OP_VALUE_GE is inclusive; the next representable time makes it
    // strictly after.
    double after = std::nextafter(options.indexed_after, HUGE_VAL);
    filters.emplace_back(Xapian::Query::OP_VALUE_GE, kIndexedAtSlot,
                         Xapian::sortable_serialise(after));
  }
  if (filters.empty()) return std::nullopt;
  return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

void AddIndexedAt(DocumentBuilder* builder) {
  double seconds = std::chrono::duration<double>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  builder->AddValue(kIndexedAtSlot, Xapian::sortable_serialise(seconds));
}

std::vector<TopicCount> CountTopics(const std::string& dir) {
  std::vector<TopicCount> counts;
  try {
    Xapian::Database db(dir);
    std::string prefix(kTopicPrefix);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix);
         ++it) {
      counts.push_back({(*it).substr(prefix.size()), it.get_termfreq()});
    }
  } catch (const Xapian::Error& e) {
    throw IndexError(dir + ": counting topics failed: " + e.get_description());
  }
  std::sort(counts.begin(), counts.end(),
            [](const TopicCount& a, const TopicCount& b) {
              if (a.documents != b.documents) return a.documents > b.documents;
              return a.category < b.category;
            });
  return counts;
}

std::vector<std::string> StoredTopicNames(std::string_view data) {
  try {
    return StoredTopicNamesFromJson(ParseStoredJson(data));
  } catch (const IndexError&) {
    return {};
  }
}

std::vector<std::string> StoredTopicNamesFromJson(const json& object) {
  std::vector<std::string> names;
  if (!object.is_object() || !object.contains("topics") ||
      !object["topics"].is_array()) {
    return names;
  }
  for (const json& topic : object["topics"]) {
    if (topic.is_object() && topic.contains("category") &&
        topic["category"].is_string()) {
      names.push_back(topic["category"].get<std::string>());
    }
  }
  return names;
}

}  // namespace bidscope
