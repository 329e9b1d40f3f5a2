#include "extract/amount_numeral.h"

#include <cstdint>

namespace bidscope {

namespace {

// Place value of 十/百/千 and their 大写 forms, else 0.
uint64_t SmallUnitValue(char16_t c) {
  switch (c) {
    case u'十':
    case u'拾':
      return 10;
    case u'百':
    case u'佰':
      return 100;
    case u'千':
    case u'仟':
      return 1000;
    default:
      return 0;
  }
}

// Value of the 万 and 亿 group markers, else 0.
uint64_t GroupUnitValue(char16_t c) {
  switch (c) {
    case u'万':
    case u'萬':
      return 10000;
    case u'亿':
    case u'億':
      return 100000000;
    default:
      return 0;
  }
}

bool IsYuan(char16_t c) { return c == u'元' || c == u'圆' || c == u'圓'; }

// Running state of the integer part: completed 亿 groups, the 万 group,
// the current section below 万 and a digit waiting for its unit.
struct IntegerState {
  uint64_t yi = 0;
  uint64_t wan = 0;
  uint64_t section = 0;
  int digit = -1;
  uint64_t last_unit = 0;        // place of the last unit seen
  bool zero_since_unit = false;  // a 零 came after that unit
};

bool ApplySmallUnit(IntegerState& s, uint64_t unit) {
  uint64_t digit = s.digit < 0 ? 1 : static_cast<uint64_t>(s.digit);
  s.section += digit * unit;
  s.digit = -1;
  s.last_unit = unit;
  s.zero_since_unit = false;
  return true;
}

bool ApplyGroupUnit(IntegerState& s, uint64_t unit) {
  uint64_t group = s.section + (s.digit < 0 ? 0 : s.digit);
  s.section = 0;
  s.digit = -1;
  s.last_unit = unit;
  s.zero_since_unit = false;
  if (unit == 10000) {
    s.wan = group * unit;
    return true;
  }
  s.yi = (s.yi + s.wan + group) * unit;
  s.wan = 0;
  return true;
}

// Integer value once the numeral ends. A single trailing digit after a
// unit means the next lower place (一百五 = 150) unless 零 came between.
uint64_t FinishInteger(const IntegerState& s) {
  uint64_t tail = 0;
  if (s.digit >= 0) {
    tail = static_cast<uint64_t>(s.digit);
    if (s.last_unit >= 100 && !s.zero_since_unit) tail *= s.last_unit / 10;
  }
  return s.yi + s.wan + s.section + tail;
}

}  // namespace

int ChineseDigitValue(char16_t c) {
  switch (c) {
    case u'零':
    case u'〇':
    case u'○':
      return 0;
    case u'一':
    case u'壹':
    case u'弌':
      return 1;
    case u'二':
    case u'贰':
    case u'貳':
    case u'两':
    case u'兩':
      return 2;
    case u'三':
    case u'叁':
    case u'參':
    case u'参':
      return 3;
    case u'四':
    case u'肆':
      return 4;
    case u'五':
    case u'伍':
      return 5;
    case u'六':
    case u'陆':
    case u'陸':
      return 6;
    case u'七':
    case u'柒':
      return 7;
    case u'八':
    case u'捌':
      return 8;
    case u'九':
    case u'玖':
      return 9;
    default:
      return -1;
  }
}

std::optional<Decimal> ParseChineseNumeral(std::u16string_view numeral) {
  IntegerState state;
  bool any_digit_or_unit = false;  // a group unit alone (万) is no value
  size_t i = 0;

  // Integer part, up to 元/圆 or the first 角/分 digit.
  for (; i < numeral.size(); ++i) {
    char16_t c = numeral[i];
    if (IsYuan(c)) {
      ++i;
      break;
    }
    if (c == u'整' || c == u'正') continue;
    int digit = ChineseDigitValue(c);
    if (digit == 0) {
      if (state.digit > 0) return std::nullopt;  // 一〇 is not a numeral
      state.zero_since_unit = true;
      any_digit_or_unit = true;
      continue;
    }
    if (digit > 0) {
      bool next_is_fraction =
          i + 1 < numeral.size() &&
          (numeral[i + 1] == u'角' || numeral[i + 1] == u'分');
      if (next_is_fraction) break;
      if (state.digit >= 0) return std::nullopt;
      state.digit = digit;
      any_digit_or_unit = true;
      continue;
    }
    if (uint64_t unit = SmallUnitValue(c); unit != 0) {
      ApplySmallUnit(state, unit);
      any_digit_or_unit = true;
      continue;
    }
    if (uint64_t unit = GroupUnitValue(c); unit != 0) {
      ApplyGroupUnit(state, unit);
      continue;
    }
    return std::nullopt;
  }
  Decimal value{FinishInteger(state), 0};

  // Fraction: digit + 角 (tenths) and digit + 分 (hundredths), 零 and 整
  // ignored.
  int pending = -1;
  for (; i < numeral.size(); ++i) {
    char16_t c = numeral[i];
    if (c == u'整' || c == u'正' || ChineseDigitValue(c) == 0) continue;
    if (int digit = ChineseDigitValue(c); digit > 0) {
      if (pending >= 0) return std::nullopt;
      pending = digit;
      continue;
    }
    if ((c == u'角' || c == u'分') && pending > 0) {
      Decimal part =
          ShiftDecimal(Decimal{uint64_t(pending), 0}, c == u'角' ? 1 : 2);
      std::optional<Decimal> sum = AddDecimal(value, part);
      if (!sum) return std::nullopt;
      value = *sum;
      pending = -1;
      any_digit_or_unit = true;
      continue;
    }
    return std::nullopt;
  }
  if (pending >= 0 || !any_digit_or_unit) return std::nullopt;
  return value;
}

}  // namespace bidscope
