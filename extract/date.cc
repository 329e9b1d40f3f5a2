#include "extract/date.h"

#include <fmt/format.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include "extract/amount_numeral.h"
#include "extract/anchored_search.h"
#include "extract/fields_text.h"

namespace bidscope {

using fields_internal::ClauseStart;
using fields_internal::Group;
using fields_internal::Keyword;
using fields_internal::NearestKeyword;
using fields_internal::ToUtf8;
using fields_internal::Utf8Slice;

namespace {

// Year-month-day in three notations: 年月日 (Arabic, 二〇二一 or Minguo
// years), 2021-12-31 with - / or . and 月日 without a year. Taiwan writes
// Minguo years without 民國 too: 113年4月25日 and 113/04/25. A bare year
// of three digits is read as Minguo only from 100 (2011) to 199, and the
// slash form only with a valid month and day, so that ratios and
// fractions such as 120/80/60 are not dates.
constexpr char kDatePattern[] =
    "(?:(?<![\\d])(?<y>\\d{4})|(?<yc>[〇○零一二三四五六七八九]{4})|"
    "民[國国][ \\t]*(?<ym>\\d{2,3})|(?<![\\d.])(?<yr>1\\d{2}))[ \\t]*年[ \\t]*"
    "(?<m>\\d{1,2}|[十一二三四五六七八九〇○零]{1,3})[ \\t]*月"
    "(?:[ \\t]*(?<d>\\d{1,2}|[十一二三四五六七八九〇○零]{1,3})[ \\t]*[日号號])?"
    "|(?<![\\d.])(?<ny>\\d{4})(?<sep>[-/.])(?<nm>\\d{1,2})\\k<sep>"
    "(?<nd>\\d{1,2})(?![\\d])"
    "|(?<![\\d./])(?<ry>1\\d{2})/(?<rm>0?[1-9]|1[0-2])/"
    "(?<rd>0?[1-9]|[12]\\d|3[01])(?![\\d/])"
    "|(?<![\\d年])(?<om>\\d{1,2}|[十一二三四五六七八九]{1,3})[ \\t]*月[ \\t]*"
    "(?<od>\\d{1,2}|[十一二三四五六七八九〇○零]{1,3})[ \\t]*[日号號]";

// Every match has a 月 or the separator of 2021-12-31 or 113/04/25, and
// only the characters of `members` (\d is any decimal digit).
constexpr char kDateAnchors[] = "[月\\-/.]";
constexpr char kDateMembers[] =
    "[\\p{Nd}〇○零一二三四五六七八九十民國国年月日号號\\u0020\\t\\-/.]";

// Every character a match can begin with. A match beginning with a digit
// never follows a digit (the lookbehinds of `y`, `yr`, `ny`, `ry` and
// `om`).
constexpr char kDateStarts[] = "[\\p{Nd}〇○零一二三四五六七八九十民]";
constexpr char kDateNotBeforeDigit[] = "[\\p{Nd}]";

// Time of day right after a date: 09时30分, 上午9点半, 17:00(:00). A line
// break of the layout may come between them.
constexpr char kTimePattern[] =
    "(?:[ \\t]*\\n)?[ \\tT]*(?<ap>上午|下午|中午|晚上|早上|凌晨)?[ \\t]*"
    "(?<h>\\d{1,2}|[零〇一二三四五六七八九十]{1,3})[ \\t]*"
    "(?:[时時点點][ "
    "\\t]*(?:(?<half>半)|(?<mi>\\d{1,2}|[零〇一二三四五六七八九十]{1,3})"
    "[ \\t]*分(?:[ \\t]*(?<s>\\d{1,2})[ \\t]*秒)?)?"
    "|:(?<mi2>\\d{2})(?::(?<s2>\\d{2}))?)";

constexpr char kBeijingPattern[] = "[ \\t]*[(]?[ \\t]*北京[时時]间";

constexpr char kRangePattern[] = "[ \\t]*(?:至|到|~|—|–|-)[ \\t]*";

// End of a range written without its year or month: 至12月31日, 至31日.
constexpr char kPartialEndPattern[] =
    "(?:(?<m>\\d{1,2}|[十一二三四五六七八九]{1,3})[ \\t]*月[ \\t]*)?"
    "(?<d>\\d{1,2}|[十一二三四五六七八九〇○零]{1,3})[ \\t]*[日号號]";

struct Patterns {
  std::unique_ptr<icu::RegexPattern> time;
  std::unique_ptr<icu::RegexPattern> beijing;
  std::unique_ptr<icu::RegexPattern> range;
  std::unique_ptr<icu::RegexPattern> partial_end;
};

std::unique_ptr<icu::RegexPattern> Compile(const char* pattern) {
  return fields_internal::CompilePattern(pattern, "date");
}

const Patterns& GetPatterns() {
  static const Patterns patterns{
      Compile(kTimePattern), Compile(kBeijingPattern), Compile(kRangePattern),
      Compile(kPartialEndPattern)};
  return patterns;
}

const std::vector<Keyword>& KindKeywords() {
  static const std::vector<Keyword> keywords = {
      {u"发布", "published"},     {u"發布", "published"},
      {u"公告日期", "published"}, {u"公告时间", "published"},
      {u"公示日期", "published"}, {u"发文日期", "published"},
      {u"刊登", "published"},     {u"截止", "deadline"},
      {u"截至", "deadline"},      {u"截标", "deadline"},
      {u"截標", "deadline"},      {u"递交", "deadline"},
      {u"开标", "opening"},       {u"開標", "opening"},
      {u"开启", "opening"},       {u"中标", "award"},
      {u"成交", "award"},         {u"定标", "award"},
      {u"决标", "award"},         {u"決標", "award"},
      {u"签订", "contract"},      {u"签署", "contract"},
      {u"簽訂", "contract"},      {u"签约", "contract"},
      {u"簽約", "contract"},      {u"合同", "contract"},
  };
  return keywords;
}

// The kinds of a label that names two events joined by a conjunction,
// "投标截止时间及开标时间" or "开标时间、截标时间", other than `kind`, the
// kind of the keyword nearest the date. Empty for a label of one event.
std::vector<std::string_view> JoinedKinds(const icu::UnicodeString& text,
                                          int32_t start, int32_t limit,
                                          std::string_view kind) {
  struct Hit {
    int32_t begin;
    int32_t end;
    std::string_view kind;
  };
  std::vector<Hit> hits;
  for (const Keyword& keyword : KindKeywords()) {
    icu::UnicodeString word(keyword.word.data(),
                            static_cast<int32_t>(keyword.word.size()));
    int32_t found = text.lastIndexOf(word, start, limit - start);
    if (found >= 0) {
      hits.push_back({found, found + word.length(), keyword.value});
    }
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const Hit& a, const Hit& b) { return a.end > b.end; });
  // From the keyword nearest the date back: each earlier keyword joins
  // when only a few characters with a conjunction lie between them.
  constexpr int32_t kMaxJoin = 8;
  std::vector<std::string_view> joined;
  for (size_t i = 1; i < hits.size(); ++i) {
    const Hit& later = hits[i - 1];
    const Hit& earlier = hits[i];
    if (earlier.end > later.begin || later.begin - earlier.end > kMaxJoin)
      break;
    icu::UnicodeString between(text, earlier.end, later.begin - earlier.end);
    bool conjunction = false;
    for (int32_t k = 0; k < between.length(); ++k) {
      char16_t c = between.charAt(k);
      if (c == u':' || c == u',' || c == u'。' || c == u'\n') return joined;
      conjunction |= u_strchr(u"及和与與暨、/", c) != nullptr;
    }
    if (!conjunction) break;
    if (earlier.kind != kind &&
        std::find(joined.begin(), joined.end(), earlier.kind) == joined.end()) {
      joined.push_back(earlier.kind);
    }
  }
  return joined;
}

// 0-99 from Arabic digits or Chinese numerals (十二, 三十一, 〇五), or -1 when
// empty or malformed.
int SmallNumber(const icu::UnicodeString& text) {
  if (text.isEmpty()) return -1;
  int value = 0;
  int ten_at = text.indexOf(u'十');
  if (ten_at < 0) {
    for (int32_t i = 0; i < text.length(); ++i) {
      char16_t c = text.charAt(i);
      int digit = (c >= u'0' && c <= u'9') ? c - u'0' : ChineseDigitValue(c);
      if (digit < 0) return -1;
      value = value * 10 + digit;
    }
    return value;
  }
  int tens = 1;
  if (ten_at > 0) {
    if (ten_at != 1) return -1;
    tens = ChineseDigitValue(text.charAt(0));
  }
  int ones = 0;
  if (ten_at + 1 < text.length()) {
    if (ten_at + 2 != text.length()) return -1;
    ones = ChineseDigitValue(text.charAt(ten_at + 1));
  }
  if (tens < 0 || ones < 0) return -1;
  return tens * 10 + ones;
}

struct Ymd {
  int year = 0;  // 0 when the text gives none
  int month = 0;
  int day = 0;  // 0 when the text gives none
};

struct TimeOfDay {
  int hour = -1;  // -1 when the text gives no time
  int minute = 0;
  int second = -1;  // -1 when the text gives no seconds
  bool beijing = false;
};

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Any run of digits (Arabic or Chinese, 二〇二一) as one number.
int DigitRun(const icu::UnicodeString& text) {
  int value = 0;
  for (int32_t i = 0; i < text.length(); ++i) {
    char16_t c = text.charAt(i);
    int digit = (c >= u'0' && c <= u'9') ? c - u'0' : ChineseDigitValue(c);
    if (digit < 0) return -1;
    value = value * 10 + digit;
  }
  return value;
}

// Minguo year 1 is 1912.
constexpr int kMinguoOffset = 1911;

Ymd YmdFromMatch(icu::RegexMatcher& m) {
  Ymd date;
  if (icu::UnicodeString y = Group(m, "y"); !y.isEmpty()) {
    date.year = DigitRun(y);
  } else if (icu::UnicodeString yc = Group(m, "yc"); !yc.isEmpty()) {
    date.year = DigitRun(yc);
  } else if (icu::UnicodeString ym = Group(m, "ym"); !ym.isEmpty()) {
    date.year = DigitRun(ym) + kMinguoOffset;
  } else if (icu::UnicodeString yr = Group(m, "yr"); !yr.isEmpty()) {
    date.year = DigitRun(yr) + kMinguoOffset;
  }
  if (icu::UnicodeString mo = Group(m, "m"); !mo.isEmpty()) {
    date.month = SmallNumber(mo);
    icu::UnicodeString d = Group(m, "d");
    date.day = d.isEmpty() ? 0 : SmallNumber(d);
    return date;
  }
  if (icu::UnicodeString ny = Group(m, "ny"); !ny.isEmpty()) {
    date.year = DigitRun(ny);
    date.month = SmallNumber(Group(m, "nm"));
    date.day = SmallNumber(Group(m, "nd"));
    return date;
  }
  if (icu::UnicodeString ry = Group(m, "ry"); !ry.isEmpty()) {
    date.year = DigitRun(ry) + kMinguoOffset;
    date.month = SmallNumber(Group(m, "rm"));
    date.day = SmallNumber(Group(m, "rd"));
    return date;
  }
  date.month = SmallNumber(Group(m, "om"));
  date.day = SmallNumber(Group(m, "od"));
  return date;
}

// Reads a time of day starting at `pos` and moves `pos` past it.
TimeOfDay ReadTime(icu::RegexMatcher& time, icu::RegexMatcher& beijing,
                   int32_t& pos) {
  TimeOfDay t;
  UErrorCode status = U_ZERO_ERROR;
  if (!time.lookingAt(pos, status) || U_FAILURE(status)) return t;
  int hour = SmallNumber(Group(time, "h"));
  icu::UnicodeString minute = Group(time, "mi");
  if (minute.isEmpty()) minute = Group(time, "mi2");
  icu::UnicodeString second = Group(time, "s");
  if (second.isEmpty()) second = Group(time, "s2");
  std::string half_day = ToUtf8(Group(time, "ap"));
  if ((half_day == "下午" || half_day == "晚上") && hour >= 1 && hour < 12) {
    hour += 12;
  }
  if (half_day == "中午" && hour >= 1 && hour < 6) hour += 12;
  t.hour = hour;
  t.minute = !Group(time, "half").isEmpty() ? 30
             : minute.isEmpty()             ? 0
                                            : SmallNumber(minute);
  t.second = second.isEmpty() ? -1 : SmallNumber(second);
  pos = static_cast<int32_t>(time.end(status));

  if (beijing.lookingAt(pos, status) && U_SUCCESS(status)) {
    t.beijing = true;
    pos = static_cast<int32_t>(beijing.end(status));
    if (pos < beijing.input().length() && beijing.input().charAt(pos) == u')') {
      ++pos;
    }
  }
  return t;
}

// ISO 8601 text of a valid date, or the reason it is impossible.
struct Formatted {
  std::string value;
  std::string problem;
};

Formatted FormatDate(const Ymd& d, const TimeOfDay& t) {
  if (d.month < 1 || d.month > 12) {
    return {"", fmt::format("month {} does not exist", d.month)};
  }
  if (d.day < 0 || d.day > DaysInMonth(d.year, d.month)) {
    return {"", fmt::format("day {} does not exist in {}-{:02}", d.day, d.year,
                            d.month)};
  }
  if (t.hour > 23 || t.minute < 0 || t.minute > 59 || t.second > 59) {
    return {"", fmt::format("time {}:{:02} does not exist", t.hour, t.minute)};
  }
  std::string out =
      d.day == 0 ? fmt::format("{:04}-{:02}", d.year, d.month)
                 : fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
  if (t.hour < 0 || d.day == 0) return {out, ""};
  out += fmt::format("T{:02}:{:02}", t.hour, t.minute);
  if (t.second >= 0) out += fmt::format(":{:02}", t.second);
  if (t.beijing) out += "+08:00";
  return {out, ""};
}

// The matchers one scan uses, all over the same normalised text.
struct Scanner {
  std::unique_ptr<icu::RegexMatcher> date;
  std::unique_ptr<icu::RegexMatcher> range_end;
  std::unique_ptr<icu::RegexMatcher> time;
  std::unique_ptr<icu::RegexMatcher> beijing;
  std::unique_ptr<icu::RegexMatcher> range;
  std::unique_ptr<icu::RegexMatcher> partial_end;
};

Scanner MakeScanner(const icu::UnicodeString& text) {
  const Patterns& p = GetPatterns();
  const icu::RegexPattern& date = *fields_internal::DatePattern().regex;
  UErrorCode status = U_ZERO_ERROR;
  Scanner s{
      std::unique_ptr<icu::RegexMatcher>(date.matcher(text, status)),
      std::unique_ptr<icu::RegexMatcher>(date.matcher(text, status)),
      std::unique_ptr<icu::RegexMatcher>(p.time->matcher(text, status)),
      std::unique_ptr<icu::RegexMatcher>(p.beijing->matcher(text, status)),
      std::unique_ptr<icu::RegexMatcher>(p.range->matcher(text, status)),
      std::unique_ptr<icu::RegexMatcher>(p.partial_end->matcher(text, status))};
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU regex matcher failed: ") +
                             u_errorName(status));
  }
  return s;
}

