// Commands for translation and monitoring: import-translations and watch,
// registered on the command line by AddTranslationCommands.
#ifndef BIDSCOPE_CLI_TRANSLATION_COMMANDS_H_
#define BIDSCOPE_CLI_TRANSLATION_COMMANDS_H_

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/export_segments.h"

namespace bidscope::cli {

struct ImportCommandOptions {
  std::string db;
  std::string file;   // XLIFF 2 or JSON Lines with id and target
  bool json = false;  // a JSON Lines summary instead of a sentence
};
int RunImportCommand(const ImportCommandOptions& options);

struct WatchCommandOptions {
  std::string db;
  std::string action;  // add, list, run or remove
  std::string name;
  std::vector<std::string> query_words;
  std::string topic;    // only documents tagged with this lexicon category
  bool expand = false;  // expand English words through the lexicon
  bool json = false;
};
int RunWatchCommand(const WatchCommandOptions& options);

struct TopicStatsOptions {
  std::string db;
  bool json = false;
};

// Prints the number of documents tagged with each topic.
int RunTopicStats(const TopicStatsOptions& options);

// Subcommands and their options, kept alive while the command line parses.
struct TranslationCommands {
  CLI::App* import_command = nullptr;
  CLI::App* watch_command = nullptr;
  CLI::App* watch_add = nullptr;
  CLI::App* watch_list = nullptr;
  CLI::App* watch_run = nullptr;
  CLI::App* watch_remove = nullptr;
  ImportCommandOptions import;
  WatchCommandOptions watch;

  // `export` for the segment formats, added only when the command line
  // has no export command of its own (see AddTranslationCommands).
  CLI::App* export_command = nullptr;
  SegmentExportOptions segment_export;
  std::vector<std::string> export_query_words;
  std::string export_script;

  // `stats --by topic`, added only when the command line has no stats
  // command of its own.
  CLI::App* stats_command = nullptr;
  TopicStatsOptions topic_stats;
  std::string stats_by;
};

// Adds import-translations and watch to `app`, with `default_db` as --db,
// and `export --format xliff|tmx|jsonl` when `app` has no export command
// yet, and the same for `stats --by topic`. Export and stats commands
// added later must dispatch these formats to RunSegmentExport and the
// topic grouping to RunTopicStats themselves.
void AddTranslationCommands(CLI::App& app, const std::string& default_db,
                            TranslationCommands* commands);

// Makes the index run (and its worker processes, which inherit the
// environment) tag topics with the user's lexicon at `path` besides the
// shipped one. Prints invalid rows as warnings; returns false, after
// printing why, when the file cannot be read.
bool UseUserLexicon(const std::string& path);

// Runs the command that parsed, if it is one of these.
std::optional<int> RunTranslationCommands(TranslationCommands& commands);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_TRANSLATION_COMMANDS_H_
