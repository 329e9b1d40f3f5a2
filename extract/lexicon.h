// The bilingual lexicon: English and Chinese terms of surveillance,
// propaganda and procurement with notes for translators, matched against
// normalised text for glossary hints, topics and query expansion.
#ifndef BIDSCOPE_EXTRACT_LEXICON_H_
#define BIDSCOPE_EXTRACT_LEXICON_H_

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bidscope {

class LexiconAutomaton;

// One row of a lexicon file. The file is tab-separated UTF-8 with the
// columns english, simplified, traditional, category, note and source. A
// first line naming the columns is skipped, and so are blank lines and
// lines starting with '#'.
struct LexiconEntry {
  std::string english;
  std::string simplified;
  std::string traditional;

  // Topic, such as "public-opinion monitoring" or "procurement".
  std::string category;

  // Explanation for translators; may be empty.
  std::string note;

  // Origin of the entry, such as "project glossary".
  std::string source;

  // File and 1-based line the entry was read from.
  std::string origin;
  int line = 0;
};

// An occurrence of an entry's term in normalised text.
struct LexiconMatch {
  size_t entry = 0;  // index into Lexicon::entries()
  size_t begin = 0;  // byte range in the normalised text
  size_t end = 0;
};

class Lexicon {
 public:
  Lexicon();
  ~Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  // Builds the matcher over `entries`; their terms are normalised with
  // NormalizeText. Entries whose terms normalise to nothing never match.
  explicit Lexicon(std::vector<LexiconEntry> entries);

  const std::vector<LexiconEntry>& entries() const { return entries_; }

  // Returns the occurrences of entry terms in `normalised` (text already
  // passed through NormalizeText), in text order. A match inside a longer
  // match is dropped, so 舆情监测 does not also report 舆情. A term that
  // starts or ends with an ASCII letter or digit matches only at a word
  // boundary there.
  std::vector<LexiconMatch> Match(std::string_view normalised) const;

  // Returns the indexes of the entries matched in `normalised`, each once,
  // in order of first occurrence.
  std::vector<size_t> EntriesIn(std::string_view normalised) const;

  // Returns the Chinese terms (Simplified, then Traditional when it
  // differs) of the entries whose English equals `english`, ignoring case
  // and runs of spaces: "Public opinion  monitoring" -> 舆情监测.
  std::vector<std::string> ChineseTermsFor(std::string_view english) const;

  // Returns one hint per entry found in `text` (original, not normalised),
  // such as "舆情 = public opinion. Official term ...". The hint names the
  // Traditional form when the text uses it.
  std::vector<std::string> GlossaryHints(std::string_view text) const;

 private:
  std::vector<LexiconEntry> entries_;
  std::unique_ptr<LexiconAutomaton> automaton_;
  std::vector<std::vector<size_t>> pattern_entries_;  // pattern -> entries
  std::vector<bool> pattern_latin_start_;
  std::vector<bool> pattern_latin_end_;
  std::map<std::string, std::vector<size_t>> by_english_;
};

// Parses lexicon file content. Invalid rows are skipped and reported in
// `errors` as "ORIGIN:LINE: problem".
std::vector<LexiconEntry> ParseLexicon(std::string_view content,
                                       std::string_view origin,
                                       std::vector<std::string>* errors);

// The lexicon shipped with bidscope, data/lexicon.tsv in the source tree.
std::string DefaultLexiconPath();

struct LexiconSources {
  // The shipped file; empty skips it.
  std::string shipped_path = DefaultLexiconPath();

  // An optional file of the user's own entries with the same columns;
  // empty when there is none.
  std::string user_path;
};

struct LexiconLoadResult {
  Lexicon lexicon;

  // Unreadable files and invalid rows, as "PATH:LINE: problem". The rows
  // that were valid are loaded regardless.
  std::vector<std::string> errors;
};

// Reads the shipped file and then the user's file.
LexiconLoadResult LoadLexicon(const LexiconSources& sources = {});

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_LEXICON_H_
