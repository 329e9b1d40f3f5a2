#include "index/query_parser.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>

#include "extract/normalize.h"
#include "extract/notice_type.h"
#include "index/fields_terms.h"
#include "index/index.h"
#include "index/terms.h"

namespace bidscope {
namespace {

// Field prefixes of the query language. Free-text fields use the whole
// term scheme under their prefix; boolean fields match one exact term
// (prefix + value) and filter without weighting. The procurement field
// prefixes are those of index/fields_terms.h.
struct FieldPrefix {
  std::string_view name;
  std::string_view term_prefix;
  bool boolean;
  bool lower_case_value;  // boolean values compared in lower case
};
constexpr FieldPrefix kFieldPrefixes[] = {
    {"title", kTitlePrefix, false, false},
    {"type", kFormatPrefix, true, true},
    {"format", kFormatPrefix, true, true},
    {"status", kStatusPrefix, true, true},
    {"id", kIdPrefix, true, true},
    {"parent", kParentPrefix, true, true},
    {"path", kPathPrefix, true, false},
    {"notice", kNoticeTypePrefix, true, true},
    {"method", kMethodPrefix, true, true},
    {"region", kRegionPrefix, true, false},
    {"project", kProjectPrefix, true, true},
    {"buyer", kBuyerPrefix, false, false},
    {"agency", kAgencyPrefix, false, false},
    {"supplier", kSupplierPrefix, false, false},
};

// Maximum number of terms a trailing * expands to. The most frequent are
// kept.
constexpr Xapian::termcount kMaxWildcardExpansion = 1000;

// Deepest nesting of parentheses a query may have. The parser recurses once
// per level, so without a bound a long run of '(' would exhaust the stack.
constexpr int kMaxGroupDepth = 32;

const FieldPrefix* FindField(std::string_view name) {
  for (const FieldPrefix& field : kFieldPrefixes) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

enum class LexKind { kTerm, kPhrase, kOpen, kClose, kAnd, kOr, kNot, kEnd };

struct Lexeme {
  LexKind kind = LexKind::kEnd;
  std::string text;                    // term or phrase text, raw
  const FieldPrefix* field = nullptr;  // from a name: prefix
  bool negated = false;                // leading -
  bool wildcard = false;               // trailing *
  size_t position = 0;                 // character index in the query
};

bool IsQuote(UChar32 c) { return c == '"' || c == 0x201C || c == 0x201D; }
bool IsOpen(UChar32 c) { return c == '(' || c == 0xFF08; }
bool IsClose(UChar32 c) { return c == ')' || c == 0xFF09; }

// Splits the raw query into lexemes. Positions in messages count
// characters from 1.
class Lexer {
 public:
  explicit Lexer(std::string_view query) : query_(query) {}

  std::vector<Lexeme> Run() {
    std::vector<Lexeme> out;
    while (true) {
      SkipSpaces();
      if (pos_ >= query_.size()) break;
      out.push_back(Next());
    }
    Lexeme end;
    end.position = chars_ + 1;
    out.push_back(end);
    return out;
  }

 private:
  UChar32 Peek() const {
    if (pos_ >= query_.size()) return -1;
    int32_t i = static_cast<int32_t>(pos_);
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(query_.data()), i,
            static_cast<int32_t>(query_.size()), c);
    return c < 0 ? 0xFFFD : c;
  }

  void Advance() {
    int32_t i = static_cast<int32_t>(pos_);
    U8_FWD_1(reinterpret_cast<const uint8_t*>(query_.data()), i,
             static_cast<int32_t>(query_.size()));
    pos_ = static_cast<size_t>(i);
    ++chars_;
  }

  void SkipSpaces() {
    while (pos_ < query_.size() && u_isUWhiteSpace(Peek())) Advance();
  }

  bool AtTermEnd() const {
    UChar32 c = Peek();
    return c < 0 || u_isUWhiteSpace(c) || IsQuote(c) || IsOpen(c) || IsClose(c);
  }

  Lexeme Next() {
    Lexeme lexeme;
    lexeme.kind = LexKind::kTerm;
    lexeme.position = chars_ + 1;
    UChar32 c = Peek();
    if (IsOpen(c) || IsClose(c)) {
      Advance();
      lexeme.kind = IsOpen(c) ? LexKind::kOpen : LexKind::kClose;
      return lexeme;
    }
    if (c == '-') {
      Advance();
      if (AtTermEnd() && !IsQuote(Peek()) && !IsOpen(Peek())) {
        lexeme.text = "-";  // a lone minus is punctuation
        return lexeme;
      }
      lexeme.negated = true;
      c = Peek();
    }
    if (!IsQuote(c)) ReadTerm(&lexeme);
    if (lexeme.kind == LexKind::kTerm && lexeme.text.empty() && IsQuote(Peek()))
      ReadPhrase(&lexeme);
    if (lexeme.kind == LexKind::kTerm && lexeme.text.empty() && IsOpen(Peek()))
      lexeme.kind = LexKind::kOpen;  // field: or -( before a group
    if (lexeme.kind == LexKind::kOpen) Advance();
    return lexeme;
  }

  // Reads a bare term, splitting off a known field name and a trailing *.
  void ReadTerm(Lexeme* lexeme) {
    size_t begin = pos_;
    while (!AtTermEnd()) {
      Advance();
      if (lexeme->field == nullptr && query_[pos_ - 1] == ':') {
        std::string_view name = query_.substr(begin, pos_ - 1 - begin);
        if (const FieldPrefix* field = FindField(name)) {
          lexeme->field = field;
          begin = pos_;
        }
      }
    }
    lexeme->text = std::string(query_.substr(begin, pos_ - begin));
    if (lexeme->field == nullptr && !lexeme->negated) {
      if (lexeme->text == "AND") lexeme->kind = LexKind::kAnd;
      if (lexeme->text == "OR") lexeme->kind = LexKind::kOr;
      if (lexeme->text == "NOT") lexeme->kind = LexKind::kNot;
    }
    if (lexeme->text.size() > 1 && lexeme->text.back() == '*') {
      lexeme->text.pop_back();
      lexeme->wildcard = true;
    }
  }

  void ReadPhrase(Lexeme* lexeme) {
    size_t start_char = chars_ + 1;
    Advance();  // opening quote
    size_t begin = pos_;
    while (pos_ < query_.size() && !IsQuote(Peek())) Advance();
    if (pos_ >= query_.size()) {
      throw QueryError("unbalanced quote: the phrase opened at character " +
                       std::to_string(start_char) + " has no closing quote");
    }
    lexeme->text = std::string(query_.substr(begin, pos_ - begin));
    lexeme->kind = LexKind::kPhrase;
    Advance();  // closing quote
  }

  std::string_view query_;
  size_t pos_ = 0;
  size_t chars_ = 0;
};

// A term of the query with its position relative to the first.
struct PositionedTerm {
  Xapian::Query query;
  Xapian::termpos position;
  bool wildcard = false;  // an OP_WILDCARD, which OP_PHRASE cannot contain
};

// Builds the positional terms of normalised text, as GenerateTerms would
// place them in a document. `required` receives the terms that the phrase
// implies and that have no positions: the bigrams of its Han runs and its
// whole codes.
std::vector<PositionedTerm> PositionTerms(
    const std::vector<Token>& tokens, const std::string& prefix, bool wildcard,
    std::vector<Xapian::Query>* required) {
  std::vector<PositionedTerm> terms;
  Xapian::termpos pos = 0;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const Token& token = tokens[t];
    if (token.after_punctuation) ++pos;
    if (token.kind == TokenKind::kHan) {
      std::vector<std::string_view> chars = SplitCharacters(token.text);
      for (size_t i = 0; i < chars.size(); ++i) {
        terms.push_back({Xapian::Query(prefix + std::string(chars[i])), pos++});
        if (i + 1 < chars.size()) {
          required->emplace_back(prefix + std::string(chars[i]) +
                                 std::string(chars[i + 1]));
        }
      }
      continue;
    }
    std::string term = prefix + std::string(token.text);
    bool last = t + 1 == tokens.size();
    if (last && wildcard) {
      terms.push_back(
          {Xapian::Query(Xapian::Query::OP_WILDCARD, term,
                         kMaxWildcardExpansion,
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT),
           pos, true});
    } else if (token.parts.size() > 1) {
      required->emplace_back(term);
      for (size_t i = 0; i < token.parts.size(); ++i) {
        terms.push_back({Xapian::Query(prefix + std::string(token.parts[i])),
                         pos + static_cast<Xapian::termpos>(i)});
      }
    } else {
      terms.push_back({Xapian::Query(term), pos});
    }
    pos += static_cast<Xapian::termpos>(token.parts.size());
  }
  return terms;
}

// An OP_PHRASE over `terms`, or the term itself when there is one.
//
// Xapian 1.4.22 rejects an OP_WILDCARD inside OP_PHRASE
// (UnimplementedError), so a trailing wildcard is required next to the
// phrase of the other terms instead.
// NOTE: the wildcard's adjacency to the phrase is then not checked.
Xapian::Query PhraseOf(std::vector<PositionedTerm> terms) {
  if (terms.size() > 1 && terms.back().wildcard) {
    Xapian::Query last = terms.back().query;
    terms.pop_back();
    return Xapian::Query(Xapian::Query::OP_AND, PhraseOf(std::move(terms)),
                         last);
  }
  if (terms.size() == 1) return terms[0].query;
  std::vector<Xapian::Query> parts;
  for (const PositionedTerm& term : terms) parts.push_back(term.query);
  Xapian::termcount window = terms.back().position - terms.front().position + 1;
  return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(),
                       window);
}

