#include "extract/topics.h"

#include <algorithm>
#include <map>

#include "extract/normalize.h"

namespace bidscope {
namespace {

struct TermTally {
  size_t first_seen = 0;  // order of first occurrence in the document
  std::vector<int> pages;
  int count = 0;
};

}  // namespace

std::vector<TopicTag> TagTopics(const Document& doc, const Lexicon& lexicon,
                                const TopicOptions& options) {
  std::vector<std::string> normalized;
  for (const Page& page : doc.pages) {
    bool searched = page.reliable || options.include_unreliable_pages;
    normalized.push_back(searched ? NormalizeText(page.text) : std::string());
  }
  return TagNormalizedTopics(doc, normalized, lexicon, options);
}

std::vector<TopicTag> TagNormalizedTopics(
    const Document& doc, const std::vector<std::string>& normalized_pages,
    const Lexicon& lexicon, const TopicOptions& options) {
  // Count every entry's occurrences, page by page.
  std::map<size_t, TermTally> tallies;  // entry index -> tally
  for (size_t i = 0; i < doc.pages.size() && i < normalized_pages.size(); ++i) {
    const Page& page = doc.pages[i];
    if (!page.reliable && !options.include_unreliable_pages) continue;
    for (const LexiconMatch& match : lexicon.Match(normalized_pages[i])) {
      auto [it, inserted] = tallies.try_emplace(match.entry);
      TermTally& tally = it->second;
      if (inserted) tally.first_seen = tallies.size();
      if (tally.pages.empty() || tally.pages.back() != page.number) {
        tally.pages.push_back(page.number);
      }
      ++tally.count;
    }
  }

  // Group the entries by category in order of first occurrence.
  std::vector<std::pair<size_t, size_t>> order;  // (first_seen, entry)
  for (const auto& [entry, tally] : tallies) {
    order.emplace_back(tally.first_seen, entry);
  }
  std::sort(order.begin(), order.end());
  std::map<std::string, TopicTag> by_category;
  for (const auto& [first_seen, index] : order) {
    const LexiconEntry& entry = lexicon.entries()[index];
    TermTally& tally = tallies[index];
    std::sort(tally.pages.begin(), tally.pages.end());
    tally.pages.erase(std::unique(tally.pages.begin(), tally.pages.end()),
                      tally.pages.end());
    TopicTag& tag = by_category[entry.category];
    tag.category = entry.category;
    tag.terms.push_back(
        {entry.simplified.empty() ? entry.traditional : entry.simplified,
         entry.english, tally.pages, tally.count});
  }

  std::vector<TopicTag> tags;
  for (auto& [category, tag] : by_category) {
    if (static_cast<int>(tag.terms.size()) >= options.min_distinct_terms) {
      tags.push_back(std::move(tag));
    }
  }
  std::stable_sort(tags.begin(), tags.end(),
                   [](const TopicTag& a, const TopicTag& b) {
                     return a.terms.size() > b.terms.size();
                   });
  return tags;
}

}  // namespace bidscope
