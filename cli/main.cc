// The bidscope command line: flags are parsed first, their combinations
// checked second, then one subcommand runs.
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/field_filters.h"
#include "cli/fields_commands.h"
#include "cli/option_checks.h"
#include "cli/output.h"
#include "cli/translation_commands.h"
#include "cli/worker.h"

namespace {

using namespace bidscope;
using namespace bidscope::cli;

// The index used when --db is not given: $BIDSCOPE_DB, else ./bidscope-index.
std::string DefaultDb() {
  const char* env = std::getenv("BIDSCOPE_DB");
  return env != nullptr && *env != '\0' ? env : "bidscope-index";
}

void AddDbOption(CLI::App* command, std::string& db) {
  command->add_option("--db", db,
                      "Index directory (default: $BIDSCOPE_DB, else "
                      "./bidscope-index)");
}

void AddExtractOptions(CLI::App* command, ExtractOptions& options,
                       std::string& ocr) {
  command
      ->add_option("--ocr", ocr,
                   "OCR pages: auto (pages without usable text), never, "
                   "always")
      ->check(CLI::IsMember({"auto", "never", "always"}));
  command->add_option("--ocr-lang", options.ocr_languages,
                      "Tesseract languages, e.g. chi_sim+eng (default: "
                      "chosen per page)");
  command->add_option("--password", options.password,
                      "Password tried on encrypted PDFs");
  command->add_option("--url-field", options.url_fields,
                      "Column or key holding a record's URL (CSV/JSON)");
  command->add_option("--title-field", options.title_fields,
                      "Column or key holding a record's title");
  command->add_option("--date-field", options.date_fields,
                      "Column or key holding a record's date");
  command->add_option("--text-field", options.text_fields,
                      "Column or key holding a record's body text");
}

// Registers `search` with its options, filters and sort order.
CLI::App* AddSearchCommand(CLI::App& app, SearchCommandOptions& search,
                           std::vector<std::string>& query_words) {
  CLI::App* search_cmd = app.add_subcommand("search", "Search the index");
  AddDbOption(search_cmd, search.db);
  search_cmd->add_option("query", query_words,
                         "Query words (default: every document, for a search "
                         "by filters alone)");
  search_cmd->add_flag("--json", search.json,
                       "JSON Lines: hit records, then a summary");
  search_cmd->add_option("--limit,-n", search.limit, "Hits to show")
      ->capture_default_str()
      ->check(NonNegative());
  search_cmd->add_option("--offset", search.offset, "Hits to skip first")
      ->capture_default_str()
      ->check(NonNegative());
  search_cmd->add_flag("--exact-count", search.exact_count,
                       "Count every match instead of estimating above 1,000 "
                       "(slower for common phrases)");
  search_cmd
      ->add_option("--snippet-chars", search.snippet_chars,
                   "Snippet length in characters")
      ->capture_default_str();
  search_cmd->add_flag_function(
      "--expand,!--no-expand",
      [&search](int64_t count) { search.expand = count > 0; },
      "Expand English words through the lexicon (default: \"expand\" in "
      "DIR/config.json, else off)");
  search_cmd->add_option("--topic", search.topic,
                         "Only documents tagged with this lexicon category");
  search_cmd
      ->add_option("--script", search.script,
                   "Show snippets in Simplified (hans) or Traditional (hant)")
      ->check(CLI::IsMember({"hans", "hant", "original"}));
  AddFilterOptions(search_cmd, &search.filters);
  AddSortOption(search_cmd, &search.sort);
  return search_cmd;
}

// Prints the help, the version or the parse error. Returns the exit code,
// 2 for a parse error.
int ExitForParseError(CLI::App& app, const CLI::ParseError& e) {
  if (dynamic_cast<const CLI::CallForHelp*>(&e) != nullptr ||
      dynamic_cast<const CLI::CallForAllHelp*>(&e) != nullptr ||
      dynamic_cast<const CLI::CallForVersion*>(&e) != nullptr) {
    return app.exit(e);
  }
  // CLI11 would print the message bare. Errors here start with the
  // program's name, as every other error of bidscope does.
  std::cerr << "bidscope: " << e.what() << "\nRun with --help for more "
            << "information.\n";
  return 2;
}

// Runs a command. A command reports bad input itself. What reaches here is
// unexpected, such as stored data that does not parse in a damaged index,
// and ends the run with its message instead of an abort.
template <typename Command>
int RunGuarded(const Command& command) {
  try {
    return command();
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    std::cerr << "bidscope: error: " << e.what() << '\n';
    return 1;
  }
}

int RunSearch(SearchCommandOptions& search,
              const std::vector<std::string>& query_words) {
  for (const std::string& word : query_words) {
    if (!search.query.empty()) search.query += ' ';
    search.query += word;
  }
  return RunSearchCommand(search);
}

OcrMode ParseOcrMode(const std::string& name) {
  if (name == "never") return OcrMode::kNever;
  if (name == "always") return OcrMode::kAlways;
  return OcrMode::kAuto;
}

}  // namespace

