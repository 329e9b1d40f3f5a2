#include "extract/region.h"

#include <unicode/ustring.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "extract/fields_text.h"

namespace bidscope {

namespace {

std::u16string ToU16(std::string_view utf8) {
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

// Suffixes dropped to form the short name: 安徽省 -> 安徽, 合肥市 -> 合肥.
const std::vector<std::u16string>& Suffixes() {
  static const std::vector<std::u16string> suffixes = {
      u"维吾尔自治区", u"壮族自治区", u"回族自治区", u"特别行政区", u"自治区",
      u"自治县",       u"地区",       u"省",         u"市",         u"盟",
      u"区",           u"县",         u"旗"};
  return suffixes;
}

std::u16string ShortName(const std::u16string& name) {
  for (const std::u16string& suffix : Suffixes()) {
    if (name.size() > suffix.size() + 1 && name.ends_with(suffix)) {
      return name.substr(0, name.size() - suffix.size());
    }
  }
  return u"";
}

constexpr size_t kMaxNameUnits = 12;

// Packs the two code units of `text` at `i` as (first << 16) | second.
uint32_t NameStart(std::u16string_view text, size_t i) {
  return (static_cast<uint32_t>(text[i]) << 16) | text[i + 1];
}

// Ethnic group names that autonomous divisions carry before 族, so that
// 酉阳土家族苗族自治县 is also found as 酉阳县 and 酉阳, and
// 延边朝鲜族自治州 as 延边州 and 延边.
const std::vector<std::u16string>& EthnicGroups() {
  static const std::vector<std::u16string> groups = {
      u"土家",   u"苗",       u"彝",     u"藏",   u"回",       u"蒙古",
      u"壮",     u"布依",     u"侗",     u"瑶",   u"白",       u"哈尼",
      u"傣",     u"黎",       u"傈僳",   u"佤",   u"畲",       u"拉祜",
      u"水",     u"东乡",     u"纳西",   u"景颇", u"柯尔克孜", u"土",
      u"达斡尔", u"仫佬",     u"羌",     u"布朗", u"撒拉",     u"毛南",
      u"仡佬",   u"锡伯",     u"阿昌",   u"普米", u"朝鲜",     u"塔吉克",
      u"怒",     u"乌孜别克", u"鄂温克", u"德昂", u"保安",     u"裕固",
      u"京",     u"独龙",     u"鄂伦春", u"满",   u"哈萨克",   u"维吾尔",
      u"各"};
  return groups;
}

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
  for (const std::u16string& group : EthnicGroups()) {
    size_t at = name.find(group + u"族");
    if (at != std::u16string::npos && at > 0 && at < cut) cut = at;
  }
  if (cut == std::u16string::npos || cut < 2) return {};
  return {name.substr(0, cut), alias_suffix};
}

}  // namespace

RegionTable RegionTable::FromTsv(std::string_view tsv) {
  RegionTable table;
  // Every process that extracts fields loads the table, so lines are cut
  // with string views and the containers are sized once: a stream per line
  // and rehashing made loading cost more than the fields of a short notice.
  size_t lines = static_cast<size_t>(std::count(tsv.begin(), tsv.end(), '\n'));
  std::unordered_map<std::string_view, int> by_code;
  by_code.reserve(lines);
  table.entries_.reserve(lines);
  table.names_.reserve(2 * lines);
  table.name_starts_.reserve(2 * lines);
  int line_number = 0;
  size_t start = 0;
  while (start < tsv.size()) {
    size_t end = tsv.find('\n', start);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.empty() || line[0] == '#' || line.starts_with("code\t")) continue;
    // Cells after the fourth are ignored.
    std::string_view cells[4];
    size_t cell_count = 0;
    size_t cell_start = 0;
    while (cell_start <= line.size() && cell_count < 4) {
      size_t tab = line.find('\t', cell_start);
      if (tab == std::string_view::npos) tab = line.size();
      cells[cell_count++] = line.substr(cell_start, tab - cell_start);
      cell_start = tab + 1;
    }
    // A trailing tab gives no empty last cell, as with std::getline.
    if (cell_start == line.size() + 1 && line.back() == '\t') --cell_count;
    Entry entry{std::string(cells[0]), Level::kCounty, std::string(cells[2]),
                -1};
    if (cells[1] == "province") entry.level = Level::kProvince;
    if (cells[1] == "city") entry.level = Level::kCity;
    if (cell_count > 3 && !cells[3].empty()) {
      auto parent = by_code.find(cells[3]);
      if (parent == by_code.end()) {
        throw std::runtime_error(
            "regions table line " + std::to_string(line_number) + ": parent " +
            std::string(cells[3]) + " is not listed above");
      }
      entry.parent = parent->second;
    }
    int index = static_cast<int>(table.entries_.size());
    by_code[cells[0]] = index;
    table.entries_.push_back(entry);
    std::u16string name = ToU16(entry.name);
    table.AddName(name, index, false);
    std::u16string short_name = ShortName(name);
    if (!short_name.empty()) table.AddName(short_name, index, true);
    auto [stem, alias_suffix] = AutonomousStem(name);
    if (!stem.empty()) {
      table.AddName(stem + alias_suffix, index, false);
      table.AddName(stem, index, true);
    }
  }
  return table;
}

