#include "extract/lexicon.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "extract/lexicon_automaton.h"
#include "extract/normalize.h"

namespace bidscope {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

// Lower-cased ASCII with runs of white space collapsed to one space and
// the ends trimmed: the key for English look-ups.
std::string EnglishKey(std::string_view english) {
  std::string key;
  bool pending_space = false;
  for (char c : english) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    key.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a')
                                         : c);
  }
  return key;
}

}  // namespace

Lexicon::Lexicon() : automaton_(std::make_unique<LexiconAutomaton>()) {
  automaton_->Build();
}

Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

Lexicon::Lexicon(std::vector<LexiconEntry> entries)
    : entries_(std::move(entries)),
      automaton_(std::make_unique<LexiconAutomaton>()) {
  std::unordered_map<std::string, size_t> pattern_of_term;
  auto add_term = [&](const std::string& term, size_t entry) {
    std::string normalised = NormalizeText(term);
    if (normalised.empty()) return;
    auto [it, inserted] =
        pattern_of_term.emplace(normalised, pattern_entries_.size());
    if (inserted) {
      automaton_->AddPattern(normalised);
      pattern_entries_.emplace_back();
      pattern_latin_start_.push_back(IsAsciiAlnum(normalised.front()));
      pattern_latin_end_.push_back(IsAsciiAlnum(normalised.back()));
    }
    auto& owners = pattern_entries_[it->second];
    if (std::find(owners.begin(), owners.end(), entry) == owners.end()) {
      owners.push_back(entry);
    }
  };
  for (size_t i = 0; i < entries_.size(); ++i) {
    add_term(entries_[i].simplified, i);
    add_term(entries_[i].traditional, i);
    by_english_[EnglishKey(entries_[i].english)].push_back(i);
  }
  automaton_->Build();
}

std::vector<LexiconMatch> Lexicon::Match(std::string_view normalised) const {
  // All hits that respect ASCII word boundaries.
  std::vector<LexiconAutomaton::Hit> hits;
  for (const LexiconAutomaton::Hit& hit : automaton_->FindAll(normalised)) {
    if (pattern_latin_start_[hit.pattern] && hit.begin > 0 &&
        IsAsciiAlnum(normalised[hit.begin - 1])) {
      continue;
    }
    if (pattern_latin_end_[hit.pattern] && hit.end < normalised.size() &&
        IsAsciiAlnum(normalised[hit.end])) {
      continue;
    }
    hits.push_back(hit);
  }

  // Drop hits inside longer ones: sort by start, longest first, and keep a
  // hit only if it reaches past every hit kept before it.
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  std::vector<LexiconMatch> matches;
  size_t reach = 0;
  for (const LexiconAutomaton::Hit& hit : hits) {
    if (hit.end <= reach) continue;
    reach = std::max(reach, hit.end);
    for (size_t entry : pattern_entries_[hit.pattern]) {
      matches.push_back({entry, hit.begin, hit.end});
    }
  }
  return matches;
}

std::vector<size_t> Lexicon::EntriesIn(std::string_view normalised) const {
  std::vector<size_t> found;
  for (const LexiconMatch& match : Match(normalised)) {
    if (std::find(found.begin(), found.end(), match.entry) == found.end()) {
      found.push_back(match.entry);
    }
  }
  return found;
}

std::vector<std::string> Lexicon::ChineseTermsFor(
    std::string_view english) const {
  std::vector<std::string> terms;
  auto it = by_english_.find(EnglishKey(english));
  if (it == by_english_.end()) return terms;
  auto add = [&](const std::string& term) {
    if (!term.empty() &&
        std::find(terms.begin(), terms.end(), term) == terms.end()) {
      terms.push_back(term);
    }
  };
  for (size_t i : it->second) add(entries_[i].simplified);
  for (size_t i : it->second) add(entries_[i].traditional);
  return terms;
}

std::vector<std::string> Lexicon::GlossaryHints(std::string_view text) const {
  std::vector<std::string> hints;
  for (size_t i : EntriesIn(NormalizeText(text))) {
    const LexiconEntry& entry = entries_[i];
    const bool uses_traditional =
        !entry.traditional.empty() && entry.traditional != entry.simplified &&
        text.find(entry.traditional) != std::string_view::npos;
    std::string hint = uses_traditional || entry.simplified.empty()
                           ? entry.traditional
                           : entry.simplified;
    hint += " = " + entry.english;
    if (!entry.note.empty()) hint += ". " + entry.note;
    hints.push_back(std::move(hint));
  }
  return hints;
}

}  // namespace bidscope
