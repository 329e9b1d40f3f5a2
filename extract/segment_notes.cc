#include "extract/segment_notes.h"

#include <map>
#include <string>

#include "extract/pinyin.h"

namespace bidscope {

void AnnotateSegments(std::vector<Segment>* segments, const Lexicon& lexicon,
                      const AnnotateOptions& options) {
  // Names repeat across segments and ICU transliteration is slow.
  std::map<std::string, std::string> pinyin_cache;
  for (Segment& segment : *segments) {
    if (options.glossary) {
      for (std::string& hint : lexicon.GlossaryHints(segment.source)) {
        segment.notes.push_back({"glossary", std::move(hint)});
      }
    }
    if (!options.pinyin) continue;
    for (const NameMention& mention : FindNames(segment.source)) {
      auto [it, inserted] = pinyin_cache.try_emplace(mention.name);
      if (inserted) it->second = ToPinyin(mention.name);
      segment.notes.push_back({"pinyin", mention.name + ": " + it->second});
    }
  }
}

}  // namespace bidscope
