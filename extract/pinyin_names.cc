// Recognition of organisation and place names by their suffixes.
#include <array>
#include <string>

#include "extract/pinyin.h"
#include "extract/segment_chars.h"

namespace bidscope {
namespace {

using segment_internal::DecodeAt;
using segment_internal::IsHan;

// Longest first, so 有限公司 wins over 公司 at the same end.
constexpr std::array<std::u32string_view, 42> kSuffixes = {
    U"股份有限公司", U"有限责任公司", U"有限公司", U"委员会", U"办公室",
    U"研究院",       U"研究所",       U"派出所",   U"检察院", U"网信办",
    U"政法委",       U"公司",         U"集团",     U"分局",   U"中心",
    U"医院",         U"大学",         U"学院",     U"学校",   U"支队",
    U"大队",         U"兵团",         U"政府",     U"法院",   U"街道",
    U"纪委",         U"民委",         U"局",       U"厅",     U"市",
    U"县",           U"区",           U"州",       U"省",     U"镇",
    U"乡",           U"村",           U"盟",       U"旗",     U"所",
    U"处",           U"部",
};

// Words in which a suffix character does not end a name (市场, 区域).
constexpr std::array<std::u32string_view, 24> kNotNameEnds = {
    U"市场", U"市民", U"市级", U"区域", U"区间", U"区级", U"县级", U"省级",
    U"局部", U"局面", U"局限", U"村民", U"村级", U"镇级", U"所有", U"所需",
    U"所在", U"所属", U"处理", U"处置", U"部分", U"部署", U"部门", U"中心化",
};

// Words that introduce a name rather than belong to it.
constexpr std::array<std::u32string_view, 18> kLeadIns = {
    U"中标供应商", U"采购单位", U"采购人", U"招标人", U"中标人", U"供应商",
    U"代理机构",   U"本项目",   U"委托",   U"根据",   U"关于",   U"经",
    U"由",         U"为",       U"向",     U"在",     U"对",     U"现",
};

// Characters after which a name starts: function words that do not occur
// in the names this is meant for. 和 is left out because of 和田.
constexpr std::u32string_view kNameBreaks = U"的与及由为向在对是被将于";

constexpr size_t kMinNameChars = 3;
constexpr size_t kMaxNameChars = 25;

struct HanRun {
  std::u32string chars;
  std::vector<size_t> offsets;  // byte offset of each char, then the end
};

// The end (in chars) of the last suffix in `run` that ends a name.
size_t LastNameEnd(const std::u32string& run) {
  size_t best = 0;
  for (size_t end = 1; end <= run.size(); ++end) {
    for (std::u32string_view suffix : kSuffixes) {
      if (suffix.size() > end ||
          run.compare(end - suffix.size(), suffix.size(), suffix) != 0) {
        continue;
      }
      bool blocked = false;
      for (std::u32string_view word : kNotNameEnds) {
        size_t start = end - 1;
        if (start + word.size() <= run.size() &&
            run.compare(start, word.size(), word) == 0) {
          blocked = true;
        }
      }
      if (!blocked) best = end;
      break;
    }
  }
  return best;
}

// The start (in chars) of the name ending at `end`.
size_t NameStart(const std::u32string& run, size_t end) {
  size_t start = 0;
  for (size_t i = 0; i + 1 < end; ++i) {
    if (kNameBreaks.find(run[i]) != std::u32string_view::npos) start = i + 1;
  }
  bool stripped = true;
  while (stripped) {
    stripped = false;
    for (std::u32string_view word : kLeadIns) {
      if (start + word.size() < end &&
          run.compare(start, word.size(), word) == 0) {
        start += word.size();
        stripped = true;
        break;
      }
    }
  }
  return start;
}

void AddNameInRun(std::string_view text, const HanRun& run,
                  std::vector<NameMention>* names) {
  size_t end = LastNameEnd(run.chars);
  if (end == 0) return;
  size_t start = NameStart(run.chars, end);
  size_t length = end - start;
  if (length < kMinNameChars || length > kMaxNameChars) return;
  NameMention mention;
  mention.begin = run.offsets[start];
  mention.end = run.offsets[end];
  mention.name =
      std::string(text.substr(mention.begin, mention.end - mention.begin));
  names->push_back(std::move(mention));
}

}  // namespace

std::vector<NameMention> FindNames(std::string_view text) {
  std::vector<NameMention> names;
  HanRun run;
  for (size_t i = 0, next; i <= text.size(); i = next) {
    char32_t c = i < text.size() ? DecodeAt(text, i, &next) : 0;
    if (i < text.size() && IsHan(c)) {
      run.chars.push_back(c);
      run.offsets.push_back(i);
      continue;
    }
    if (!run.chars.empty()) {
      run.offsets.push_back(i);
      AddNameInRun(text, run, &names);
      run = HanRun();
    }
    if (i >= text.size()) break;
  }
  return names;
}

}  // namespace bidscope
