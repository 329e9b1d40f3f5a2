// `bidscope stats`: notices and amounts per group. An award or budget is
// counted once per project, so that an award notice and the contract of
// the same project do not double its amount.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "cli/field_hits.h"
#include "cli/fields_commands.h"
#include "cli/fx_rates.h"
#include "cli/output.h"
#include "cli/translation_commands.h"
#include "index/fields_terms.h"

namespace bidscope::cli {
namespace {

constexpr char kNoGroup[] = "(none)";

// One amount of a project as it enters a group's sum.
struct ProjectAmount {
  double cny = 0;
  std::string published;  // YYYYMMDD of the notice it came from
};

struct Group {
  uint64_t documents = 0;
  // Per project key: the largest award, and the budget of the latest
  // notice (an amendment's budget replaces the tender's).
  std::map<std::string, ProjectAmount> awards;
  std::map<std::string, ProjectAmount> budgets;
};

std::string RegionKey(const Region& region) {
  if (region.code.empty()) return kNoGroup;
  std::string name = region.province;
  for (const std::string* part : {&region.city, &region.county}) {
    if (!part->empty()) name += " " + *part;
  }
  return name + " (" + region.code + ")";
}

std::vector<std::string> GroupKeys(const Fields& fields,
                                   const std::string& by) {
  std::vector<std::string> keys;
  if (by == "buyer") keys.push_back(fields.buyer);
  if (by == "agency") keys.push_back(fields.agency);
  if (by == "type") keys.push_back(fields.notice_type);
  if (by == "year") keys.push_back(PublishedKey(fields).substr(0, 4));
  if (by == "region") keys.push_back(RegionKey(fields.region));
  if (by == "supplier") {
    for (const Supplier& supplier : fields.suppliers) {
      keys.push_back(supplier.name);
    }
  }
  if (keys.empty()) keys.push_back(kNoGroup);
  for (std::string& key : keys) {
    if (key.empty()) key = kNoGroup;
  }
  return keys;
}

// Notices of one project share the project number and buyer (and lot);
// a notice without a number is a project of its own.
std::string ProjectKey(const Hit& hit) {
  const Fields& fields = hit.fields;
  if (fields.project_number.empty()) return "doc:" + hit.doc_id;
  return NameKey(fields.project_number) + "\t" + NameKey(fields.buyer) + "\t" +
         NameKey(fields.lot);
}

void AddHit(const Hit& hit, const std::string& by,
            std::map<std::string, Group>* groups) {
  std::string project = ProjectKey(hit);
  std::string published = PublishedKey(hit.fields);
  std::optional<double> award = LargestCny(hit.fields, "award");
  std::optional<double> budget = LargestCny(hit.fields, "budget");
  for (const std::string& key : GroupKeys(hit.fields, by)) {
    Group& group = (*groups)[key];
    ++group.documents;
    if (award) {
      ProjectAmount& largest = group.awards[project];
      if (*award > largest.cny) largest = {*award, published};
    }
    if (budget) {
      auto [it, added] = group.budgets.try_emplace(project);
      if (added || published >= it->second.published) {
        it->second = {*budget, published};
      }
    }
  }
}

struct Sum {
  double cny = 0;
  double converted = 0;
  std::set<std::pair<int, double>> rates;  // (year, cny_per_unit) used
};

// Sums the amounts, converting each with the rate of its notice's year
// (the nearest year in the table when the notice's year is missing, or
// the latest when the notice has no date).
Sum SumAmounts(const std::map<std::string, ProjectAmount>& amounts,
               const std::string& currency, const FxRates& rates) {
  Sum sum;
  for (const auto& [project, amount] : amounts) {
    sum.cny += amount.cny;
    if (currency.empty()) continue;
    int year = amount.published.empty()
                   ? 9999
                   : std::atoi(amount.published.substr(0, 4).c_str());
    std::optional<FxRate> rate = rates.Find(currency, year);
    if (!rate) continue;
    sum.converted += amount.cny / rate->cny_per_unit;
    sum.rates.insert({rate->year, rate->cny_per_unit});
  }
  return sum;
}

std::string Money(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

nlohmann::json RatesJson(const Sum& sum) {
  nlohmann::json rates = nlohmann::json::array();
  for (const auto& [year, rate] : sum.rates) {
    rates.push_back({{"year", year}, {"cny_per_unit", rate}});
  }
  return rates;
}

std::string RatesText(const Sum& sum) {
  std::string text;
  for (const auto& [year, rate] : sum.rates) {
    if (!text.empty()) text += ", ";
    text += std::to_string(year) + " annual average " + Money(rate) + " CNY";
  }
  return text;
}

void PrintGroup(const StatsCommandOptions& options, const std::string& key,
                const Group& group, const FxRates& rates) {
  Sum awards = SumAmounts(group.awards, options.currency, rates);
  Sum budgets = SumAmounts(group.budgets, options.currency, rates);
  if (options.json) {
    nlohmann::json data = {{"by", options.by},
                           {"key", key},
                           {"documents", group.documents},
                           {"awards", group.awards.size()},
                           {"award_cny", awards.cny},
                           {"budgets", group.budgets.size()},
                           {"budget_cny", budgets.cny}};
    if (!options.currency.empty()) {
      data["currency"] = options.currency;
      data["award_converted"] = awards.converted;
      data["award_rates"] = RatesJson(awards);
      data["budget_converted"] = budgets.converted;
      data["budget_rates"] = RatesJson(budgets);
    }
    PrintJsonLine("group", data);
    return;
  }
  std::cout << group.documents << '\t' << group.awards.size() << '\t'
            << Money(awards.cny) << '\t' << group.budgets.size() << '\t'
            << Money(budgets.cny) << '\t' << key << '\n';
  if (options.currency.empty()) return;
  for (const auto& [label, sum] :
       {std::pair{"award", &awards}, std::pair{"budget", &budgets}}) {
    if (sum->rates.empty()) continue;
    std::cout << "\t" << label << ": " << Money(sum->converted) << ' '
              << options.currency << " at " << RatesText(*sum) << " per "
              << options.currency << '\n';
  }
}

}  // namespace

int RunStatsCommand(const StatsCommandOptions& options) {
  if (options.by == "topic") return RunTopicStats({options.db, options.json});
  FxRates rates;
  if (!options.currency.empty()) {
    try {
      rates = FxRates::Load();
    } catch (const std::runtime_error& e) {
      PrintError("fx-rates.tsv", "cannot load exchange rates", e.what());
      return 2;
    }
  }
  std::optional<std::vector<Hit>> hits =
      AllHits({options.db, options.query, options.filters});
  if (!hits) return 2;

  std::map<std::string, Group> groups;
  for (const Hit& hit : *hits) AddHit(hit, options.by, &groups);
  std::vector<std::pair<std::string, const Group*>> ordered;
  for (const auto& [key, group] : groups) ordered.push_back({key, &group});
  // Years come in their order, the documents without a year last, and
  // other groups largest first.
  if (options.by == "year") {
    std::stable_sort(ordered.begin(), ordered.end(), [](auto& a, auto& b) {
      return (a.first == kNoGroup) < (b.first == kNoGroup);
    });
  } else {
    std::stable_sort(ordered.begin(), ordered.end(), [](auto& a, auto& b) {
      return a.second->documents > b.second->documents;
    });
  }

  if (!options.json) {
    std::cout << "documents\tawards\taward_cny\tbudgets\tbudget_cny\t"
              << options.by << '\n';
  }
  for (const auto& [key, group] : ordered) {
    PrintGroup(options, key, *group, rates);
  }
  if (options.json) {
    PrintJsonLine("summary", {{"by", options.by},
                              {"query", options.query},
                              {"documents", hits->size()},
                              {"groups", groups.size()}});
  }
  return hits->empty() ? 1 : 0;
}

}  // namespace bidscope::cli
