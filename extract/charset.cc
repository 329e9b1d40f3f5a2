#include "extract/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <utility>

#include "extract/charset_labels.h"

namespace bidscope {
namespace {

// Detection looks at this many leading bytes only, so that large files
// cost no more than small ones.
constexpr size_t kDetectPrefixBytes = 64 * 1024;

// ICU's detector needs more than about ten multi-byte characters before
// its guesses mean anything (ICU 72 guesses ISO-8859-1 below that), so it
// is consulted only from this many bytes at or above 0x80.
constexpr size_t kMinDetectorHighBytes = 64;

// Bytes given to ICU's detector, from the first non-ASCII byte on. Its
// recognisers together cost over a thousand instructions a byte (measured
// with callgrind). On the charset tests and 150 benchmark documents, 2 KiB
// chose the same encodings as 64 KiB.
constexpr size_t kDetectorSampleBytes = 2 * 1024;

// A multi-byte encoding still fits damaged text when at most one byte in
// this many bytes at or above 0x80 starts an invalid sequence.
constexpr size_t kMaxDamagedShare = 20;

// Lowest ucsdet confidence (0-100) that is accepted.
constexpr int32_t kMinDetectorConfidence = 50;

// The meta prescan reads this many leading bytes. WHATWG prescans 1024;
// real Chinese pages put long <script> blocks first, so this reads more.
constexpr size_t kPrescanBytes = 4096;

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool StartsWithNoCase(std::string_view text, size_t pos,
                      std::string_view prefix) {
  if (text.size() - pos < prefix.size() || pos > text.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(text[pos + i]) != prefix[i]) return false;
  }
  return true;
}

std::string TrimAscii(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && IsAsciiSpace(text[begin])) ++begin;
  while (end > begin && IsAsciiSpace(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

// Value of a charset= parameter inside an attribute value such as
// "text/html; charset=gbk", or empty.
std::string CharsetParameter(std::string_view value) {
  for (size_t pos = 0; pos + 7 <= value.size(); ++pos) {
    if (!StartsWithNoCase(value, pos, "charset")) continue;
    size_t i = pos + 7;
    while (i < value.size() && IsAsciiSpace(value[i])) ++i;
    if (i >= value.size() || value[i] != '=') continue;
    ++i;
    while (i < value.size() && IsAsciiSpace(value[i])) ++i;
    if (i < value.size() && (value[i] == '"' || value[i] == '\'')) ++i;
    size_t end = i;
    while (end < value.size() && value[end] != ';' && value[end] != '"' &&
           value[end] != '\'' && !IsAsciiSpace(value[end])) {
      ++end;
    }
    if (end > i) return std::string(value.substr(i, end - i));
  }
  return "";
}

// Reads one attribute of a tag starting at `pos`; advances `pos`. Returns
// false at the end of the tag.
bool NextAttribute(std::string_view text, size_t& pos, std::string& name,
                   std::string& value) {
  while (pos < text.size() && (IsAsciiSpace(text[pos]) || text[pos] == '/')) {
    ++pos;
  }
  if (pos >= text.size() || text[pos] == '>') return false;
  name.clear();
  value.clear();
  while (pos < text.size() && !IsAsciiSpace(text[pos]) && text[pos] != '=' &&
         text[pos] != '>' && text[pos] != '/') {
    name.push_back(AsciiLower(text[pos++]));
  }
  while (pos < text.size() && IsAsciiSpace(text[pos])) ++pos;
  if (pos >= text.size() || text[pos] != '=') return true;
  ++pos;
  while (pos < text.size() && IsAsciiSpace(text[pos])) ++pos;
  if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
    char quote = text[pos++];
    size_t end = text.find(quote, pos);
    if (end == std::string_view::npos) end = text.size();
    value = text.substr(pos, end - pos);
    pos = std::min(end + 1, text.size());
    return true;
  }
  while (pos < text.size() && !IsAsciiSpace(text[pos]) && text[pos] != '>') {
    value.push_back(text[pos++]);
  }
  return true;
}

// Label declared by one <meta> tag whose attributes start at `pos`.
std::string MetaCharset(std::string_view text, size_t pos) {
  std::string name;
  std::string value;
  std::string from_content;
  while (NextAttribute(text, pos, name, value)) {
    if (name == "charset") return TrimAscii(value);
    if (from_content.empty()) from_content = CharsetParameter(value);
  }
  return from_content;
}

// Counts invalid sequences, then substitutes U+FFFD as ICU's default does.
void CountingSubstitute(const void* context, UConverterToUnicodeArgs* args,
                        const char* code_units, int32_t length,
                        UConverterCallbackReason reason, UErrorCode* error) {
  if (reason <= UCNV_IRREGULAR) {
    ++*static_cast<size_t*>(const_cast<void*>(context));
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, code_units, length, reason,
                                error);
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

ConverterPtr OpenConverter(std::string_view name) {
  UErrorCode error = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(std::string(name).c_str(), &error));
  if (U_FAILURE(error) || converter == nullptr) {
    throw std::invalid_argument("no ICU converter for encoding " +
                                std::string(name) + ": " + u_errorName(error));
  }
  return converter;
}

// ConvertToUtf8, except that with `flush` false a sequence cut off at the
// end of `bytes` (a prefix of a longer text) is dropped, not counted.
std::string Convert(std::string_view bytes, std::string_view encoding,
                    size_t* invalid_sequences, bool flush) {
  size_t invalid = 0;
  ConverterPtr source = OpenConverter(IcuConverterName(encoding));
  ConverterPtr target = OpenConverter("UTF-8");
  UErrorCode error = U_ZERO_ERROR;
  ucnv_setToUCallBack(source.get(), CountingSubstitute, &invalid, nullptr,
                      nullptr, &error);

  // Every input byte yields at most three UTF-8 bytes: a two-byte
  // character becomes at most three, a four-byte one four, and each
  // invalid byte one U+FFFD.
  std::string output(bytes.size() * 3 + 16, '\0');
  char* out = output.data();
  const char* in = bytes.data();
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  ucnv_convertEx(target.get(), source.get(), &out,
                 output.data() + output.size(), &in,
                 bytes.data() + bytes.size(), pivot, &pivot_source,
                 &pivot_target, pivot + 1024, true, flush, &error);
  if (U_FAILURE(error)) {
    throw std::runtime_error("ICU conversion from " + std::string(encoding) +
                             " failed: " + u_errorName(error));
  }
  output.resize(out - output.data());
  if (invalid_sequences != nullptr) *invalid_sequences = invalid;
  return output;
}

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

// ICU's guess for `bytes`, mapped to a bidscope encoding name, or empty
// when ICU is unsure or guesses a single-byte encoding.
std::string IcuGuess(std::string_view bytes) {
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(
      ucsdet_open(&error));
  if (U_FAILURE(error)) return "";
  ucsdet_enableInputFilter(detector.get(), true);
  ucsdet_setText(detector.get(), bytes.data(),
                 static_cast<int32_t>(bytes.size()), &error);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &error);
  if (U_FAILURE(error) || match == nullptr) return "";
  if (ucsdet_getConfidence(match, &error) < kMinDetectorConfidence) {
    return "";
  }
  const char* name = ucsdet_getName(match, &error);
  if (U_FAILURE(error) || name == nullptr) return "";
  std::string encoding = EncodingForLabel(name);
  if (!IsMultiByteEncoding(encoding)) return "";
  return encoding;
}

// Share of double-byte characters that fall in the rows where everyday
// text lives, read as GB18030 (GB2312 punctuation and level 1-2 hanzi) or
// as Big5 (punctuation and level 1 hanzi). Text in the other encoding
// scores far lower because its trail bytes or lead rows land elsewhere.
struct Plausibility {
  size_t pairs = 0;
  size_t common = 0;
  double Score() const {
    return pairs == 0 ? 0.0 : static_cast<double>(common) / pairs;
  }
};

Plausibility ScoreDoubleByte(std::string_view bytes, bool big5) {
  Plausibility result;
  size_t i = 0;
  while (i + 1 < bytes.size()) {
    auto lead = static_cast<unsigned char>(bytes[i]);
    auto trail = static_cast<unsigned char>(bytes[i + 1]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if (!big5 && trail >= 0x30 && trail <= 0x39) {
      // A GB18030 four-byte sequence: valid but rare in everyday text.
      ++result.pairs;
      i += 4;
      continue;
    }
    ++result.pairs;
    bool high_trail = trail >= 0xA1 && trail <= 0xFE;
    bool common = false;
    if (big5) {
      bool any_trail = high_trail || (trail >= 0x40 && trail <= 0x7E);
      common = any_trail && lead >= 0xA1 && lead <= 0xC6;
    } else {
      common = high_trail && ((lead >= 0xA1 && lead <= 0xA3) ||
                              (lead >= 0xB0 && lead <= 0xF7));
    }
    if (common) ++result.common;
    i += 2;
  }
  return result;
}

// Invalid sequences in `bytes` read as `encoding`, ignoring a sequence cut
// off at the end of a prefix.
size_t InvalidSequences(std::string_view bytes, std::string_view encoding,
                        bool truncated) {
  size_t invalid = 0;
  Convert(bytes, encoding, &invalid, !truncated);
  return invalid;
}

// Own check when ICU is not consulted or unsure: GB18030 or Big5-HKSCS,
// whichever decodes cleanly with the more plausible Han reading. When
// neither is clean, the multi-byte encoding with the fewest invalid
// sequences wins if they are rare (damaged text), else none does.
std::string GuessChinese(std::string_view bytes, bool truncated,
                         size_t high_bytes) {
  size_t gb_invalid = InvalidSequences(bytes, kGb18030, truncated);
  size_t big5_invalid = InvalidSequences(bytes, kBig5Hkscs, truncated);
  double gb_score = ScoreDoubleByte(bytes, false).Score();
  double big5_score = ScoreDoubleByte(bytes, true).Score();
  if (gb_invalid == 0 && (big5_invalid > 0 || gb_score >= big5_score)) {
    return std::string(kGb18030);
  }
  if (big5_invalid == 0) return std::string(kBig5Hkscs);

  size_t utf8_invalid = InvalidSequences(bytes, kUtf8, truncated);
  std::pair<size_t, std::string_view> best =
      std::min({std::pair{utf8_invalid, kUtf8}, std::pair{gb_invalid, kGb18030},
                std::pair{big5_invalid, kBig5Hkscs}});
  if (best.first * kMaxDamagedShare <= high_bytes) {
    return std::string(best.second);
  }
  return "";
}

// DetectEncoding without its last-resort fallback: empty when no
// multi-byte encoding fits.
std::string DetectMultiByte(std::string_view bytes) {
  bool truncated = bytes.size() > kDetectPrefixBytes;
  std::string_view prefix = bytes.substr(0, kDetectPrefixBytes);
  size_t high_bytes = std::count_if(prefix.begin(), prefix.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80;
  });
  if (high_bytes == 0) return std::string(kUtf8);
  if (InvalidSequences(prefix, kUtf8, truncated) == 0) {
    return std::string(kUtf8);
  }
  if (high_bytes >= kMinDetectorHighBytes) {
    size_t first_high = static_cast<size_t>(
        std::find_if(
            prefix.begin(), prefix.end(),
            [](char c) { return static_cast<unsigned char>(c) >= 0x80; }) -
        prefix.begin());
    std::string guess =
        IcuGuess(prefix.substr(first_high, kDetectorSampleBytes));
    if (!guess.empty() && InvalidSequences(prefix, guess, truncated) == 0) {
      return guess;
    }
  }
  return GuessChinese(prefix, truncated, high_bytes);
}

// Share of the bytes at or above 0x80 that stand in runs of four or more.
// Chinese text in a multi-byte encoding has nearly all of them in such
// runs (two or more characters in a row), Western text in a single-byte
// encoding few, since its accented letters stand between ASCII letters.
double ShareInLongHighRuns(std::string_view bytes) {
  size_t high = 0;
  size_t in_long_runs = 0;
  size_t run = 0;
  for (size_t i = 0; i <= bytes.size(); ++i) {
    if (i < bytes.size() && static_cast<unsigned char>(bytes[i]) >= 0x80) {
      ++run;
      continue;
    }
    high += run;
    if (run >= 4) in_long_runs += run;
    run = 0;
  }
  return high == 0 ? 0.0 : static_cast<double>(in_long_runs) / high;
}

// Characters of the Private Use Area (U+E000 to U+F8FF) in UTF-8 text.
size_t PrivateUseCount(std::string_view utf8) {
  size_t count = 0;
  for (size_t i = 0; i + 2 < utf8.size(); ++i) {
    auto lead = static_cast<unsigned char>(utf8[i]);
    auto next = static_cast<unsigned char>(utf8[i + 1]);
    if (lead == 0xEE || (lead == 0xEF && next <= 0xA3)) ++count;
  }
  return count;
}

// An encoding that reads `bytes` far better than `labelled`, which decodes
// them without invalid sequences, or empty when the label fits. A
// single-byte label on runs of multi-byte characters gives mojibake such
// as "²É¹ºÈË", and GB18030 and Big5 read much of each other's text as valid
// but rare characters: 採購 in Big5 read as GBK is 蹦潦.
std::string BetterThanLabel(std::string_view bytes, std::string_view labelled) {
  constexpr size_t kMinHighBytes = 8;
  constexpr size_t kMinPairs = 32;
  constexpr double kMinMultiByteShare = 0.8;
  constexpr double kMinScoreGain = 0.2;
  constexpr size_t kMinPrivateUse = 2;
  bool truncated = bytes.size() > kDetectPrefixBytes;
  std::string_view prefix = bytes.substr(0, kDetectPrefixBytes);

  if (!IsMultiByteEncoding(labelled)) {
    size_t high_bytes = std::count_if(prefix.begin(), prefix.end(), [](char c) {
      return static_cast<unsigned char>(c) >= 0x80;
    });
    if (high_bytes < kMinHighBytes) return "";
    // Western text in UTF-8 ("é" is C3 A9) under a Latin-1 label: text in
    // a single-byte encoding with this many high bytes is almost never
    // valid UTF-8.
    if (InvalidSequences(prefix, kUtf8, truncated) == 0) {
      return std::string(kUtf8);
    }
    if (ShareInLongHighRuns(prefix) < kMinMultiByteShare) return "";
    return DetectMultiByte(bytes);
  }

  if (labelled != kGb18030 && labelled != kBig5Hkscs) return "";
  bool label_is_gb = labelled == kGb18030;
  std::string_view other = label_is_gb ? kBig5Hkscs : kGb18030;
  if (InvalidSequences(prefix, other, truncated) > 0) return "";
  Plausibility label_score = ScoreDoubleByte(prefix, !label_is_gb);
  Plausibility other_score = ScoreDoubleByte(prefix, label_is_gb);
  if (label_score.pairs < kMinPairs ||
      other_score.Score() < label_score.Score() + kMinScoreGain) {
    return "";
  }

  // The scores count Han rows only, so European text in GBK's Latin rows
  // (á in row A8) scores low as GBK too. Private-use characters show the
  // wrong table: Big5's full-width punctuation read as GBK falls in GBK's
  // user-defined area.
  size_t label_private = PrivateUseCount(ConvertToUtf8(prefix, labelled));
  size_t other_private = PrivateUseCount(ConvertToUtf8(prefix, other));
  if (label_private < kMinPrivateUse || other_private >= label_private) {
    return "";
  }
  return std::string(other);
}

DecodedText Decode(std::string_view bytes, std::string encoding,
                   EncodingSource source) {
  DecodedText result;
  result.utf8 = ConvertToUtf8(bytes, encoding, &result.invalid_sequences);
  result.encoding = std::move(encoding);
  result.source = source;
  return result;
}

// The label in force before detection: declared first, then markup.
std::pair<std::string, EncodingSource> LabelledEncoding(
    std::string_view bytes, const DecodeOptions& options, std::string& note) {
  if (!options.declared_label.empty()) {
    std::string encoding = EncodingForLabel(options.declared_label);
    if (!encoding.empty()) return {encoding, EncodingSource::kDeclared};
    note = "unknown encoding label \"" + options.declared_label + "\"";
  }
  std::string label;
  if (options.markup == DecodeOptions::Markup::kHtml) {
    label = PrescanHtmlCharset(bytes);
  } else if (options.markup == DecodeOptions::Markup::kXml) {
    label = PrescanXmlEncoding(bytes);
  }
  if (label.empty()) return {"", EncodingSource::kDefault};
  std::string encoding = EncodingForLabel(label);
  if (encoding.empty()) {
    note = "unknown encoding label \"" + label + "\"";
    return {"", EncodingSource::kDefault};
  }
  // A declaration read from ASCII bytes cannot be UTF-16 (WHATWG: use
  // UTF-8 instead).
  if (encoding == kUtf16Le || encoding == kUtf16Be) encoding = kUtf8;
  return {encoding, EncodingSource::kMarkup};
}

}  // namespace

