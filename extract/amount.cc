#include "extract/amount.h"

#include <unicode/regex.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>

#include "extract/amount_decimal.h"
#include "extract/amount_numeral.h"
#include "extract/anchored_search.h"
#include "extract/fields_text.h"

namespace bidscope {

using fields_internal::ClauseStart;
using fields_internal::Group;
using fields_internal::GroupStart;
using fields_internal::Keyword;
using fields_internal::NearestKeyword;
using fields_internal::Utf8Slice;

namespace {

// One regular expression finds both notations so that matches come out in
// text order without overlaps. `num` is an Arabic figure with an optional
// 万/亿 multiplier and the digits after it (13万2). `cn` is a run of
// Chinese numerals that must end in a currency unit. Each optional group
// of words starts with a lookahead on their first characters, which
// changes no match, so that ICU skips the group without trying each word.
constexpr char kAmountPattern[] =
    "(?:(?=[¥RCU人美NTH新港E€欧歐$])"
    "(?<cur>¥|RMB|CNY|人民币|人民幣|USD|US\\$|美元|美金|NT\\$|NTD|TWD|"
    "新[臺台][幣币]|HK\\$|HKD|港[幣币元]|EUR|€|[欧歐]元|\\$))?[ \\t]*:?[ \\t]*"
    "(?:"
    "(?<num>(?<![\\d.,])(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)[ \\t]*"
    "(?:(?=[千百亿億万萬])(?<mul>千万|百万|亿|億|万|萬))?"
    "(?:[ \\t]*(?<coll>\\d{1,4}[千仟百佰]?(?![\\d.])))?[ \\t]*"
    "(?:(?=[美港欧歐元圆圓])(?<unit>美元|港元|港币|港幣|欧元|歐元|元|圆|圓))?"
    "(?:整)?"
    "|"
    "(?<cn>["
    "零〇○一二三四五六七八九十百千万亿壹贰貳叁參参肆伍陆陸柒捌玖拾佰仟萬億两兩]"
    "+)"
    "(?<cnunit>美元|港元|港币|港幣|欧元|歐元|元|圆|圓)"
    "(?<cnfrac>[零〇壹贰貳叁參参肆伍陆陸柒捌玖一二三四五六七八九两角分整正]*)"
    ")";

// Every match has a digit or the 元, 圆, 圓, 币 or 幣 of its unit, and only
// the characters of `members` (a superset of those the pattern names: \d is
// any decimal digit).
constexpr char kAmountAnchors[] = "[\\p{Nd}元圆圓币幣]";
constexpr char kAmountMembers[] =
    "[\\p{Nd},.:\\u0020\\t$¥€A-Z人民币幣美元金新臺台港欧歐千百万亿億萬仟佰"
    "圆圓整零〇○一二三四五六七八九十壹贰貳叁參参肆伍陆陸柒捌玖拾两兩角分正]";

// Every character a match can begin with: the first of each currency, the
// spaces and colon before a figure, a digit or a numeral. A match beginning
// with a digit never follows a digit, point or comma (the lookbehind of
// `num`).
constexpr char kAmountStarts[] =
    "[\\p{Nd}¥RCU人美NTH新港E€欧歐$\\u0020\\t:"
    "零〇○一二三四五六七八九十百千万亿壹贰貳叁參参肆伍陆陸柒捌玖拾佰仟萬億两兩"
    "]";
constexpr char kAmountNotBeforeDigit[] = "[\\p{Nd}.,]";

// The label of a value cell: "预算金额（万元）：" gives the unit.
constexpr char kLabelUnitPattern[] = "\\((?<unit>万元|亿元|元|万|亿)\\)";

const std::vector<Keyword>& KindKeywords() {
  static const std::vector<Keyword> keywords = {
      {u"最高限价", "ceiling"}, {u"最高投标限价", "ceiling"},
      {u"控制价", "ceiling"},   {u"拦标价", "ceiling"},
      {u"限价", "ceiling"},     {u"预算", "budget"},
      {u"預算", "budget"},      {u"概算", "budget"},
      {u"采购资金", "budget"},  {u"资金", "budget"},
      {u"拟采购", "budget"},    {u"擬採購", "budget"},
      {u"中标", "award"},       {u"成交", "award"},
      {u"决标", "award"},       {u"決標", "award"},
      {u"得标", "award"},       {u"得標", "award"},
      {u"合同金额", "award"},   {u"合同价", "award"},
      {u"签约金额", "award"},   {u"单价", "unit_price"},
      {u"單價", "unit_price"},  {u"总价", "total"},
      {u"總價", "total"},       {u"合计", "total"},
      {u"合計", "total"},       {u"总计", "total"},
      {u"保证金", "deposit"},   {u"保證金", "deposit"},
      {u"服务费", "fee"},       {u"服務費", "fee"},
      {u"代理费", "fee"},       {u"手续费", "fee"},
      {u"标书费", "fee"},       {u"文件费", "fee"},
      {u"收费", "fee"},         {u"工本费", "fee"},
  };
  return keywords;
}

// Words that make a bare figure after "label：" an amount.
const std::vector<Keyword>& AmountLabelKeywords() {
  static const std::vector<Keyword> keywords = {
      {u"金额", "yes"},   {u"金額", "yes"}, {u"预算", "yes"},
      {u"預算", "yes"},   {u"价", "yes"},   {u"價", "yes"},
      {u"保证金", "yes"}, {u"资金", "yes"}, {u"费", "yes"},
  };
  return keywords;
}

std::unique_ptr<icu::RegexPattern> Compile(const char* pattern) {
  return fields_internal::CompilePattern(pattern, "amount");
}

const icu::RegexPattern& LabelUnitPattern() {
  static const std::unique_ptr<icu::RegexPattern> pattern =
      Compile(kLabelUnitPattern);
  return *pattern;
}

// A found amount before kinds are settled and 大写/小写 pairs merged.
struct Candidate {
  int32_t start = 0;
  int32_t limit = 0;
  Decimal value;
  std::string currency;
  bool explicit_currency = false;
  bool chinese = false;       // written in Chinese numerals (大写)
  bool not_purchase = false;  // a rule's limit or an example
  std::string kind;
  std::string revision;  // as Amount::revision
};

std::string CurrencyOfWord(const icu::UnicodeString& word,
                           const AmountOptions& options) {
  std::string w = fields_internal::ToUtf8(word);
  if (w.empty() || w == "元" || w == "圆" || w == "圓") return "";
  if (w == "¥" || w == "RMB" || w == "CNY" || w == "人民币" || w == "人民幣") {
    return "CNY";
  }
  if (w == "$") return options.dollar_currency;
  if (w == "USD" || w == "US$" || w == "美元" || w == "美金") return "USD";
  if (w == "NT$" || w == "NTD" || w == "TWD" || w.starts_with("新")) {
    return "TWD";
  }
  if (w == "HK$" || w == "HKD" || w.starts_with("港")) return "HKD";
  return "EUR";
}

// Currency named in brackets right after a figure: "9.955万元（人民币）".
std::string TrailingCurrency(const icu::UnicodeString& text, int32_t limit) {
  static const std::vector<std::pair<std::u16string_view, const char*>> kWords =
      {{u"(人民币)", "CNY"}, {u"(美元)", "USD"},   {u"(港币)", "HKD"},
       {u"(港幣)", "HKD"},   {u"(新臺幣)", "TWD"}, {u"(欧元)", "EUR"}};
  int32_t i = limit;
  while (i < text.length() && text.charAt(i) == u' ') ++i;
  for (const auto& [word, code] : kWords) {
    if (text.compare(i, static_cast<int32_t>(word.size()), word.data(), 0,
                     static_cast<int32_t>(word.size())) == 0) {
      return code;
    }
  }
  return "";
}

// The label before a bare figure, when the figure is a cell value: the
// text from the clause start must end in ':' or '|'. Empty otherwise.
icu::UnicodeString CellLabel(const icu::UnicodeString& text,
                             int32_t clause_start, int32_t figure_start) {
  int32_t end = figure_start;
  while (end > clause_start && text.charAt(end - 1) == u' ') --end;
  if (end == clause_start) return {};
  char16_t mark = text.charAt(end - 1);
  if (mark != u':' && mark != u'|') return {};
  return icu::UnicodeString(text, clause_start, end - 1 - clause_start);
}

// The previous line, when the figure is alone on its line: tables
// flattened one cell per line put "中标金额（万元）" above "349.035762".
icu::UnicodeString LabelLineAbove(const icu::UnicodeString& text,
                                  int32_t figure_start, int32_t limit) {
  int32_t line_start = figure_start;
  while (line_start > 0 && text.charAt(line_start - 1) == u' ') --line_start;
  if (line_start == 0 || text.charAt(line_start - 1) != u'\n') return {};
  int32_t after = limit;
  while (after < text.length() && text.charAt(after) == u' ') ++after;
  if (after < text.length() && text.charAt(after) != u'\n') return {};
  int32_t above_end = line_start - 1;
  int32_t above_start = above_end;
  while (above_start > 0 && text.charAt(above_start - 1) != u'\n' &&
         above_end - above_start < 24) {
    --above_start;
  }

  // A unit alone on its line, "（万元）", continues the label above it.
  if (above_start > 0 && text.charAt(above_start) == u'(') {
    --above_start;
    while (above_start > 0 && text.charAt(above_start - 1) != u'\n' &&
           above_end - above_start < 40) {
      --above_start;
    }
  }
  return icu::UnicodeString(text, above_start, above_end - above_start);
}

// Counts the cell separators '|' in text[start, limit).
int32_t CountBars(const icu::UnicodeString& text, int32_t start,
                  int32_t limit) {
  int32_t bars = 0;
  for (int32_t i = start; i < limit; ++i) bars += text.charAt(i) == u'|';
  return bars;
}

// The last pipe-table row whose header was looked up, so that the rows of
// one table find their header from the row above in constant time.
struct PipeRow {
  int32_t start = -1;
  int32_t bars = 0;
  int32_t header_start = -1;  // -1 when the row has no header
  int32_t header_end = -1;
};

// Returns the header of the column a figure fills in a pipe table, such as
// 中标金额 above "745680" in
//   供应商名称 | 单价 | 中标金额
//   某某商贸有限公司 | 4780.00 | 745680
// The header is the first row of the run of rows above with as many cells
// as the figure's row. Empty when the figure is not alone in its cell.
icu::UnicodeString PipeColumnLabel(const icu::UnicodeString& text,
                                   int32_t figure_start, int32_t limit,
                                   PipeRow& last) {
  // Rows searched above a table's first row looked up for its header.
  constexpr int kMaxRowsAbove = 100;
  auto blank = [&](int32_t i) {
    return text.charAt(i) == u' ' || text.charAt(i) == u'\t';
  };
  int32_t before = figure_start;
  while (before > 0 && blank(before - 1)) --before;
  if (before > 0 && text.charAt(before - 1) != u'|' &&
      text.charAt(before - 1) != u'\n') {
    return {};
  }
  int32_t after = limit;
  while (after < text.length() && blank(after)) ++after;
  if (after < text.length() && text.charAt(after) != u'|' &&
      text.charAt(after) != u'\n') {
    return {};
  }

  int32_t line_start = figure_start;
  while (line_start > 0 && text.charAt(line_start - 1) != u'\n') --line_start;
  int32_t line_end = limit;
  while (line_end < text.length() && text.charAt(line_end) != u'\n') {
    ++line_end;
  }
  int32_t bars = CountBars(text, line_start, line_end);
  if (bars == 0) return {};
  int32_t column = CountBars(text, line_start, figure_start);

  int32_t above_start = line_start > 0 ? line_start - 1 : 0;
  while (above_start > 0 && text.charAt(above_start - 1) != u'\n') {
    --above_start;
  }
  bool same_table =
      last.bars == bars && (last.start == line_start ||
                            (line_start > 0 && last.start == above_start));
  if (!same_table) {
    last.header_start = -1;
    last.header_end = -1;
    int32_t row_end = line_start - 1;
    for (int rows = 0; row_end > 0 && rows < kMaxRowsAbove; ++rows) {
      int32_t row_start = row_end;
      while (row_start > 0 && text.charAt(row_start - 1) != u'\n') {
        --row_start;
      }
      if (CountBars(text, row_start, row_end) != bars) break;
      last.header_start = row_start;
      last.header_end = row_end;
      row_end = row_start - 1;
    }
  }
  last.start = line_start;
  last.bars = bars;
  int32_t header_start = last.header_start;
  int32_t header_end = last.header_end;
  if (header_start < 0) return {};

  int32_t cell_start = header_start;
  for (int32_t i = 0; i < column; ++i) {
    int32_t bar = text.indexOf(u'|', cell_start, header_end - cell_start);
    if (bar < 0) return {};
    cell_start = bar + 1;
  }
  int32_t cell_end = text.indexOf(u'|', cell_start, header_end - cell_start);
  if (cell_end < 0) cell_end = header_end;
  while (cell_start < cell_end && blank(cell_start)) ++cell_start;
  while (cell_end > cell_start && blank(cell_end - 1)) --cell_end;
  return icu::UnicodeString(text, cell_start, cell_end - cell_start);
}

// A header row of a flattened table sits above row numbers and counts as
// well as amounts, so a bare integer below 100 under it is not taken as an
// amount.
bool IsSmallCount(const icu::UnicodeString& digits) {
  return digits.length() <= 2 && digits.indexOf(u'.') < 0;
}

// True for labels of money cells: 预算金额, 中标价, 保证金, but not 竞价编号
// or 报价时间, whose values are identifiers, dates or counts.
bool IsAmountLabel(const icu::UnicodeString& label) {
  static const std::u16string_view kNotMoney[] = {
      u"编号", u"号", u"电话", u"时间", u"日期", u"数量", u"率", u"分"};
  for (std::u16string_view word : kNotMoney) {
    if (fields_internal::Contains(label, word)) return false;
  }
  return NearestKeyword(label, 0, label.length(), AmountLabelKeywords(), "") ==
         "yes";
}

// True when the clause states a limit ("合同金额不少于800万元", "营业收入
// 2000万元以下"), as qualification and size rules do, or a band of a fee
// scale ("成交金额100万元至500万元的部分"): such an amount is no budget or
// award of this procurement. The first figure of a range is read up to the
// end of the second.
bool IsThreshold(const icu::UnicodeString& text, int32_t clause_start,
                 int32_t limit) {
  static const std::vector<Keyword> kLimits = {
      {u"不少于", "yes"}, {u"不低于", "yes"}, {u"不超过", "yes"},
      {u"不高于", "yes"}, {u"以上", "yes"},   {u"以下", "yes"},
      {u"及以上", "yes"}, {u"累计", "yes"},   {u"营业收入", "yes"},
      {u"的部分", "yes"}};
  static const icu::UnicodeString kRangeMarks = u"至到~～-—－";
  constexpr int32_t kAfterFigure = 4;
  constexpr int32_t kAfterRange = 16;
  bool range =
      limit < text.length() && kRangeMarks.indexOf(text.charAt(limit)) >= 0;
  int32_t end =
      std::min(text.length(), limit + (range ? kAfterRange : kAfterFigure));
  return NearestKeyword(text, clause_start, end, kLimits, "") == "yes";
}

// True when the sentence before a figure gives it as an example of how a
// rule works ("例如：本项目中标金额为429万元"), not as this purchase's.
bool IsExample(const icu::UnicodeString& text, int32_t figure_start) {
  constexpr int32_t kReach = 40;
  int32_t start = figure_start;
  while (start > 0 && figure_start - start < kReach) {
    char16_t c = text.charAt(start - 1);
    if (c == u'。' || c == u'\n' || c == u';' || c == u'；') break;
    --start;
  }
  static const std::vector<Keyword> kWords = {
      {u"例如", "yes"}, {u"举例", "yes"}, {u"舉例", "yes"}, {u"比如", "yes"}};
  return NearestKeyword(text, start, figure_start, kWords, "") == "yes";
}

// Power of ten given by a unit in a cell label, such as 4 for （万元）.
int LabelUnitPower(const icu::UnicodeString& label) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(
      LabelUnitPattern().matcher(label, status));
  if (U_FAILURE(status) || !m->find()) return 0;
  std::string unit = fields_internal::ToUtf8(Group(*m, "unit"));
  if (unit.starts_with("万")) return 4;
  if (unit.starts_with("亿")) return 8;
  return 0;
}

int MultiplierPower(const icu::UnicodeString& mul) {
  std::string m = fields_internal::ToUtf8(mul);
  if (m == "万" || m == "萬") return 4;
  if (m == "亿" || m == "億") return 8;
  if (m == "千万") return 7;
  if (m == "百万") return 6;
  return 0;
}

std::optional<Decimal> ScaleByPower(Decimal value, int power) {
  uint64_t factor = 1;
  for (int i = 0; i < power; ++i) factor *= 10;
  return MultiplyDecimal(value, factor);
}

// Value of an Arabic figure with its multiplier and what follows it:
// 13万2 is 13 * 10^4 + 2 * 10^3 (one digit is the next lower place),
// 1万5千 is 1 * 10^4 + 5 * 10^3 and 35萬900 is 35 * 10^4 + 900.
std::optional<Decimal> ArabicValue(icu::RegexMatcher& m, int label_power) {
  icu::UnicodeString digits = Group(m, "num");
  digits.findAndReplace(u",", u"");
  std::optional<Decimal> base = ParseDecimal(fields_internal::ToUtf8(digits));
  if (!base) return std::nullopt;
  int power = MultiplierPower(Group(m, "mul"));
  if (power == 0) power = label_power;
  std::optional<Decimal> value = ScaleByPower(*base, power);
  icu::UnicodeString coll = Group(m, "coll");
  if (!value || coll.isEmpty()) return value;

  if (power < 4) return std::nullopt;
  char16_t last = coll.charAt(coll.length() - 1);
  bool has_unit = last < u'0' || last > u'9';
  icu::UnicodeString tail_digits(coll, 0, coll.length() - (has_unit ? 1 : 0));
  uint64_t tail_value = std::stoull(fields_internal::ToUtf8(tail_digits));
  int tail_power = 0;
  if (has_unit) {
    tail_power = (last == u'千' || last == u'仟') ? 3 : 2;
  } else if (tail_digits.length() == 1) {
    tail_power = power - 1;
  }
  std::optional<Decimal> tail =
      ScaleByPower(Decimal{tail_value, 0}, tail_power);
  if (!tail) return std::nullopt;
  return AddDecimal(*value, *tail);
}

// True when the words before a figure in its clause give it as the new
// value of an amendment: "现更正为120万元", "调整后预算金额：120万元".
bool HasCorrectionWord(const icu::UnicodeString& text, int32_t clause_start,
                       int32_t figure_start) {
  static const std::vector<Keyword> kWords = {
      {u"改为", "yes"},   {u"改為", "yes"},   {u"更正为", "yes"},
      {u"更正為", "yes"}, {u"变更为", "yes"}, {u"變更為", "yes"},
      {u"调整为", "yes"}, {u"調整為", "yes"}, {u"更正后", "yes"},
      {u"更正後", "yes"}, {u"变更后", "yes"}, {u"變更後", "yes"},
      {u"调整后", "yes"}, {u"調整後", "yes"}, {u"修改后", "yes"},
      {u"修改後", "yes"}, {u"更改后", "yes"}, {u"更改後", "yes"}};
  return NearestKeyword(text, clause_start, figure_start, kWords, "") == "yes";
}

// Words that name a lot of a purchase.
constexpr const char16_t* kLotWords[] = {u"包", u"标段", u"标包", u"标项",
                                         u"批次"};

// True when a lot word follows `limit`, after blanks.
bool IsLotNumber(const icu::UnicodeString& text, int32_t limit) {
  int32_t i = limit;
  while (i < text.length() &&
         (text.charAt(i) == u' ' || text.charAt(i) == u'\t')) {
    ++i;
  }
  icu::UnicodeString rest = text.tempSubString(i);
  for (const char16_t* word : kLotWords) {
    if (rest.startsWith(icu::UnicodeString(word))) return true;
  }
  return false;
}

// True when a column so headed contains scores, counts or shares, not money.
bool IsCountHeader(const icu::UnicodeString& header) {
  static const std::u16string_view kWords[] = {
      u"分值", u"分数", u"得分", u"评分", u"權重", u"权重", u"数量",
      u"數量", u"序号", u"比例", u"天数", u"人数", u"工期", u"%"};
  for (std::u16string_view word : kWords) {
    if (fields_internal::Contains(header, word)) return true;
  }
  return false;
}

// Turns the current match into a candidate, or nullopt when the figure is
// not an amount (a phone number, a year, a count).
std::optional<Candidate> MatchToCandidate(icu::RegexMatcher& m,
                                          const icu::UnicodeString& text,
                                          int32_t floor,
                                          const AmountOptions& options,
                                          PipeRow& pipe_row) {
  UErrorCode status = U_ZERO_ERROR;
  Candidate c;
  c.start = m.start(status);
  c.limit = m.end(status);
  std::string currency = CurrencyOfWord(Group(m, "cur"), options);
  int32_t figure_start = GroupStart(m, "num");
  bool arabic = figure_start >= 0;
  if (!arabic) figure_start = GroupStart(m, "cn");
  if (Group(m, "cur").isEmpty()) c.start = figure_start;
  int32_t clause_start = ClauseStart(text, figure_start, floor, 40);
  icu::UnicodeString column_label;  // the header of a pipe-table column

  if (arabic) {
    icu::UnicodeString unit = Group(m, "unit");
    if (currency.empty()) currency = CurrencyOfWord(unit, options);
    icu::UnicodeString label = CellLabel(text, clause_start, figure_start);
    if (label.isEmpty() && !IsSmallCount(Group(m, "num"))) {
      label = LabelLineAbove(text, figure_start, c.limit);
    }
    bool labelled = !label.isEmpty() && IsAmountLabel(label);
    if (!labelled) {
      // A small integer is a count or row number unless its column's
      // header gives the unit it counts in ("预算金额（万元）" above "32").
      column_label = PipeColumnLabel(text, figure_start, c.limit, pipe_row);
      if (!column_label.isEmpty() && IsAmountLabel(column_label) &&
          (!IsSmallCount(Group(m, "num")) ||
           LabelUnitPower(column_label) > 0)) {
        label = column_label;
        labelled = true;
      }
    }
    if (Group(m, "cur").isEmpty() && unit.isEmpty() && !labelled) {
      return std::nullopt;
    }
    // A bare figure in a column of scores or counts is no money, whatever
    // its row is called: "价格 | 30" under "评分因素 | 分值".
    if (Group(m, "cur").isEmpty() && unit.isEmpty() && column_label.isEmpty()) {
      column_label = PipeColumnLabel(text, figure_start, c.limit, pipe_row);
    }
    if (Group(m, "cur").isEmpty() && unit.isEmpty() &&
        IsCountHeader(column_label)) {
      return std::nullopt;
    }
    // A bare run of ten or more digits under a money label is an
    // identifier ("投标保证金：2606029001（项目编号）"): money that large is
    // written with separators, a decimal point or a unit.
    constexpr int32_t kMinIdentifierDigits = 10;
    icu::UnicodeString digits = Group(m, "num");
    if (Group(m, "cur").isEmpty() && unit.isEmpty() &&
        digits.length() >= kMinIdentifierDigits && digits.indexOf(u',') < 0 &&
        digits.indexOf(u'.') < 0) {
      return std::nullopt;
    }
    // A bare number followed by a lot word names the lot, not money
    // ("投标保证金金额：01包：12,000.00元").
    if (Group(m, "cur").isEmpty() && unit.isEmpty() &&
        IsLotNumber(text, c.limit)) {
      return std::nullopt;
    }
    std::optional<Decimal> value =
        ArabicValue(m, labelled ? LabelUnitPower(label) : 0);
    if (!value || value->units == 0) return std::nullopt;
    c.value = *value;
  } else {
    icu::UnicodeString numeral = Group(m, "cn");
    if (numeral.length() < 2 && Group(m, "cur").isEmpty()) return std::nullopt;
    if (currency.empty())
      currency = CurrencyOfWord(Group(m, "cnunit"), options);
    numeral.append(u'元').append(Group(m, "cnfrac"));
    std::optional<Decimal> value = ParseChineseNumeral(std::u16string_view(
        numeral.getBuffer(), static_cast<size_t>(numeral.length())));
    if (!value) return std::nullopt;
    c.value = *value;
    c.chinese = true;
  }

  if (currency.empty()) currency = TrailingCurrency(text, c.limit);
  c.explicit_currency = !currency.empty();
  c.currency = currency.empty() ? options.default_currency : currency;
  c.kind =
      NearestKeyword(text, clause_start, figure_start, KindKeywords(), "other");
  if (HasCorrectionWord(text, clause_start, figure_start)) {
    c.revision = "corrected";
  }
  if (IsThreshold(text, clause_start, c.limit) ||
      IsExample(text, figure_start)) {
    c.kind = "other";
    c.not_purchase = true;
  } else if (c.kind == "other" && arabic) {
    icu::UnicodeString above = column_label.isEmpty()
                                   ? LabelLineAbove(text, figure_start, c.limit)
                                   : column_label;
    c.kind = NearestKeyword(above, 0, above.length(), KindKeywords(), "other");
  }
  return c;
}

bool IsKindKeywordIn(const icu::UnicodeString& text, int32_t start,
                     int32_t limit) {
  return NearestKeyword(text, start, limit, KindKeywords(), "") != "";
}

// True when `gap` is only the label of the second writing of an amount,
// with punctuation: "；大写：", "，小写:", "\n(大写)".
bool IsNotationLabelGap(icu::UnicodeString gap) {
  static const std::u16string_view kLabels[] = {u"大写", u"小写", u"大寫",
                                                u"小寫"};
  bool labelled = false;
  for (std::u16string_view label : kLabels) {
    icu::UnicodeString word(label.data(), static_cast<int32_t>(label.size()));
    if (gap.indexOf(word) < 0) continue;
    labelled = true;
    gap.findAndReplace(word, u"");
  }
  if (!labelled) return false;
  for (int32_t i = 0; i < gap.length(); ++i) {
    if (u_strchr(u" \t\n:;,()金额為为是", gap.charAt(i)) == nullptr &&
        gap.charAt(i) != u'；' && gap.charAt(i) != u'，') {
      return false;
    }
  }
  return true;
}

// True when `a` and `b` write one amount twice: one in 大写, the other in
// figures, separated only by a short bracket or "小写：", or by a clause
// mark before the label of the second ("¥3,200,000元；大写：…").
bool IsWrittenTwice(const Candidate& a, const Candidate& b,
                    const icu::UnicodeString& text) {
  if (a.chinese == b.chinese) return false;
  if (b.start - a.limit > 12) return false;
  icu::UnicodeString gap(text, a.limit, b.start - a.limit);
  if (IsNotationLabelGap(gap)) return true;
  for (int32_t i = 0; i < gap.length(); ++i) {
    char16_t c = gap.charAt(i);
    if (c == u'。' || c == u';' || c == u'；' || c == u'\n') return false;
  }
  return !IsKindKeywordIn(text, a.limit, b.start);
}

Amount ToAmount(const Candidate& c, const icu::UnicodeString& text,
                int32_t raw_limit, int page) {
  Amount amount;
  amount.kind = c.not_purchase ? "reference" : c.kind;
  amount.value = DecimalToString(c.value);
  amount.currency = c.currency;
  amount.raw = Utf8Slice(text, c.start, raw_limit);
  while (!amount.raw.empty() && amount.raw.back() == ' ') amount.raw.pop_back();
  amount.page = page;
  amount.revision = c.revision;
  return amount;
}

// Settles the figures of an amendment. A corrected figure without a kind
// word of its own ("原预算金额为100万元，现更正为120万元") takes the kind of
// the nearest figure before it that has one. The nearest earlier figure of
// its kind and currency that is not itself a correction is superseded.
void SettleCorrections(std::vector<Candidate>& found) {
  // How far back, in UTF-16 units, the figure that gives the kind and the
  // replaced figure may be.
  constexpr int32_t kKindReach = 60;
  constexpr int32_t kReplacedReach = 400;
  for (size_t i = 1; i < found.size(); ++i) {
    Candidate& c = found[i];
    if (c.revision != "corrected" || c.not_purchase) continue;
    for (size_t j = i; c.kind == "other" && j-- > 0;) {
      if (c.start - found[j].limit > kKindReach) break;
      if (!found[j].not_purchase) c.kind = found[j].kind;
    }
    if (c.kind == "other") continue;
    for (size_t j = i; j-- > 0;) {
      Candidate& earlier = found[j];
      if (c.start - earlier.limit > kReplacedReach) break;
      if (earlier.kind != c.kind || earlier.currency != c.currency ||
          !earlier.revision.empty()) {
        continue;
      }
      earlier.revision = "superseded";
      break;
    }
  }
}

// A figure without a kind word of its own takes the kind of the figure
// before it when only a lot's name separates them, as in a row of lots
// under one label: "中标金额：第1包 100000元 第2包 200000元".
void InheritLotKinds(std::vector<Candidate>& found,
                     const icu::UnicodeString& text) {
  // Maximum gap between the two figures, in UTF-16 units.
  constexpr int32_t kMaxLotGap = 20;
  for (size_t i = 1; i < found.size(); ++i) {
    Candidate& c = found[i];
    const Candidate& before = found[i - 1];
    if (c.kind != "other" || c.not_purchase || before.kind == "other" ||
        before.not_purchase || c.start - before.limit > kMaxLotGap) {
      continue;
    }
    icu::UnicodeString gap(text, before.limit, c.start - before.limit);
    bool separated = false;
    for (int32_t k = 0; k < gap.length(); ++k) {
      char16_t ch = gap.charAt(k);
      separated |= ch == u'。' || ch == u'；' || ch == u';' || ch == u'\n';
    }
    bool lot = gap.indexOf(u"Lot") >= 0 || gap.indexOf(u"lot") >= 0;
    for (const char16_t* word : kLotWords) lot |= gap.indexOf(word) >= 0;
    if (lot && !separated) c.kind = before.kind;
  }
}

// True when `a` and `b` write one amount twice and agree on its value.
bool IsAgreeingPair(const Candidate& a, const Candidate& b,
                    const icu::UnicodeString& text) {
  return IsWrittenTwice(a, b, text) && DecimalEqual(a.value, b.value) &&
         (a.currency == b.currency || !a.explicit_currency ||
          !b.explicit_currency);
}

// Merges 大写/小写 pairs that agree and flags those that do not. A figure
// that disagrees with the next one stays alone when the next one agrees
// with the one after it. In a row of lots (小写 of lot 1, 大写 and 小写 of
// lot 2), the pair is lot 2's.
std::vector<Amount> SettlePairs(std::vector<Candidate>& found,
                                const icu::UnicodeString& text, int page,
                                std::vector<std::string>* warnings) {
  std::vector<Amount> amounts;
  for (size_t i = 0; i < found.size(); ++i) {
    Candidate& a = found[i];
    if (i + 1 == found.size() || !IsWrittenTwice(a, found[i + 1], text) ||
        (!IsAgreeingPair(a, found[i + 1], text) && i + 2 < found.size() &&
         IsAgreeingPair(found[i + 1], found[i + 2], text))) {
      amounts.push_back(ToAmount(a, text, a.limit, page));
      continue;
    }
    Candidate& b = found[i + 1];
    if (a.kind == "other") a.kind = b.kind;
    b.kind = a.kind;
    if (a.revision.empty()) a.revision = b.revision;
    b.revision = a.revision;
    if (!a.explicit_currency && b.explicit_currency) a.currency = b.currency;
    if (!b.explicit_currency) b.currency = a.currency;
    if (DecimalEqual(a.value, b.value) && a.currency == b.currency) {
      amounts.push_back(ToAmount(a, text, b.limit, page));
      ++i;
      continue;
    }
    const Candidate& upper = a.chinese ? a : b;
    const Candidate& lower = a.chinese ? b : a;
    if (warnings != nullptr) {
      warnings->push_back("page " + std::to_string(page) + ": 大写 amount " +
                          DecimalToString(upper.value) + " and 小写 amount " +
                          DecimalToString(lower.value) + " disagree in \"" +
                          Utf8Slice(text, a.start, b.limit) + "\"");
    }
    amounts.push_back(ToAmount(a, text, a.limit, page));
    amounts.push_back(ToAmount(b, text, b.limit, page));
    ++i;
  }
  return amounts;
}

}  // namespace