// Query for one term or phrase of free text under `prefix`.
std::optional<Xapian::Query> TextQuery(const std::string& raw,
                                       const std::string& prefix, bool quoted,
                                       bool wildcard,
                                       std::vector<MatchPattern>* patterns) {
  std::string normalized = NormalizeText(raw);
  std::vector<Token> tokens = Tokenize(normalized);
  if (tokens.empty()) return std::nullopt;
  bool han_last = tokens.back().kind == TokenKind::kHan;
  if (han_last) wildcard = false;  // a Han string already matches as prefix

  // An unquoted alphabetic word alone matches by stem.
  if (tokens.size() == 1 && tokens[0].kind == TokenKind::kWord &&
      tokens[0].parts.size() == 1 && !quoted && !wildcard) {
    std::string stem = StemTerm(tokens[0].text, prefix);
    if (!stem.empty()) {
      if (patterns) patterns->push_back({MatchPattern::Kind::kStem, stem});
      return Xapian::Query(stem);
    }
  }

  if (patterns) {
    std::string text(normalized.substr(
        tokens.front().begin, tokens.back().end - tokens.front().begin));
    patterns->push_back({wildcard ? MatchPattern::Kind::kWordPrefix
                                  : MatchPattern::Kind::kSubstring,
                         text});
  }
  // Two Han characters alone are one bigram term, and a word or code alone
  // is its own term.
  if (tokens.size() == 1 && tokens[0].kind == TokenKind::kHan &&
      SplitCharacters(tokens[0].text).size() == 2) {
    return Xapian::Query(prefix + std::string(tokens[0].text));
  }
  if (tokens.size() == 1 && tokens[0].kind == TokenKind::kWord && !wildcard) {
    return Xapian::Query(prefix + std::string(tokens[0].text));
  }
  std::vector<Xapian::Query> required;
  std::vector<PositionedTerm> terms =
      PositionTerms(tokens, prefix, wildcard, &required);
  if (required.empty()) return PhraseOf(std::move(terms));
  // The terms without positions are required next to the phrase: it
  // implies the bigrams, which are much cheaper to check than the
  // characters' positions. The phrase places a code by its parts, and the
  // code's own term keeps "zb2021 0123" alone from matching "zb2021-0123".
  // NOTE: a document with the code in one place and its parts joined
  // otherwise, in the phrase's place, matches too.
  required.push_back(PhraseOf(std::move(terms)));
  return Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
}