// Reads the end of a range ("至2021年12月31日", "至31日") after `pos`,
// filling missing parts from `start`. Moves `pos` past it on success.
std::optional<Ymd> ReadRangeEnd(Scanner& s, const Ymd& start, int32_t& pos) {
  UErrorCode status = U_ZERO_ERROR;
  if (!s.range->lookingAt(pos, status)) return std::nullopt;
  int32_t at = static_cast<int32_t>(s.range->end(status));
  if (s.range_end->lookingAt(at, status)) {
    Ymd end = YmdFromMatch(*s.range_end);
    if (end.year == 0) end.year = start.year;
    pos = static_cast<int32_t>(s.range_end->end(status));
    return end;
  }
  if (start.day > 0 && s.partial_end->lookingAt(at, status)) {
    Ymd end = start;
    icu::UnicodeString month = Group(*s.partial_end, "m");
    if (!month.isEmpty()) end.month = SmallNumber(month);
    end.day = SmallNumber(Group(*s.partial_end, "d"));
    pos = static_cast<int32_t>(s.partial_end->end(status));
    return end;
  }
  return std::nullopt;
}

// True when the month and day at `start` follow 年 and 的 or 度, or 年
// after a word rather than a figure (每年的1月1日, 逆推2年的1月1日,
// 上一年度12月31日, 次年 3月). Their year is counted from something else,
// so the document's year must not be given to them. After a figure, 年
// ends a year that the layout split ("202 6 年 9 月 11 日").
bool FollowsRelativeYear(const icu::UnicodeString& text, int32_t start) {
  int32_t i = start;
  auto skip_blanks = [&] {
    while (i > 0 && (text.charAt(i - 1) == u' ' || text.charAt(i - 1) == u'\t'))
      --i;
  };
  skip_blanks();
  bool qualified = false;
  for (char16_t word : {u'的', u'度'}) {
    if (i > 0 && text.charAt(i - 1) == word) {
      --i;
      qualified = true;
    }
  }
  skip_blanks();
  if (i == 0 || text.charAt(i - 1) != u'年') return false;
  if (qualified) return true;
  --i;
  skip_blanks();
  return i > 0 && !u_isdigit(text.char32At(i - 1));
}

}  // namespace

