#include "cli/field_filters.h"

#include <iterator>
#include <string>
#include <vector>

#include "cli/option_checks.h"
#include "extract/notice_type.h"

#include "index/fields_terms.h"

namespace bidscope::cli {

void AddFilterOptions(CLI::App* command, FieldFilters* filters) {
  command
      ->add_option("--type", filters->notice_type,
                   "Only notices of this type: intention, tender, "
                   "amendment, award, contract ...")
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(kNoticeTypes),
                                                     std::end(kNoticeTypes))));
  command
      ->add_option("--method", filters->method,
                   "Only this procurement method: open, invited, rfq, "
                   "single_source ...")
      ->check(CLI::IsMember(std::vector<std::string>(
          std::begin(kProcurementMethods), std::end(kProcurementMethods))));
  command->add_option("--buyer", filters->buyer,
                      "Only buyers whose name contains this text");
  command->add_option("--agency", filters->agency,
                      "Only agencies whose name contains this text");
  command->add_option("--supplier", filters->supplier,
                      "Only notices with a supplier whose name contains "
                      "this text");
  command->add_option("--region", filters->region,
                      "Only this province, city or county (name or 6-digit "
                      "code)");
  command
      ->add_option("--after", filters->after,
                   "Only notices published on or after this date "
                   "(YYYY-MM-DD)")
      ->check(CalendarDate());
  command
      ->add_option("--before", filters->before,
                   "Only notices published on or before this date "
                   "(YYYY-MM-DD)")
      ->check(CalendarDate());
  command
      ->add_option("--min-amount", filters->min_amount,
                   "Minimum award amount (else budget), in CNY")
      ->check(NonNegative());
  command
      ->add_option("--max-amount", filters->max_amount,
                   "Maximum award amount (else budget), in CNY")
      ->check(NonNegative());
}

void AddSortOption(CLI::App* command, std::string* sort) {
  command
      ->add_option("--sort", *sort,
                   "Order: relevance, date (newest first) or amount "
                   "(largest first)")
      ->check(CLI::IsMember({"relevance", "date", "amount"}));
}

SortOrder ParseSortOrder(const std::string& name) {
  if (name == "date") return SortOrder::kDate;
  if (name == "amount") return SortOrder::kAmount;
  return SortOrder::kRelevance;
}

}  // namespace bidscope::cli
