// Money figures that a scraped record keeps in columns of their own.
#ifndef BIDSCOPE_EXTRACT_RECORDS_AMOUNTS_H_
#define BIDSCOPE_EXTRACT_RECORDS_AMOUNTS_H_

#include <string>
#include <vector>

#include "extract/records_fields.h"

namespace bidscope {

// A money figure held in a column of its own, such as "budget": 2000000,
// "lot_value_eur": 1577466.41 or "total_winning_money": {"money_amount":
// 99550.0, "money_unit": "元"}. Names are read by their ASCII words. A
// Chinese label such as 预算金额 is read from the record's text, where the
// amount patterns see it.
struct RecordAmount {
  std::string column;    // the field's name as in the record
  std::string text;      // the field's value as in the record
  std::string kind;      // as Amount::kind
  std::string value;     // exact decimal in whole currency units
  std::string currency;  // ISO 4217 code
};

// Finds the amount columns of a record, in field order. A column counts when
// its name has a money word (amount, price, budget, fee, deposit, or value
// with a qualifier such as contract or eur) and its value is a positive
// figure: bare, or with its unit ("54万元"). The unit and currency come
// from the value, from the name ("_eur", "(万元)") or from a sibling
// field ("money_unit", "currency"), else they are 元 and CNY.
std::vector<RecordAmount> FindRecordAmounts(const RecordFields& fields);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_RECORDS_AMOUNTS_H_
