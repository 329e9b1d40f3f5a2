#include "extract/amount.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace bidscope {
namespace {

// Rows of a tab-separated file keyed by their first column. The header
// row is skipped.
std::map<std::string, std::vector<std::string>> ReadTsv(
    const std::filesystem::path& path, bool has_header) {
  std::map<std::string, std::vector<std::string>> rows;
  std::istringstream in(testing::ReadFile(path));
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (first && has_header) {
      first = false;
      continue;
    }
    first = false;
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream cell_stream(line);
    std::string cell;
    while (std::getline(cell_stream, cell, '\t')) cells.push_back(cell);
    if (line.back() == '\t') cells.push_back("");
    rows[cells[0]] = cells;
  }
  return rows;
}

std::string Join(const std::vector<Amount>& amounts,
                 std::string Amount::*field) {
  std::string out;
  for (const Amount& a : amounts) {
    if (!out.empty()) out += ";";
    out += a.*field;
  }
  return out;
}

std::vector<Amount> Find(const std::string& text,
                         std::vector<std::string>* warnings = nullptr) {
  return FindAmounts(text, 1, AmountOptions{}, warnings);
}

std::filesystem::path CaseDir() {
  return testing::SharedDir() / "cases" / "C11-amounts-and-dates-parsing";
}

TEST(AmountCaseTest, EveryRowMatchesExpectedTable) {
  BIDSCOPE_REQUIRE_SHARED();
  auto inputs = ReadTsv(CaseDir() / "amounts.txt", false);
  auto expected = ReadTsv(CaseDir() / "amounts.expected.tsv", true);
  ASSERT_EQ(inputs.size(), expected.size());
  for (const auto& [id, row] : expected) {
    ASSERT_TRUE(inputs.count(id)) << id;
    const std::string& text = inputs[id][1];
    std::vector<std::string> warnings;
    std::vector<Amount> amounts = Find(text, &warnings);
    if (row[1] == "INCONSISTENT") {
      // The note gives both values as "X vs Y".
      std::string note = row[3];
      std::string both = note.substr(0, note.find(" vs ")) + ";" +
                         note.substr(note.find(" vs ") + 4);
      EXPECT_EQ(Join(amounts, &Amount::value), both) << id << ": " << text;
      EXPECT_EQ(warnings.size(), 1u) << id << ": " << text;
      continue;
    }
    EXPECT_EQ(Join(amounts, &Amount::value), row[1]) << id << ": " << text;
    EXPECT_EQ(Join(amounts, &Amount::currency), row[2]) << id << ": " << text;
    EXPECT_TRUE(warnings.empty()) << id << ": " << text;
  }
}

struct AmountRow {
  const char* text;
  const char* expected;  // "kind value currency" per amount, joined by "; "
};

std::string Describe(const std::vector<Amount>& amounts) {
  std::string out;
  for (const Amount& a : amounts) {
    if (!out.empty()) out += "; ";
    out += a.kind + " " + a.value + " " + a.currency;
  }
  return out;
}

