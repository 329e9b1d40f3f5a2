// `bidscope watch add|list|run|remove`: saved searches that report the
// documents indexed since their last run.
#include <chrono>
#include <iostream>

#include "cli/output.h"
#include "cli/search_config.h"
#include "cli/translation_commands.h"
#include "cli/watch_store.h"
#include "index/index.h"

namespace bidscope::cli {
namespace {

using nlohmann::json;

double NowSeconds() {
  return std::chrono::duration<double>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& word : words) {
    if (!joined.empty()) joined += ' ';
    joined += word;
  }
  return joined;
}

json WatchToJson(const Watch& watch) {
  json data = {{"name", watch.name},       {"query", watch.query},
               {"topic", watch.topic},     {"expand", watch.expand},
               {"created", watch.created}, {"last_run", nullptr}};
  if (watch.last_run > 0) data["last_run"] = watch.last_run;
  return data;
}

int AddWatch(const WatchCommandOptions& options, std::vector<Watch> watches) {
  for (const Watch& watch : watches) {
    if (watch.name == options.name) {
      PrintError(options.name, "cannot add the watch",
                 "a watch of this name exists; remove it first");
      return 2;
    }
  }
  Watch watch{options.name,  JoinWords(options.query_words),
              options.topic, options.expand,
              NowSeconds(),  0};
  watches.push_back(watch);
  WriteWatches(options.db, watches);
  if (options.json) PrintJsonLine("watch", WatchToJson(watch));
  return 0;
}

int ListWatches(const WatchCommandOptions& options,
                const std::vector<Watch>& watches) {
  for (const Watch& watch : watches) {
    if (options.json) {
      PrintJsonLine("watch", WatchToJson(watch));
      continue;
    }
    std::cout << watch.name << ": " << watch.query;
    if (!watch.topic.empty()) std::cout << "  [topic: " << watch.topic << "]";
    if (watch.expand) std::cout << "  [expanded]";
    std::cout << '\n';
  }
  return 0;
}

int RemoveWatch(const WatchCommandOptions& options,
                std::vector<Watch> watches) {
  size_t before = watches.size();
  std::erase_if(watches,
                [&](const Watch& watch) { return watch.name == options.name; });
  if (watches.size() == before) {
    PrintError(options.name, "watch not found", "see `bidscope watch list`");
    return 2;
  }
  WriteWatches(options.db, watches);
  return 0;
}

// Hits of `watch` among documents indexed after its last run.
std::vector<Hit> NewMatches(Searcher& searcher, const Watch& watch) {
  SearchOptions search;
  search.limit = static_cast<int>(searcher.DocumentCount());
  search.topic = watch.topic;
  search.indexed_after = watch.last_run > 0 ? watch.last_run : watch.created;
  return searcher.Search(ApplyExpansion(watch.query, watch.expand), search)
      .hits;
}

void PrintMatches(const WatchCommandOptions& options, const Watch& watch,
                  const std::vector<Hit>& hits) {
  if (options.json) {
    json documents = json::array();
    for (const Hit& hit : hits) {
      documents.push_back({{"doc_id", hit.doc_id},
                           {"path", hit.paths.empty() ? "" : hit.paths.front()},
                           {"title", hit.title},
                           {"first_line", hit.first_line}});
    }
    json data = WatchToJson(watch);
    data["new"] = hits.size();
    data["documents"] = documents;
    PrintJsonLine("watch_run", data);
    return;
  }
  std::cout << watch.name << ": " << hits.size() << " new documents\n";
  for (const Hit& hit : hits) {
    std::cout << "   " << ResultHeading(hit.title, hit.first_line, false)
              << "  " << (hit.paths.empty() ? hit.doc_id : hit.paths.front())
              << '\n';
  }
}

int RunWatches(const WatchCommandOptions& options, std::vector<Watch> watches) {
  std::unique_ptr<Searcher> searcher = Searcher::Open(options.db);
  // NOTE: a document prepared by a worker before this moment but committed
  // after it is missed by the next run, because the indexed-at value is
  // the time of preparation.
  double started = NowSeconds();
  bool found = false;
  bool matched_name = options.name.empty();
  for (Watch& watch : watches) {
    if (!options.name.empty() && watch.name != options.name) continue;
    matched_name = true;
    std::vector<Hit> hits = NewMatches(*searcher, watch);
    PrintMatches(options, watch, hits);
    found = found || !hits.empty();
    watch.last_run = started;
  }
  if (!matched_name) {
    PrintError(options.name, "watch not found", "see `bidscope watch list`");
    return 2;
  }
  WriteWatches(options.db, watches);
  return found ? 0 : 1;
}

}  // namespace

int RunWatchCommand(const WatchCommandOptions& options) {
  try {
    std::vector<Watch> watches = ReadWatches(options.db);
    if (options.action == "add") return AddWatch(options, std::move(watches));
    if (options.action == "list") return ListWatches(options, watches);
    if (options.action == "remove") {
      return RemoveWatch(options, std::move(watches));
    }
    return RunWatches(options, std::move(watches));
  } catch (const QueryError& e) {
    PrintError("", "invalid watch query", e.what());
  } catch (const IndexError& e) {
    PrintError(options.db, "watch failed", e.what());
  } catch (const std::runtime_error& e) {
    PrintError(options.db, "watch failed", e.what());
  }
  return 2;
}

}  // namespace bidscope::cli
