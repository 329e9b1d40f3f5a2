#include "cli/option_checks.h"

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string>

namespace bidscope::cli {

CLI::Validator NonNegative() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        errno = 0;
        char* end = nullptr;
        double number = std::strtod(value.c_str(), &end);
        if (value.empty() || end != value.c_str() + value.size() ||
            errno == ERANGE || !std::isfinite(number)) {
          return "'" + value + "' is not a number";
        }
        if (number < 0) return "'" + value + "' is negative";
        return "";
      },
      "NUMBER >= 0");
}

CLI::Validator CalendarDate() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        bool digits = value.size() == 10 && value[4] == '-' && value[7] == '-';
        for (size_t i = 0; digits && i < value.size(); ++i) {
          if (i != 4 && i != 7) digits = value[i] >= '0' && value[i] <= '9';
        }
        if (!digits)
          return "'" + value + "' is not a date: expected YYYY-MM-DD";
        std::chrono::year_month_day day{
            std::chrono::year{std::stoi(value.substr(0, 4))},
            std::chrono::month{
                static_cast<unsigned>(std::stoi(value.substr(5, 2)))},
            std::chrono::day{
                static_cast<unsigned>(std::stoi(value.substr(8, 2)))}};
        if (!day.ok()) return "'" + value + "' is not a day of the calendar";
        return "";
      },
      "YYYY-MM-DD");
}

}  // namespace bidscope::cli
