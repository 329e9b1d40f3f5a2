// Normalisation runs as four passes over UTF-8. Normalize keeps a per-byte
// map back to the original text through them, and NormalizeText none:
//   1. decode: invalid UTF-8 becomes U+FFFD, CJK Radicals Supplement
//      characters become their unified ideographs, and a space follows each
//      enclosed number or letter (① would otherwise glue to the digits after
//      it once NFKC turns it into 1);
//   2. NFKC, with Unicode case folding unless disabled (ICU Normalizer2 with
//      Edits, which report exactly which bytes changed);
//   3. whitespace: removed between two CJK characters, one space elsewhere;
//   4. Traditional to Simplified folding with OpenCC t2s (phrase-aware).
#include "extract/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

#include "extract/opencc_converter.h"

namespace bidscope {
namespace {

// NFKC leaves the CJK Radicals Supplement alone and ICU 72 does not expose
// the Equivalent_Unified_Ideograph property, so the mapping comes from the
// Unicode data file, compiled in.
struct RadicalRange {
  char32_t first;
  char32_t last;
  char32_t ideograph;
};
constexpr RadicalRange kRadicalsSupplement[] = {
#include "data/cjk_radicals_supplement.inc"
};

// Text with, for each byte, the byte offset in the original text of the
// character that produced it. Without `mapped` the offsets are not kept,
// because NormalizeText needs the text only and keeping them took a ninth
// of its instructions (callgrind).
struct MappedText {
  explicit MappedText(bool mapped) : mapped(mapped) {}

  bool mapped;
  std::string text;
  std::vector<uint32_t> offsets;

  // Returns the original offset of byte `at`, or 0 when offsets are not kept.
  uint32_t OriginAt(size_t at) const { return mapped ? offsets[at] : 0; }

  void AppendCodePoint(char32_t c, uint32_t origin) {
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    text.append(buffer, length);
    if (mapped) offsets.insert(offsets.end(), length, origin);
  }

  // Appends `bytes`, all of which came from original offset `origin`.
  void AppendWithOrigin(std::string_view bytes, uint32_t origin) {
    text.append(bytes);
    if (mapped) offsets.insert(offsets.end(), bytes.size(), origin);
  }

  // Appends valid UTF-8 `bytes` that start at offset `origin` of the
  // original text and pass through unchanged: each byte maps to the start
  // of its own character.
  void AppendOriginal(std::string_view bytes, uint32_t origin) {
    text.append(bytes);
    if (!mapped) return;
    size_t first = offsets.size();
    offsets.resize(first + bytes.size());
    uint32_t* out = offsets.data() + first;
    uint32_t start = origin;
    for (size_t i = 0; i < bytes.size(); ++i) {
      if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
        start = origin + static_cast<uint32_t>(i);
      }
      out[i] = start;
    }
  }