namespace fields_internal {

const AnchoredPattern& AmountPattern() {
  static const AnchoredPattern pattern{
      Compile(kAmountPattern),
      WithStarts(MakeAnchorHints(kAmountAnchors, kAmountMembers), kAmountStarts,
                 kAmountNotBeforeDigit)};
  return pattern;
}

}  // namespace fields_internal

std::vector<Amount> FindAmounts(std::string_view text, int page,
                                const AmountOptions& options,
                                std::vector<std::string>* warnings) {
  icu::UnicodeString normalized = fields_internal::NormalizeForFields(text);
  const fields_internal::AnchoredPattern& pattern =
      fields_internal::AmountPattern();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(
      pattern.regex->matcher(normalized, status));
  if (U_FAILURE(status)) return {};

  // Collect candidates. Each search starts where the previous match ended,
  // as RegexMatcher::find does. The end of the previous amount bounds the
  // clause searched for the next one's kind.
  std::vector<Candidate> found;
  int32_t floor = 0;
  int32_t pos = 0;
  PipeRow pipe_row;
  while (fields_internal::FindAnchored(*m, normalized, pos, normalized.length(),
                                       pattern.hints)) {
    pos = static_cast<int32_t>(m->end(status));
    std::optional<Candidate> c =
        MatchToCandidate(*m, normalized, floor, options, pipe_row);
    if (!c) continue;
    floor = c->limit;
    found.push_back(*c);
  }
  SettleCorrections(found);
  InheritLotKinds(found, normalized);
  return SettlePairs(found, normalized, page, warnings);
}

}  // namespace bidscope