const RegionTable& RegionTable::Default() {
  // Never destroyed: freeing thousands of names at exit is work for nothing.
  static const RegionTable* table = [] {
    const char* dir = std::getenv("BIDSCOPE_DATA_DIR");
    std::string path =
        std::string(dir ? dir : BIDSCOPE_DATA_DIR) + "/regions.tsv";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      auto* empty = new RegionTable;
      empty->load_error_ = "region table " + path + " cannot be read";
      return empty;
    }
    std::string content((std::istreambuf_iterator<char>(in)),
                        std::istreambuf_iterator<char>());
    return new RegionTable(FromTsv(content));
  }();
  return *table;
}

void RegionTable::AddName(const std::u16string& name, int index,
                          bool short_form) {
  names_[name].push_back(short_form ? -1 - index : index);
  if (name.size() >= 2) name_starts_.insert(NameStart(name, 0));
}

// True when a name that is only a county's short form runs on into an
// organ suffix: 公安 in 公安局 is the police, not 公安县, and 民政 in 民政局
// is civil affairs.
bool RegionTable::IsOrganWord(const std::vector<int>& coded,
                              const std::u16string& text, size_t end) const {
  static const std::u16string kOrganSuffixes = u"局厅处部所队委办院";
  if (end >= text.size() ||
      kOrganSuffixes.find(text[end]) == std::u16string::npos)
    return false;
  for (int code : coded) {
    if (code >= 0 || entries_[-1 - code].level != Level::kCounty) return false;
  }
  return true;
}

// True when a province's or city's name given only in short form runs on
// into 时间 or a street word. 北京时间 is Beijing time, China's time zone.
// Chinese cities name streets after other places: 南京 in 上海市南京东路
// 100号 and 中山 in 中山北路88号 name streets. The street
// word must end the name's phrase (a number, 号 or punctuation follows), so
// that 路桥 and 路政 in a company's or bureau's name still give the place.
// County names are left alone, because a street is often named after its
// own district (越秀北路 in 越秀区), and a county's short form counts only
// beside its province or city anyway.
bool RegionTable::IsStreetOrTimeZone(const std::vector<int>& coded,
                                     const std::u16string& text,
                                     size_t end) const {
  bool above_county = false;
  for (int code : coded) {
    if (code >= 0) return false;
    above_county |= entries_[-1 - code].level != Level::kCounty;
  }
  if (!above_county) return false;

  // A line break of the layout may fall after the name (北京\n时间).
  std::u16string_view rest(text);
  rest.remove_prefix(std::min(end, rest.size()));
  while (!rest.empty() && (rest.front() == u' ' || rest.front() == u'\n' ||
                           rest.front() == u'\r' || rest.front() == u'\t' ||
                           rest.front() == u'\u3000')) {
    rest.remove_prefix(1);
  }
  if (rest.starts_with(u"时间")) return true;

  static const std::u16string kDirections = u"东西南北中";
  static const std::u16string_view kStreetWords[] = {
      u"大街", u"大道", u"胡同", u"立交", u"大桥", u"路", u"街", u"巷", u"弄"};
  // Characters after a street's name that keep it a street: 号, 与, 口,
  // a side (东侧), or a place on it (校区, 小区, 支行, 站).
  static const std::u16string kFollowers =
      u"号与和交口段东西南北中侧校小社分支店站派附沿以";
  if (!rest.empty() && kDirections.find(rest.front()) != std::u16string::npos) {
    rest.remove_prefix(1);
  }
  for (std::u16string_view word : kStreetWords) {
    if (!rest.starts_with(word)) continue;
    std::u16string_view after = rest.substr(word.size());
    if (after.empty()) return true;
    char16_t next = after.front();
    bool han = next >= 0x3400 && next <= 0x9FFF;
    return !han || kFollowers.find(next) != std::u16string::npos;
  }
  return false;
}

