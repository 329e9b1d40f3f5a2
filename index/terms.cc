#include "index/terms.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include "extract/normalize.h"

namespace bidscope {
namespace {

enum class CharClass { kHan, kWord, kJoiner, kSpace, kPunctuation };

char32_t DecodeAt(std::string_view text, size_t* pos) {
  int32_t i = static_cast<int32_t>(*pos);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i,
          static_cast<int32_t>(text.size()), c);
  *pos = static_cast<size_t>(i);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

CharClass Classify(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9')) {
      return CharClass::kWord;
    }
    if (c == '-' || c == '_' || c == '.' || c == '/') return CharClass::kJoiner;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      return CharClass::kSpace;
    }
    return CharClass::kPunctuation;
  }
  if (IsHan(c)) return CharClass::kHan;
  UChar32 u = static_cast<UChar32>(c);
  if (u_isalnum(u)) return CharClass::kWord;
  int8_t type = u_charType(u);
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
      type == U_ENCLOSING_MARK) {
    return CharClass::kWord;
  }
  if (u_isUWhiteSpace(u)) return CharClass::kSpace;
  return CharClass::kPunctuation;
}

// Class of the code point at `pos`, without advancing.
CharClass PeekClass(std::string_view text, size_t pos) {
  if (pos >= text.size()) return CharClass::kSpace;
  return Classify(DecodeAt(text, &pos));
}

// Scans a word or code starting at `pos`. A joiner belongs to the code only
// between two word characters.
Token ScanWord(std::string_view text, size_t pos) {
  Token token;
  token.kind = TokenKind::kWord;
  token.begin = pos;
  size_t part_begin = pos;
  while (pos < text.size()) {
    size_t next = pos;
    CharClass cls = Classify(DecodeAt(text, &next));
    if (cls == CharClass::kWord) {
      pos = next;
      continue;
    }
    if (cls != CharClass::kJoiner || PeekClass(text, next) != CharClass::kWord)
      break;
    token.parts.push_back(text.substr(part_begin, pos - part_begin));
    pos = next;
    part_begin = next;
  }
  token.parts.push_back(text.substr(part_begin, pos - part_begin));
  token.end = pos;
  token.text = text.substr(token.begin, token.end - token.begin);
  return token;
}

Token ScanHan(std::string_view text, size_t pos) {
  Token token;
  token.kind = TokenKind::kHan;
  token.begin = pos;
  while (pos < text.size()) {
    size_t next = pos;
    if (Classify(DecodeAt(text, &next)) != CharClass::kHan) break;
    pos = next;
  }
  token.end = pos;
  token.text = text.substr(token.begin, token.end - token.begin);
  return token;
}

const Xapian::Stem& EnglishStemmer() {
  // Xapian::Stem objects are not safe to share between threads.
  thread_local const Xapian::Stem stemmer("english");
  return stemmer;
}

bool IsAlphabetic(std::string_view word) {
  size_t pos = 0;
  while (pos < word.size()) {
    if (!u_isalpha(static_cast<UChar32>(DecodeAt(word, &pos)))) return false;
  }
  return !word.empty();
}

class PostingBuilder {
 public:
  PostingBuilder(std::string_view prefix, uint32_t first_position)
      : prefix_(prefix), position_(first_position) {}

  void AddHan(const Token& token) {
    std::vector<std::string_view> chars = SplitCharacters(token.text);
    for (size_t i = 0; i + 1 < chars.size(); ++i) {
      std::string_view bigram(chars[i].data(),
                              chars[i].size() + chars[i + 1].size());
      Add(bigram, 0);
    }
    for (std::string_view c : chars) Add(c, position_++);
  }

  void AddWord(const Token& token) {
    // The whole code has no positions, because most codes occur once or
    // twice in a document and their position entries took 10% of the
    // position table on the benchmark corpus. A phrase places the code by
    // its parts.
    if (token.parts.size() > 1) Add(token.text, 0);
    for (std::string_view part : token.parts) {
      std::string stem = StemTerm(part, prefix_);
      if (!stem.empty() && stem.size() <= kMaxTermBytes) {
        result_.postings.push_back({std::move(stem), 0});
      }
      Add(part, position_++);
    }
  }

  void SkipPosition() { ++position_; }

  GeneratedTerms Finish() {
    result_.next_position = position_;
    return std::move(result_);
  }

 private:
  void Add(std::string_view text, uint32_t position) {
    if (prefix_.size() + text.size() > kMaxTermBytes) return;
    std::string term(prefix_);
    term.append(text);
    result_.postings.push_back({std::move(term), position});
  }

  std::string_view prefix_;
  uint32_t position_;
  GeneratedTerms result_;
};

}  // namespace

std::vector<Token> Tokenize(std::string_view normalized) {
  std::vector<Token> tokens;
  bool punctuation = false;
  size_t pos = 0;
  while (pos < normalized.size()) {
    size_t next = pos;
    CharClass cls = Classify(DecodeAt(normalized, &next));
    if (cls == CharClass::kSpace) {
      pos = next;
      continue;
    }
    if (cls == CharClass::kPunctuation || cls == CharClass::kJoiner) {
      punctuation = true;
      pos = next;
      continue;
    }
    Token token = cls == CharClass::kHan ? ScanHan(normalized, pos)
                                         : ScanWord(normalized, pos);
    token.after_punctuation = punctuation && !tokens.empty();
    punctuation = false;
    pos = token.end;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

std::vector<std::string_view> SplitCharacters(std::string_view run) {
  std::vector<std::string_view> chars;
  size_t pos = 0;
  while (pos < run.size()) {
    size_t begin = pos;
    DecodeAt(run, &pos);
    chars.push_back(run.substr(begin, pos - begin));
  }
  return chars;
}

GeneratedTerms GenerateTerms(std::string_view normalized,
                             std::string_view prefix, uint32_t first_position) {
  PostingBuilder builder(prefix, first_position < 1 ? 1 : first_position);
  for (const Token& token : Tokenize(normalized)) {
    if (token.after_punctuation) builder.SkipPosition();
    if (token.kind == TokenKind::kHan) {
      builder.AddHan(token);
    } else {
      builder.AddWord(token);
    }
  }
  return builder.Finish();
}

std::string StemTerm(std::string_view word, std::string_view prefix) {
  if (!IsAlphabetic(word)) return "";
  std::string stem = EnglishStemmer()(std::string(word));
  if (stem.empty()) return "";
  std::string term(kStemPrefix);
  term.append(prefix);
  term.append(stem);
  return term;
}

}  // namespace bidscope
