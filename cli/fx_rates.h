// The dated exchange-rate table of data/fx-rates.tsv: yuan per unit of a
// currency, one annual average per year.
#ifndef BIDSCOPE_CLI_FX_RATES_H_
#define BIDSCOPE_CLI_FX_RATES_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace bidscope::cli {

struct FxRate {
  int year = 0;             // the year the annual average is for
  double cny_per_unit = 0;  // yuan per unit of the currency
};

class FxRates {
 public:
  // Parses the TSV text. Throws std::runtime_error naming the line on a
  // malformed row.
  static FxRates FromTsv(std::string_view tsv);

  // Reads $BIDSCOPE_DATA_DIR/fx-rates.tsv, or the source tree's data/ when
  // that variable is unset. Throws std::runtime_error when it cannot.
  static FxRates Load();

  // The rate of `currency` for `year`, else of the nearest year in the
  // table (the result names the year used). Empty for an unknown
  // currency.
  std::optional<FxRate> Find(const std::string& currency, int year) const;

 private:
  std::map<std::pair<std::string, int>, double> rates_;
};

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_FX_RATES_H_
