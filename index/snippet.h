// Snippets: the best matching passage of a document in its original text,
// with the query's matches marked.
#ifndef BIDSCOPE_INDEX_SNIPPET_H_
#define BIDSCOPE_INDEX_SNIPPET_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "extract/document.h"
#include "index/index.h"
#include "index/query_parser.h"

namespace bidscope {

struct Snippet {
  // Original text of about the requested number of characters, valid UTF-8,
  // with runs of whitespace shown as one space.
  std::string text;

  // One span per match inside `text`, each covering the whole match.
  std::vector<Highlight> highlights;

  // Page of the passage, for paged documents only.
  std::optional<int> page;
};

// Finds the passage of `doc` where the most distinct `patterns` occur close
// together (the earliest on ties), looking only at reliable pages, and cuts
// about `snippet_chars` characters of original text around it. Without a
// match the snippet is the start of the first reliable page.
Snippet MakeSnippet(const Document& doc,
                    const std::vector<MatchPattern>& patterns,
                    size_t snippet_chars);

// As MakeSnippet, for a document of which only the start of the text is
// known: its last page is cut short, and any later pages are left out.
// Returns the snippet of the whole document, or nothing when it could
// depend on the text past the cut. Search inflates a hit's text that far
// first, since most snippets lie near the start.
std::optional<Snippet> MakeSnippetFromStart(
    const Document& doc, const std::vector<MatchPattern>& patterns,
    size_t snippet_chars);

// Returns the first line of `doc`'s reliable pages that has more than
// whitespace and is no running header or footer, as CutText shows text, cut
// at `max_chars` characters with "…" after a cut. Empty when there is none.
// Result lists show it for documents without a title, such as plain text.
std::string FirstLine(const Document& doc, size_t max_chars);

// As FirstLine, for a document cut as for MakeSnippetFromStart: the first
// line of the whole document, or nothing when it could depend on the text
// past the cut.
std::optional<std::string> FirstLineFromStart(const Document& doc,
                                              size_t max_chars);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_SNIPPET_H_
