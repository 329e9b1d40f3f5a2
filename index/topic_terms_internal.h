// The part of topic tagging that needs Xapian and builder types, for
// PrepareDocument and the searcher.
#ifndef BIDSCOPE_INDEX_TOPIC_TERMS_INTERNAL_H_
#define BIDSCOPE_INDEX_TOPIC_TERMS_INTERNAL_H_

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "extract/document.h"
#include "index/document_builder.h"
#include "index/index.h"

namespace bidscope {

// Tags `doc` with IndexLexicon(): adds a boolean term per category to
// `builder` and the "topics" array to `data`.
// normalized_pages[i] is NormalizeText of page i when the page is reliable.
void AddTopics(const Document& doc,
               const std::vector<std::string>& normalized_pages,
               DocumentBuilder* builder, nlohmann::json* data);

// The filter of options.topic and options.indexed_after, or nothing when
// neither is set.
std::optional<Xapian::Query> TopicAndTimeFilter(const SearchOptions& options);

// Stores the current time in kIndexedAtSlot.
void AddIndexedAt(DocumentBuilder* builder);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_TOPIC_TERMS_INTERNAL_H_
