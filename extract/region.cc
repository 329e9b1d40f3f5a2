#include "extract/region.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "extract/fields_text.h"

namespace bidscope {

namespace {

constexpr size_t kMaxNameUnits = 12;

// Lexicographic order of code units, the order of Tables::names.
bool NameBefore(const region_data::Name& name, std::u16string_view text) {
  return name.text < text;
}

}  // namespace

RegionTable RegionTable::FromTsv(std::string_view tsv) {
  auto owned = std::make_shared<region_data::OwnedTables>();
  region_data::ParseTsv(tsv, owned.get());
  region_data::Tables tables = owned->View();
  return RegionTable(tables, std::move(owned));
}

const RegionTable& RegionTable::Default() {
  static const RegionTable table(region_data::Compiled(), nullptr);
  return table;
}

RegionTable::Codes RegionTable::Find(std::u16string_view name) const {
  auto found = std::lower_bound(tables_.names.begin(), tables_.names.end(),
                                name, NameBefore);
  if (found == tables_.names.end() || found->text != name) return {};
  return tables_.codes.subspan(found->first, found->count);
}

// True when a name that is only a county's short form runs on into an
// organ suffix: 公安 in 公安局 is the police, not 公安县, and 民政 in 民政局
// is civil affairs.
bool RegionTable::IsOrganWord(Codes coded, const std::u16string& text,
                              size_t end) const {
  static const std::u16string kOrganSuffixes = u"局厅处部所队委办院";
  if (end >= text.size() ||
      kOrganSuffixes.find(text[end]) == std::u16string::npos)
    return false;
  for (int code : coded) {
    if (code >= 0 || Entry(-1 - code).level != Level::kCounty) return false;
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
bool RegionTable::IsStreetOrTimeZone(Codes coded, const std::u16string& text,
                                     size_t end) const {
  bool above_county = false;
  for (int code : coded) {
    if (code >= 0) return false;
    above_county |= Entry(-1 - code).level != Level::kCounty;
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
    if (i + 2 > s.size() ||
        !std::binary_search(tables_.starts.begin(), tables_.starts.end(),
                            region_data::NameStart(view, i))) {
      ++i;
      continue;
    }
    size_t matched = 0;
    for (size_t n = std::min(kMaxNameUnits, s.size() - i); n >= 2; --n) {
      Codes found = Find(view.substr(i, n));
      if (found.empty()) continue;
      if (IsOrganWord(found, s, i + n)) continue;
      if (IsStreetOrTimeZone(found, s, i + n)) continue;
      // A province's short name is the province, not a city or county of
      // another province: 海南 is Hainan, not Qinghai's 海南藏族自治州.
      int province = -1;
      for (int coded : found) {
        int index = coded < 0 ? -1 - coded : coded;
        if (Entry(index).level == Level::kProvince) province = index;
      }
      Mention mention;
      for (int coded : found) {
        bool short_form = coded < 0;
        int index = short_form ? -1 - coded : coded;
        if (province >= 0 && !IsAncestorOrSelf(province, index)) continue;
        mention.entries.push_back(index);
        mention.short_county.push_back(short_form &&
                                       Entry(index).level == Level::kCounty);
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
  for (int i = entry; i >= 0; i = Entry(i).parent) {
    if (i == ancestor) return true;
  }
  return false;
}

Region RegionTable::ToRegion(int entry) const {
  Region region;
  region.code = Entry(entry).code;
  for (int i = entry; i >= 0; i = Entry(i).parent) {
    const region_data::Division& e = Entry(i);
    if (e.level == Level::kProvince) region.province = e.name;
    if (e.level == Level::kCity) region.city = e.name;
    if (e.level == Level::kCounty) region.county = e.name;
  }
  return region;
}

std::vector<std::string> RegionTable::CodesNamed(std::string_view name) const {
  std::vector<std::string> codes;
  for (int index : Find(region_data::ToUtf16(name))) {
    std::string code(Entry(index >= 0 ? index : -1 - index).code);
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
      codes.push_back(std::move(code));
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
      bool deeper = best >= 0 && Entry(candidate).level > Entry(best).level;
      if (best < 0 || score > best_score || (score == best_score && deeper)) {
        best = candidate;
        best_score = score;
        tied_with = -1;
      } else if (score == best_score && candidate != best &&
                 Entry(candidate).level == Entry(best).level) {
        tied_with = candidate;
      }
    }
  }
  if (best < 0) return {};
  if (tied_with < 0) return ToRegion(best);

  // Ambiguous at the deepest level: keep the parent when both share it.
  int parent = Entry(best).parent;
  if (parent >= 0 && parent == Entry(tied_with).parent) {
    return ToRegion(parent);
  }
  return {};
}

}  // namespace bidscope
