// Term generation shared by indexing, query parsing and snippets.
//
// Term scheme. All text is first passed through Normalize, so terms are
// NFKC, case folded and Simplified.
//   Han runs     every character is a unigram term at its own position,
//                and each pair of neighbours in the run is a bigram term
//                without positions. One character is found by its unigram,
//                two by their bigram, and n >= 3 by the AND of the n - 1
//                bigrams with an OP_PHRASE of the n unigrams (window n):
//                exact substring matching whatever the word segmentation.
//                The bigrams make the AND cheap to evaluate before
//                positions are read. Unigram positions take less than half
//                the space of bigram positions, since a document has far
//                fewer distinct characters than distinct bigrams and
//                Xapian's per-term entry dominates the position table.
//   words        letters and digits, lower case, one position each.
//   codes        words joined by - _ . / (ZB2021-0123, v1.2, a/b) give the
//                whole code as one term without positions, and each part
//                at its own position. A code alone is found by its term.
//                A phrase finds it by its parts, with its term required.
//   stems        "Z" + Xapian::Stem("english") of each alphabetic word,
//                without positions (Xapian's convention).
//   positions    a punctuation or symbol character between two tokens
//                skips one position, so phrases never match across it;
//                whitespace does not. Pages start kPageGap positions apart.
// Prefixes (Xapian style; fields repeat the free-text scheme under their
// prefix, stems as "Z" + prefix + stem):
//   S    title (title:), also indexed without prefix
//   Q    document id (SHA-256, unique)
//   P    path the document was found at (boolean)
//   XF   format name, such as "pdf" (boolean, type:)
//   XS   extraction status, such as "ok" (boolean)
//   XP   parent document id (boolean)
//   XT   notice type, such as "award" (boolean, notice:, type:)
//   XM   procurement method, such as "open" (boolean, method:)
//   XR   region code of the province, city and county (boolean, region:)
//   XJ   project number, normalised without spaces (boolean, project:)
//   XH   SHA-256 of the normalised text without whitespace (boolean),
//        which finds reposts of one notice
//   XB   buyer name as text (buyer:), XNB the whole name (boolean)
//   XA   agency name as text (agency:), XNA the whole name (boolean)
//   XU   supplier names as text (supplier:), XNU each whole name (boolean)
//   XG   lexicon category (boolean, index/topic_terms.h)
// Value slots: 0-3 in prepare_document.cc; 10 published date YYYYMMDD,
// 11 largest award in CNY, 12 largest budget in CNY (sortable_serialise),
// 13 notice type, 14 award else budget in CNY, 15 and 16 sort keys
// (index/fields_terms.h);
// 20 indexing time (index/topic_terms.h).
// Terms longer than kMaxTermBytes are skipped: Xapian rejects terms over
// 245 bytes and such strings are not useful search terms.
#ifndef BIDSCOPE_INDEX_TERMS_H_
#define BIDSCOPE_INDEX_TERMS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bidscope {

inline constexpr char kTitlePrefix[] = "S";
inline constexpr char kIdPrefix[] = "Q";
inline constexpr char kPathPrefix[] = "P";
inline constexpr char kFormatPrefix[] = "XF";
inline constexpr char kStatusPrefix[] = "XS";
inline constexpr char kParentPrefix[] = "XP";
inline constexpr char kStemPrefix[] = "Z";

inline constexpr size_t kMaxTermBytes = 120;

// Positions between the last token of one page and the first of the next.
inline constexpr uint32_t kPageGap = 100;

enum class TokenKind {
  kHan,   // a run of Han characters
  kWord,  // letters and digits, possibly a code joined by - _ . /
};

struct Token {
  TokenKind kind = TokenKind::kWord;

  // Normalised text of the token, a view into the tokenised string.
  std::string_view text;

  // Byte range of the token in the tokenised string.
  size_t begin = 0;
  size_t end = 0;

  // True when punctuation or a symbol (not only whitespace) separates this
  // token from the previous one.
  bool after_punctuation = false;

  // For a code, its words in order (ZB2021-0123: zb2021, 0123); for any
  // other word, the word itself. Empty for Han runs.
  std::vector<std::string_view> parts;
};

// Splits normalised text into Han runs and words.
std::vector<Token> Tokenize(std::string_view normalized);

// Code points of a Han run, each as a UTF-8 view into `run`.
std::vector<std::string_view> SplitCharacters(std::string_view run);

// One term of a document, with its position (0 for none).
struct Posting {
  std::string term;
  uint32_t position = 0;
};

// Postings of normalised text under `prefix` ("" for free text).
struct GeneratedTerms {
  std::vector<Posting> postings;

  // First position after the text, for the next page or field.
  uint32_t next_position = 1;
};

// Generates the postings of `normalized`, numbering positions from
// `first_position` (at least 1).
GeneratedTerms GenerateTerms(std::string_view normalized,
                             std::string_view prefix, uint32_t first_position);

// "Z" + prefix + English stem of `word`, or "" when the word is not
// alphabetic (codes and numbers are not stemmed).
std::string StemTerm(std::string_view word, std::string_view prefix);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_TERMS_H_