TEST(AmountTest, ParsesNotationsAndKinds) {
  const AmountRow kRows[] = {
      {"预算金额：320000元", "budget 320000 CNY"},
      {"最高限价：人民币叁拾贰万元整", "ceiling 320000 CNY"},
      {"控制价：88.5万元", "ceiling 885000 CNY"},
      {"中标金额：壹仟零伍元零捌分", "award 1005.08 CNY"},
      {"成交价：貳萬參仟元", "award 23000 CNY"},
      {"成交金额：13万2", "award 132000 CNY"},
      {"成交金额：三万五千元", "award 35000 CNY"},
      {"预算：1万5千元", "budget 15000 CNY"},
      // A single-source notice names the planned amount, not a budget.
      {"拟采购金额：￥1,860,000.00元", "budget 1860000 CNY"},
      {"投标保证金：５０００元", "deposit 5000 CNY"},
      {"采购预算（元）：1,280,000.00", "budget 1280000 CNY"},
      {"预算金额(亿元) | 1.25", "budget 125000000 CNY"},
      {"合同金额：HK$ 12,500", "award 12500 HKD"},
      {"決標金額：新臺幣1,234,000元", "award 1234000 TWD"},
      {"总价：EUR 3.5", "total 3.5 EUR"},
      {"预算金额：一亿二千万元", "budget 120000000 CNY"},
      {"单价：零点", ""},
      {"联系电话：0476-7866605，邮编025450", ""},
      {"2021年12月31日前完成", ""},
      {"中标价格为：人民币玖万玖仟伍佰伍拾元整，¥:99，550.00元",
       "award 99550 CNY"},
      // The second writing after a clause mark and its own label.
      {"中标金额：小写：￥3,200,000.00元；大写：人民币叁佰贰拾万元整",
       "award 3200000 CNY"},
      {"成交金额：人民币贰万元整；\n小写：¥20,000.00元", "award 20000 CNY"},
      {"预算金额：100万元；最高限价：壹佰万元",
       "budget 1000000 CNY; ceiling 1000000 CNY"},
      // Fees are not the award they are computed from.
      {"中标服务费为人民币捌万捌仟肆佰伍拾贰元", "fee 88452 CNY"},
      {"平台服务费：5000元", "fee 5000 CNY"},
      // A worked example is no amount of this purchase.
      {"例如：本项目中标金额为429万元，则服务费为4.29万元",
       "reference 4290000 CNY; reference 42900 CNY"},
      // A bare ten-digit run under a money label is an identifier.
      {"投标保证金：2606029001（项目编号）", ""},
      {"投标保证金：12000000", "deposit 12000000 CNY"},
      // The bands of a fee scale are not this purchase's amounts.
      {"成交金额100万元以下的部分，服务类采购费率1.50%；成交金额100万元至"
       "500万元的部分，服务类采购费率0.80%",
       "reference 1000000 CNY; reference 1000000 CNY; reference 5000000 CNY"},
      {"代理服务收费金额（元）：7488.00", "fee 7488 CNY"},
      // A pipe table's column header labels the figures below it.
      {"供应商名称 | 数量 | 单价 | 中标金额(万元)\n"
       "某某商贸有限公司 | 156 | 4780.00 | 74.568\n"
       "某某体育设施有限公司 | 156 | 4768.00 | 74.3808",
       "unit_price 4780 CNY; award 745680 CNY; unit_price 4768 CNY; "
       "award 743808 CNY"},
      // A small figure counts in the unit its column's header gives; the
      // row numbers and counts of other columns are no money.
      {"序号 | 采购项目名称 | 数量 | 预算金额（万元） | 预计采购时间\n"
       "1 | 网络舆情分析服务 | 2 | 32 | 2024年5月\n"
       "2 | 户外宣传栏制作安装 | 40 | 18.5 | 2024年6月",
       "budget 320000 CNY; budget 185000 CNY"},
      {"序号 | 名称 | 中标金额\n1 | 货物 | 32", ""},
      // A score is no price, though its row is the price's.
      {"评分因素 | 分值 | 说明\n价格 | 30 | 投标价格最低的为基准价\n"
       "技术方案 | 40 | 监测覆盖范围",
       ""},
      {"项目 | 内容\n预算金额 | 500000", "budget 500000 CNY"},
      // A lot's number is not money.
      {"投标保证金金额： 01 包：12,000.00 元整", "deposit 12000 CNY"},
  };
  for (const AmountRow& row : kRows) {
    EXPECT_EQ(Describe(Find(row.text)), row.expected) << row.text;
  }
}

TEST(AmountTest, DisagreementKeepsBothAndWarns) {
  std::vector<std::string> warnings;
  std::vector<Amount> amounts =
      Find("中标金额：人民币伍万元整（小写：¥50,500.00）", &warnings);
  EXPECT_EQ(Describe(amounts), "award 50000 CNY; award 50500 CNY");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("50000"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("50500"), std::string::npos) << warnings[0];
}

TEST(AmountTest, PairsEachLotsOwnFigures) {
  std::vector<std::string> warnings;
  std::vector<Amount> amounts = Find(
      "中标金额：第1包 小写：100000元 第2包 大写：贰拾万元整 小写：200000元",
      &warnings);
  EXPECT_EQ(Describe(amounts), "award 100000 CNY; award 200000 CNY");
  EXPECT_TRUE(warnings.empty()) << warnings.front();

  // Lots under one label take its kind; a new label starts a new kind.
  EXPECT_EQ(Describe(Find("中标金额：第1包 100000元 第2包 200000元；"
                          "预算金额：第1包 300000元")),
            "award 100000 CNY; award 200000 CNY; budget 300000 CNY");
}

