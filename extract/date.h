// Dates in procurement text: 2021年12月31日 (with spaces, full-width digits,
// 二〇二一 and ○ as zero, 十二月三十一日), 2021/12/31 17:00 and 2021-12-31,
// 时分 with 上午/下午, 北京时间, ranges with 至, Minguo years (民國110年)
// and dates without a year.
#ifndef BIDSCOPE_EXTRACT_DATE_H_
#define BIDSCOPE_EXTRACT_DATE_H_

#include <string>
#include <string_view>
#include <vector>

namespace bidscope {

struct DateValue {
  // published (发布/公告日期), deadline (截止), opening (开标), award
  // (中标/成交), contract (签订) or other.
  std::string kind;

  // ISO 8601: "2021-12-31", "2016-06-30T09:30", "2021-12-31T17:00+08:00",
  // or an interval "2021-12-01/2021-12-31".
  std::string value;

  // The matched text in NFKC form.
  std::string raw;

  // Page the date was found on (1 for formats without pages).
  int page = 1;
};

struct DateOptions {
  // Year given to dates written without one (12月31日), taken from the
  // document's own date. 0 leaves such dates out, with a warning.
  int reference_year = 0;
};

// Finds the dates in `text` in order of appearance. Impossible dates
// (month 13, 2月30日) are left out and named in `warnings`, which may be
// null. `missing_years`, when not null, receives the number of dates left
// out for want of a year.
std::vector<DateValue> FindDates(std::string_view text, int page,
                                 const DateOptions& options,
                                 std::vector<std::string>* warnings,
                                 int* missing_years = nullptr);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_DATE_H_
