#include "extract/rtf_reader.h"

#include <fmt/format.h>

#include <map>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "extract/charset.h"

namespace bidscope {

namespace {

// Destination of the current group's text.
enum class Dest {
  kBody,
  kSkip,       // a destination without text: pictures, tables, fields
  kFontTable,  // font definitions; their names are not text
  kInfo,
  kTitle,
  kAuthor,
  kSubject,
  kKeywords,
  kCreated,
};

struct GroupState {
  Dest dest = Dest::kBody;
  int codepage = 1252;           // of \'hh bytes and 8-bit text in this group
  int uc = 1;                    // fallback characters after each \uN
  int font = -1;                 // font being defined, inside the font table
  Dest upr_outer = Dest::kBody;  // destination to restore for \ud
  bool starred = false;          // \* seen: an unknown word is skipped
};

// Destinations whose content is never text.
constexpr std::string_view kSkippedDestinations[] = {"colortbl",
                                                     "stylesheet",
                                                     "pict",
                                                     "object",
                                                     "objdata",
                                                     "themedata",
                                                     "colorschememapping",
                                                     "datastore",
                                                     "latentstyles",
                                                     "listtable",
                                                     "listoverridetable",
                                                     "revtbl",
                                                     "rsidtbl",
                                                     "generator",
                                                     "xmlnstbl",
                                                     "mmathPr",
                                                     "fldinst",
                                                     "filetbl",
                                                     "pgdsctbl",
                                                     "private",
                                                     "nonshppict",
                                                     "shpinst",
                                                     "bkmkstart",
                                                     "bkmkend",
                                                     "operator",
                                                     "company",
                                                     "doccomm",
                                                     "userprops",
                                                     "passwordhash",
                                                     "template",
                                                     "xe",
                                                     "tc",
                                                     "wgrffmtfilter",
                                                     "fonttbl_alt",
                                                     "falt",
                                                     "panose",
                                                     "listtext",
                                                     "pntext",
                                                     "pntxta",
                                                     "pntxtb",
                                                     "ftnsep",
                                                     "ftnsepc",
                                                     "aftnsep",
                                                     "aftnsepc"};

// Control words that stand for one character.
const std::unordered_map<std::string_view, std::string_view>& SymbolWords() {
  static const std::unordered_map<std::string_view, std::string_view> kWords = {
      {"par", "\n"},           {"line", "\n"},        {"row", "\n"},
      {"sect", "\n"},          {"page", "\n"},        {"tab", "\t"},
      {"cell", "\t"},          {"emdash", "\u2014"},  {"endash", "\u2013"},
      {"lquote", "\u2018"},    {"rquote", "\u2019"},  {"ldblquote", "\u201C"},
      {"rdblquote", "\u201D"}, {"bullet", "\u2022"},  {"emspace", "\u2003"},
      {"enspace", "\u2002"},   {"qmspace", "\u2005"}, {"nestcell", "\t"},
      {"nestrow", "\n"}};
  return kWords;
}

class RtfReader {
 public:
  RtfReader(std::string_view bytes, size_t max_text_bytes)
      : in_(bytes), max_text_bytes_(max_text_bytes) {}

  RtfContent Read() {
    while (pos_ < in_.size() && !stopped_) Step();
    FlushBytes();
    return std::move(content_);
  }

 private:
  void Step() {
    char c = in_[pos_];
    if (c == '{') {
      ++pos_;
      FlushBytes();
      if (stack_.size() >= kMaxDepth) {
        Warn("groups nested deeper than 1000; inner braces ignored");
        return;
      }
      stack_.push_back(state_);
      state_.starred = false;
      return;
    }
    if (c == '}') {
      ++pos_;
      FlushBytes();
      skip_ = 0;
      if (stack_.empty()) return;  // an unbalanced brace is tolerated
      state_ = stack_.back();
      stack_.pop_back();
      return;
    }
    if (c == '\\') {
      ReadControl();
      return;
    }
    ++pos_;
    if (c == '\r' || c == '\n') return;
    if (ConsumeSkip() || Skipping()) return;
    if (static_cast<unsigned char>(c) >= 0x80) {
      AddByte(c);
    } else {
      FlushBytes();
      Append(std::string(1, c));
    }
  }

  // Parses "\word[-N][ ]" or a control symbol after the backslash.
  void ReadControl() {
    ++pos_;
    if (pos_ >= in_.size()) return;
    char c = in_[pos_];
    if (!IsAlpha(c)) {
      ++pos_;
      ControlSymbol(c);
      return;
    }
    size_t start = pos_;
    while (pos_ < in_.size() && IsAlpha(in_[pos_])) ++pos_;
    std::string_view word = in_.substr(start, pos_ - start);
    bool has_param = false;
    long param = 0;
    size_t digits = pos_;
    if (pos_ < in_.size() && in_[pos_] == '-') ++digits;
    size_t end = digits;
    while (end < in_.size() && IsDigit(in_[end])) ++end;
    if (end > digits) {
      // Parameters are 16- or 32-bit; longer digit runs are damage and are
      // clamped so that they cannot overflow.
      has_param = true;
      param = end - digits > 10
                  ? 0
                  : std::stol(std::string(in_.substr(pos_, end - pos_)));
      pos_ = end;
    }
    if (pos_ < in_.size() && in_[pos_] == ' ') ++pos_;
    ControlWord(word, has_param, param);
  }