TEST(AmountTest, LongTableKeepsItsHeader) {
  std::string table = "序号 | 名称 | 中标金额\n";
  constexpr int kRows = 300;
  for (int i = 1; i <= kRows; ++i) {
    table +=
        std::to_string(i) + " | 货物 | " + std::to_string(100000 + i) + "\n";
  }
  std::vector<Amount> amounts = Find(table);
  ASSERT_EQ(amounts.size(), static_cast<size_t>(kRows));
  EXPECT_EQ(amounts.back().kind, "award");
  EXPECT_EQ(amounts.back().value, std::to_string(100000 + kRows));
}

TEST(AmountTest, KeepsPageAndRawText) {
  std::vector<Amount> amounts = FindAmounts("预算：0.5亿元", 7, {}, nullptr);
  ASSERT_EQ(amounts.size(), 1u);
  EXPECT_EQ(amounts[0].page, 7);
  EXPECT_EQ(amounts[0].raw, "0.5亿元");
  EXPECT_EQ(amounts[0].value, "50000000");
}

TEST(AmountTest, DefaultCurrencyAppliesToBareYuan) {
  AmountOptions options;
  options.default_currency = "TWD";
  std::vector<Amount> amounts =
      FindAmounts("預算金額：350萬元", 1, options, nullptr);
  EXPECT_EQ(Describe(amounts), "budget 3500000 TWD");
}

// "kind value revision" per amount, joined by "; ".
std::string DescribeRevisions(const std::vector<Amount>& amounts) {
  std::string out;
  for (const Amount& a : amounts) {
    if (!out.empty()) out += "; ";
    out +=
        a.kind + " " + a.value + " " + (a.revision.empty() ? "-" : a.revision);
  }
  return out;
}

TEST(AmountTest, AmendmentMarksCorrectedAndSupersededFigures) {
  const AmountRow kRows[] = {
      {"原预算金额为150万元，现更正为120万元。",
       "budget 1500000 superseded; budget 1200000 corrected"},
      {"更正前：最高限价80万元；更正后：最高限价90万元",
       "ceiling 800000 superseded; ceiling 900000 corrected"},
      {"采购预算由人民币壹佰万元整（¥1,000,000.00）调整为人民币壹佰贰拾万元整"
       "（¥1,200,000.00）",
       "budget 1000000 superseded; budget 1200000 corrected"},
      {"預算金額：新臺幣500萬元，更正為新臺幣450萬元",
       "budget 5000000 superseded; budget 4500000 corrected"},
      // Two lots, each corrected: each correction replaces its own figure.
      {"包1预算：100万元，现变更为110万元；包2预算：200万元，现变更为190万元",
       "budget 1000000 superseded; budget 1100000 corrected; "
       "budget 2000000 superseded; budget 1900000 corrected"},
      // A correction of another kind leaves the budget alone.
      {"预算金额：100万元。最高限价调整为95万元",
       "budget 1000000 -; ceiling 950000 corrected"},
      // No correction word: two budgets stay as found.
      {"预算金额：100万元，其中一期预算60万元",
       "budget 1000000 -; budget 600000 -"},
      // A limit in a qualification rule is not corrected into a budget.
      {"预算金额：100万元，资格要求调整为营业收入不少于500万元",
       "budget 1000000 -; reference 5000000 corrected"},
  };
  for (const AmountRow& row : kRows) {
    EXPECT_EQ(DescribeRevisions(Find(row.text)), row.expected) << row.text;
  }
}

TEST(AmountTest, DollarCurrencyAppliesToBareDollar) {
  AmountOptions options;
  options.dollar_currency = "HKD";
  std::vector<Amount> amounts =
      FindAmounts("成交價：$96,000.00，另US$500", 1, options, nullptr);
  EXPECT_EQ(Describe(amounts), "award 96000 HKD; other 500 USD");
}

}  // namespace
}  // namespace bidscope
