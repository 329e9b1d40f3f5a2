#include "extract/xlsx_number_format.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace bidscope {

// 27-36 and 50-58 are the East Asian date formats. In the zh-CN locale
// 32-35 are times (h"时"mm"分") and the others dates.
// NOTE: these ids mean other formats in other East Asian locales, and the
// zh-CN mapping was not checked against a file saved by Excel.
DateKind BuiltInDateKind(int id) {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 ||
      (id >= 50 && id <= 58)) {
    return DateKind::kDate;
  }
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) ||
      (id >= 45 && id <= 47)) {
    return DateKind::kTime;
  }
  if (id == 22) return DateKind::kDateTime;
  return DateKind::kNone;
}

DateKind DateKindOfFormatCode(std::string_view code) {
  // Only the first section (positive numbers) decides. Quoted literals,
  // escaped characters and bracketed colours or locales are not format
  // letters, but the elapsed-time brackets [h], [mm] and [ss] are.
  bool date = false;
  bool time = false;
  bool month_or_minute = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == ';') break;
    if (c == '"') {
      size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {
      ++i;
      continue;
    }
    if (c == '[') {
      size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      char first = close > i + 1 ? code[i + 1] : ' ';
      if (first == 'h' || first == 'H' || first == 's' || first == 'S' ||
          first == 'm' || first == 'M') {
        time = true;
      }
      i = close;
      continue;
    }
    char lower = static_cast<char>(c | 0x20);
    if (lower == 'y' || lower == 'd') date = true;
    if (lower == 'h' || lower == 's') time = true;
    if (lower == 'm') month_or_minute = true;
  }
  if (date && time) return DateKind::kDateTime;
  if (date) return DateKind::kDate;
  if (time) return DateKind::kTime;
  // A lone "m" or "mmm" is a month.
  return month_or_minute ? DateKind::kDate : DateKind::kNone;
}

bool FormatSerialDate(std::string_view value, DateKind kind, bool date1904,
                      std::string& text) {
  double serial = 0;
  auto [end, error] =
      std::from_chars(value.data(), value.data() + value.size(), serial);
  if (error != std::errc() || end != value.data() + value.size() ||
      !std::isfinite(serial) || serial < 0 || serial >= 2958466) {
    return false;
  }
  long long seconds = std::llround(serial * 86400.0);
  long long days = seconds / 86400;
  long long second_of_day = seconds % 86400;

  // The 1900 date system counts a 29 February 1900 that never existed
  // (serial 60), a bug Excel kept from Lotus 1-2-3, so serials from 61 on
  // count from 1899-12-30 and earlier ones from 1899-12-31.
  using std::chrono::day;
  using std::chrono::sys_days;
  using std::chrono::year;
  sys_days epoch = date1904     ? sys_days(year(1904) / 1 / day(1))
                   : days >= 61 ? sys_days(year(1899) / 12 / day(30))
                                : sys_days(year(1899) / 12 / day(31));
  std::chrono::year_month_day date(epoch + std::chrono::days(days));
  char buffer[32];
  int length = 0;
  if (kind == DateKind::kTime) {
    length = std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld",
                           second_of_day / 3600, second_of_day / 60 % 60,
                           second_of_day % 60);
  } else if (kind == DateKind::kDate) {
    length = std::snprintf(
        buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
        static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  } else {
    length = std::snprintf(
        buffer, sizeof buffer, "%04d-%02u-%02u %02lld:%02lld:%02lld",
        static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
        static_cast<unsigned>(date.day()), second_of_day / 3600,
        second_of_day / 60 % 60, second_of_day % 60);
  }
  if (length <= 0) return false;
  text.assign(buffer, static_cast<size_t>(length));
  return true;
}

}  // namespace bidscope
