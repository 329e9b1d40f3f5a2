// `bidscope project NUMBER`: the notices of one project in date order,
// with the fields each amendment changed.
#include <algorithm>
#include <iostream>
#include <map>

#include "cli/field_filters.h"
#include "cli/field_hits.h"
#include "cli/fields_commands.h"
#include "cli/output.h"
#include "index/fields_terms.h"

namespace bidscope::cli {
namespace {

// Order of notice types within one day: a tender published on the day of
// its intention notice still comes after it.
int StageOf(const std::string& notice_type) {
  static const std::vector<std::string> kStages = {
      "intention",     "prequalification", "tender",
      "negotiation",   "consultation",     "rfq",
      "single_source", "amendment",        "termination",
      "award",         "contract",         "acceptance"};
  auto it = std::find(kStages.begin(), kStages.end(), notice_type);
  return static_cast<int>(it - kStages.begin());
}

// Dates by kind, and the largest amount by kind, as text.
std::map<std::string, std::string> ComparableFields(const Fields& fields) {
  std::map<std::string, std::string> values;
  for (const DateValue& date : fields.dates) {
    values.try_emplace(date.kind + " date", date.value);
  }
  for (const char* kind : {"budget", "ceiling", "deposit"}) {
    for (const Amount& amount : fields.amounts) {
      if (amount.kind != kind || amount.revision == "superseded") continue;
      values[std::string(kind)] = amount.value + " " + amount.currency;
    }
  }
  return values;
}

struct Change {
  std::string field;
  std::string before;  // empty when the earlier notice did not state it
  std::string after;
};

// Fields the amendment states with another value than the notice before
// it. A field the amendment leaves out is not a change.
std::vector<Change> ChangesFrom(const Fields& earlier, const Fields& later) {
  std::map<std::string, std::string> old_values = ComparableFields(earlier);
  std::vector<Change> changes;
  for (const auto& [field, value] : ComparableFields(later)) {
    if (field == "published date") continue;
    auto it = old_values.find(field);
    std::string before = it == old_values.end() ? "" : it->second;
    if (before != value) changes.push_back({field, before, value});
  }
  return changes;
}

void PrintNotice(const Hit& hit, const std::vector<Change>& changes,
                 bool json) {
  const std::string& published = hit.brief.published;
  if (json) {
    nlohmann::json changed = nlohmann::json::array();
    for (const Change& change : changes) {
      changed.push_back({{"field", change.field},
                         {"before", change.before},
                         {"after", change.after}});
    }
    PrintJsonLine("notice", {{"doc_id", hit.doc_id},
                             {"paths", hit.paths},
                             {"title", hit.title},
                             {"notice_type", hit.fields.notice_type},
                             {"published", published},
                             {"buyer", hit.fields.buyer},
                             {"fields", FieldsToJson(hit.fields)},
                             {"changes", changed}});
    return;
  }
  std::cout << (published.empty() ? "(no date)" : published) << "  "
            << (hit.fields.notice_type.empty() ? "other"
                                               : hit.fields.notice_type)
            << "  " << hit.title << '\n';
  for (const std::string& path : hit.paths) std::cout << "    " << path << '\n';
  for (const Change& change : changes) {
    std::cout << "    changed " << change.field << ": "
              << (change.before.empty() ? "(not stated)" : change.before)
              << " -> " << change.after << '\n';
  }
}

}  // namespace

int RunProjectCommand(const ProjectCommandOptions& options) {
  HitQuery query{options.db, "", {}};
  query.filters.project = options.number;
  query.filters.buyer = options.buyer;
  std::optional<std::vector<Hit>> hits = AllHits(query);
  if (!hits) return 2;
  if (hits->empty()) {
    PrintError(options.number, "not found",
               "no notice in " + options.db + " has this project number");
    return 1;
  }
  std::stable_sort(hits->begin(), hits->end(), [](const Hit& a, const Hit& b) {
    std::string a_date = PublishedKey(a.fields);
    std::string b_date = PublishedKey(b.fields);
    if (a_date != b_date) return a_date < b_date;
    return StageOf(a.fields.notice_type) < StageOf(b.fields.notice_type);
  });
  for (size_t i = 0; i < hits->size(); ++i) {
    const Hit& hit = (*hits)[i];
    std::vector<Change> changes;
    if (i > 0 && hit.fields.notice_type == "amendment") {
      changes = ChangesFrom((*hits)[i - 1].fields, hit.fields);
    }
    PrintNotice(hit, changes, options.json);
  }
  return 0;
}

}  // namespace bidscope::cli