std::vector<RegionTable::Mention> RegionTable::FindMentions(
    std::string_view text) const {
  icu::UnicodeString normalized = fields_internal::NormalizeForFields(text);
  std::u16string s(normalized.getBuffer(), normalized.length());
  std::u16string_view view(s);
  std::vector<Mention> mentions;

  // Take the longest name at each position, then continue after it.
  for (size_t i = 0; i < s.size();) {
    if (i + 2 > s.size() || !name_starts_.contains(NameStart(view, i))) {
      ++i;
      continue;
    }
    size_t matched = 0;
    for (size_t n = std::min(kMaxNameUnits, s.size() - i); n >= 2; --n) {
      auto found = names_.find(view.substr(i, n));
      if (found == names_.end()) continue;
      if (IsOrganWord(found->second, s, i + n)) continue;
      if (IsStreetOrTimeZone(found->second, s, i + n)) continue;
      // A province's short name is the province, not a city or county of
      // another province: 海南 is Hainan, not Qinghai's 海南藏族自治州.
      int province = -1;
      for (int coded : found->second) {
        int index = coded < 0 ? -1 - coded : coded;
        if (entries_[index].level == Level::kProvince) province = index;
      }
      Mention mention;
      for (int coded : found->second) {
        bool short_form = coded < 0;
        int index = short_form ? -1 - coded : coded;
        if (province >= 0 && !IsAncestorOrSelf(province, index)) continue;
        mention.entries.push_back(index);
        mention.short_county.push_back(short_form &&
                                       entries_[index].level == Level::kCounty);
      }
      mentions.push_back(mention);
      matched = n;
      break;
    }
    i += matched > 0 ? matched : 1;
  }
  return mentions;
}

bool RegionTable::IsAncestorOrSelf(int ancestor, int entry) const {
  for (int i = entry; i >= 0; i = entries_[i].parent) {
    if (i == ancestor) return true;
  }
  return false;
}

Region RegionTable::ToRegion(int entry) const {
  Region region;
  region.code = entries_[entry].code;
  for (int i = entry; i >= 0; i = entries_[i].parent) {
    const Entry& e = entries_[i];
    if (e.level == Level::kProvince) region.province = e.name;
    if (e.level == Level::kCity) region.city = e.name;
    if (e.level == Level::kCounty) region.county = e.name;
  }
  return region;
}

std::vector<std::string> RegionTable::CodesNamed(std::string_view name) const {
  std::vector<std::string> codes;
  auto found = names_.find(ToU16(name));
  if (found == names_.end()) return codes;
  for (int index : found->second) {
    const std::string& code = entries_[index >= 0 ? index : -1 - index].code;
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
      codes.push_back(code);
    }
  }
  return codes;
}

Region RegionTable::Resolve(std::string_view text) const {
  std::vector<Mention> mentions = FindMentions(text);

  // Score each candidate by the mentions it agrees with. Deeper levels win
  // ties, and a tie between two divisions at the same depth leaves that
  // depth out.
  int best = -1;
  int best_score = 0;
  int tied_with = -1;
  for (const Mention& mention : mentions) {
    for (size_t k = 0; k < mention.entries.size(); ++k) {
      int candidate = mention.entries[k];
      int score = 0;
      int ancestors = 0;
      for (const Mention& other : mentions) {
        for (int e : other.entries) {
          if (IsAncestorOrSelf(e, candidate)) {
            ++score;
            if (e != candidate) ++ancestors;
            break;
          }
        }
      }
      // A county's short name (公安 for 公安县) is also an everyday word, so
      // it counts only beside its province or city. Repeating the short
      // name itself is no support. A province or city of the same short
      // name (河北 for 河北省, beside Tianjin's 河北区) still counts.
      if (mention.short_county[k] && ancestors == 0) continue;
      bool deeper =
          best >= 0 && entries_[candidate].level > entries_[best].level;
      if (best < 0 || score > best_score || (score == best_score && deeper)) {
        best = candidate;
        best_score = score;
        tied_with = -1;
      } else if (score == best_score && candidate != best &&
                 entries_[candidate].level == entries_[best].level) {
        tied_with = candidate;
      }
    }
  }
  if (best < 0) return {};
  if (tied_with < 0) return ToRegion(best);

  // Ambiguous at the deepest level: keep the parent when both share it.
  int parent = entries_[best].parent;
  if (parent >= 0 && parent == entries_[tied_with].parent) {
    return ToRegion(parent);
  }
  return {};
}

}  // namespace bidscope