// The values of ClassifyNoticeType (extract/notice_type.h) but "other",
// which type: leaves to formats.
bool IsNoticeTypeName(std::string_view value) {
  return value != "other" &&
         std::find(std::begin(kNoticeTypes), std::end(kNoticeTypes), value) !=
             std::end(kNoticeTypes);
}

Xapian::Query BooleanQuery(const FieldPrefix& field, std::string value) {
  if (field.lower_case_value) value = NormalizeText(value);
  std::string term_prefix(field.term_prefix);
  // type: names a format (type:pdf) or a notice type (type:award); the
  // two sets of values do not overlap.
  if (term_prefix == kFormatPrefix && field.name == "type" &&
      IsNoticeTypeName(value)) {
    return Xapian::Query(kNoticeTypePrefix + value);
  }
  if (term_prefix == kProjectPrefix) {
    return Xapian::Query(term_prefix + NameKey(value));
  }
  if (term_prefix == kRegionPrefix) return RegionFilter(value);
  return Xapian::Query(term_prefix + value);
}

// Recursive descent over the lexemes: or := and (OR and)*,
// and := unary ([AND] unary)*, unary := (NOT | -)? primary,
// primary := ( or ) | term | phrase.
class Parser {
 public:
  explicit Parser(std::vector<Lexeme> lexemes) : lexemes_(std::move(lexemes)) {}

