// The parts of OCR that need no Tesseract: choosing languages and
// cleaning Tesseract's output.
#include <algorithm>
#include <memory>
#include <vector>

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "extract/code_points.h"
#include "extract/ocr.h"
#include "extract/opencc_converter.h"

namespace bidscope {
namespace {

// Share of Han characters OpenCC t2s must change for a Traditional text.
constexpr double kTraditionalShare = 0.1;
// Only this many bytes of a sample are converted.
constexpr size_t kMaxSampleBytes = 8192;
// Latin letters that make a sample English, when it has fewer than one
// Han character per kLettersPerStrayHan of them.
constexpr size_t kMinEnglishLetters = 200;
constexpr size_t kLettersPerStrayHan = 50;

std::vector<UChar32> CodePoints(std::string_view text) {
  std::vector<UChar32> out;
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    UChar32 c;
    U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
    out.push_back(c < 0 ? 0xFFFD : c);
  }
  return out;
}

}  // namespace

std::string RemoveSpacesBetweenCjk(std::string_view text) {
  std::vector<UChar32> chars = CodePoints(text);
  std::string out;
  for (size_t i = 0; i < chars.size(); ++i) {
    if (chars[i] == ' ' && !out.empty()) {
      size_t next = i;
      while (next < chars.size() && chars[next] == ' ') ++next;
      size_t previous = i - 1;
      if (next < chars.size() && IsCjkCodePoint(chars[previous]) &&
          IsCjkCodePoint(chars[next])) {
        i = next - 1;
        continue;
      }
    }
    AppendCodePoint(out, chars[i]);
  }
  return out;
}

// OpenCC's t2s converter, or null when its configuration is missing.
const OpenccConverter* TraditionalToSimplified() {
  static const std::unique_ptr<OpenccConverter> converter =
      []() -> std::unique_ptr<OpenccConverter> {
    try {
      return std::make_unique<OpenccConverter>("t2s.json");
    } catch (const std::exception&) {
      return nullptr;
    }
  }();
  return converter.get();
}

std::string ChooseOcrLanguages(std::string_view sample) {
  // A document whose readable text is English is read as English alone:
  // chi_sim+eng reads English scans that are rotated or faint as Chinese
  // characters, and the earlier pages may hold a few such stray ones.
  size_t letters = 0;
  size_t han_characters = 0;
  for (UChar32 c : CodePoints(sample.substr(0, kMaxSampleBytes))) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_HAN) ++han_characters;
    if (script == USCRIPT_LATIN) ++letters;
  }
  if (letters >= kMinEnglishLetters &&
      han_characters * kLettersPerStrayHan < letters) {
    return "eng";
  }

  const OpenccConverter* converter = TraditionalToSimplified();
  if (converter == nullptr) return "chi_sim+eng";
  if (sample.size() > kMaxSampleBytes) {
    size_t cut = kMaxSampleBytes;
    while (cut > 0 &&
           (static_cast<unsigned char>(sample[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    sample = sample.substr(0, cut);
  }
  std::vector<UChar32> original = CodePoints(sample);
  std::vector<UChar32> simplified =
      CodePoints(converter->Convert(std::string(sample)));

  // t2s maps characters one to one, so positions line up. When the length
  // changes, the comparison is not meaningful and Simplified is assumed.
  if (original.size() != simplified.size()) return "chi_sim+eng";
  int han = 0;
  int changed = 0;
  for (size_t i = 0; i < original.size(); ++i) {
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(original[i], &status) != USCRIPT_HAN) continue;
    ++han;
    if (original[i] != simplified[i]) ++changed;
  }
  bool traditional = han > 0 && changed >= kTraditionalShare * han;
  return traditional ? "chi_tra+eng" : "chi_sim+eng";
}

std::string TesseractLanguagePackage(std::string_view language) {
  std::string package = "tesseract-ocr-";
  for (char c : language) package += c == '_' ? '-' : c;
  return package;
}

}  // namespace bidscope
