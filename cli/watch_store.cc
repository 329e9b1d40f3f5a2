#include "cli/watch_store.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace bidscope::cli {
namespace {

using nlohmann::json;

std::filesystem::path WatchesPath(const std::string& db) {
  return std::filesystem::path(db) / "watches.json";
}

}  // namespace

std::vector<Watch> ReadWatches(const std::string& db) {
  std::filesystem::path path = WatchesPath(db);
  std::vector<Watch> watches;
  std::ifstream in(path);
  if (!in) return watches;
  json object = json::parse(in, nullptr, false);
  try {
    if (object.is_discarded()) throw std::runtime_error("invalid JSON");
    for (const json& item : object.at("watches")) {
      Watch watch;
      watch.name = item.at("name").get<std::string>();
      watch.query = item.at("query").get<std::string>();
      watch.topic = item.value("topic", "");
      watch.expand = item.value("expand", false);
      watch.created = item.at("created").get<double>();
      watch.last_run = item.value("last_run", 0.0);
      watches.push_back(std::move(watch));
    }
  } catch (const std::exception& e) {
    throw std::runtime_error(path.string() + " is malformed: " + e.what());
  }
  return watches;
}

void WriteWatches(const std::string& db, const std::vector<Watch>& watches) {
  json list = json::array();
  for (const Watch& watch : watches) {
    list.push_back({{"name", watch.name},
                    {"query", watch.query},
                    {"topic", watch.topic},
                    {"expand", watch.expand},
                    {"created", watch.created},
                    {"last_run", watch.last_run}});
  }
  std::filesystem::path path = WatchesPath(db);
  std::filesystem::path temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << json{{"watches", list}}.dump(2) << '\n';
    out.close();
    if (!out) {
      throw std::runtime_error("cannot write " + temporary.string());
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    throw std::runtime_error("cannot replace " + path.string() + ": " +
                             error.message());
  }
}

}  // namespace bidscope::cli
