#include "extract/credit_code.h"

#include <string_view>

namespace bidscope {

namespace {

// The 31 characters of GB 32100-2015 in value order, and the position
// weights 3^(i) mod 31 for the first 17 positions.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                              29, 25, 13, 8,  24, 10, 30, 28};

}  // namespace

std::optional<char> CreditCodeCheckCharacter(std::string_view first17) {
  if (first17.size() != 17) return std::nullopt;
  int sum = 0;
  for (size_t i = 0; i < first17.size(); ++i) {
    size_t value = kAlphabet.find(first17[i]);
    if (value == std::string_view::npos) return std::nullopt;
    sum += static_cast<int>(value) * kWeights[i];
  }
  int check = (31 - sum % 31) % 31;
  return kAlphabet[check];
}

bool IsValidCreditCode(std::string_view code) {
  if (code.size() != 18) return false;
  std::optional<char> check = CreditCodeCheckCharacter(code.substr(0, 17));
  return check.has_value() && *check == code[17];
}

}  // namespace bidscope