  void ControlSymbol(char c) {
    if (c == '\'') {
      if (pos_ + 2 > in_.size()) {
        pos_ = in_.size();
        return;
      }
      std::string hex(in_.substr(pos_, 2));
      pos_ += 2;
      if (ConsumeSkip()) return;
      char* end = nullptr;
      long value = std::strtol(hex.c_str(), &end, 16);
      if (end != hex.c_str() + 2 || Skipping()) return;
      AddByte(static_cast<char>(value));
      return;
    }
    if (c == '*') {
      state_.starred = true;
      return;
    }
    if (ConsumeSkip() || Skipping()) return;
    FlushBytes();
    switch (c) {
      case '\\':
      case '{':
      case '}':
        Append(std::string(1, c));
        break;
      case '~':
        Append("\u00A0");
        break;
      case '_':
        Append("\u2011");
        break;
      case '\n':
      case '\r':
        Append("\n");
        break;  // same as \par
      default:
        break;  // \- optional hyphen, \| and \: index marks
    }
  }

  void ControlWord(std::string_view word, bool has_param, long param) {
    if (word == "bin") {
      // Binary data of `param` bytes follows, never text.
      pos_ += std::min<size_t>(has_param && param > 0 ? param : 0,
                               in_.size() - pos_);
      return;
    }
    if (Destination(word)) return;
    if (ConsumeSkip()) return;
    if (Formatting(word, has_param, param)) return;
    if (word == "u" && has_param) {
      Unicode(param);
      return;
    }
    if (Skipping()) return;
    auto symbol = SymbolWords().find(word);
    if (symbol != SymbolWords().end()) {
      FlushBytes();
      Append(std::string(symbol->second));
    }
  }

  // Handles words that open a destination. Returns true when `word` was
  // one.
  bool Destination(std::string_view word) {
    bool starred = state_.starred;
    state_.starred = false;
    static const std::map<std::string_view, Dest> kInfoFields = {
        {"title", Dest::kTitle},
        {"author", Dest::kAuthor},
        {"subject", Dest::kSubject},
        {"keywords", Dest::kKeywords},
        {"creatim", Dest::kCreated}};
    if (word == "fonttbl") return SetDest(Dest::kFontTable);
    if (word == "info") return SetDest(Dest::kInfo);
    auto info = kInfoFields.find(word);
    if (info != kInfoFields.end() && state_.dest == Dest::kInfo) {
      return SetDest(info->second);
    }
    if (word == "upr") {
      state_.upr_outer = state_.dest;
      return SetDest(Dest::kSkip);
    }
    if (word == "ud") return SetDest(state_.upr_outer);
    for (std::string_view skipped : kSkippedDestinations) {
      if (word == skipped) return SetDest(Dest::kSkip);
    }
    // An unknown destination marked with \* is optional and skipped.
    if (starred) return SetDest(Dest::kSkip);
    return false;
  }

  bool SetDest(Dest dest) {
    FlushBytes();
    state_.dest = dest;
    return true;
  }

  // Handles words that change decoding or the creation date. Returns true
  // when `word` was one.
  bool Formatting(std::string_view word, bool has_param, long param) {
    if (word == "ansi") return SetDefaultCodepage(1252);
    if (word == "mac") return SetDefaultCodepage(10000);
    if (word == "pc") return SetDefaultCodepage(437);
    if (word == "pca") return SetDefaultCodepage(850);
    if (word == "ansicpg" && has_param) return SetDefaultCodepage(int(param));
    if (word == "deff" && has_param) {
      default_font_ = int(param);
      return true;
    }
    if (word == "uc" && has_param) {
      state_.uc = param >= 0 && param < 10 ? int(param) : 1;
      return true;
    }
    if (word == "f" && has_param) return Font(int(param));
    if (word == "plain") return Font(default_font_);
    if (word == "fcharset" && has_param && state_.font >= 0) {
      font_codepages_[state_.font] =
          FontCharsetCodepage(int(param), default_codepage_);
      return true;
    }
    if (word == "cpg" && has_param && state_.font >= 0) {
      font_codepages_[state_.font] = int(param);
      return true;
    }
    if (state_.dest == Dest::kCreated && has_param) {
      DatePart(word, param);
      return true;
    }
    return false;
  }

  bool SetDefaultCodepage(int codepage) {
    FlushBytes();
    default_codepage_ = codepage;
    state_.codepage = codepage;
    return true;
  }

  // \fN selects font N, or inside the font table starts its definition.
  bool Font(int font) {
    FlushBytes();
    if (state_.dest == Dest::kFontTable) {
      state_.font = font;
      return true;
    }
    auto found = font_codepages_.find(font);
    state_.codepage =
        found != font_codepages_.end() ? found->second : default_codepage_;
    return true;
  }

