#include "extract/script_convert.h"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <utility>

#include "extract/opencc_converter.h"

namespace bidscope {
namespace {

constexpr char kToSimplifiedConfig[] = "/usr/share/opencc/tw2sp.json";
constexpr char kToTraditionalConfig[] = "/usr/share/opencc/s2twp.json";
// Characters only, without Taiwan vocabulary, for names.
constexpr char kToSimplifiedCharsConfig[] = "/usr/share/opencc/tw2s.json";
constexpr char kToTraditionalCharsConfig[] = "/usr/share/opencc/s2tw.json";

std::unique_ptr<OpenccConverter> LoadConverter(const char* config) {
  return std::make_unique<OpenccConverter>(config);
}

// Converters are built on first use; a converter does not change after
// construction.
const OpenccConverter& Converter(Script script) {
  if (script == Script::kSimplified) {
    static const auto simplified = LoadConverter(kToSimplifiedConfig);
    return *simplified;
  }
  static const auto traditional = LoadConverter(kToTraditionalConfig);
  return *traditional;
}

const OpenccConverter& CharacterConverter(Script script) {
  if (script == Script::kSimplified) {
    static const auto simplified = LoadConverter(kToSimplifiedCharsConfig);
    return *simplified;
  }
  static const auto traditional = LoadConverter(kToTraditionalCharsConfig);
  return *traditional;
}

// Byte ranges of the names' occurrences in `text`, in order and without
// overlaps: at each start the longest name wins, and a name that starts
// inside an earlier one is dropped.
std::vector<std::pair<size_t, size_t>> NameRanges(
    std::string_view text, const std::vector<std::string>& names) {
  std::vector<std::pair<size_t, size_t>> found;
  for (const std::string& name : names) {
    if (name.empty()) continue;
    for (size_t at = text.find(name); at != std::string_view::npos;
         at = text.find(name, at + name.size())) {
      found.emplace_back(at, at + name.size());
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  std::vector<std::pair<size_t, size_t>> ranges;
  for (const auto& range : found) {
    if (ranges.empty() || range.first >= ranges.back().second) {
      ranges.push_back(range);
    }
  }
  return ranges;
}

}  // namespace

std::optional<Script> ParseScript(std::string_view name) {
  if (name == "hans") return Script::kSimplified;
  if (name == "hant") return Script::kTraditional;
  if (name == "original") return Script::kOriginal;
  return std::nullopt;
}

std::string ConvertScript(std::string_view text, Script script) {
  if (script == Script::kOriginal || text.empty()) return std::string(text);
  return Converter(script).Convert(std::string(text));
}

std::string ConvertScriptKeepingNames(std::string_view text, Script script,
                                      const std::vector<std::string>& names) {
  std::vector<size_t> cuts;
  return ConvertScriptKeepingNames(text, script, names, &cuts);
}

std::string ConvertScriptKeepingNames(std::string_view text, Script script,
                                      const std::vector<std::string>& names,
                                      std::vector<size_t>* cuts) {
  if (script == Script::kOriginal || text.empty()) return std::string(text);
  std::vector<std::pair<size_t, size_t>> ranges = NameRanges(text, names);

  // The conversion starts a new piece at each cut and at both ends of each
  // name.
  std::vector<size_t> bounds = *cuts;
  for (const auto& [begin, end] : ranges) {
    bounds.push_back(begin);
    bounds.push_back(end);
  }
  bounds.push_back(text.size());
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());

  std::string converted;
  std::vector<std::pair<size_t, size_t>> mapped;  // original, converted
  size_t at = 0;
  auto range = ranges.begin();
  for (size_t bound : bounds) {
    if (bound > text.size()) break;
    mapped.emplace_back(at, converted.size());
    if (bound == at) continue;
    while (range != ranges.end() && range->second <= at) ++range;
    std::string piece(text.substr(at, bound - at));
    bool in_name = range != ranges.end() && range->first <= at;
    converted += in_name ? CharacterConverter(script).Convert(piece)
                         : Converter(script).Convert(piece);
    at = bound;
  }
  mapped.emplace_back(at, converted.size());
  for (size_t& cut : *cuts) {
    auto found = std::lower_bound(mapped.begin(), mapped.end(),
                                  std::make_pair(cut, size_t{0}));
    cut = found != mapped.end() && found->first == cut ? found->second
                                                       : converted.size();
  }
  return converted;
}

}  // namespace bidscope
