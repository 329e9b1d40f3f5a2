#include "extract/records_fields.h"

#include <algorithm>
#include <string_view>

namespace bidscope {

namespace {

// Field names seen in Chinese procurement scrapes and common English
// dumps, per role, best first. A field matches when its name, or the last
// component of a dotted name, equals an entry ignoring ASCII case. When no
// name matches exactly, a name ending in one of the role's suffixes does
// ("detail_url", "公告标题", "publication_date").
//
//   role   exact names                                   suffixes
//   url    url link href source_url detail_url           url link href
//          infourl original_link 详情链接 链接 跳转链接        链接 网址
//   title  title 标题 公告标题 name 项目名称 project_name    title 标题
//          object subject 法規名稱                          名称 名稱
//   date   publish_date pub_date publishTime published_ts date time
//          publication_date 发布时间 发布日期 infodate date  日期 时间
//          time createDate pubinwebdate                   _ts 日期
//   text   text content body 正文 内容 detail html          content 内容
//          content_text infocontent description            內容 正文
constexpr std::string_view kUrlNames[] = {
    "url",     "link",          "href",     "source_url", "detail_url",
    "infourl", "original_link", "详情链接", "链接",       "跳转链接"};
constexpr std::string_view kUrlSuffixes[] = {"url",  "link", "href",
                                             "链接", "网址", "網址"};

constexpr std::string_view kTitleNames[] = {
    "title",        "标题",   "公告标题", "name",     "项目名称",
    "project_name", "object", "subject",  "法規名稱", "標題"};
constexpr std::string_view kTitleSuffixes[] = {"title", "标题", "標題", "名称",
                                               "名稱"};

constexpr std::string_view kDateNames[] = {
    "publish_date",     "pub_date", "publishtime", "published_ts",
    "publication_date", "发布时间", "发布日期",    "發布日期",
    "infodate",         "date",     "time",        "createdate",
    "pubinwebdate"};
constexpr std::string_view kDateSuffixes[] = {"date", "time", "_ts",
                                              "日期", "时间", "時間"};

constexpr std::string_view kTextNames[] = {
    "text",   "content", "body",         "正文",        "内容",       "內容",
    "detail", "html",    "content_text", "infocontent", "description"};
constexpr std::string_view kTextSuffixes[] = {"content", "内容", "內容",
                                              "正文"};

// Party fields, matched like the roles above but on exact names only,
// because suffixes such as "name" or "单位" are too broad. A party field
// keeps its "key: value" line in the text.
constexpr std::string_view kBuyerNames[] = {
    "buyer",          "buyer_name",       "buyername", "purchaser",
    "purchaser_name", "procuring_entity", "采购人",    "采购单位",
    "采购人名称",     "招标人",           "招标单位",  "招标人名称"};
constexpr std::string_view kAgencyNames[] = {
    "agency",       "agency_name",        "agencyname",
    "agent",        "procurement_agency", "代理机构",
    "采购代理机构", "招标代理机构",       "代理机构名称"};
constexpr std::string_view kSupplierNames[] = {
    "winner",        "winner_name",  "winnername", "supplier",
    "supplier_name", "suppliername", "awardee",    "中标人",
    "中标单位",      "中标供应商",   "成交供应商", "中标人名称"};

// Project number fields. Chinese labels such as 项目编号 are also read
// from the record's text.
constexpr std::string_view kProjectNumberNames[] = {
    "projectno",  "project_no",  "projectcode",    "project_code",
    "projectnum", "project_num", "project_number", "projectnumber",
    "tender_no",  "tenderno",    "bid_no",         "项目编号",
    "招标编号",   "采购编号"};

// Notice type fields: the site's category of the notice.
constexpr std::string_view kNoticeTypeNames[] = {
    "notice_type", "noticetype", "subtype",       "sub_type",
    "info_type",   "infotype",   "announce_type", "announcetype",
    "category",    "公告类型",   "信息类型",      "公告类别"};

// Region fields: the province, city or district the site files the notice
// under. Their values are joined into one text for the region table.
constexpr std::string_view kRegionNames[] = {
    "area", "province", "city", "district", "county",   "region",
    "地区", "省份",     "城市", "区县",     "所属地区", "行政区划"};

// Values that mean no party was named.
constexpr std::string_view kPlaceholders[] = {"无",   "/",    "-",   "—",
                                              "null", "none", "n/a", "暂无"};

// Maximum length of a party name taken from a column, in bytes.
constexpr size_t kMaxPartyBytes = 200;

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// The name a role is matched on: the last dotted component, lower-cased.
std::string MatchName(std::string_view key) {
  size_t dot = key.rfind('.');
  return AsciiLower(dot == std::string_view::npos ? key : key.substr(dot + 1));
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.substr(text.size() - suffix.size()) == suffix;
}

// Fields that may take a role: non-empty and not yet given another.
std::vector<bool> Candidates(const RecordFields& fields) {
  std::vector<bool> free(fields.size());
  for (size_t i = 0; i < fields.size(); ++i) {
    free[i] =
        fields[i].second.find_first_not_of(" \t\r\n") != std::string::npos;
  }
  return free;
}

template <typename Names>
int FindExact(const RecordFields& fields, const std::vector<bool>& free,
              const Names& names) {
  for (const auto& name : names) {
    std::string expected = AsciiLower(name);
    for (size_t i = 0; i < fields.size(); ++i) {
      if (free[i] && MatchName(fields[i].first) == expected) return int(i);
    }
  }
  return -1;
}

// True when a dotted name has a list index in it: "attachments.0.url".
bool IsInList(std::string_view key) {
  size_t start = 0;
  while (start <= key.size()) {
    size_t end = std::min(key.find('.', start), key.size());
    std::string_view part = key.substr(start, end - start);
    if (!part.empty() &&
        part.find_first_not_of("0123456789") == std::string_view::npos) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

// A value that a browser opens without a base address. A field found by
// its name's suffix only ("areaUrl", "subtypeUrl") is often a site-relative
// link to a listing page, which is not the record's address.
bool IsAbsoluteUrl(std::string_view value) {
  std::string lower = AsciiLower(
      value.substr(std::min(value.size(), value.find_first_not_of(" \t\r\n"))));
  return lower.starts_with("http://") || lower.starts_with("https://") ||
         lower.starts_with("ftp://") || lower.starts_with("www.");
}

// `accepts`, when given, must hold for the value of a field found by
// suffix.
template <typename Names, typename Suffixes>
int FindRole(const RecordFields& fields, std::vector<bool>& free,
             const Names& names, const Suffixes& suffixes,
             bool (*accepts)(std::string_view)) {
  auto find_in = [&](const std::vector<bool>& allowed) {
    int found = FindExact(fields, allowed, names);
    for (size_t i = 0; found < 0 && i < fields.size(); ++i) {
      std::string name = MatchName(fields[i].first);
      if (accepts && !accepts(fields[i].second)) continue;
      for (std::string_view suffix : suffixes) {
        if (allowed[i] && EndsWith(name, suffix)) found = int(i);
      }
    }
    return found;
  };
  // Fields of the record itself come before those of its lists, so that
  // the URL of an attachment ("attachments.0.url") is not the record's.
  std::vector<bool> own = free;
  for (size_t i = 0; i < fields.size(); ++i) {
    own[i] = own[i] && !IsInList(fields[i].first);
  }
  int found = find_in(own);
  if (found < 0) found = find_in(free);
  if (found >= 0) free[found] = false;
  return found;
}

int FindOverride(const RecordFields& fields, std::vector<bool>& free,
                 const std::vector<std::string>& names) {
  int found = FindExact(fields, free, names);
  if (found >= 0) free[found] = false;
  return found;
}

}  // namespace

RecordColumns FindRecordColumns(const RecordFields& fields) {
  auto party_value = [](std::string_view value) -> std::string {
    size_t start = value.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return "";
    size_t end = value.find_last_not_of(" \t\r\n");
    std::string trimmed(value.substr(start, end - start + 1));
    if (trimmed.size() > kMaxPartyBytes) return "";
    std::string lower = AsciiLower(trimmed);
    for (std::string_view placeholder : kPlaceholders) {
      if (lower == placeholder) return "";
    }
    return trimmed;
  };
  auto is_named = [](const std::string& name, const auto& names) {
    return std::find(std::begin(names), std::end(names), name) !=
           std::end(names);
  };

  RecordColumns parties;
  for (const auto& [key, raw] : fields) {
    std::string name = MatchName(key);
    std::string value = party_value(raw);
    if (value.empty()) continue;
    if (is_named(name, kRegionNames)) {
      if (!parties.region.empty()) parties.region += " ";
      parties.region += value;
    } else if (parties.notice_type.empty() &&
               is_named(name, kNoticeTypeNames)) {
      parties.notice_type = value;
    } else if (parties.project_number.empty() &&
               is_named(name, kProjectNumberNames)) {
      parties.project_number = value;
    } else if (parties.buyer.empty() && is_named(name, kBuyerNames)) {
      parties.buyer = value;
    } else if (parties.agency.empty() && is_named(name, kAgencyNames)) {
      parties.agency = value;
    } else if (is_named(name, kSupplierNames) &&
               std::find(parties.suppliers.begin(), parties.suppliers.end(),
                         value) == parties.suppliers.end()) {
      parties.suppliers.push_back(value);
    }
  }
  return parties;
}

FieldRoles AssignFieldRoles(const RecordFields& fields,
                            const ExtractOptions& options) {
  FieldRoles roles;
  std::vector<bool> free = Candidates(fields);

  // Order matters because a field takes only its first role: a URL named
  // "detail_url" must not become the body "detail".
  auto pick = [&](const std::vector<std::string>& override_names,
                  const auto& names, const auto& suffixes,
                  bool (*accepts)(std::string_view) = nullptr) {
    return override_names.empty()
               ? FindRole(fields, free, names, suffixes, accepts)
               : FindOverride(fields, free, override_names);
  };
  roles.url = pick(options.url_fields, kUrlNames, kUrlSuffixes, IsAbsoluteUrl);
  roles.title = pick(options.title_fields, kTitleNames, kTitleSuffixes);
  roles.date = pick(options.date_fields, kDateNames, kDateSuffixes);

  // Every remaining field that matches a body name is part of the body.
  while (true) {
    int text = pick(options.text_fields, kTextNames, kTextSuffixes);
    if (text < 0) break;
    roles.text.push_back(text);
  }
  std::sort(roles.text.begin(), roles.text.end());
  return roles;
}

}  // namespace bidscope
