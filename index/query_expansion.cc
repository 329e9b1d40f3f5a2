#include "index/query_expansion.h"

#include <algorithm>

namespace bidscope {
namespace {

// A piece of the query: a plain word, a quoted phrase (without its
// quotes) or anything else, which ends a run of words.
struct QueryPiece {
  enum class Kind { kWord, kPhrase, kOther };
  Kind kind = Kind::kOther;
  std::string text;
};

bool IsPlainWord(std::string_view word) {
  if (word == "AND" || word == "OR" || word == "NOT") return false;
  return std::all_of(word.begin(), word.end(),
                     [](char c) {
                       return (c >= 'a' && c <= 'z') ||
                              (c >= 'A' && c <= 'Z') ||
                              (c >= '0' && c <= '9') || c == '-' || c == '\'';
                     }) &&
         word.front() != '-';
}

std::vector<QueryPiece> SplitQuery(std::string_view query) {
  std::vector<QueryPiece> pieces;
  size_t i = 0;
  while (i < query.size()) {
    if (query[i] == ' ' || query[i] == '\t') {
      ++i;
      continue;
    }
    if (query[i] == '"') {
      size_t close = query.find('"', i + 1);
      if (close == std::string_view::npos) close = query.size();
      pieces.push_back({QueryPiece::Kind::kPhrase,
                        std::string(query.substr(i + 1, close - i - 1))});
      i = close + 1;
      continue;
    }
    size_t end = query.find_first_of(" \t\"", i);
    if (end == std::string_view::npos) end = query.size();
    std::string word(query.substr(i, end - i));
    pieces.push_back(
        {IsPlainWord(word) ? QueryPiece::Kind::kWord : QueryPiece::Kind::kOther,
         word});
    i = end;
  }
  return pieces;
}

void AddTerms(const std::vector<std::string>& found,
              std::vector<std::string>* terms) {
  for (const std::string& term : found) {
    if (std::find(terms->begin(), terms->end(), term) == terms->end()) {
      terms->push_back(term);
    }
  }
}

// Greedy longest match over a run of words, left to right.
void ExpandWords(const std::vector<std::string>& words, const Lexicon& lexicon,
                 std::vector<std::string>* terms) {
  size_t start = 0;
  while (start < words.size()) {
    size_t matched = 0;
    for (size_t end = words.size(); end > start && matched == 0; --end) {
      std::string phrase;
      for (size_t k = start; k < end; ++k) {
        if (k > start) phrase += ' ';
        phrase += words[k];
      }
      std::vector<std::string> found = lexicon.ChineseTermsFor(phrase);
      if (!found.empty()) {
        AddTerms(found, terms);
        matched = end - start;
      }
    }
    start += matched == 0 ? 1 : matched;
  }
}

}  // namespace

ExpandedQuery ExpandQuery(std::string_view query, const Lexicon& lexicon) {
  ExpandedQuery expanded;
  std::vector<std::string> run;
  for (const QueryPiece& piece : SplitQuery(query)) {
    if (piece.kind == QueryPiece::Kind::kWord) {
      run.push_back(piece.text);
      continue;
    }
    ExpandWords(run, lexicon, &expanded.terms);
    run.clear();
    if (piece.kind == QueryPiece::Kind::kPhrase) {
      AddTerms(lexicon.ChineseTermsFor(piece.text), &expanded.terms);
    }
  }
  ExpandWords(run, lexicon, &expanded.terms);

  expanded.query = std::string(query);
  if (expanded.terms.empty()) return expanded;
  expanded.query = "(" + expanded.query + ")";
  for (const std::string& term : expanded.terms) {
    expanded.query += " OR \"" + term + "\"";
  }
  return expanded;
}

}  // namespace bidscope
