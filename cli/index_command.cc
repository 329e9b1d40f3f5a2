#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "cli/file_walk.h"
#include "cli/index_run.h"
#include "cli/output.h"
#include "index/compact.h"
#include "index/index.h"
#include "index/shard_stub.h"
#include "index/sharded_writer.h"

namespace bidscope::cli {
namespace {

// Documents a run must index or remove before --compact auto compacts.
// Batched commits leave B-tree blocks part full: at 100,000 documents the
// index was 3.1 times its text as written and 2.1 times after compaction,
// and compacting took under 20 seconds.
constexpr int64_t kAutoCompactDocuments = 10000;

bool ShouldCompact(const IndexCommandOptions& options, int64_t changed) {
  if (options.compact == "never") return false;
  if (options.compact == "always") return true;
  // Compaction merges shards into one index, which auto does only for
  // shards that exist for speed.
  if (ShardsMergeWhenDone(options.db)) return true;
  return changed >= kAutoCompactDocuments && !IsShardedIndex(options.db);
}

// True when `dir` contains no index yet: it is missing or an empty folder.
bool IsNewIndex(const std::string& dir) {
  std::error_code error;
  if (!std::filesystem::exists(dir, error)) return true;
  return std::filesystem::is_directory(dir, error) &&
         std::filesystem::is_empty(dir, error);
}

// True when `dir` is a folder that contains files but nothing of an index:
// no Xapian file, shard list, shard or run report. Such a folder is most
// likely the user's documents. Writing an index among them mixes the two,
// and a later run over the folder would read the index's own files.
bool HoldsOtherFiles(const std::string& dir) {
  std::error_code error;
  if (IsNewIndex(dir) || !std::filesystem::is_directory(dir, error)) {
    return false;
  }
  for (const std::filesystem::directory_entry& entry :
       std::filesystem::directory_iterator(dir, error)) {
    std::string name = entry.path().filename().string();
    if (IsIndexFileName(name) || name == kRunReportName) return false;
  }
  return !error;
}

// Files a new index must start with to be written in shards. Xapian's
// writer is single-threaded and slows as its tables grow, and it was the
// slowest part of large runs. Shards are written by threads of their own,
// and a run that completes merges them into one index (--compact). For a
// few files the merge would cost more than it saves.
constexpr size_t kBuildShardsMinFiles = 1000;

// Shards of such a new index: one per worker, from 2 to 8.
int BuildShardCount(int jobs) { return std::clamp(jobs, 2, 8); }

// True when a run should write its new index in shards.
bool ShouldBuildShards(const IndexCommandOptions& options) {
  if (options.shards != 0 || options.jobs < 2 || !IsNewIndex(options.db)) {
    return false;
  }
  // Unreadable paths are reported by the run's own walk.
  auto ignore = [](const std::string&, const std::string&) {};
  return WalkInputs(options.inputs, options.db, ignore).size() >=
         kBuildShardsMinFiles;
}

// Compacts the index in place; returns 0, or 1 when compaction failed and
// the index stays as the run wrote it.
int Compact(const IndexCommandOptions& options) {
  auto start = std::chrono::steady_clock::now();
  CompactResult result;
  try {
    result = CompactIndex(options.db, {});
  } catch (const IndexError& e) {
    PrintError(options.db, "compacting the index failed", e.what());
    return 1;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (options.json) {
    PrintJsonLine("compact", {{"documents", result.documents},
                              {"shards", result.shards},
                              {"seconds", seconds}});
  } else {
    std::cout << "bidscope index: compacted " << options.db << " ("
              << result.documents << " documents) in " << seconds << " s\n";
  }
  return 0;
}

// Returns the first path of `inputs` that does not exist, or "". Such a
// path was mistyped or is on a disk that is not mounted. A run would then
// create an index for nothing or, on a re-run, remove every document under
// the path as vanished. A path that exists but cannot be read is left to
// the walk, which records it as failed.
std::string MissingInput(const std::vector<std::string>& inputs) {
  for (const std::string& input : inputs) {
    std::error_code error;
    if (std::filesystem::status(input, error).type() ==
        std::filesystem::file_type::not_found) {
      return input;
    }
  }
  return "";
}

}  // namespace

int RunIndexCommand(const IndexCommandOptions& options) {
  IndexCommandOptions resolved = options;
  if (resolved.jobs <= 0) {
    unsigned cores = std::thread::hardware_concurrency();
    resolved.jobs = cores == 0 ? 1 : static_cast<int>(cores);
  }

  if (std::string missing = MissingInput(resolved.inputs); !missing.empty()) {
    PrintError(missing, "not found",
               "nothing was indexed. To remove the documents of a deleted "
               "folder, index the folder that contained it");
    return 2;
  }

  if (HoldsOtherFiles(resolved.db)) {
    PrintError(resolved.db, "not an index",
               "the folder contains other files. Give --db a new or empty "
               "folder, or an index made by bidscope");
    return 2;
  }

  // Xapian reads the threshold when it opens a writable database. Set
  // above the run's own cadence, it never commits on its own.
  std::string threshold =
      std::to_string(std::max(10000, 2 * resolved.commit_every));
  setenv("XAPIAN_FLUSH_THRESHOLD", threshold.c_str(), 1);

  bool build_shards = ShouldBuildShards(resolved);
  int shards = build_shards ? BuildShardCount(resolved.jobs) : resolved.shards;

  std::unique_ptr<IndexWriter> writer;
  try {
    writer = OpenIndexWriter(resolved.db, shards, build_shards);
  } catch (const IndexError& e) {
    PrintError(resolved.db, "cannot open the index for writing", e.what());
    return 2;
  }

  try {
    int code = 0;
    int64_t changed = 0;
    {
      IndexRun run(resolved, *writer);
      code = run.Run();
      changed = run.ChangedDocuments();
    }
    // An interrupted or aborted run (2) is left for the next run to finish.
    if (code == 2 || !ShouldCompact(resolved, changed)) return code;
    writer.reset();  // the compactor needs the writer's lock released
    return std::max(code, Compact(resolved));
  } catch (const IndexError& e) {
    // The index itself failed (disk full, corruption): stop, leaving the
    // index as the last commit left it. Xapian commits what is pending
    // when a writable database is destroyed, which could keep part of a
    // file, so the writer is left to the process's exit instead.
    static_cast<void>(writer.release());
    PrintError(resolved.db, "index run aborted", e.what());
    return 2;
  } catch (const std::exception& e) {
    static_cast<void>(writer.release());
    PrintError(resolved.db, "index run aborted", e.what());
    return 2;
  }
}

}  // namespace bidscope::cli
