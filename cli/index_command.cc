#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>

#include "cli/commands.h"
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
  // Compaction merges shards into one index, which auto must not do.
  return changed >= kAutoCompactDocuments && !IsShardedIndex(options.db);
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

}  // namespace

int RunIndexCommand(const IndexCommandOptions& options) {
  IndexCommandOptions resolved = options;
  if (resolved.jobs <= 0) {
    unsigned cores = std::thread::hardware_concurrency();
    resolved.jobs = cores == 0 ? 1 : static_cast<int>(cores);
  }

  // Xapian reads the threshold when it opens a writable database. Set
  // above the run's own cadence, it never commits on its own.
  std::string threshold =
      std::to_string(std::max(10000, 2 * resolved.commit_every));
  setenv("XAPIAN_FLUSH_THRESHOLD", threshold.c_str(), 1);

  std::unique_ptr<IndexWriter> writer;
  try {
    writer = OpenIndexWriter(resolved.db, resolved.shards);
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
    // The index itself failed (disk full, corruption): stop, having
    // committed what the last commit holds.
    PrintError(resolved.db, "index run aborted", e.what());
    return 2;
  } catch (const std::exception& e) {
    PrintError(resolved.db, "index run aborted", e.what());
    return 2;
  }
}

}  // namespace bidscope::cli
