#include "extract/records_date.h"

#include <fmt/format.h>

#include <chrono>
#include <regex>

namespace bidscope {

namespace {

bool IsValidDate(int year, int month, int day) {
  using namespace std::chrono;
  return year >= 1900 && year <= 2200 &&
         year_month_day(std::chrono::year(year), std::chrono::month(month),
                        std::chrono::day(day))
             .ok();
}

std::string FromUnixTime(long long seconds) {
  using namespace std::chrono;
  sys_seconds time{std::chrono::seconds(seconds)};
  auto day = floor<days>(time);
  year_month_day date(day);
  hh_mm_ss clock(time - day);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", int(date.year()),
                     unsigned(date.month()), unsigned(date.day()),
                     clock.hours().count(), clock.minutes().count(),
                     clock.seconds().count());
}

}  // namespace

std::string NormalizeRecordDate(std::string_view value) {
  // Year, month and day separated by - / . or 年 月 (日), then an optional
  // time and an optional offset.
  // Multi-byte characters such as 年 sit in groups, never in brackets or
  // before a bare "?", because std::regex works on bytes.
  static const std::regex kDate(
      R"(^\s*(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})(?:日)?)"
      R"((?:(?:[T ]|\s)*(\d{1,2})(?::|时|點|点)(\d{2}))"
      R"((?:(?::|分)(\d{2})(?:\.\d+)?(?:秒)?)?(?:分)?)"
      R"((Z|[+-]\d{2}:?\d{2})?)?\s*$)");
  static const std::regex kCompact(R"(^\s*(\d{4})(\d{2})(\d{2})\s*$)");
  static const std::regex kUnix(R"(^\s*(\d{10}|\d{13})\s*$)");

  std::string text(value);
  std::smatch match;
  if (std::regex_match(text, match, kUnix)) {
    long long number = std::stoll(match[1]);
    return FromUnixTime(match[1].length() == 13 ? number / 1000 : number);
  }
  bool compact = std::regex_match(text, match, kCompact);
  if (!compact && !std::regex_match(text, match, kDate)) return "";

  int year = std::stoi(match[1]);
  int month = std::stoi(match[2]);
  int day = std::stoi(match[3]);
  if (!IsValidDate(year, month, day)) return "";
  std::string iso = fmt::format("{:04}-{:02}-{:02}", year, month, day);
  if (compact || !match[4].matched) return iso;

  int hour = std::stoi(match[4]);
  int minute = std::stoi(match[5]);
  int second = match[6].matched ? std::stoi(match[6]) : 0;
  if (hour > 23 || minute > 59 || second > 60) return iso;
  iso += fmt::format("T{:02}:{:02}:{:02}", hour, minute, second);
  if (match[7].matched) {
    std::string offset = match[7];
    if (offset.size() == 5) {
      iso += offset.substr(0, 3) + ":" + offset.substr(3);
    } else {
      iso += offset;
    }
  }
  return iso;
}

}  // namespace bidscope
