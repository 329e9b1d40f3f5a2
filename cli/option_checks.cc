#include "cli/option_checks.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include "index/filters.h"

namespace bidscope::cli {

CLI::Validator NonNegative() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        errno = 0;
        char* end = nullptr;
        double number = std::strtod(value.c_str(), &end);
        if (value.empty() || end != value.c_str() + value.size() ||
            errno == ERANGE || !std::isfinite(number)) {
          return "invalid number '" + value + "'";
        }
        if (number < 0) {
          return "invalid number '" + value + "': expected 0 or more";
        }
        return "";
      },
      "NUMBER >= 0");
}

CLI::Validator CalendarDate() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        std::string problem = DateProblem(value);
        if (problem.empty()) return "";
        return "invalid date '" + value + "': " + problem;
      },
      "YYYY-MM-DD");
}

}  // namespace bidscope::cli