  std::optional<Xapian::Query> Run() {
    std::optional<Xapian::Query> query = ParseOr(true);
    const Lexeme& rest = Peek();
    if (rest.kind == LexKind::kClose) {
      throw QueryError("unbalanced parenthesis: ')' at character " +
                       std::to_string(rest.position) + " has no matching '('");
    }
    return query;
  }

  std::vector<MatchPattern> TakePatterns() { return std::move(patterns_); }

 private:
  const Lexeme& Peek() const { return lexemes_[index_]; }
  const Lexeme& Take() { return lexemes_[index_++]; }

  std::optional<Xapian::Query> ParseOr(bool positive) {
    std::optional<Xapian::Query> left = ParseAnd(positive);
    while (Peek().kind == LexKind::kOr) {
      size_t at = Take().position;
      std::optional<Xapian::Query> right = ParseAnd(positive);
      if (!left || !right) {
        throw QueryError("OR at character " + std::to_string(at) +
                         " needs a term on both sides");
      }
      left = Xapian::Query(Xapian::Query::OP_OR, *left, *right);
    }
    return left;
  }

  bool StartsOperand(LexKind kind) const {
    return kind == LexKind::kTerm || kind == LexKind::kPhrase ||
           kind == LexKind::kOpen || kind == LexKind::kNot;
  }

  std::optional<Xapian::Query> ParseAnd(bool positive) {
    std::vector<Xapian::Query> include;
    std::vector<Xapian::Query> exclude;
    std::vector<Xapian::Query> filters;
    while (true) {
      if (Peek().kind == LexKind::kAnd) {
        size_t at = Take().position;
        if (!StartsOperand(Peek().kind) ||
            (include.empty() && exclude.empty() && filters.empty())) {
          throw QueryError("AND at character " + std::to_string(at) +
                           " needs a term on both sides");
        }
      }
      if (!StartsOperand(Peek().kind)) break;
      bool negated = false;
      if (Peek().kind == LexKind::kNot) {
        size_t at = Take().position;
        if (!StartsOperand(Peek().kind) || Peek().kind == LexKind::kNot) {
          throw QueryError("NOT at character " + std::to_string(at) +
                           " needs a term after it");
        }
        negated = true;
      }
      bool is_filter = false;
      std::optional<Xapian::Query> operand =
          ParseUnary(positive && !negated, &negated, &is_filter);
      if (!operand) continue;
      if (negated) {
        exclude.push_back(*operand);
      } else if (is_filter) {
        filters.push_back(*operand);
      } else {
        include.push_back(*operand);
      }
    }
    return Combine(include, exclude, filters);
  }

