#include "cli/fx_rates.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace bidscope::cli {

FxRates FxRates::FromTsv(std::string_view tsv) {
  FxRates table;
  std::istringstream in{std::string(tsv)};
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#' || line.starts_with("year\t")) continue;
    std::istringstream row(line);
    std::string year, currency, rate;
    if (!std::getline(row, year, '\t') || !std::getline(row, currency, '\t') ||
        !std::getline(row, rate, '\t')) {
      throw std::runtime_error("fx-rates.tsv line " + std::to_string(number) +
                               ": expected year, currency and cny_per_unit");
    }
    char* end = nullptr;
    double value = std::strtod(rate.c_str(), &end);
    if (end == rate.c_str() || value <= 0) {
      throw std::runtime_error("fx-rates.tsv line " + std::to_string(number) +
                               ": invalid rate '" + rate + "'");
    }
    table.rates_[{currency, std::atoi(year.c_str())}] = value;
  }
  return table;
}

FxRates FxRates::Load() {
  const char* dir = std::getenv("BIDSCOPE_DATA_DIR");
  std::string path =
      std::string(dir != nullptr ? dir : BIDSCOPE_DATA_DIR) + "/fx-rates.tsv";
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read the rate table");
  std::ostringstream text;
  text << in.rdbuf();
  return FromTsv(text.str());
}

std::optional<FxRate> FxRates::Find(const std::string& currency,
                                    int year) const {
  std::optional<FxRate> best;
  for (const auto& [key, rate] : rates_) {
    if (key.first != currency) continue;
    if (!best || std::abs(key.second - year) < std::abs(best->year - year)) {
      best = FxRate{key.second, rate};
    }
  }
  return best;
}

}  // namespace bidscope::cli
