// Expansion of English query words through the lexicon, so that an
// English query also finds Chinese documents: "public opinion monitoring"
// becomes ("public opinion monitoring") OR "舆情监测" OR "輿情監測".
#ifndef BIDSCOPE_INDEX_QUERY_EXPANSION_H_
#define BIDSCOPE_INDEX_QUERY_EXPANSION_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/lexicon.h"

namespace bidscope {

struct ExpandedQuery {
  // The query to run: the original when nothing expanded, else the
  // original in parentheses OR'ed with each Chinese term quoted.
  std::string query;

  // The Chinese terms added, in order, each once.
  std::vector<std::string> terms;
};

// Looks up the longest runs of consecutive plain words (not operators,
// field:values, exclusions or parentheses) and each quoted phrase of
// `query` among the lexicon's English terms, ignoring case.
ExpandedQuery ExpandQuery(std::string_view query, const Lexicon& lexicon);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_QUERY_EXPANSION_H_
