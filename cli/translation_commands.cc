#include "cli/translation_commands.h"

#include <stdlib.h>

#include <filesystem>

#include "cli/output.h"
#include "extract/lexicon.h"
#include "index/topic_terms.h"

namespace bidscope::cli {

namespace {

bool HasSubcommand(CLI::App& app, const std::string& name) {
  try {
    app.get_subcommand(name);
    return true;
  } catch (const CLI::OptionNotFound&) {
    return false;
  }
}

void AddSegmentExport(CLI::App& app, const std::string& default_db,
                      TranslationCommands* commands) {
  if (HasSubcommand(app, "export")) return;
  SegmentExportOptions& options = commands->segment_export;
  options.db = default_db;
  CLI::App* command = app.add_subcommand(
      "export",
      "Export the segments of matching documents (every document "
      "without a query) for translation");
  command->add_option("--db", options.db,
                      "Index directory (default: $BIDSCOPE_DB, else "
                      "./bidscope-index)");
  command
      ->add_option("--format", options.format, "xliff, tmx or jsonl-segments")
      ->required()
      ->check(CLI::IsMember({"xliff", "tmx", "jsonl-segments"}));
  command->add_option("query", commands->export_query_words, "Query words");
  command->add_option("--output,-o", options.output,
                      "Output file (default: standard output)");
  command
      ->add_option("--script", commands->export_script,
                   "Export the text in Simplified (hans) or Traditional "
                   "(hant)")
      ->check(CLI::IsMember({"hans", "hant", "original"}));
  commands->export_command = command;
}

void AddTopicStats(CLI::App& app, const std::string& default_db,
                   TranslationCommands* commands) {
  if (HasSubcommand(app, "stats")) return;
  commands->topic_stats.db = default_db;
  CLI::App* command =
      app.add_subcommand("stats", "Count documents by a grouping");
  command->add_option("--db", commands->topic_stats.db,
                      "Index directory (default: $BIDSCOPE_DB, else "
                      "./bidscope-index)");
  command->add_option("--by", commands->stats_by, "Grouping: topic")
      ->required()
      ->check(CLI::IsMember({"topic"}));
  command->add_flag("--json", commands->topic_stats.json, "JSON Lines");
  commands->stats_command = command;
}

int RunExport(TranslationCommands& commands) {
  SegmentExportOptions& options = commands.segment_export;
  for (const std::string& word : commands.export_query_words) {
    if (!options.query.empty()) options.query += ' ';
    options.query += word;
  }
  if (options.format == "jsonl-segments") options.format = "jsonl";
  options.script =
      ParseScript(commands.export_script).value_or(Script::kOriginal);
  return RunSegmentExport(options);
}

}  // namespace

void AddTranslationCommands(CLI::App& app, const std::string& default_db,
                            TranslationCommands* commands) {
  const std::string db_help =
      "Index directory (default: $BIDSCOPE_DB, else ./bidscope-index)";

  commands->import.db = default_db;
  CLI::App* import = app.add_subcommand(
      "import-translations",
      "Store translated segments (XLIFF 2 or JSON Lines) in the index");
  import->add_option("--db", commands->import.db, db_help);
  import->add_option("file", commands->import.file, "Translation file")
      ->required();
  import->add_flag("--json", commands->import.json, "A JSON Lines summary");
  commands->import_command = import;

  WatchCommandOptions& watch_options = commands->watch;
  watch_options.db = default_db;
  CLI::App* watch = app.add_subcommand(
      "watch",
      "Saved searches that report documents added since their "
      "last run (kept in DIR/watches.json)");
  watch->add_option("--db", watch_options.db, db_help);
  watch->add_flag("--json", watch_options.json, "JSON Lines");
  watch->require_subcommand(1);
  CLI::App* add = watch->add_subcommand("add", "Save a search as NAME");
  add->add_option("name", watch_options.name, "Watch name")->required();
  add->add_option("query", watch_options.query_words, "Query words")
      ->required();
  add->add_option("--topic", watch_options.topic,
                  "Only documents tagged with this lexicon category");
  add->add_flag("--expand", watch_options.expand,
                "Expand English words of the query through the lexicon");
  CLI::App* list = watch->add_subcommand("list", "List the saved searches");
  CLI::App* run = watch->add_subcommand(
      "run",
      "Report, for each watch, matches added since its last run, and "
      "record the run");
  run->add_option("name", watch_options.name,
                  "Run only this watch (default: every watch)");
  CLI::App* remove = watch->add_subcommand("remove", "Delete a watch");
  remove->add_option("name", watch_options.name, "Watch name")->required();
  commands->watch_command = watch;
  commands->watch_add = add;
  commands->watch_list = list;
  commands->watch_run = run;
  commands->watch_remove = remove;

  AddSegmentExport(app, default_db, commands);
  AddTopicStats(app, default_db, commands);
}

bool UseUserLexicon(const std::string& path) {
  std::error_code error;
  std::string absolute = std::filesystem::absolute(path, error).string();
  if (error || !std::filesystem::is_regular_file(absolute, error)) {
    PrintError(path, "cannot read the lexicon", "no such file");
    return false;
  }
  LexiconSources sources;
  sources.shipped_path.clear();
  sources.user_path = absolute;
  for (const std::string& problem : LoadLexicon(sources).errors) {
    PrintError(path, "lexicon row skipped", problem);
  }
  setenv(kUserLexiconVariable, absolute.c_str(), 1);
  return true;
}

std::optional<int> RunTranslationCommands(TranslationCommands& commands) {
  if (*commands.import_command) return RunImportCommand(commands.import);
  if (commands.export_command != nullptr && *commands.export_command) {
    return RunExport(commands);
  }
  if (commands.stats_command != nullptr && *commands.stats_command) {
    return RunTopicStats(commands.topic_stats);
  }
  if (!*commands.watch_command) return std::nullopt;
  WatchCommandOptions& watch = commands.watch;
  if (*commands.watch_add) watch.action = "add";
  if (*commands.watch_list) watch.action = "list";
  if (*commands.watch_run) watch.action = "run";
  if (*commands.watch_remove) watch.action = "remove";
  return RunWatchCommand(watch);
}

}  // namespace bidscope::cli