  // Appends `bytes`, the bytes of `from` starting at `at`, which keep
  // their origins.
  void AppendFrom(std::string_view bytes, const MappedText& from, size_t at) {
    text.append(bytes);
    if (mapped) {
      const uint32_t* origins = from.offsets.data() + at;
      offsets.insert(offsets.end(), origins, origins + bytes.size());
    }
  }
};

// Decodes the code point at `*pos` of `text`, advancing `*pos`. Invalid
// sequences decode as U+FFFD.
inline char32_t NextCodePoint(std::string_view text, size_t* pos) {
  auto lead = static_cast<unsigned char>(text[*pos]);
  if (lead < 0x80) {
    ++*pos;
    return lead;
  }
  int32_t i = static_cast<int32_t>(*pos);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i,
          static_cast<int32_t>(text.size()), c);
  *pos = static_cast<size_t>(i);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

char32_t MapRadical(char32_t c) {
  if (c < 0x2E80 || c > 0x2EFF) return c;
  const RadicalRange* it = std::upper_bound(
      std::begin(kRadicalsSupplement), std::end(kRadicalsSupplement), c,
      [](char32_t value, const RadicalRange& r) { return value < r.first; });
  if (it == std::begin(kRadicalsSupplement)) return c;
  --it;
  return c <= it->last ? it->ideograph : c;
}

// Circled, parenthesised and full-stop numbers and letters used as list
// markers: Enclosed Alphanumerics, dingbat circled digits, circled numbers
// 21-50 and the Enclosed Alphanumeric Supplement digits.
bool IsEnclosedAlphanumeric(char32_t c) {
  return (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793) ||
         (c >= 0x3251 && c <= 0x325F) || (c >= 0x32B1 && c <= 0x32BF) ||
         (c >= 0x1F100 && c <= 0x1F10C);
}

// Appends an enclosed number as its decimal digits (NFKC decomposes ① but
// not dingbats such as ❶) and an enclosed letter as itself, each followed
// by a space so that it stays apart from the text after it.
void AppendEnclosed(char32_t c, uint32_t origin, MappedText* out) {
  double value = u_getNumericValue(static_cast<UChar32>(c));
  if (value != U_NO_NUMERIC_VALUE && value >= 0 && value <= 100 &&
      value == static_cast<int>(value)) {
    for (char digit : std::to_string(static_cast<int>(value))) {
      out->AppendCodePoint(static_cast<char32_t>(digit), origin);
    }
  } else {
    out->AppendCodePoint(c, origin);
  }
  out->AppendCodePoint(U' ', origin);
}

// True for a code point that Decode copies as it is.
bool DecodesUnchanged(UChar32 c) {
  return c >= 0 && (c < 0x2E80 || c > 0x2EFF) &&
         !IsEnclosedAlphanumeric(static_cast<char32_t>(c));
}

MappedText Decode(std::string_view original, bool mapped) {
  MappedText out(mapped);
  out.text.reserve(original.size() + 8);
  if (mapped) out.offsets.reserve(original.size() + 8);
  const auto* bytes = reinterpret_cast<const uint8_t*>(original.data());
  int32_t size = static_cast<int32_t>(original.size());
  // Runs of characters that need no change are copied in one piece.
  int32_t run_begin = 0;
  int32_t pos = 0;
  while (pos < size) {
    if (bytes[pos] < 0x80) {
      ++pos;
      continue;
    }
    int32_t char_begin = pos;
    UChar32 raw = 0;
    U8_NEXT(bytes, pos, size, raw);
    if (DecodesUnchanged(raw)) continue;
    out.AppendOriginal(original.substr(run_begin, char_begin - run_begin),
                       static_cast<uint32_t>(run_begin));
    run_begin = pos;
    uint32_t origin = static_cast<uint32_t>(char_begin);
    char32_t c = raw < 0 ? U'\uFFFD' : MapRadical(static_cast<char32_t>(raw));
    if (IsEnclosedAlphanumeric(c)) {
      AppendEnclosed(c, origin, &out);
    } else {
      out.AppendCodePoint(c, origin);
    }
  }
  out.AppendOriginal(original.substr(run_begin, size - run_begin),
                     static_cast<uint32_t>(run_begin));
  return out;
}

// Full-width punctuation that Chinese text uses as its ordinary comma,
// colon, semicolon, marks and brackets. NFKC would turn them into ASCII;
// they are kept so normalised Chinese still reads as written. Other
// full-width forms (digits, letters, －．／＿) are folded so codes match.
bool IsKeptFullwidthPunctuation(char32_t c) {
  switch (c) {
    case 0xFF01:  // ！
    case 0xFF08:  // （
    case 0xFF09:  // ）
    case 0xFF0C:  // ，
    case 0xFF1A:  // ：
    case 0xFF1B:  // ；
    case 0xFF1F:  // ？
      return true;
    default:
      return false;
  }
}

const icu::Normalizer2& NfkcInstance(bool case_fold) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer =
      case_fold ? icu::Normalizer2::getNFKCCasefoldInstance(status)
                : icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU NFKC data not available: ") +
                             u_errorName(status));
  }
  return *normalizer;
}

