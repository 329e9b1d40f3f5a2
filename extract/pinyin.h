// Pinyin for names of people, places and organisations, and recognition of
// organisation and place names in Chinese text, for translators' notes.
#ifndef BIDSCOPE_EXTRACT_PINYIN_H_
#define BIDSCOPE_EXTRACT_PINYIN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bidscope {

// Transliterates the Han characters of `text` to Hanyu Pinyin with tone
// marks, one syllable per character separated by spaces ("北京市" ->
// "běi jīng shì"), with ICU's "Han-Latin" transliterator; other characters
// pass through. ICU reads each character without context, so polyphonic
// characters can be wrong (长沙 comes out "zhǎng shā"). ICU transliterates
// about 0.1 MiB/s: use it on names and short fields, not on page text.
// Throws std::runtime_error when ICU cannot create the transliterator.
std::string ToPinyin(std::string_view text);

// A name found in text.
struct NameMention {
  size_t begin = 0;  // byte range in the text searched
  size_t end = 0;
  std::string name;
};

// Finds organisation and place names: runs of Han characters ending in a
// suffix such as 公司, 局, 市, 县, 区, 中心, 医院 or 大学, with leading
// words such as 采购人 or 由 removed. The rule is a heuristic: it misses
// names without such a suffix and can take in a preceding word.
std::vector<NameMention> FindNames(std::string_view text);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_PINYIN_H_
