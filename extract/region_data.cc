#include "extract/region_data.h"

#include <unicode/ustring.h>

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace bidscope::region_data {

namespace {

// Suffixes dropped to form the short name: 安徽省 -> 安徽, 合肥市 -> 合肥.
constexpr std::u16string_view kSuffixes[] = {
    u"维吾尔自治区", u"壮族自治区", u"回族自治区", u"特别行政区", u"自治区",
    u"自治县",       u"地区",       u"省",         u"市",         u"盟",
    u"区",           u"县",         u"旗"};

std::u16string ShortName(std::u16string_view name) {
  for (std::u16string_view suffix : kSuffixes) {
    if (name.size() > suffix.size() + 1 && name.ends_with(suffix)) {
      return std::u16string(name.substr(0, name.size() - suffix.size()));
    }
  }
  return u"";
}

// Ethnic group names that autonomous divisions carry before 族, so that
// 酉阳土家族苗族自治县 is also found as 酉阳县 and 酉阳, and
// 延边朝鲜族自治州 as 延边州 and 延边.
constexpr std::u16string_view kEthnicGroups[] = {
    u"土家",   u"苗",       u"彝",     u"藏",   u"回",       u"蒙古",
    u"壮",     u"布依",     u"侗",     u"瑶",   u"白",       u"哈尼",
    u"傣",     u"黎",       u"傈僳",   u"佤",   u"畲",       u"拉祜",
    u"水",     u"东乡",     u"纳西",   u"景颇", u"柯尔克孜", u"土",
    u"达斡尔", u"仫佬",     u"羌",     u"布朗", u"撒拉",     u"毛南",
    u"仡佬",   u"锡伯",     u"阿昌",   u"普米", u"朝鲜",     u"塔吉克",
    u"怒",     u"乌孜别克", u"鄂温克", u"德昂", u"保安",     u"裕固",
    u"京",     u"独龙",     u"鄂伦春", u"满",   u"哈萨克",   u"维吾尔",
    u"各"};

// Place name before the ethnic groups of an autonomous county, banner or
// prefecture, with the suffix for the alias (县, 旗 or 州). Both are empty
// when `name` is not autonomous.
std::pair<std::u16string, std::u16string> AutonomousStem(
    const std::u16string& name) {
  std::u16string alias_suffix;
  if (name.ends_with(u"自治县")) alias_suffix = u"县";
  if (name.ends_with(u"自治旗")) alias_suffix = u"旗";
  if (name.ends_with(u"自治州")) alias_suffix = u"州";
  if (alias_suffix.empty()) return {};
  size_t cut = std::u16string::npos;
  for (std::u16string_view group : kEthnicGroups) {
    size_t at = name.find(std::u16string(group) + u"族");
    if (at != std::u16string::npos && at > 0 && at < cut) cut = at;
  }
  if (cut == std::u16string::npos || cut < 2) return {};
  return {name.substr(0, cut), alias_suffix};
}

// Splits a line into at most four tab-separated cells. A trailing tab
// gives no empty last cell.
size_t SplitCells(std::string_view line, std::string_view (&cells)[4]) {
  size_t count = 0;
  size_t start = 0;
  while (start <= line.size() && count < 4) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) tab = line.size();
    cells[count++] = line.substr(start, tab - start);
    start = tab + 1;
  }
  if (start == line.size() + 1 && line.back() == '\t') --count;
  return count;
}

}  // namespace

std::u16string ToUtf16(std::string_view utf8) {
  // UTF-8 never takes fewer code units than UTF-16 for the same text.
  std::u16string out(utf8.size(), u'\0');
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length,
                       utf8.data(), static_cast<int32_t>(utf8.size()), 0xFFFD,
                       nullptr, &status);
  out.resize(U_SUCCESS(status) ? length : 0);
  return out;
}

Tables OwnedTables::View() const { return {divisions, names, codes, starts}; }

void ParseTsv(std::string_view tsv, OwnedTables* out) {
  // Every name with its code, in the order the rows add them.
  std::vector<std::pair<std::u16string, int32_t>> named;
  std::unordered_map<std::string_view, int32_t> by_code;
  int line_number = 0;
  size_t start = 0;
  while (start < tsv.size()) {
    size_t end = tsv.find('\n', start);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.empty() || line[0] == '#' || line.starts_with("code\t")) continue;
    std::string_view cells[4];
    size_t cell_count = SplitCells(line, cells);
    int32_t parent = -1;
    if (cell_count > 3 && !cells[3].empty()) {
      auto found = by_code.find(cells[3]);
      if (found == by_code.end()) {
        throw std::runtime_error(
            "regions table line " + std::to_string(line_number) + ": parent " +
            std::string(cells[3]) + " is not listed above");
      }
      parent = found->second;
    }
    Level level = Level::kCounty;
    if (cells[1] == "province") level = Level::kProvince;
    if (cells[1] == "city") level = Level::kCity;
    const std::string& code = out->strings.emplace_back(cells[0]);
    const std::string& name = out->strings.emplace_back(cells[2]);
    auto index = static_cast<int32_t>(out->divisions.size());
    by_code[code] = index;
    out->divisions.push_back({code, level, name, parent});

    std::u16string full = ToUtf16(name);
    std::u16string short_name = ShortName(full);
    auto [stem, alias_suffix] = AutonomousStem(full);
    named.emplace_back(std::move(full), index);
    if (!short_name.empty())
      named.emplace_back(std::move(short_name), -1 - index);
    if (!stem.empty()) {
      named.emplace_back(stem + alias_suffix, index);
      named.emplace_back(std::move(stem), -1 - index);
    }
  }

  // Sorted by name. A name's codes keep the order they were added in.
  std::stable_sort(
      named.begin(), named.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < named.size();) {
    const std::u16string& text = out->texts.emplace_back(named[i].first);
    auto first = static_cast<uint32_t>(out->codes.size());
    for (; i < named.size() && named[i].first == text; ++i) {
      out->codes.push_back(named[i].second);
    }
    out->names.push_back(
        {text, first, static_cast<uint32_t>(out->codes.size()) - first});
    if (text.size() >= 2) out->starts.push_back(NameStart(text, 0));
  }
  std::sort(out->starts.begin(), out->starts.end());
  out->starts.erase(std::unique(out->starts.begin(), out->starts.end()),
                    out->starts.end());
}

}  // namespace bidscope::region_data