// Normalises one span of `in` (bytes [begin, end)) and appends it to `out`.
void NormalizeSpan(const icu::Normalizer2& normalizer, const MappedText& in,
                   size_t begin, size_t end, MappedText* out) {
  std::string_view span(in.text.data() + begin, end - begin);
  UErrorCode status = U_ZERO_ERROR;
  if (normalizer.isNormalizedUTF8(span, status) && U_SUCCESS(status)) {
    out->AppendFrom(span, in, begin);
    return;
  }

  status = U_ZERO_ERROR;
  std::string normalized;
  icu::StringByteSink<std::string> sink(&normalized);
  icu::Edits edits;
  normalizer.normalizeUTF8(0, span, sink, &edits, status);
  if (U_FAILURE(status)) {
    out->AppendFrom(span, in, begin);
    return;
  }

  // Unchanged stretches map byte for byte; every byte of a changed
  // stretch maps to the first original character of that stretch.
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    size_t source = static_cast<size_t>(it.sourceIndex());
    std::string_view produced(normalized.data() + it.destinationIndex(),
                              static_cast<size_t>(it.newLength()));
    if (!it.hasChange()) {
      out->AppendFrom(produced, in, begin + source);
      continue;
    }
    out->AppendWithOrigin(produced, in.OriginAt(begin + source));
  }
}

MappedText ApplyNfkc(const MappedText& in, bool case_fold) {
  const icu::Normalizer2& normalizer = NfkcInstance(case_fold);
  MappedText out(in.mapped);
  out.text.reserve(in.text.size() + 8);
  if (in.mapped) out.offsets.reserve(in.text.size() + 8);
  size_t span_begin = 0;
  size_t pos = 0;
  while (pos < in.text.size()) {
    if (static_cast<unsigned char>(in.text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    size_t char_begin = pos;
    char32_t c = NextCodePoint(in.text, &pos);
    if (!IsKeptFullwidthPunctuation(c)) continue;
    NormalizeSpan(normalizer, in, span_begin, char_begin, &out);
    out.AppendFrom(
        std::string_view(in.text).substr(char_begin, pos - char_begin), in,
        char_begin);
    span_begin = pos;
  }
  NormalizeSpan(normalizer, in, span_begin, in.text.size(), &out);
  return out;
}

// Characters of scripts written without spaces between words, with their
// punctuation: a space between two of them is layout, not a word boundary.
bool IsCjk(char32_t c) {
  return IsHan(c) || (c >= 0x3000 && c <= 0x30FF) ||  // punctuation, kana
         (c >= 0x3100 && c <= 0x312F) ||              // Bopomofo
         (c >= 0xFE30 && c <= 0xFE4F) ||              // vertical forms
         (c >= 0xFF00 && c <= 0xFFEF);                // full-width forms
}

bool IsSpace(char32_t c) {
  if (c < 0x80) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' ||
           c == U'\v';
  }
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' ||
         c == U'\v' || u_isUWhiteSpace(static_cast<UChar32>(c));
}

// Removes whitespace runs between two CJK characters and at both ends, and
// turns every other run (spaces, tabs, line breaks) into one space.
MappedText CollapseWhitespace(const MappedText& in) {
  MappedText out(in.mapped);
  out.text.reserve(in.text.size());
  if (in.mapped) out.offsets.reserve(in.text.size());
  std::string_view text(in.text);
  // Characters between spaces are copied a run at a time; only the
  // characters on either side of a space are classified.
  auto flush = [&](size_t begin, size_t end) {
    if (end > begin) out.AppendFrom(text.substr(begin, end - begin), in, begin);
  };
  char32_t last = 0;  // last character copied
  bool pending_space = false;
  uint32_t space_origin = 0;
  size_t run_begin = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t char_begin = pos;
    char32_t c = NextCodePoint(text, &pos);
    if (IsSpace(c)) {
      if (!pending_space) {
        flush(run_begin, char_begin);
        space_origin = in.OriginAt(char_begin);
      }
      pending_space = !out.text.empty();
      run_begin = pos;
      continue;
    }
    if (pending_space && !(IsCjk(last) && IsCjk(c))) {
      out.AppendCodePoint(U' ', space_origin);
    }
    pending_space = false;
    last = c;
  }
  flush(run_begin, text.size());
  return out;
}

// An inclusive range of code points.
struct CodePointRange {
  char32_t first;
  char32_t last;
};

// kT2sChangeable and kT2sInKey, written at build time by
// tools/t2s_tables.cc from OpenCC's installed dictionaries.
#include "t2s_tables.inc"

