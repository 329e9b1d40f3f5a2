#include "cli/fields_commands.h"

#include "cli/field_filters.h"

namespace bidscope::cli {
namespace {

void AddDb(CLI::App* command, std::string* db) {
  command->add_option("--db", *db,
                      "Index directory (default: $BIDSCOPE_DB, else "
                      "./bidscope-index)");
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& word : words) {
    if (!joined.empty()) joined += ' ';
    joined += word;
  }
  return joined;
}

void AddStats(CLI::App& app, FieldCommands* commands) {
  StatsCommandOptions& options = commands->stats;
  CLI::App* command = app.add_subcommand(
      "stats",
      "Count notices and sum amounts per buyer, agency, supplier, "
      "region, year, type or topic");
  AddDb(command, &options.db);
  command->add_option("--by", options.by, "Grouping")
      ->required()
      ->check(CLI::IsMember(
          {"buyer", "agency", "supplier", "region", "year", "type", "topic"}));
  command->add_option("query", commands->stats_words,
                      "Query words (default: every document)");
  AddFilterOptions(command, &options.filters);
  command
      ->add_option("--currency", options.currency,
                   "Convert sums from CNY with data/fx-rates.tsv")
      ->check(CLI::IsMember({"USD", "EUR", "HKD", "TWD"}));
  command->add_flag("--json", options.json,
                    "JSON Lines: a group record each, then a summary");
  commands->stats_command = command;
}

void AddProject(CLI::App& app, FieldCommands* commands) {
  ProjectCommandOptions& options = commands->project;
  CLI::App* command = app.add_subcommand(
      "project",
      "Show every notice of a project in date order, with what "
      "each amendment changed");
  AddDb(command, &options.db);
  command->add_option("number", options.number, "Project number (项目编号)")
      ->required();
  command->add_option("--buyer", options.buyer,
                      "Only notices whose buyer contains this text");
  command->add_flag("--json", options.json, "JSON Lines: a notice record each");
  commands->project_command = command;
}

void AddExport(CLI::App& app, FieldCommands* commands) {
  ExportCommandOptions& options = commands->export_options;
  CLI::App* command = app.add_subcommand(
      "export",
      "Export matching documents (every document without a query) "
      "with their fields, or their segments for translation");
  AddDb(command, &options.db);
  command
      ->add_option("--format", options.format,
                   "csv or jsonl (documents and fields); xliff, tmx or "
                   "jsonl-segments (segments)")
      ->required()
      ->check(
          CLI::IsMember({"csv", "jsonl", "xliff", "tmx", "jsonl-segments"}));
  command->add_option("query", commands->export_words, "Query words");
  command->add_option("--output,-o", options.output,
                      "Output file (default: standard output)");
  AddFilterOptions(command, &options.filters);
  AddSortOption(command, &options.sort);
  command
      ->add_option("--script", options.script,
                   "Segment formats: export the text in Simplified (hans) or "
                   "Traditional (hant)")
      ->check(CLI::IsMember({"hans", "hant", "original"}));
  commands->export_command = command;
}

}  // namespace

void AddFieldCommands(CLI::App& app, const std::string& default_db,
                      FieldCommands* commands) {
  commands->stats.db = default_db;
  commands->project.db = default_db;
  commands->export_options.db = default_db;
  AddStats(app, commands);
  AddProject(app, commands);
  AddExport(app, commands);
}

std::optional<int> RunFieldCommands(FieldCommands& commands) {
  if (*commands.stats_command) {
    commands.stats.query = JoinWords(commands.stats_words);
    return RunStatsCommand(commands.stats);
  }
  if (*commands.project_command) return RunProjectCommand(commands.project);
  if (*commands.export_command) {
    commands.export_options.query = JoinWords(commands.export_words);
    return RunExportCommand(commands.export_options);
  }
  return std::nullopt;
}

}  // namespace bidscope::cli
