#include "extract/segment_language.h"

#include <unicode/uchar.h>

#include <memory>

#include "extract/opencc_converter.h"
#include "extract/segment_chars.h"

namespace bidscope {
namespace {

using segment_internal::DecodeAt;
using segment_internal::IsHan;

struct ScriptCounts {
  size_t han = 0;
  size_t latin = 0;
};

ScriptCounts CountScripts(std::string_view text) {
  ScriptCounts counts;
  for (size_t i = 0, next; i < text.size(); i = next) {
    char32_t c = DecodeAt(text, i, &next);
    if (IsHan(c)) {
      ++counts.han;
    } else if (u_isalpha(static_cast<UChar32>(c)) && c < 0x250) {
      ++counts.latin;
    }
  }
  return counts;
}

// Han characters at the same position that differ between the two texts.
size_t ChangedHan(std::string_view a, std::string_view b) {
  size_t changed = 0;
  for (size_t i = 0, j = 0, next_i, next_j; i < a.size() && j < b.size();
       i = next_i, j = next_j) {
    char32_t ca = DecodeAt(a, i, &next_i);
    char32_t cb = DecodeAt(b, j, &next_j);
    if (ca != cb && IsHan(ca)) ++changed;
  }
  return changed;
}

// Share of Han characters that t2s changes; 0 when OpenCC is unavailable.
double TraditionalShare(std::string_view text, size_t han) {
  thread_local std::unique_ptr<OpenccConverter> converter;
  try {
    if (!converter) {
      converter = std::make_unique<OpenccConverter>("t2s.json");
    }
    std::string simplified = converter->Convert(std::string(text));
    return static_cast<double>(ChangedHan(text, simplified)) /
           static_cast<double>(han);
  } catch (const std::exception&) {
    return 0;  // without OpenCC the text is taken for Simplified
  }
}

}  // namespace

std::string DetectSourceLanguage(std::string_view text) {
  ScriptCounts counts = CountScripts(text);
  if (counts.latin > counts.han) return "en";
  if (counts.han == 0) return "zh-CN";
  return TraditionalShare(text, counts.han) >= 0.1 ? "zh-TW" : "zh-CN";
}

std::string DetectSourceLanguage(const std::vector<Segment>& segments) {
  std::string all;
  for (const Segment& segment : segments) all += segment.source + "\n";
  return DetectSourceLanguage(all);
}

}  // namespace bidscope
