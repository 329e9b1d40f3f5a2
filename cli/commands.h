// The subcommands of the bidscope executable. Each returns its exit code.
#ifndef BIDSCOPE_CLI_COMMANDS_H_
#define BIDSCOPE_CLI_COMMANDS_H_

#include <optional>
#include <string>
#include <vector>

#include "cli/worker.h"
#include "extract/extract.h"
#include "index/index.h"

namespace bidscope::cli {

// Name of the last index run's report in the index directory: its file
// records and summary, as JSON Lines.
inline constexpr char kRunReportName[] = "last-run.jsonl";

// Largest --commit-every. Xapian commits by itself after
// XAPIAN_FLUSH_THRESHOLD changes (10,000 unless set), and such a commit
// lacks the commit number that a sharded index records; the index command
// raises that threshold above its own cadence, and this bound keeps the
// batches of changes held in memory moderate.
inline constexpr int kMaxCommitEvery = 5000;

struct IndexCommandOptions {
  std::string db;
  std::vector<std::string> inputs;  // files and folders, walked recursively
  bool json = false;                // JSON Lines on stdout
  int jobs = 0;                     // worker processes; 0 means one per core
  int commit_every = 100;           // index changes between commits
  bool keep_missing = false;        // keep documents whose files vanished
  bool retry_failed = false;        // re-extract files that failed before
  bool strict = false;              // exit 2 on the first failed file
  int shards = 0;                   // shard count; 0 keeps the index's own
  std::string compact = "auto";     // after the run: auto, always or never
  WorkerLimits limits;
  ExtractOptions extract;
};
int RunIndexCommand(const IndexCommandOptions& options);

struct SearchCommandOptions {
  std::string db;
  std::string query;
  bool json = false;
  int limit = 10;
  int offset = 0;
  bool exact_count = false;  // count every match instead of estimating
  size_t snippet_chars = 160;
  // Expand English words through the lexicon; unset takes DIR/config.json.
  std::optional<bool> expand;
  std::string topic;     // only documents tagged with this lexicon category
  std::string script;    // "hans" or "hant" converts snippets; empty keeps them
  FieldFilters filters;  // procurement field filters (--type, --buyer ...)
  std::string sort;      // relevance (default), date or amount
};
int RunSearchCommand(const SearchCommandOptions& options);

struct ShowCommandOptions {
  std::string db;
  std::string target;  // document id, id prefix or path
  bool json = false;
  std::string script;   // "hans" or "hant" converts the text; empty keeps it
  bool pinyin = false;  // add pinyin of the title, buyer, agency, suppliers
};
int RunShowCommand(const ShowCommandOptions& options);

struct ExtractCommandOptions {
  std::vector<std::string> inputs;  // "-" reads text from standard input
  bool json = false;
  ExtractOptions extract;
};
int RunExtractCommand(const ExtractCommandOptions& options);

struct ReportCommandOptions {
  std::string db;
  bool failed_only = false;
  bool warnings = false;  // only files with warnings, each warning listed
  bool json = false;
};
int RunReportCommand(const ReportCommandOptions& options);

struct ShardsCommandOptions {
  std::string db;
  std::string action;   // list, set-remote or set-local
  int shard = -1;       // shard number for set-remote and set-local
  std::string address;  // HOST:PORT for set-remote
  bool json = false;
};
int RunShardsCommand(const ShardsCommandOptions& options);

struct CompactCommandOptions {
  std::string db;
  std::string output;  // result directory; empty replaces --db in place
  bool json = false;
};
int RunCompactCommand(const CompactCommandOptions& options);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_COMMANDS_H_
