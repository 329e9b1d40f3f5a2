// The commands over procurement fields: stats, project and export, with
// their options. export also writes the segment formats of
// cli/export_segments.h, and stats --by topic runs RunTopicStats, so that
// each command name has one parser.
#ifndef BIDSCOPE_CLI_FIELDS_COMMANDS_H_
#define BIDSCOPE_CLI_FIELDS_COMMANDS_H_

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "index/index.h"

namespace bidscope::cli {

struct StatsCommandOptions {
  std::string db;
  std::string by;     // buyer, agency, supplier, region, year, type or topic
  std::string query;  // empty for every document
  FieldFilters filters;
  std::string currency;  // USD, EUR, HKD or TWD converts; empty keeps CNY
  bool json = false;     // JSON Lines: a group record each, then a summary
};
int RunStatsCommand(const StatsCommandOptions& options);

struct ProjectCommandOptions {
  std::string db;
  std::string number;  // project number (项目编号)
  std::string buyer;   // substring of the buyer, when numbers repeat
  bool json = false;   // JSON Lines: a notice record each
};
int RunProjectCommand(const ProjectCommandOptions& options);

struct ExportCommandOptions {
  std::string db;
  // csv or jsonl (documents with fields); xliff, tmx or jsonl-segments
  // (segments for translation).
  std::string format;
  std::string query;   // empty for every document
  std::string output;  // file to write; empty or "-" for standard output
  FieldFilters filters;
  std::string sort;    // relevance (default), date or amount
  std::string script;  // for the segment formats: hans, hant or original
};
int RunExportCommand(const ExportCommandOptions& options);

// Subcommands and their options, kept alive while the command line parses.
struct FieldCommands {
  CLI::App* stats_command = nullptr;
  CLI::App* project_command = nullptr;
  CLI::App* export_command = nullptr;
  StatsCommandOptions stats;
  ProjectCommandOptions project;
  ExportCommandOptions export_options;
  std::vector<std::string> stats_words;
  std::vector<std::string> export_words;
};

// Adds stats, project and export to `app` with `default_db` as --db. Call
// it before AddTranslationCommands, which then adds no export or stats of
// its own.
void AddFieldCommands(CLI::App& app, const std::string& default_db,
                      FieldCommands* commands);

// Runs the command that parsed, if it is one of these.
std::optional<int> RunFieldCommands(FieldCommands& commands);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_FIELDS_COMMANDS_H_
