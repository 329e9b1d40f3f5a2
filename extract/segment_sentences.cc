// Sentence cuts: ICU's sentence BreakIterator (locale zh_CN) proposes
// boundaries, and rules for procurement text correct them. ICU alone cuts
// after abbreviations before a digit ("No. 3", "Dec. 31") and inside
// brackets ("（包1：电脑。包2：打印机。）"), which translators must not see.
#include "extract/segment_sentences.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

#include "extract/segment_chars.h"

namespace bidscope::segment_internal {
namespace {

// [open, close_end) of an outermost matched bracket or quote pair.
using Span = std::pair<size_t, size_t>;

char32_t MatchingOpener(char32_t c) {
  switch (c) {
    case U'\uFF09':
      return U'\uFF08';  // （）
    case U')':
      return U'(';
    case U'\u300B':
      return U'\u300A';  // 《》
    case U'\u201D':
      return U'\u201C';  // “”
    case U'\u300D':
      return U'\u300C';  // 「」
    case U'\u300F':
      return U'\u300E';  // 『』
    case U'\u3011':
      return U'\u3010';  // 【】
    case U'\u3015':
      return U'\u3014';  // 〔〕
    case U'\uFF3D':
      return U'\uFF3B';  // ［］
    default:
      return 0;
  }
}

bool IsOpener(char32_t c) {
  switch (c) {
    case U'\uFF08':
    case U'(':
    case U'\u300A':
    case U'\u201C':
    case U'\u300C':
    case U'\u300E':
    case U'\u3010':
    case U'\u3014':
    case U'\uFF3B':
      return true;
    default:
      return false;
  }
}

// Pairs brackets with a stack and returns the outermost pairs in order. A
// closer whose opener is not open is ignored, and openers never closed
// are dropped, so one stray bracket cannot suppress every cut after it.
std::vector<Span> OutermostBracketSpans(std::string_view para) {
  std::vector<std::pair<char32_t, size_t>> open;
  std::vector<Span> spans;
  for (size_t i = 0, next; i < para.size(); i = next) {
    char32_t c = DecodeAt(para, i, &next);
    if (IsOpener(c)) {
      open.emplace_back(c, i);
      continue;
    }
    char32_t opener = MatchingOpener(c);
    if (opener == 0) continue;
    auto match = std::find_if(open.rbegin(), open.rend(),
                              [&](const auto& o) { return o.first == opener; });
    if (match == open.rend()) continue;
    spans.emplace_back(match->second, next);
    open.erase(std::prev(match.base()), open.end());
  }

  // Keep the pairs no other pair contains.
  std::sort(spans.begin(), spans.end());
  std::vector<Span> outermost;
  for (const Span& span : spans) {
    if (!outermost.empty() && span.second <= outermost.back().second) {
      continue;
    }
    outermost.push_back(span);
  }
  return outermost;
}

bool InsideSpan(const std::vector<Span>& spans, size_t pos) {
  auto after = std::upper_bound(
      spans.begin(), spans.end(), pos,
      [](size_t p, const Span& span) { return p <= span.first; });
  if (after == spans.begin()) return false;
  return pos < std::prev(after)->second;
}

// Boundaries from ICU, relative to the paragraph, without 0 and the end.
std::vector<size_t> IcuBoundaries(std::string_view para) {
  thread_local std::unique_ptr<icu::BreakIterator> iterator;
  UErrorCode status = U_ZERO_ERROR;
  if (!iterator) {
    iterator.reset(icu::BreakIterator::createSentenceInstance(
        icu::Locale("zh_CN"), status));
    if (U_FAILURE(status)) iterator.reset();
  }
  std::vector<size_t> boundaries;
  if (!iterator) return boundaries;  // the rules below still add cuts

  UText* utext = utext_openUTF8(nullptr, para.data(),
                                static_cast<int64_t>(para.size()), &status);
  if (U_FAILURE(status)) return boundaries;
  iterator->setText(utext, status);
  if (U_SUCCESS(status)) {
    for (int32_t b = iterator->next(); b != icu::BreakIterator::DONE;
         b = iterator->next()) {
      if (b > 0 && static_cast<size_t>(b) < para.size()) {
        boundaries.push_back(static_cast<size_t>(b));
      }
    }
  }
  utext_close(utext);
  return boundaries;
}

// The word before the full stop at `stop`, with the stop: "No.", "i.e.".
std::string_view WordBefore(std::string_view para, size_t stop) {
  size_t begin = stop;
  while (begin > 0) {
    size_t start;
    char32_t c = DecodeBefore(para, begin, &start);
    if (IsSpace(c) || IsOpener(c) || IsCjk(c)) break;
    begin = start;
  }
  return para.substr(begin, stop + 1 - begin);
}

bool IsSingleLetterInitial(std::string_view word) {
  return word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z';
}

// A number and full stop that open a list item, such as "1." at the start
// of the paragraph, after a colon or after a CJK sentence end. After an
// English full stop the number more likely ends a sentence ("Jan. 5.").
bool IsListNumber(std::string_view para, size_t word_begin,
                  std::string_view word) {
  if (word.size() < 2) return false;
  if (word.substr(0, word.size() - 1).find_first_not_of("0123456789") !=
      std::string_view::npos) {
    return false;
  }
  size_t pos = word_begin;
  size_t start;
  while (pos > 0 && IsSpace(DecodeBefore(para, pos, &start))) pos = start;
  if (pos == 0) return true;
  char32_t before = DecodeBefore(para, pos, &start);
  return before == U'：' || before == U':' || before == U'；' ||
         before == U';' || (IsTerminator(before) && !IsLatinTerminator(before));
}

// Whether a Latin terminator at `stop`, whose cluster ends at `cut`, ends
// a sentence. It must be followed by a space and an upper-case letter, by
// CJK text, or by the end of the paragraph. A full stop must also not
// close an abbreviation, an initial or a list number.
bool LatinStopEndsSentence(std::string_view para, size_t stop, size_t cut) {
  if (para[stop] == '.') {
    std::string_view word = WordBefore(para, stop);
    if (IsAbbreviation(word) || IsSingleLetterInitial(word)) return false;
    if (IsListNumber(para, stop - (word.size() - 1), word)) return false;
  }
  size_t pos = cut;
  size_t next = cut;
  char32_t c = 0;
  while (pos < para.size()) {
    c = DecodeAt(para, pos, &next);
    if (!IsSpace(c)) break;
    pos = next;
  }
  if (pos >= para.size()) return true;
  const bool had_space = pos > cut;
  const UChar32 uc = static_cast<UChar32>(c);
  if (u_isdigit(uc) || u_islower(uc)) return false;  // 3.5, １２．５, www.x
  if (IsCjk(c)) return true;
  if (IsOpener(c) && next < para.size()) {
    size_t after;
    char32_t inner = DecodeAt(para, next, &after);
    return had_space &&
           (u_isupper(static_cast<UChar32>(inner)) || IsCjk(inner));
  }
  return had_space && (u_isupper(uc) || u_istitle(uc));
}

// Moves a proposed boundary to just after the terminator cluster it
// follows, with its closing quotes and brackets, or rejects it.
std::optional<size_t> CorrectBoundary(std::string_view para, size_t pos,
                                      const std::vector<Span>& spans) {
  // Step back over spaces and closers to the terminator.
  size_t t = pos;
  size_t start;
  while (t > 0 && IsSpace(DecodeBefore(para, t, &start))) t = start;
  while (t > 0 && IsCloser(DecodeBefore(para, t, &start))) t = start;
  if (t == 0 || !IsTerminator(DecodeBefore(para, t, &start))) {
    return std::nullopt;
  }
  size_t stop = start;

  // Step forward over the whole cluster, such as "。”" or "?!".
  size_t cut = stop;
  while (cut < para.size()) {
    size_t next;
    char32_t c = DecodeAt(para, cut, &next);
    if (!IsTerminator(c) && !IsCloser(c)) break;
    cut = next;
  }
  if (cut >= para.size() || InsideSpan(spans, cut)) return std::nullopt;

  // Find the last terminator of the cluster: it decides.
  size_t last = stop;
  for (size_t i = stop, next; i < cut; i = next) {
    if (IsTerminator(DecodeAt(para, i, &next))) last = i;
  }
  size_t last_next;
  char32_t last_char = DecodeAt(para, last, &last_next);
  if (IsLatinTerminator(last_char) && !LatinStopEndsSentence(para, last, cut)) {
    return std::nullopt;
  }
  return cut;
}

}  // namespace

std::vector<size_t> SentenceCuts(std::string_view text, size_t begin,
                                 size_t end) {
  std::string_view para = text.substr(begin, end - begin);

  // Candidates: ICU's boundaries and the position after every terminator.
  std::vector<size_t> candidates = IcuBoundaries(para);
  for (size_t i = 0, next; i < para.size(); i = next) {
    if (IsTerminator(DecodeAt(para, i, &next))) candidates.push_back(next);
  }

  // Keep the candidates the rules accept, moved onto the cluster end.
  const std::vector<Span> spans = OutermostBracketSpans(para);
  std::vector<size_t> cuts;
  for (size_t candidate : candidates) {
    std::optional<size_t> cut = CorrectBoundary(para, candidate, spans);
    if (cut && *cut > 0) cuts.push_back(begin + *cut);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

}  // namespace bidscope::segment_internal