// One bit per code point up to the last one in `ranges`, computed at
// compile time, so that a process does not spend its start-up on it.
template <size_t N>
constexpr char32_t LastCodePoint(const CodePointRange (&ranges)[N]) {
  char32_t last = 0;
  for (const CodePointRange& range : ranges) last = std::max(last, range.last);
  return last;
}

template <size_t Words, size_t N>
constexpr std::array<uint64_t, Words> CodePointBits(
    const CodePointRange (&ranges)[N]) {
  std::array<uint64_t, Words> bits{};
  for (const CodePointRange& range : ranges) {
    for (char32_t c = range.first; c <= range.last; ++c) {
      bits[c / 64] |= uint64_t{1} << (c % 64);
    }
  }
  return bits;
}

constexpr size_t kChangeableWords = LastCodePoint(kT2sChangeable) / 64 + 1;
constexpr size_t kInKeyWords = LastCodePoint(kT2sInKey) / 64 + 1;
constexpr std::array<uint64_t, kChangeableWords> kChangeableBits =
    CodePointBits<kChangeableWords>(kT2sChangeable);
constexpr std::array<uint64_t, kInKeyWords> kInKeyBits =
    CodePointBits<kInKeyWords>(kT2sInKey);

template <size_t Words>
bool HasBit(const std::array<uint64_t, Words>& bits, char32_t c) {
  return c / 64 < Words && ((bits[c / 64] >> (c % 64)) & 1) != 0;
}

// OpenCC t2s with the set of characters it can change and the set of
// characters some dictionary key contains. OpenCC runs at a few MB/s, so
// only pieces of text that contain a changeable character are passed to
// it. Loading its dictionaries takes milliseconds, so it is loaded when the
// first such piece comes, which most Simplified text never has.
class TraditionalFolder {
 public:
  std::string Convert(const std::string& text) const {
    std::call_once(loaded_, [this] {
      converter_ = std::make_unique<OpenccConverter>(BIDSCOPE_T2S_CONFIG);
    });
    return converter_->Convert(text);
  }

  // True when some dictionary entry would replace `c` (or, for entries
  // that change length, contains it).
  bool MayChange(char32_t c) const { return HasBit(kChangeableBits, c); }

  // True when no dictionary key contains `c`, so no OpenCC match spans it.
  bool IsBoundary(char32_t c) const { return !HasBit(kInKeyBits, c); }

 private:
  mutable std::once_flag loaded_;
  mutable std::unique_ptr<OpenccConverter> converter_;
};

const TraditionalFolder& T2sFolder() {
  static const TraditionalFolder folder;
  return folder;
}

// Byte offsets of the code points of `text`, with text.size() at the end.
std::vector<size_t> CodePointStarts(std::string_view text) {
  std::vector<size_t> starts;
  starts.reserve(text.size() / 2 + 1);
  size_t pos = 0;
  while (pos < text.size()) {
    starts.push_back(pos);
    NextCodePoint(text, &pos);
  }
  starts.push_back(text.size());
  return starts;
}

// Appends `converted`, the conversion of `source`, the bytes of `in`
// starting at `at`, aligning character by character. When the conversion
// changed the number of characters, the common prefix and suffix still align
// one to one and the differing middle maps to the start of the source's middle.
void AppendAligned(std::string_view source, const MappedText& in, size_t at,
                   std::string_view converted, MappedText* out) {
  std::vector<size_t> from = CodePointStarts(source);
  std::vector<size_t> to = CodePointStarts(converted);
  size_t from_count = from.size() - 1;
  size_t to_count = to.size() - 1;
  size_t common = std::min(from_count, to_count);
  size_t prefix = 0;
  size_t suffix = 0;
  if (from_count != to_count) {
    while (prefix < common &&
           source.substr(from[prefix], from[prefix + 1] - from[prefix]) ==
               converted.substr(to[prefix], to[prefix + 1] - to[prefix])) {
      ++prefix;
    }
    auto char_at = [](std::string_view text, const std::vector<size_t>& at,
                      size_t k) {
      return text.substr(at[k], at[k + 1] - at[k]);
    };
    while (suffix < common - prefix &&
           char_at(source, from, from_count - 1 - suffix) ==
               char_at(converted, to, to_count - 1 - suffix)) {
      ++suffix;
    }
  }
  for (size_t k = 0; k < to_count; ++k) {
    size_t source_char = k;
    if (from_count != to_count) {
      if (k >= prefix && k < to_count - suffix) source_char = prefix;
      if (k >= to_count - suffix) source_char = k - to_count + from_count;
    }
    uint32_t origin =
        in.OriginAt(at + from[std::min(source_char, from_count - 1)]);
    out->AppendWithOrigin(converted.substr(to[k], to[k + 1] - to[k]), origin);
  }
}