std::string_view SniffBom(std::string_view bytes, size_t* bom_length) {
  size_t length = 0;
  std::string_view encoding;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    length = 3;
    encoding = kUtf8;
  } else if (bytes.starts_with("\xFF\xFE")) {
    length = 2;
    encoding = kUtf16Le;
  } else if (bytes.starts_with("\xFE\xFF")) {
    length = 2;
    encoding = kUtf16Be;
  }
  if (bom_length != nullptr) *bom_length = length;
  return encoding;
}

std::string PrescanHtmlCharset(std::string_view bytes) {
  std::string_view text = bytes.substr(0, kPrescanBytes);
  size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string_view::npos) {
    if (text.substr(pos).starts_with("<!--")) {
      size_t end = text.find("-->", pos + 4);
      if (end == std::string_view::npos) return "";
      pos = end + 3;
      continue;
    }
    if (StartsWithNoCase(text, pos, "<meta") && pos + 5 < text.size() &&
        (IsAsciiSpace(text[pos + 5]) || text[pos + 5] == '/')) {
      std::string label = MetaCharset(text, pos + 5);
      if (!label.empty()) return label;
    }
    ++pos;
  }
  return "";
}

std::string PrescanXmlEncoding(std::string_view bytes) {
  size_t bom_length = 0;
  SniffBom(bytes, &bom_length);
  std::string_view text = bytes.substr(bom_length, 1024);
  if (!text.starts_with("<?xml")) return "";
  size_t end = text.find("?>");
  if (end == std::string_view::npos) return "";
  std::string_view declaration = text.substr(0, end);
  size_t pos = 5;
  std::string name;
  std::string value;
  while (NextAttribute(declaration, pos, name, value)) {
    if (name == "encoding") return TrimAscii(value);
  }
  return "";
}

