#include <thread>

#include "cli/commands.h"
#include "cli/index_run.h"
#include "cli/output.h"
#include "index/index.h"
#include "index/sharded_writer.h"

namespace bidscope::cli {

int RunIndexCommand(const IndexCommandOptions& options) {
  IndexCommandOptions resolved = options;
  if (resolved.jobs <= 0) {
    unsigned cores = std::thread::hardware_concurrency();
    resolved.jobs = cores == 0 ? 1 : static_cast<int>(cores);
  }

  std::unique_ptr<IndexWriter> writer;
  try {
    writer = OpenIndexWriter(resolved.db, resolved.shards);
  } catch (const IndexError& e) {
    PrintError(resolved.db, "cannot open the index for writing", e.what());
    return 2;
  }

  try {
    IndexRun run(resolved, *writer);
    return run.Run();
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
