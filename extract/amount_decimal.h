// Exact decimal numbers for money amounts. Values are kept as an integer
// count of 10^-scale units so that 1,234,567.89 and 0.5亿 convert without
// binary floating-point rounding.
#ifndef BIDSCOPE_EXTRACT_AMOUNT_DECIMAL_H_
#define BIDSCOPE_EXTRACT_AMOUNT_DECIMAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bidscope {

struct Decimal {
  // The value is units / 10^scale.
  uint64_t units = 0;
  int scale = 0;
};

// Parses ASCII digits with an optional fractional part ("320", "9.955").
// Returns nullopt on any other character or on overflow.
std::optional<Decimal> ParseDecimal(std::string_view digits);

// Sum and products, or nullopt on uint64 overflow.
std::optional<Decimal> AddDecimal(Decimal a, Decimal b);
std::optional<Decimal> MultiplyDecimal(Decimal a, uint64_t factor);

// Divides by 10^power exactly by raising the scale (10 → 0.1 for 角).
Decimal ShiftDecimal(Decimal a, int power);

// Shortest decimal form without exponent: "320000", "9665.18", "0.5".
std::string DecimalToString(Decimal value);

bool DecimalEqual(Decimal a, Decimal b);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_AMOUNT_DECIMAL_H_
