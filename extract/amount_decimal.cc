#include "extract/amount_decimal.h"

namespace bidscope {

namespace {

// Brings both values to the larger scale, or returns false on overflow.
bool AlignScales(Decimal& a, Decimal& b) {
  while (a.scale < b.scale) {
    if (__builtin_mul_overflow(a.units, uint64_t{10}, &a.units)) return false;
    ++a.scale;
  }
  while (b.scale < a.scale) {
    if (__builtin_mul_overflow(b.units, uint64_t{10}, &b.units)) return false;
    ++b.scale;
  }
  return true;
}

Decimal Reduce(Decimal value) {
  while (value.scale > 0 && value.units % 10 == 0) {
    value.units /= 10;
    --value.scale;
  }
  return value;
}

}  // namespace

std::optional<Decimal> ParseDecimal(std::string_view digits) {
  Decimal value;
  bool seen_point = false;
  bool seen_digit = false;
  for (char c : digits) {
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    if (__builtin_mul_overflow(value.units, uint64_t{10}, &value.units) ||
        __builtin_add_overflow(value.units, uint64_t(c - '0'), &value.units)) {
      return std::nullopt;
    }
    if (seen_point) ++value.scale;
  }
  if (!seen_digit) return std::nullopt;
  return Reduce(value);
}

std::optional<Decimal> AddDecimal(Decimal a, Decimal b) {
  if (!AlignScales(a, b)) return std::nullopt;
  Decimal sum{0, a.scale};
  if (__builtin_add_overflow(a.units, b.units, &sum.units)) return std::nullopt;
  return Reduce(sum);
}

std::optional<Decimal> MultiplyDecimal(Decimal a, uint64_t factor) {
  Decimal product{0, a.scale};
  if (__builtin_mul_overflow(a.units, factor, &product.units)) {
    return std::nullopt;
  }
  return Reduce(product);
}

Decimal ShiftDecimal(Decimal a, int power) {
  a.scale += power;
  return Reduce(a);
}

std::string DecimalToString(Decimal value) {
  value = Reduce(value);
  std::string digits = std::to_string(value.units);
  if (value.scale == 0) return digits;
  size_t scale = static_cast<size_t>(value.scale);
  std::string padded(scale + 1 > digits.size() ? scale + 1 - digits.size() : 0,
                     '0');
  padded += digits;
  return padded.substr(0, padded.size() - scale) + "." +
         padded.substr(padded.size() - scale);
}

bool DecimalEqual(Decimal a, Decimal b) {
  a = Reduce(a);
  b = Reduce(b);
  return a.units == b.units && a.scale == b.scale;
}

}  // namespace bidscope
