// `bidscope compact`: merges the shards of an index (or compacts a single
// index) into one unsharded index.
#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "index/compact.h"
#include "index/index.h"

namespace bidscope::cli {

int RunCompactCommand(const CompactCommandOptions& options) {
  CompactResult result;
  try {
    result = CompactIndex(options.db, {options.output});
  } catch (const IndexError& e) {
    PrintError(options.db, "compaction failed", e.what());
    return 2;
  }
  nlohmann::json summary = {{"output", result.output},
                            {"shards", result.shards},
                            {"documents", result.documents},
                            {"file_states", result.file_states}};
  if (options.json) {
    PrintJsonLine("summary", summary);
  } else {
    std::cout << "bidscope compact: " << result.shards << " databases into "
              << result.output << ": " << result.documents << " documents, "
              << result.file_states << " file states\n";
  }
  return 0;
}

}  // namespace bidscope::cli