std::string DetectEncoding(std::string_view bytes) {
  std::string encoding = DetectMultiByte(bytes);
  return encoding.empty() ? "windows-1252" : encoding;
}

DecodedText DecodeToUtf8(std::string_view bytes, const DecodeOptions& options) {
  // 1. A byte order mark overrides every label.
  size_t bom_length = 0;
  std::string_view bom = SniffBom(bytes, &bom_length);
  if (!bom.empty()) {
    return Decode(bytes.substr(bom_length), std::string(bom),
                  EncodingSource::kBom);
  }

  // 2. A declared or markup label, unless the bytes contradict it.
  std::string note;
  auto [labelled, source] = LabelledEncoding(bytes, options, note);
  if (!labelled.empty()) {
    DecodedText result = Decode(bytes, labelled, source);
    result.note = note;
    // Invalid sequences contradict the label, and so does a far better
    // reading of bytes that decode cleanly.
    std::string better = result.invalid_sequences == 0
                             ? BetterThanLabel(bytes, labelled)
                             : DetectMultiByte(bytes);
    if (better.empty() || better == labelled) return result;
    DecodedText alternative = Decode(bytes, better, EncodingSource::kDetected);
    if (alternative.invalid_sequences > 0) return result;
    alternative.note = "declared encoding " + labelled +
                       " does not fit the bytes; decoded as " + better;
    return alternative;
  }

  // 3. Detection, then the configured default.
  std::string detected = DetectMultiByte(bytes);
  if (!detected.empty()) {
    DecodedText result = Decode(bytes, detected, EncodingSource::kDetected);
    result.note = note;
    return result;
  }
  std::string fallback = options.default_encoding.empty()
                             ? std::string("windows-1252")
                             : EncodingForLabel(options.default_encoding);
  if (fallback.empty()) fallback = "windows-1252";
  DecodedText result = Decode(bytes, fallback, EncodingSource::kDefault);
  result.note = note;
  return result;
}

std::string ConvertToUtf8(std::string_view bytes, std::string_view encoding,
                          size_t* invalid_sequences) {
  return Convert(bytes, encoding, invalid_sequences, true);
}

bool IsValidUtf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(data, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string DropNulBytes(std::string& utf8) {
  size_t dropped = std::erase(utf8, '\0');
  if (dropped == 0) return "";
  return std::to_string(dropped) +
         (dropped == 1 ? " NUL byte dropped" : " NUL bytes dropped");
}

}  // namespace bidscope
