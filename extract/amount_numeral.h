// Chinese numerals in money amounts: 大写 (壹贰叁…拾佰仟) and lower-case
// (一二三…十百千) forms with 万/亿 groups, 零, 元/圆, 角, 分 and 整.
#ifndef BIDSCOPE_EXTRACT_AMOUNT_NUMERAL_H_
#define BIDSCOPE_EXTRACT_AMOUNT_NUMERAL_H_

#include <optional>
#include <string_view>

#include "extract/amount_decimal.h"

namespace bidscope {

// Value of a Chinese numeral such as 人民币 digits 叁拾贰万元整 (without the
// currency word), 十万零一千, 玖仟陆佰陆拾伍圆壹角捌分 or 拾万 (a unit
// without a digit counts one of it). A single trailing digit after a unit
// with no 零 between is the next lower place, as in 三万五 = 35000. Returns
// nullopt for text that is not a well-formed numeral, such as two digits in
// a row (二〇二一).
std::optional<Decimal> ParseChineseNumeral(std::u16string_view numeral);

// Digit value 0-9 of a Chinese digit character (零〇○一壹两兩…), else -1.
int ChineseDigitValue(char16_t c);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_AMOUNT_NUMERAL_H_
