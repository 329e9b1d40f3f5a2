#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/document_display.h"
#include "cli/field_filters.h"
#include "cli/output.h"
#include "cli/search_config.h"
#include "index/fields_terms.h"
#include "index/index.h"

namespace bidscope::cli {

using nlohmann::json;

namespace {

// The fields of a hit as `search --json` prints them.
json BriefToJson(const FieldsBrief& brief) {
  json amounts = json::array();
  for (const Amount& amount : brief.amounts) {
    amounts.push_back({{"kind", amount.kind},
                       {"value", amount.value},
                       {"currency", amount.currency}});
  }
  return {{"notice_type", brief.notice_type},
          {"buyer", brief.buyer},
          {"published", brief.published},
          {"amounts", amounts}};
}

json HitToJson(const Hit& hit) {
  json highlights = json::array();
  for (const Highlight& h : hit.highlights)
    highlights.push_back({h.begin, h.end});
  json data = {{"rank", hit.rank},
               {"doc_id", hit.doc_id},
               {"path", hit.paths.empty() ? "" : hit.paths.front()},
               {"paths", hit.paths},
               {"url", nullptr},
               {"path_urls", hit.path_urls},
               {"title", hit.title},
               {"first_line", hit.first_line},
               {"format", hit.format},
               {"page", nullptr},
               {"snippet", hit.snippet},
               {"highlights", highlights},
               {"score", hit.score}};
  if (hit.page) data["page"] = *hit.page;
  if (!hit.url.empty()) data["url"] = hit.url;
  data["translation"] = nullptr;
  if (!hit.translation.empty()) data["translation"] = hit.translation;
  data["topics"] = hit.topics;
  data["fields"] = BriefToJson(hit.brief);
  return data;
}

// Converts the snippet with a cut at each end of a highlight, so that the
// highlights still cover the matches.
void ConvertHit(Script script, Hit* hit) {
  if (script == Script::kOriginal) return;
  // The parties' names come from the hit's full fields, which a search
  // with --script reads. An index without stored fields gives the buyer.
  std::vector<std::string> names = PartyNames(&hit->fields);
  names.push_back(hit->brief.buyer);

  std::vector<size_t> cuts;
  for (const Highlight& h : hit->highlights) {
    bool ordered = cuts.empty() || h.begin >= cuts.back();
    if (!ordered || h.end > hit->snippet.size() || h.begin > h.end) continue;
    cuts.push_back(h.begin);
    cuts.push_back(h.end);
  }
  hit->snippet = ConvertScriptKeepingNames(hit->snippet, script, names, &cuts);
  hit->highlights.clear();
  for (size_t i = 0; i + 1 < cuts.size(); i += 2) {
    hit->highlights.push_back({cuts[i], cuts[i + 1]});
  }
  hit->brief.buyer = ConvertScriptKeepingNames(hit->brief.buyer, script, names);
  hit->title = ConvertScriptKeepingNames(hit->title, script, names);
  hit->first_line = ConvertScriptKeepingNames(hit->first_line, script, names);
}

// The snippet with its highlights styled for a terminal, or marked with
// brackets when piped, so that plain output still shows the match.
std::string RenderSnippet(const Hit& hit, bool color) {
  std::string out;
  size_t at = 0;
  for (const Highlight& h : hit.highlights) {
    if (h.begin < at || h.end > hit.snippet.size()) continue;
    out += hit.snippet.substr(at, h.begin - at);
    std::string match = hit.snippet.substr(h.begin, h.end - h.begin);
    out += color ? HighlightText(match, true) : "[" + match + "]";
    at = h.end;
  }
  out += hit.snippet.substr(at);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

// Formats an amount in CNY with its thousands grouped: 1,280,000.00 CNY.
std::string CnyText(double value) {
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.2f", value);
  std::string text = digits;
  size_t point = text.find('.');
  size_t first = text[0] == '-' ? 1 : 0;
  for (size_t at = point; at > first + 3; at -= 3) text.insert(at - 3, ",");
  return text + " CNY";
}

// Returns the line under a hit's heading: notice type, date, buyer and
// the amount that --sort amount and --min-amount use. A list sorted by
// date or amount thus shows its order.
std::string BriefLine(const FieldsBrief& brief) {
  std::string line;
  auto add = [&](const std::string& part) {
    if (!part.empty()) line += (line.empty() ? "" : " · ") + part;
  };
  add(brief.notice_type == "other" ? "" : brief.notice_type);
  add(brief.published);
  add(brief.buyer);
  Fields amounts;
  amounts.amounts = brief.amounts;
  if (std::optional<double> award = LargestCny(amounts, "award")) {
    add("awarded " + CnyText(*award));
  } else if (std::optional<double> budget = LargestCny(amounts, "budget")) {
    add("budget " + CnyText(*budget));
  }
  return line;
}

void PrintHuman(const Hit& hit, bool color) {
  std::string where = hit.format;
  if (hit.page) where += ", page " + std::to_string(*hit.page);
  std::cout << hit.rank << ". "
            << ResultHeading(hit.title, hit.first_line, color) << "  [" << where
            << "]\n";
  for (size_t i = 0; i < hit.paths.size(); ++i) {
    const std::string& path = hit.paths[i];
    auto repost = hit.path_urls.find(path);
    std::string url = repost != hit.path_urls.end() ? repost->second
                      : i == 0                      ? hit.url
                                                    : "";
    std::cout << "   " << Dim(url.empty() ? path : path + "  " + url, color)
              << '\n';
  }
  std::string brief = BriefLine(hit.brief);
  if (!brief.empty()) std::cout << "   " << brief << '\n';
  std::cout << "   " << RenderSnippet(hit, color) << '\n';
  if (!hit.translation.empty()) {
    std::cout << "   " << Dim("EN: " + hit.translation, color) << '\n';
  }
  if (!hit.topics.empty()) {
    std::string topics;
    for (const std::string& topic : hit.topics) {
      topics += (topics.empty() ? "" : ", ") + topic;
    }
    std::cout << "   " << Dim("topics: " + topics, color) << '\n';
  }
  std::cout << '\n';
}

}  // namespace

int RunSearchCommand(const SearchCommandOptions& options) {
  auto start = std::chrono::steady_clock::now();
  std::unique_ptr<Searcher> searcher;
  try {
    searcher = Searcher::Open(options.db);
  } catch (const IndexError& e) {
    PrintError(options.db, "cannot open the index", e.what());
    return 2;
  }

  std::optional<Script> script = ParseScriptOption(options.script);
  if (!script) {
    PrintError(options.script, "invalid --script",
               "expected hans, hant or original");
    return 2;
  }
  std::string query;
  try {
    bool expand = options.expand.value_or(ReadSearchConfig(options.db).expand);
    query = ApplyExpansion(options.query, expand);
  } catch (const std::runtime_error& e) {
    PrintError(options.db, "cannot read the search configuration", e.what());
    return 2;
  }

  SearchOptions search_options;
  search_options.limit = options.limit;
  search_options.offset = options.offset;
  search_options.exact_count = options.exact_count;
  search_options.snippet_chars = options.snippet_chars;
  search_options.topic = options.topic;
  search_options.filters = options.filters;
  search_options.sort = ParseSortOrder(options.sort);
  // Converting a hit's script keeps the parties' names whole, so it needs
  // the full fields and not only the buyer of the summary.
  search_options.full_fields = *script != Script::kOriginal;
  SearchResult result;
  try {
    result = searcher->Search(query, search_options);
  } catch (const QueryError& e) {
    PrintError("", "invalid query '" + options.query + "'", e.what());
    return 2;
  } catch (const IndexError& e) {
    PrintError(options.db, "search failed", e.what());
    return 2;
  }

  bool color = StdoutIsTerminal();
  for (Hit& hit : result.hits) {
    ConvertHit(*script, &hit);
    if (options.json) {
      PrintJsonLine("hit", HitToJson(hit));
    } else {
      PrintHuman(hit, color);
    }
  }
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();
  if (options.json) {
    PrintJsonLine("summary", {{"query", options.query},
                              {"expanded_query", query},
                              {"total_estimate", result.total_estimate},
                              {"total_exact", result.total_exact},
                              {"total_lower", result.total_lower},
                              {"total_upper", result.total_upper},
                              {"returned", result.hits.size()},
                              {"offset", options.offset},
                              {"elapsed_ms", ms}});
  } else if (result.total_estimate == 0) {
    std::cout << "no documents match " << options.query << '\n';
  } else {
    uint64_t total = result.total_estimate;
    std::string count =
        std::to_string(total) + " matching document" + (total == 1 ? "" : "s");
    if (!result.total_exact) {
      count = "about " + count + " (estimated: at least " +
              std::to_string(result.total_lower) + ", at most " +
              std::to_string(result.total_upper) + ")";
    }
    if (result.hits.empty() && options.limit > 0) {
      count += ", none after the first " + std::to_string(options.offset);
    }
    std::cout << Dim(count, color) << '\n';
  }
  return result.hits.empty() ? 1 : 0;
}

}  // namespace bidscope::cli
