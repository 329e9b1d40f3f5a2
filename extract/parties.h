// Parties and identifiers of a procurement notice, read from "label：value"
// lines, "label | value" table rows and the "名称：… 地址：…" blocks under
// headings such as 采购人信息.
#ifndef BIDSCOPE_EXTRACT_PARTIES_H_
#define BIDSCOPE_EXTRACT_PARTIES_H_

#include <string>
#include <string_view>
#include <vector>

namespace bidscope {

struct Supplier {
  std::string name;
  std::string address;

  // 统一社会信用代码 as written, empty when the notice gives none.
  std::string credit_code;

  // True when `credit_code` passes the GB 32100-2015 check character.
  bool credit_code_valid = false;
};

struct Parties {
  std::string project_number;  // 项目编号, 招标编号, 標案案號 ...
  std::string plan_number;     // 采购计划编号
  std::string project_name;    // 项目名称, 採購名稱
  std::string lot;             // 包号, 标段
  std::string buyer;   // 采购人, 采购单位, 招标人, 機關名稱
  std::string agency;  // 采购代理机构, kept apart from the buyer
  std::vector<Supplier> suppliers;  // 中标/成交供应商, 中标人, 得標廠商

  // Value of a 采购方式 label, as written.
  std::string method_label;
};

// Reads the parties from `text` (all pages joined). The first value of
// each single-valued field wins. Suppliers are collected in order without
// repeats.
Parties FindParties(std::string_view text);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_PARTIES_H_