  void DatePart(std::string_view word, long value) {
    if (word == "yr") date_[0] = int(value);
    if (word == "mo") date_[1] = int(value);
    if (word == "dy") date_[2] = int(value);
    if (word == "hr") date_[3] = int(value);
    if (word == "min") date_[4] = int(value);
    if (date_[0] > 0 && date_[1] > 0 && date_[2] > 0) {
      content_.created =
          fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:00", date_[0], date_[1],
                      date_[2], date_[3], date_[4]);
    }
  }

  // \uN: a UTF-16 code unit, signed in RTF, followed by `uc` fallback
  // characters for readers without Unicode, which are skipped.
  void Unicode(long param) {
    skip_ = state_.uc;
    if (Skipping()) return;
    FlushBytes();
    char16_t unit = static_cast<char16_t>(param < 0 ? param + 65536 : param);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      high_surrogate_ = unit;
      return;
    }
    char32_t code_point = unit;
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      if (high_surrogate_ == 0) return;  // a lone low surrogate is dropped
      code_point =
          0x10000 + ((high_surrogate_ - 0xD800) << 10) + (unit - 0xDC00);
    }
    high_surrogate_ = 0;
    if (code_point < 0x20 && code_point != '\t' && code_point != '\n') return;
    Append(Utf8(code_point));
  }

  // Fallback characters after \uN are skipped one token at a time.
  bool ConsumeSkip() {
    if (skip_ == 0) return false;
    --skip_;
    return true;
  }

  bool Skipping() const {
    return state_.dest == Dest::kSkip || state_.dest == Dest::kFontTable ||
           state_.dest == Dest::kInfo || state_.dest == Dest::kCreated;
  }

  void AddByte(char byte) {
    if (ConsumeSkip()) return;
    if (!pending_.empty() && pending_codepage_ != state_.codepage) {
      FlushBytes();
    }
    pending_codepage_ = state_.codepage;
    pending_ += byte;
  }

  // Decodes the run of \'hh bytes and 8-bit characters collected so far;
  // a double-byte character is often written as two \'hh symbols.
  void FlushBytes() {
    if (pending_.empty()) return;
    std::string bytes = std::move(pending_);
    pending_.clear();
    std::string charset = CodepageCharset(pending_codepage_);
    try {
      Append(ConvertToUtf8(bytes, charset));
    } catch (const std::invalid_argument&) {
      Warn(fmt::format("unknown code page {}; decoded as CP1252",
                       pending_codepage_));
      Append(ConvertToUtf8(bytes, "windows-1252"));
    }
  }

  void Append(const std::string& text) {
    switch (state_.dest) {
      case Dest::kBody:
        AppendBody(text);
        break;
      case Dest::kTitle:
        content_.title += text;
        break;
      case Dest::kAuthor:
        content_.author += text;
        break;
      case Dest::kSubject:
        content_.subject += text;
        break;
      case Dest::kKeywords:
        content_.keywords += text;
        break;
      default:
        break;
    }
  }

  void AppendBody(const std::string& text) {
    if (content_.text.size() + text.size() > max_text_bytes_) {
      Warn(fmt::format("text cut at {} bytes", max_text_bytes_));
      stopped_ = true;
      return;
    }
    content_.text += text;
  }

  void Warn(std::string message) {
    for (const std::string& earlier : content_.warnings) {
      if (earlier == message) return;
    }
    content_.warnings.push_back(std::move(message));
  }

  static bool IsAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

  static std::string Utf8(char32_t c) {
    std::string out;
    if (c < 0x80) {
      out += char(c);
    } else if (c < 0x800) {
      out += char(0xC0 | (c >> 6));
      out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += char(0xE0 | (c >> 12));
      out += char(0x80 | ((c >> 6) & 0x3F));
      out += char(0x80 | (c & 0x3F));
    } else {
      out += char(0xF0 | (c >> 18));
      out += char(0x80 | ((c >> 12) & 0x3F));
      out += char(0x80 | ((c >> 6) & 0x3F));
      out += char(0x80 | (c & 0x3F));
    }
    return out;
  }

  static constexpr size_t kMaxDepth = 1000;

  std::string_view in_;
  size_t max_text_bytes_;
  size_t pos_ = 0;
  bool stopped_ = false;
  GroupState state_;
  std::vector<GroupState> stack_;
  std::map<int, int> font_codepages_;
  int default_codepage_ = 1252;
  int default_font_ = 0;
  int skip_ = 0;
  char16_t high_surrogate_ = 0;
  std::string pending_;
  int pending_codepage_ = 1252;
  int date_[5] = {0, 0, 0, 0, 0};
  RtfContent content_;
};

}  // namespace

RtfContent ReadRtf(std::string_view bytes, size_t max_text_bytes) {
  return RtfReader(bytes, max_text_bytes).Read();
}

}  // namespace bidscope