// End of the run of boundary or of non-boundary characters starting at
// `begin`, and whether the run contains a character the folder may change.
size_t RunEnd(const TraditionalFolder& folder, std::string_view text,
              size_t begin, bool* may_change) {
  size_t pos = begin;
  size_t next = pos;
  bool boundary = folder.IsBoundary(NextCodePoint(text, &next));
  *may_change = false;
  while (pos < text.size()) {
    next = pos;
    char32_t c = NextCodePoint(text, &next);
    if (folder.IsBoundary(c) != boundary) break;
    *may_change = *may_change || folder.MayChange(c);
    pos = next;
  }
  return pos;
}

// Folds each run of characters between boundary characters (characters
// that no dictionary key contains) separately. OpenCC's maximum-match
// segmentation and conversion only join characters that form a key, so no match
// spans a boundary and the result equals converting the whole text at once.
// Runs without a changeable character are copied.
MappedText FoldTraditional(MappedText in) {
  const TraditionalFolder& folder = T2sFolder();
  MappedText out(in.mapped);
  out.text.reserve(in.text.size());
  if (in.mapped) out.offsets.reserve(in.text.size());
  size_t pos = 0;
  while (pos < in.text.size()) {
    size_t begin = pos;
    bool may_change = false;
    pos = RunEnd(folder, in.text, begin, &may_change);
    std::string_view run(in.text.data() + begin, pos - begin);
    if (!may_change) {
      out.AppendFrom(run, in, begin);
      continue;
    }
    std::string converted = folder.Convert(std::string(run));
    AppendAligned(run, in, begin, converted, &out);
  }
  return out;
}

MappedText RunPasses(std::string_view original, const NormalizeOptions& options,
                     bool mapped) {
  MappedText text = Decode(original, mapped);
  text = ApplyNfkc(text, options.case_fold);
  text = CollapseWhitespace(text);
  if (options.fold_traditional) text = FoldTraditional(std::move(text));
  return text;
}

}  // namespace

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK Unified Ideographs
         (c >= 0x3400 && c <= 0x4DBF) ||    // Extension A
         (c >= 0x20000 && c <= 0x323AF) ||  // Extensions B-H, compatibility
         (c >= 0xF900 && c <= 0xFAFF) ||    // Compatibility Ideographs
         (c >= 0x2E80 && c <= 0x2FDF) ||    // radicals
         c == 0x3005 || c == 0x3007 ||      // 々 〇
         (c >= 0x3021 && c <= 0x3029) ||    // Hangzhou numerals
         (c >= 0x3038 && c <= 0x303B);
}

NormalizedText Normalize(std::string_view original,
                         const NormalizeOptions& options) {
  MappedText text = RunPasses(original, options, true);
  NormalizedText result;
  result.text = std::move(text.text);
  result.offsets = std::move(text.offsets);
  result.offsets.push_back(static_cast<uint32_t>(original.size()));
  return result;
}

std::string NormalizeText(std::string_view original,
                          const NormalizeOptions& options) {
  return RunPasses(original, options, false).text;
}

OriginalSpan MapToOriginal(const NormalizedText& normalized, size_t begin,
                           size_t end) {
  const std::vector<uint32_t>& offsets = normalized.offsets;
  size_t last = offsets.size() - 1;
  begin = std::min(begin, last);
  end = std::clamp(end, begin, last);
  OriginalSpan span;
  span.begin = offsets[begin];
  if (end == begin) {
    span.end = span.begin;
    return span;
  }

  // The last byte's character ends where the next different origin starts.
  uint32_t last_origin = offsets[end - 1];
  size_t k = end;
  while (k < last && offsets[k] <= last_origin) ++k;
  span.end = std::max<size_t>(offsets[k], last_origin);
  return span;
}

}  // namespace bidscope