namespace fields_internal {

const AnchoredPattern& DatePattern() {
  static const AnchoredPattern pattern{
      Compile(kDatePattern),
      WithStarts(MakeAnchorHints(kDateAnchors, kDateMembers), kDateStarts,
                 kDateNotBeforeDigit)};
  return pattern;
}

}  // namespace fields_internal

std::vector<DateValue> FindDates(std::string_view text, int page,
                                 const DateOptions& options,
                                 std::vector<std::string>* warnings,
                                 int* missing_years) {
  icu::UnicodeString normalized = fields_internal::NormalizeForFields(text);
  Scanner s = MakeScanner(normalized);
  std::vector<DateValue> dates;
  int missing_year = 0;
  int32_t pos = 0;
  UErrorCode status = U_ZERO_ERROR;

  const fields_internal::AnchorHints& hints =
      fields_internal::DatePattern().hints;
  while (fields_internal::FindAnchored(*s.date, normalized, pos,
                                       normalized.length(), hints)) {
    int32_t start = static_cast<int32_t>(s.date->start(status));
    pos = static_cast<int32_t>(s.date->end(status));
    Ymd ymd = YmdFromMatch(*s.date);

    // A time of day and the end of a range may follow the date.
    TimeOfDay time = ReadTime(*s.time, *s.beijing, pos);
    std::optional<Ymd> end = ReadRangeEnd(s, ymd, pos);
    TimeOfDay end_time;
    if (end) end_time = ReadTime(*s.time, *s.beijing, pos);

    if (ymd.year == 0) {
      if (FollowsRelativeYear(normalized, start)) continue;
      if (options.reference_year == 0) {
        ++missing_year;
        continue;
      }
      ymd.year = options.reference_year;
      if (end && end->year == 0) end->year = ymd.year;
    }
    if (ymd.year < 1900 || ymd.year > 2200) continue;  // not a calendar year

    Formatted first = FormatDate(ymd, time);
    Formatted last = end ? FormatDate(*end, end_time) : Formatted{};
    std::string raw = Utf8Slice(normalized, start, pos);
    std::string problem = first.problem.empty() ? last.problem : first.problem;
    if (!problem.empty()) {
      if (warnings != nullptr) {
        warnings->push_back(fmt::format("page {}: invalid date \"{}\": {}",
                                        page, raw, problem));
      }
      continue;
    }

    DateValue date;
    int32_t clause = ClauseStart(normalized, start, 0, 30);
    std::string_view kind =
        NearestKeyword(normalized, clause, start, KindKeywords(), "");
    // The end of the line above gives the kind of a date that starts its
    // line: a label above its value ("公告发布日期：") or a clause the
    // layout wrapped ("投标截止时间为北京\n时间2021年…"). A title above
    // its date ("…中标结果公告") does not.
    if (kind.empty() && clause > 0 && normalized.charAt(clause - 1) == u'\n') {
      constexpr int32_t kLineEndReach = 12;
      int32_t line_end = clause - 1;
      int32_t above = std::max(ClauseStart(normalized, line_end, 0, 30),
                               line_end - kLineEndReach);
      icu::UnicodeString tail(normalized, above, line_end - above);
      bool title = tail.endsWith(u"公告") || tail.endsWith(u"公示") ||
                   tail.endsWith(u"通知") || tail.endsWith(u"结果");
      if (!title) {
        kind = NearestKeyword(normalized, above, line_end, KindKeywords(), "");
      }
    }
    date.kind = kind.empty() ? "other" : std::string(kind);
    date.value = end ? first.value + "/" + last.value : first.value;
    date.raw = raw;
    date.page = page;
    dates.push_back(date);
    if (!kind.empty()) {
      for (std::string_view also :
           JoinedKinds(normalized, clause, start, kind)) {
        date.kind = std::string(also);
        dates.push_back(date);
      }
    }
  }
  if (missing_years != nullptr) *missing_years = missing_year;
  if (missing_year > 0 && warnings != nullptr) {
    warnings->push_back(fmt::format(
        "page {}: {} date(s) without a year left out: the document gives no "
        "date to take the year from",
        page, missing_year));
  }
  return dates;
}

}  // namespace bidscope