  static std::optional<Xapian::Query> Combine(
      const std::vector<Xapian::Query>& include,
      const std::vector<Xapian::Query>& exclude,
      const std::vector<Xapian::Query>& filters) {
    if (include.empty() && exclude.empty() && filters.empty()) {
      return std::nullopt;
    }
    Xapian::Query query = include.empty()
                              ? Xapian::Query::MatchAll
                              : Xapian::Query(Xapian::Query::OP_AND,
                                              include.begin(), include.end());
    if (!filters.empty()) {
      query = Xapian::Query(
          Xapian::Query::OP_FILTER, query,
          Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    }
    if (!exclude.empty()) {
      query = Xapian::Query(
          Xapian::Query::OP_AND_NOT, query,
          Xapian::Query(Xapian::Query::OP_OR, exclude.begin(), exclude.end()));
    }
    return query;
  }

  std::optional<Xapian::Query> ParseUnary(bool positive, bool* negated,
                                          bool* is_filter) {
    const Lexeme& lexeme = Take();
    if (lexeme.negated) *negated = !*negated;
    bool keep_patterns = positive && !lexeme.negated;
    if (lexeme.kind == LexKind::kOpen) return ParseGroup(lexeme, keep_patterns);
    const FieldPrefix* field = lexeme.field ? lexeme.field : group_field_;
    if (field != nullptr && field->boolean) {
      *is_filter = true;
      if (lexeme.text.empty()) return std::nullopt;
      return BooleanQuery(*field, lexeme.text);
    }
    std::string prefix = field ? std::string(field->term_prefix) : "";
    return TextQuery(lexeme.text, prefix, lexeme.kind == LexKind::kPhrase,
                     lexeme.wildcard, keep_patterns ? &patterns_ : nullptr);
  }

  // Parses a parenthesised group; a field prefix before it (title:(a b))
  // applies to every term inside that has none of its own.
  std::optional<Xapian::Query> ParseGroup(const Lexeme& open, bool positive) {
    if (depth_ == kMaxGroupDepth) {
      throw QueryError("parentheses nested too deep: '(' at character " +
                       std::to_string(open.position) + " opens level " +
                       std::to_string(depth_ + 1) + ", at most " +
                       std::to_string(kMaxGroupDepth) + " are allowed");
    }
    const FieldPrefix* outer_field = group_field_;
    if (open.field != nullptr) group_field_ = open.field;
    ++depth_;
    std::optional<Xapian::Query> inner = ParseOr(positive);
    --depth_;
    group_field_ = outer_field;
    if (Peek().kind != LexKind::kClose) {
      throw QueryError("unbalanced parenthesis: '(' at character " +
                       std::to_string(open.position) + " is not closed");
    }
    Take();
    return inner;
  }

  std::vector<Lexeme> lexemes_;
  size_t index_ = 0;
  std::vector<MatchPattern> patterns_;
  const FieldPrefix* group_field_ = nullptr;  // from an enclosing field:(
  int depth_ = 0;                             // groups open around Peek()
};

}  // namespace

ParsedQuery ParseQuery(std::string_view query) {
  Parser parser(Lexer(query).Run());
  std::optional<Xapian::Query> parsed;
  try {
    parsed = parser.Run();
  } catch (const Xapian::Error& e) {
    throw QueryError("the query \"" + std::string(query) +
                     "\" cannot be built: " + e.get_description());
  }
  if (!parsed) {
    throw QueryError("the query is empty or contains only punctuation: \"" +
                     std::string(query) + "\"");
  }
  ParsedQuery result;
  result.serialised = parsed->serialise();
  result.description = parsed->get_description();
  result.patterns = parser.TakePatterns();
  return result;
}

}  // namespace bidscope
