// Money amounts in procurement text: Arabic figures with ¥ and thousands
// separators, 元/万元/亿元 units (also from a column label such as
// 预算金额（万元）), 大写 and lower-case Chinese numerals and colloquial forms
// such as 13万2.
#ifndef BIDSCOPE_EXTRACT_AMOUNT_H_
#define BIDSCOPE_EXTRACT_AMOUNT_H_

#include <string>
#include <string_view>
#include <vector>

namespace bidscope {

struct Amount {
  // budget, ceiling (最高限价/控制价), award (中标/成交/合同金额), unit_price,
  // total, deposit (保证金), fee (服务费, 代理费), other, or reference: a
  // figure that is not this purchase's, such as a rule's limit (不少于800万元),
  // a band of a fee scale or a worked example (例如).
  std::string kind;

  // Exact decimal in whole currency units ("320000", "9665.18").
  std::string value;

  // ISO 4217 code: CNY, USD, TWD, HKD or EUR.
  std::string currency;

  // The matched text in NFKC form (full-width digits already folded).
  std::string raw;

  // Page the amount was found on (1 for formats without pages).
  int page = 1;

  // Empty, or for an amendment's figures "corrected" (the new value,
  // after 更正为, 调整为, 更正后 and the like) and "superseded" (the earlier
  // amount of the same kind that a corrected one replaces). Totals,
  // filters and sorting leave superseded amounts out.
  std::string revision;
};

struct AmountOptions {
  // Currency of figures that name only 元, such as TWD in Taiwan notices.
  std::string default_currency = "CNY";

  // Currency of a bare "$", such as HKD in Hong Kong notices.
  std::string dollar_currency = "USD";
};

// Finds the amounts in `text` in order of appearance. A 大写 amount next to
// its 小写 figure is reported once when both agree. When they disagree,
// both are reported and a warning naming both values is appended to
// `warnings`, which may be null.
std::vector<Amount> FindAmounts(std::string_view text, int page,
                                const AmountOptions& options,
                                std::vector<std::string>* warnings);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_AMOUNT_H_
