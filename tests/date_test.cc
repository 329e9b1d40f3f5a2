#include "extract/date.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace bidscope {
namespace {

std::map<std::string, std::string> ReadIdValueTsv(
    const std::filesystem::path& path, bool has_header) {
  std::map<std::string, std::string> rows;
  std::istringstream in(testing::ReadFile(path));
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    bool skip = first && has_header;
    first = false;
    if (skip || line.empty()) continue;
    size_t tab = line.find('\t');
    rows[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return rows;
}

std::string Values(const std::vector<DateValue>& dates) {
  std::string out;
  for (const DateValue& d : dates) {
    if (!out.empty()) out += "; ";
    out += d.value;
  }
  return out;
}

std::string Describe(const std::vector<DateValue>& dates) {
  std::string out;
  for (const DateValue& d : dates) {
    if (!out.empty()) out += "; ";
    out += d.kind + " " + d.value;
  }
  return out;
}

TEST(DateCaseTest, EveryRowMatchesExpectedTable) {
  BIDSCOPE_REQUIRE_SHARED();
  std::filesystem::path dir =
      testing::SharedDir() / "cases" / "C11-amounts-and-dates-parsing";
  auto inputs = ReadIdValueTsv(dir / "dates.txt", false);
  auto expected = ReadIdValueTsv(dir / "dates.expected.tsv", true);
  ASSERT_EQ(inputs.size(), expected.size());
  for (const auto& [id, value] : expected) {
    ASSERT_TRUE(inputs.count(id)) << id;
    std::vector<std::string> warnings;
    std::vector<DateValue> dates =
        FindDates(inputs[id], 1, DateOptions{}, &warnings);
    if (value == "INVALID") {
      EXPECT_EQ(Values(dates), "") << id << ": " << inputs[id];
      EXPECT_EQ(warnings.size(), 1u) << id << ": " << inputs[id];
      continue;
    }
    EXPECT_EQ(Values(dates), value) << id << ": " << inputs[id];
    EXPECT_TRUE(warnings.empty()) << id << ": " << inputs[id];
  }
}

struct DateRow {
  const char* text;
  const char* expected;  // "kind value" per date, joined by "; "
};

TEST(DateTest, ParsesNotationsAndKinds) {
  const DateRow kRows[] = {
      {"公告日期：2021 年 3 月 5 日", "published 2021-03-05"},
      {"开标时间：2021年3月5日上午9点半", "opening 2021-03-05T09:30"},
      {"投标截止时间：2021年3月5日下午2时", "deadline 2021-03-05T14:00"},
      {"截止时间：2021-03-05 09:30:15", "deadline 2021-03-05T09:30:15"},
      {"签订日期：2021.3.5", "contract 2021-03-05"},
      {"決標日期：民國110年3月5日", "award 2021-03-05"},
      // Taiwan's Minguo years without 民國, in both notations.
      {"決標日期：113年4月25日", "award 2024-04-25"},
      {"開標時間：113/03/18 10:00", "opening 2024-03-18T10:00"},
      {"截止投標：113/3/15", "deadline 2024-03-15"},
      // Neither a year before 100 nor a ratio is a Minguo date.
      {"保固期：99年3月", ""},
      {"配比：120/80/60", ""},
      {"第113/13/40号", ""},
      {"中标日期：二〇二〇年二月二十九日", "award 2020-02-29"},
      // A label of two events gives the date both kinds.
      {"投标截止时间及开标时间：2021年3月5日9时",
       "opening 2021-03-05T09:00; deadline 2021-03-05T09:00"},
      {"开标时间、截标时间：2021年3月5日",
       "deadline 2021-03-05; opening 2021-03-05"},
      {"递交投标文件截止时间：2021年3月5日", "deadline 2021-03-05"},
      {"公告发布后至开标时间：2021年3月5日", "opening 2021-03-05"},
      {"开标时间：2021年12月31日 14:30（北京时间）",
       "opening 2021-12-31T14:30+08:00"},
      {"报名时间：2021年12月1日至31日", "other 2021-12-01/2021-12-31"},
      {"服务期：2021年12月1日至2022年1月31日", "other 2021-12-01/2022-01-31"},
      {"发布时间：2021年12月", "published 2021-12"},
      {"电话：0476-7866605", ""},
      {"⑵2021年5月1日起施行", "other 2021-05-01"},
      // Lines of the layout: a label above its value, a wrapped clause and
      // a time on the next line, but not a title above its date.
      {"公告发布日期:\n2026-03-16", "published 2026-03-16"},
      {"投标截止时间为北京\n时间2021年12月31日\n上午9时30分。",
       "deadline 2021-12-31T09:30"},
      {"某某项目中标结果公告\n2026年3月16日", "other 2026-03-16"},
      {"本项目已完成。\n2026年3月16日", "other 2026-03-16"},
  };
  for (const DateRow& row : kRows) {
    std::vector<std::string> warnings;
    EXPECT_EQ(Describe(FindDates(row.text, 1, {}, &warnings)), row.expected)
        << row.text;
    EXPECT_TRUE(warnings.empty()) << row.text;
  }
}

TEST(DateTest, MissingYearComesFromReferenceYear) {
  DateOptions options;
  options.reference_year = 2019;
  std::vector<DateValue> dates =
      FindDates("开标时间：12月31日9时", 1, options, nullptr);
  EXPECT_EQ(Describe(dates), "opening 2019-12-31T09:00");
}

TEST(DateTest, DayOfRelativeYearGetsNoYear) {
  DateOptions options;
  options.reference_year = 2024;
  std::vector<std::string> warnings;
  std::vector<DateValue> dates = FindDates(
      "近三年（自投标截止日逆推2年的1月1日起）的业绩；每年的 6月30日前"
      "报送；上一年度12月31日的报表。截止时间：3月5日9时",
      1, options, &warnings);
  EXPECT_EQ(Describe(dates), "deadline 2024-03-05T09:00");
  EXPECT_TRUE(warnings.empty());

  // After a figure, 年 ends a year that the layout split.
  options.reference_year = 2026;
  EXPECT_EQ(
      Describe(FindDates("投标截止时间为：【 202 6 年 9 月 11 日 09 时 00分】",
                         1, options, nullptr)),
      "deadline 2026-09-11T09:00");
}

TEST(DateTest, MissingYearWithoutReferenceWarns) {
  std::vector<std::string> warnings;
  std::vector<DateValue> dates =
      FindDates("开标时间：12月31日", 1, DateOptions{}, &warnings);
  EXPECT_EQ(Describe(dates), "");
  EXPECT_EQ(warnings.size(), 1u);
}

TEST(DateTest, ImpossibleDayWarns) {
  std::vector<std::string> warnings;
  std::vector<DateValue> dates =
      FindDates("签订日期：2021年2月29日", 3, DateOptions{}, &warnings);
  EXPECT_EQ(Describe(dates), "");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("page 3"), std::string::npos) << warnings[0];
}

}  // namespace
}  // namespace bidscope
