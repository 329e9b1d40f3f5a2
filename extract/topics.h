// Topic tags: the lexicon categories whose terms a document contains, with
// the terms and pages that triggered each tag.
#ifndef BIDSCOPE_EXTRACT_TOPICS_H_
#define BIDSCOPE_EXTRACT_TOPICS_H_

#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/lexicon.h"

namespace bidscope {

struct TopicTerm {
  // The entry's Simplified term (Traditional when it has none) and its
  // English.
  std::string term;
  std::string english;

  // Pages where the term occurs, ascending, each once.
  std::vector<int> pages;

  // Occurrences over all pages.
  int count = 0;
};

struct TopicTag {
  std::string category;
  std::vector<TopicTerm> terms;  // in order of first occurrence
};

struct TopicOptions {
  // A category is tagged only when at least this many of its distinct
  // entries occur.
  int min_distinct_terms = 1;

  // Pages judged garbage (Page::reliable false) are searched too.
  bool include_unreliable_pages = false;
};

// Tags `doc`: one tag per category, ordered by the number of distinct
// terms, most first, then by category name.
std::vector<TopicTag> TagTopics(const Document& doc, const Lexicon& lexicon,
                                const TopicOptions& options = {});

// TagTopics for a caller that has normalised the pages already:
// normalized_pages[i] is NormalizeText(doc.pages[i].text), and may be
// empty for a page that `options` leaves out.
std::vector<TopicTag> TagNormalizedTopics(
    const Document& doc, const std::vector<std::string>& normalized_pages,
    const Lexicon& lexicon, const TopicOptions& options = {});

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_TOPICS_H_
