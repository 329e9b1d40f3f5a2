// The bidscope query language, parsed into a Xapian query over the terms
// of index/terms.h.
//
//   舆情监测 budget       implicit AND
//   a OR b, a AND b       operators in capitals; AND binds tighter than OR
//   -a, NOT a, a NOT b    exclusion; a query of exclusions alone matches
//                         every document except those
//   (a OR b) c            grouping
//   "exact phrase"        Latin words, Han or mixed, unstemmed
//   title:招标            field prefixes (see kFieldPrefixes in the .cc)
//   type:pdf              boolean filters from the same table
//   budg*                 Latin prefix expansion; 舆情* is the substring 舆情
//
// Each term is normalised with Normalize, so Traditional and full-width
// queries find Simplified and half-width text. Unquoted alphabetic words
// match by English stem; quoted ones match exactly.
//
// Xapian 1.4.22's QueryParser is not used: it cannot produce the Han bigram
// phrases of this term scheme, and it throws on a Latin word, a space, a
// CJK run and another Latin word (fixed upstream in 1.4.25).
#ifndef BIDSCOPE_INDEX_QUERY_PARSER_H_
#define BIDSCOPE_INDEX_QUERY_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

namespace bidscope {

// A pattern that snippets search for in normalised page text.
struct MatchPattern {
  enum class Kind {
    kSubstring,   // normalised text found as is (Han, phrases, codes)
    kStem,        // a word whose stem term equals `text`
    kWordPrefix,  // a word starting with `text`
  };
  Kind kind = Kind::kSubstring;
  std::string text;
};

struct ParsedQuery {
  // Xapian::Query::serialise() of the query, which keeps Xapian types out
  // of this header.
  std::string serialised;

  // Xapian::Query::get_description(), for tests and diagnostics.
  std::string description;

  // Positive (not excluded) free-text parts, for snippets and highlights.
  std::vector<MatchPattern> patterns;
};

// Parses `query`. Throws QueryError (index/index.h) naming the character
// position for an empty query, an unbalanced quote or parenthesis, or an
// operator without an operand.
ParsedQuery ParseQuery(std::string_view query);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_QUERY_PARSER_H_
