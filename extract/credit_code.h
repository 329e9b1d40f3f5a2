// Unified social credit codes (统一社会信用代码, GB 32100-2015): 18
// characters from 0-9 and A-Y without I, O, S, V and Z, the last a check
// character over the first 17.
#ifndef BIDSCOPE_EXTRACT_CREDIT_CODE_H_
#define BIDSCOPE_EXTRACT_CREDIT_CODE_H_

#include <optional>
#include <string_view>

namespace bidscope {

// Check character for the first 17 characters of a code, or nullopt when
// `first17` has another length or a character outside the code alphabet.
std::optional<char> CreditCodeCheckCharacter(std::string_view first17);

// True when `code` has 18 valid characters and a matching check character.
bool IsValidCreditCode(std::string_view code);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_CREDIT_CODE_H_
