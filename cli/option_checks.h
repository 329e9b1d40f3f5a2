// CLI11 checks for option values, with messages that name the value.
#ifndef BIDSCOPE_CLI_OPTION_CHECKS_H_
#define BIDSCOPE_CLI_OPTION_CHECKS_H_

#include <CLI/CLI.hpp>

namespace bidscope::cli {

// Accepts a number of zero or more. CLI11's NonNegativeNumber would print
// the largest double, 309 digits, in its message.
CLI::Validator NonNegative();

// Accepts a day of the calendar written YYYY-MM-DD (not 2024-02-30), as
// the index's date filters do.
CLI::Validator CalendarDate();

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_OPTION_CHECKS_H_
