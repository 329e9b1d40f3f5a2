#include "index/snippet.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <set>
#include <string_view>

#include "extract/normalize.h"
#include "index/terms.h"

namespace bidscope {
namespace {

// A match in normalised page text, as a byte range.
struct Match {
  size_t begin = 0;
  size_t end = 0;
  size_t pattern = 0;
};

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

// True when a match of [begin, end) does not cut a Latin word or number.
bool OnWordBoundaries(std::string_view text, size_t begin, size_t end) {
  if (begin > 0 && IsAsciiAlnum(text[begin]) && IsAsciiAlnum(text[begin - 1]))
    return false;
  if (end < text.size() && IsAsciiAlnum(text[end - 1]) &&
      IsAsciiAlnum(text[end]))
    return false;
  return true;
}

void FindSubstrings(std::string_view text, const MatchPattern& pattern,
                    size_t index, std::vector<Match>* matches) {
  if (pattern.text.empty()) return;
  size_t at = text.find(pattern.text);
  while (at != std::string_view::npos) {
    size_t end = at + pattern.text.size();
    if (OnWordBoundaries(text, at, end)) matches->push_back({at, end, index});
    at = text.find(pattern.text, end);
  }
}

void FindWords(std::string_view text, const std::vector<Token>& tokens,
               const MatchPattern& pattern, size_t index,
               std::vector<Match>* matches) {
  bool stem = pattern.kind == MatchPattern::Kind::kStem;
  for (const Token& token : tokens) {
    for (std::string_view part : token.parts) {
      // The English stemmer never changes a word's first letter, and
      // stemming every word of a long page cost more than the search.
      if (stem && (part.empty() || pattern.text.size() < 2 ||
                   part[0] != pattern.text[1])) {
        continue;
      }
      bool hit = stem ? StemTerm(part, "") == pattern.text
                      : part.starts_with(pattern.text);
      if (!hit) continue;
      size_t begin = static_cast<size_t>(part.data() - text.data());
      matches->push_back({begin, begin + part.size(), index});
    }
  }
}

std::vector<Match> FindMatches(std::string_view text,
                               const std::vector<MatchPattern>& patterns) {
  std::vector<Match> matches;
  std::vector<Token> tokens;
  bool tokenized = false;
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (patterns[i].kind == MatchPattern::Kind::kSubstring) {
      FindSubstrings(text, patterns[i], i, &matches);
      continue;
    }
    if (!tokenized) tokens = Tokenize(text);
    tokenized = true;
    FindWords(text, tokens, patterns[i], i, &matches);
  }
  std::sort(matches.begin(), matches.end(),
            [](const Match& a, const Match& b) { return a.begin < b.begin; });
  return matches;
}

struct Passage {
  size_t distinct = 0;  // distinct patterns near the first match
  size_t first = 0;     // index of the first match of the passage
};

// The match that starts the window with the most distinct patterns.
Passage BestPassage(const std::vector<Match>& matches, size_t window_bytes) {
  Passage best;
  for (size_t i = 0; i < matches.size(); ++i) {
    std::set<size_t> seen;
    for (size_t j = i; j < matches.size() &&
                       matches[j].begin < matches[i].begin + window_bytes;
         ++j) {
      seen.insert(matches[j].pattern);
    }
    if (seen.size() > best.distinct) best = {seen.size(), i};
  }
  return best;
}

size_t CountChars(std::string_view text, size_t begin, size_t end) {
  size_t count = 0;
  for (size_t i = begin; i < end; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// Moves back `chars` code points from `pos`.
size_t BackChars(std::string_view text, size_t pos, size_t chars) {
  while (pos > 0 && chars > 0) {
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80)
      --pos;
    --chars;
  }
  return pos;
}

bool IsLayoutSpace(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Copies up to `max_chars` code points of `text` from `begin`, re-encoding
// invalid bytes as U+FFFD and whitespace runs as one space, and records for
// each copied original offset the snippet offset it landed at.
Snippet CutText(std::string_view text, size_t begin, size_t max_chars,
                const std::vector<OriginalSpan>& spans, size_t* end = nullptr) {
  Snippet snippet;
  std::vector<std::pair<size_t, size_t>> landed;  // original -> snippet
  size_t chars = 0;
  size_t pos = begin;
  bool previous_space = false;
  while (pos < text.size() && chars < max_chars) {
    size_t char_begin = pos;
    int32_t i = static_cast<int32_t>(pos);
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i,
            static_cast<int32_t>(text.size()), c);
    pos = static_cast<size_t>(i);
    landed.push_back({char_begin, snippet.text.size()});
    if (c < 0) c = 0xFFFD;
    bool space = IsLayoutSpace(c);
    if (space && previous_space) continue;
    if (space) c = ' ';
    previous_space = space;
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    snippet.text.append(buffer, length);
    ++chars;
  }
  landed.push_back({pos, snippet.text.size()});
  if (end != nullptr) *end = pos;

  auto snippet_offset = [&](size_t original) {
    auto it = std::lower_bound(
        landed.begin(), landed.end(), original,
        [](const auto& entry, size_t value) { return entry.first < value; });
    return it == landed.end() ? snippet.text.size() : it->second;
  };
  for (const OriginalSpan& span : spans) {
    if (span.end <= begin || span.begin >= pos) continue;
    size_t from = snippet_offset(std::max(span.begin, begin));
    size_t to = snippet_offset(std::min(span.end, pos));
    if (to > from) snippet.highlights.push_back({from, to});
  }
  return snippet;
}

// The page text with its running headers and footers blanked out byte by
// byte, so offsets stay those of Page::text and the whitespace collapses in
// the snippet.
std::string TextWithoutFurniture(const Page& page) {
  std::string text = page.text;
  for (const TextRange& range : page.furniture) {
    if (range.begin > range.end || range.end > text.size()) continue;
    std::fill(text.begin() + range.begin, text.begin() + range.end, ' ');
  }
  return text;
}

struct PageChoice {
  const Page* page = nullptr;
  std::string text;  // page text without headers and footers
  size_t base = 0;   // offset in `text` of the normalised piece
  NormalizedText normalized;
  std::vector<Match> matches;
  Passage passage;
};

// Normalisation costs tens of instructions a byte, and a hit in a long
// single-page document usually matches near the start, so long pages are
// normalised a piece at a time, cut after a line break.
constexpr size_t kPieceBytes = 4 * 1024;

// End of the piece of `text` that starts at `begin`.
size_t PieceEnd(std::string_view text, size_t begin) {
  if (text.size() - begin <= 2 * kPieceBytes) return text.size();
  size_t newline = text.find('\n', begin + kPieceBytes);
  if (newline != std::string_view::npos && newline < begin + 2 * kPieceBytes)
    return newline + 1;
  size_t end = begin + kPieceBytes;
  while (end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    --end;
  return end;
}

bool HasSubstringPattern(const std::vector<MatchPattern>& patterns) {
  return std::any_of(patterns.begin(), patterns.end(), [](const auto& p) {
    return p.kind == MatchPattern::Kind::kSubstring;
  });
}

// True when some piece of `text` ends elsewhere than after a line break.
bool CutsMidLine(std::string_view text) {
  for (size_t begin = 0; begin < text.size();) {
    size_t end = PieceEnd(text, begin);
    if (end < text.size() && text[end - 1] != '\n') return true;
    begin = end;
  }
  return false;
}

// With `cut`, for a document whose last page is cut short, returns
// nothing once the choice could depend on text past the cut, that is when
// no piece before the last two pieces' bytes of that page has every
// pattern. Only those last pieces end where they would in the whole page.
std::optional<PageChoice> ChoosePageWith(
    const Document& doc, const std::vector<MatchPattern>& patterns,
    size_t window_bytes, const NormalizeOptions& options, bool cut) {
  PageChoice best;
  for (const Page& page : doc.pages) {
    if (!page.reliable) continue;
    std::string text = TextWithoutFurniture(page);
    if (best.page == nullptr) best = {&page, text, 0, {}, {}, {}};
    if (patterns.empty()) break;
    bool cut_page = cut && &page == &doc.pages.back();
    // Pieces first; the whole page only when no piece matched and a match
    // could span a cut: a phrase or Han run (normalisation joins Han across
    // line breaks), or a word where a long line had to be cut mid-line.
    bool cut = PieceEnd(text, 0) < text.size();
    bool may_span = cut && (HasSubstringPattern(patterns) || CutsMidLine(text));
    bool matched = false;
    for (int attempt = 0; attempt < (may_span ? 2 : 1) && !matched; ++attempt) {
      bool whole = attempt == 1 || !cut;
      for (size_t begin = 0; begin < text.size();) {
        if (cut_page && (whole || text.size() - begin <= 2 * kPieceBytes)) {
          return std::nullopt;
        }
        size_t end = whole ? text.size() : PieceEnd(text, begin);
        NormalizedText normalized = Normalize(
            std::string_view(text).substr(begin, end - begin), options);
        std::vector<Match> matches = FindMatches(normalized.text, patterns);
        size_t piece_begin = begin;
        begin = end;
        if (matches.empty()) continue;
        matched = true;
        Passage passage = BestPassage(matches, window_bytes);
        if (passage.distinct <= best.passage.distinct) continue;
        best = {&page,
                text,
                piece_begin,
                std::move(normalized),
                std::move(matches),
                passage};
        if (passage.distinct == patterns.size()) return best;
      }
    }
  }
  // With a cut, the pages left out could have every pattern or be the
  // first reliable page.
  if (cut && !patterns.empty()) return std::nullopt;
  if (cut && best.page == nullptr) return std::nullopt;
  return best;
}

// Looks for the patterns as written first, without Traditional-to-
// Simplified folding, which needs OpenCC's dictionaries: loading them
// costs a search more than the rest of its work. Folding is applied only
// when that finds fewer patterns than there are.
// With `cut`, for a document whose text is cut short (StoredHit), returns
// nothing unless the literal search found every pattern, since the text
// past the cut could then change the choice.
std::optional<PageChoice> ChoosePage(const Document& doc,
                                     const std::vector<MatchPattern>& patterns,
                                     size_t window_bytes, bool cut) {
  NormalizeOptions literal;
  literal.fold_traditional = false;
  std::optional<PageChoice> found =
      ChoosePageWith(doc, patterns, window_bytes, literal, cut);
  if (!found) return std::nullopt;
  PageChoice& best = *found;
  if (patterns.empty() || best.passage.distinct == patterns.size()) {
    return std::move(best);
  }
  // Folding turns Traditional characters into Simplified ones, none of
  // them ASCII, so it cannot make a pattern of ASCII text match.
  bool ascii = std::all_of(patterns.begin(), patterns.end(), [](const auto& p) {
    return std::all_of(p.text.begin(), p.text.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x80;
    });
  });
  if (ascii) return best;
  PageChoice folded = *ChoosePageWith(doc, patterns, window_bytes, {}, false);
  return folded.passage.distinct > best.passage.distinct ? std::move(folded)
                                                         : std::move(best);
}

// Implements MakeSnippet, and with `cut` MakeSnippetFromStart.
std::optional<Snippet> SnippetOf(const Document& doc,
                                 const std::vector<MatchPattern>& patterns,
                                 size_t snippet_chars, bool cut) {
  // Han text takes three bytes a character in UTF-8.
  std::optional<PageChoice> chosen =
      ChoosePage(doc, patterns, snippet_chars * 3, cut);
  if (!chosen) return std::nullopt;
  PageChoice& choice = *chosen;
  if (choice.page == nullptr || snippet_chars == 0) return Snippet{};
  const std::string& text = choice.text;
  bool on_cut_page = cut && choice.page == &doc.pages.back();

  std::vector<OriginalSpan> spans;
  for (const Match& match : choice.matches) {
    OriginalSpan span =
        MapToOriginal(choice.normalized, match.begin, match.end);
    span = {span.begin + choice.base, span.end + choice.base};
    // A line break that normalisation removed after the match maps into
    // the match's span; it is not part of the match.
    while (span.end > span.begin &&
           IsLayoutSpace(static_cast<unsigned char>(text[span.end - 1]))) {
      --span.end;
    }
    spans.push_back(span);
  }

  // Start about a third of the free space before the first match.
  // Without a match, start after a blanked running header.
  size_t begin = 0;
  if (!choice.page->furniture.empty()) {
    begin = std::min(text.find_first_not_of(" \t\n\r\f\v"), text.size());
  }
  if (!spans.empty()) {
    const OriginalSpan& first = spans[choice.passage.first];
    size_t match_chars = CountChars(text, first.begin, first.end);
    size_t lead =
        snippet_chars > match_chars ? (snippet_chars - match_chars) / 3 : 0;
    begin = BackChars(text, first.begin, lead);
    // Start after a Latin word or number that the cut would split.
    while (begin < first.begin && begin > 0 && IsAsciiAlnum(text[begin]) &&
           IsAsciiAlnum(text[begin - 1])) {
      ++begin;
    }
    while (begin < first.begin && text[begin] == ' ') ++begin;
  }
  size_t end = 0;
  Snippet snippet = CutText(text, begin, snippet_chars, spans, &end);
  // A snippet that reached the cut could go on past it.
  if (on_cut_page && end >= text.size()) return std::nullopt;
  if (doc.paged) snippet.page = choice.page->number;
  return snippet;
}

// Implements FirstLine, and with `cut` FirstLineFromStart.
std::optional<std::string> FirstLineOf(const Document& doc, size_t max_chars,
                                       bool cut) {
  for (const Page& page : doc.pages) {
    if (!page.reliable) continue;
    std::string_view text = page.text;
    bool on_cut_page = cut && &page == &doc.pages.back();
    size_t begin = 0;
    while (begin < text.size()) {
      size_t end = std::min(text.find('\n', begin), text.size());
      // A line that runs into the cut could go on past it.
      if (on_cut_page && end == text.size()) return std::nullopt;
      bool furniture = std::any_of(page.furniture.begin(), page.furniture.end(),
                                   [&](const TextRange& r) {
                                     return r.begin <= begin && begin < r.end;
                                   });
      std::string_view line = text.substr(begin, end - begin);
      begin = end + 1;
      size_t first = line.find_first_not_of(" \t\r\f\v");
      if (furniture || first == std::string_view::npos) continue;

      std::string heading = CutText(line, first, max_chars + 1, {}).text;
      heading.erase(heading.find_last_not_of(' ') + 1);
      // One character more than allowed means that the line goes on.
      if (CountChars(heading, 0, heading.size()) > max_chars) {
        heading.erase(BackChars(heading, heading.size(), 1));
        heading += "…";
      }
      return heading;
    }
  }
  if (cut) return std::nullopt;
  return "";
}

}  // namespace

Snippet MakeSnippet(const Document& doc,
                    const std::vector<MatchPattern>& patterns,
                    size_t snippet_chars) {
  return *SnippetOf(doc, patterns, snippet_chars, /*cut=*/false);
}

std::optional<Snippet> MakeSnippetFromStart(
    const Document& doc, const std::vector<MatchPattern>& patterns,
    size_t snippet_chars) {
  return SnippetOf(doc, patterns, snippet_chars, /*cut=*/true);
}

std::string FirstLine(const Document& doc, size_t max_chars) {
  return *FirstLineOf(doc, max_chars, /*cut=*/false);
}

std::optional<std::string> FirstLineFromStart(const Document& doc,
                                              size_t max_chars) {
  return FirstLineOf(doc, max_chars, /*cut=*/true);
}

}  // namespace bidscope