int main(int argc, char** argv) {
  // Tesseract under OpenMP's default thread count is several times slower
  // on a loaded machine. libgomp reads OMP_THREAD_LIMIT when it loads,
  // which is when the PDF module (Tesseract's only user) is first loaded,
  // after this line; workers inherit the variable. Parallelism comes from
  // processes.
  setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);

  if (argc >= 2 && std::strcmp(argv[1], "__worker") == 0) return RunWorker();
  signal(SIGPIPE, SIG_IGN);

  CLI::App app{
      "bidscope: extract, index and search public procurement documents"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "bidscope 0.1.0");

  SearchCommandOptions search;
  search.db = DefaultDb();
  std::vector<std::string> query_words;
  // A search registers only its own command, since registering every other
  // one took about a sixth of the instructions of a search that finds
  // nothing.
  if (argc >= 2 && std::strcmp(argv[1], "search") == 0) {
    AddSearchCommand(app, search, query_words);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      return ExitForParseError(app, e);
    }
    return RunGuarded([&] { return RunSearch(search, query_words); });
  }

  std::string ocr = "auto";

  IndexCommandOptions index;
  index.db = DefaultDb();
  CLI::App* index_cmd = app.add_subcommand(
      "index", "Index files and folders (recursively) into --db");
  AddDbOption(index_cmd, index.db);
  index_cmd->add_option("paths", index.inputs, "Files and folders to index")
      ->required();
  index_cmd->add_flag("--json", index.json,
                      "JSON Lines: a file record per input, then a summary");
  index_cmd->add_option("--jobs,-j", index.jobs,
                        "Worker processes (default: number of cores)");
  index_cmd
      ->add_option("--timeout", index.limits.timeout_seconds,
                   "Wall-time limit per file, in seconds")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  index_cmd
      ->add_option("--memory-limit", index.limits.memory_mib,
                   "Address-space limit per worker, in MiB")
      ->capture_default_str()
      ->check(CLI::Range(256, 1 << 20));
  index_cmd
      ->add_option("--commit-every", index.commit_every,
                   "Documents written or removed between commits (a file "
                   "without documents counts one)")
      ->capture_default_str()
      ->check(CLI::Range(1, kMaxCommitEvery));
  index_cmd->add_flag("--keep-missing", index.keep_missing,
                      "Keep documents whose files vanished");
  index_cmd->add_flag("--retry-failed", index.retry_failed,
                      "Extract again files that failed in earlier runs");
  index_cmd->add_flag("--strict", index.strict,
                      "Stop at the first file that fails (exit code 2)");
  index_cmd
      ->add_option("--compact", index.compact,
                   "Compact the index when the run ends: auto does so for an "
                   "unsharded index after a run that indexed or removed at "
                   "least 10000 documents; always also merges shards")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "always", "never"}));
  index_cmd
      ->add_option("--shards", index.shards,
                   "Split a new index into this many shards, written in "
                   "parallel (default: an existing index's count, else 1)")
      ->check(CLI::Range(1, 1024));
  AddExtractOptions(index_cmd, index.extract, ocr);
  std::string user_lexicon;
  index_cmd->add_option("--lexicon", user_lexicon,
                        "Lexicon file of your own topic categories, with the "
                        "columns of data/lexicon.tsv");

  CLI::App* search_cmd = AddSearchCommand(app, search, query_words);

  ShowCommandOptions show;
  show.db = DefaultDb();
  CLI::App* show_cmd = app.add_subcommand(
      "show", "Show a document: metadata, paths and text by page");
  AddDbOption(show_cmd, show.db);
  show_cmd
      ->add_option("document", show.target,
                   "Document id, unique id prefix or path")
      ->required();
  show_cmd->add_flag("--json", show.json, "One JSON object");
  show_cmd
      ->add_option("--script", show.script,
                   "Show text in Simplified (hans) or Traditional (hant)")
      ->check(CLI::IsMember({"hans", "hant", "original"}));
  show_cmd->add_flag("--pinyin", show.pinyin,
                     "Add pinyin of the title, buyer, agency and suppliers");

  // Before the translation commands, which then leave export and stats to
  // these.
  FieldCommands field_commands;
  AddFieldCommands(app, DefaultDb(), &field_commands);

  TranslationCommands translation_commands;
  AddTranslationCommands(app, DefaultDb(), &translation_commands);

  ExtractCommandOptions extract;
  CLI::App* extract_cmd = app.add_subcommand(
      "extract", "Extract files without indexing ('-' reads standard input)");
  extract_cmd->add_option("files", extract.inputs, "Files to extract")
      ->required();
  extract_cmd->add_flag("--json", extract.json, "One JSON object per document");
  AddExtractOptions(extract_cmd, extract.extract, ocr);

  ReportCommandOptions report;
  report.db = DefaultDb();
  CLI::App* report_cmd = app.add_subcommand(
      "report", "List the files of the last index run and their status");
  AddDbOption(report_cmd, report.db);
  report_cmd->add_flag("--failed", report.failed_only,
                       "Only files that failed or are encrypted");
  report_cmd->add_flag("--warnings", report.warnings,
                       "Only files with warnings (skipped rows of a dump, "
                       "unreadable pages...), with every warning");
  report_cmd->add_flag("--json", report.json, "JSON Lines");

  ShardsCommandOptions shards;
  shards.db = DefaultDb();
  CLI::App* shards_cmd = app.add_subcommand(
      "shards", "List the shards of an index or change where one is served");
  AddDbOption(shards_cmd, shards.db);
  shards_cmd->add_flag("--json", shards.json, "JSON Lines");
  shards_cmd->require_subcommand(1);
  CLI::App* shards_list = shards_cmd->add_subcommand(
      "list", "Show each shard, where it is and its document count");
  CLI::App* shards_remote = shards_cmd->add_subcommand(
      "set-remote", "Search shard I through xapian-tcpsrv at HOST:PORT");
  shards_remote->add_option("shard", shards.shard, "Shard number")->required();
  shards_remote->add_option("address", shards.address, "HOST:PORT")->required();
  CLI::App* shards_local = shards_cmd->add_subcommand(
      "set-local", "Search shard I in DIR/shard-I again");
  shards_local->add_option("shard", shards.shard, "Shard number")->required();

  CompactCommandOptions compact;
  compact.db = DefaultDb();
  CLI::App* compact_cmd = app.add_subcommand(
      "compact",
      "Merge the shards of an index (or compact one index) into "
      "one unsharded index");
  AddDbOption(compact_cmd, compact.db);
  compact_cmd->add_option("--output,-o", compact.output,
                          "Directory of the result, which must not exist "
                          "(default: replace --db in place)");
  compact_cmd->add_flag("--json", compact.json, "One JSON Lines summary");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return ExitForParseError(app, e);
  }

  return RunGuarded([&]() -> int {
    if (*index_cmd) {
      index.extract.ocr = ParseOcrMode(ocr);
      if (!user_lexicon.empty() && !UseUserLexicon(user_lexicon)) return 2;
      return RunIndexCommand(index);
    }
    if (*search_cmd) return RunSearch(search, query_words);
    if (*show_cmd) return RunShowCommand(show);
    if (*extract_cmd) {
      extract.extract.ocr = ParseOcrMode(ocr);
      return RunExtractCommand(extract);
    }
    if (*report_cmd) return RunReportCommand(report);
    if (std::optional<int> code = RunFieldCommands(field_commands))
      return *code;
    if (std::optional<int> code =
            RunTranslationCommands(translation_commands)) {
      return *code;
    }
    if (*shards_cmd) {
      if (*shards_list) shards.action = "list";
      if (*shards_remote) shards.action = "set-remote";
      if (*shards_local) shards.action = "set-local";
      return RunShardsCommand(shards);
    }
    if (*compact_cmd) return RunCompactCommand(compact);
    return 2;
  });
}
