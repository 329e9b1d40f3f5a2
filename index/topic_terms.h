// Topic tags and the indexing time of documents, as index terms, values
// and stored data.
//
// Every document is tagged with the lexicon categories whose terms it
// contains (extract/topics.h). Each tag gives a boolean term
// kTopicPrefix + category, and the stored data gains a "topics" array of
// {category, terms: [{term, english, pages, count}]}. The lexicon is the
// shipped one plus, when the environment variable named by
// kUserLexiconVariable is set, the user's file it names; `bidscope index
// --lexicon FILE` sets it so that worker processes inherit it.
#ifndef BIDSCOPE_INDEX_TOPIC_TERMS_H_
#define BIDSCOPE_INDEX_TOPIC_TERMS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "extract/lexicon.h"

namespace bidscope {

inline constexpr char kTopicPrefix[] = "XG";
inline constexpr char kUserLexiconVariable[] = "BIDSCOPE_LEXICON";

// Value slot of the time the document was prepared for the index, in
// seconds since the Unix epoch (Xapian::sortable_serialise). Slots below
// it belong to prepare_document.cc.
inline constexpr unsigned kIndexedAtSlot = 20;

// The boolean term of a category: kTopicPrefix + the category in lower
// case, for example "XGpublic-opinion monitoring".
std::string TopicBooleanTerm(std::string_view category);

// The lexicon used for topics at index time, loaded once per process.
// Rows that fail to load are skipped; LoadLexicon reports them to the
// command that sets kUserLexiconVariable.
const Lexicon& IndexLexicon();

struct TopicCount {
  std::string category;  // as in its boolean term: lower case
  uint64_t documents = 0;
};

// Documents per topic in the index in `dir`, most first, then by name.
// Throws IndexError.
std::vector<TopicCount> CountTopics(const std::string& dir);

// Category names of a document's stored data, in tag order.
std::vector<std::string> StoredTopicNames(std::string_view data);
std::vector<std::string> StoredTopicNamesFromJson(const nlohmann::json& data);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_TOPIC_TERMS_H_
