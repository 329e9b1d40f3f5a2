// Extraction in worker processes, isolated from the index writer: a crash,
// hang or memory blow-up on one hostile file ends only its worker.
#ifndef BIDSCOPE_CLI_WORKER_H_
#define BIDSCOPE_CLI_WORKER_H_

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "index/index.h"

namespace bidscope::cli {

struct WorkerLimits {
  // Wall time one file may take, in seconds.
  int timeout_seconds = 300;

  // Address-space limit of a worker process, in MiB (RLIMIT_AS).
  int64_t memory_mib = 2048;
};

// One document extracted from a file, ready for the writer.
struct ExtractedDocument {
  std::string id;
  std::string parent_id;
  std::string locator;
  std::string format;
  std::string status;  // ExtractStatusName
  std::string error;
  std::string title;
  int pages = 0;
  int unreliable_pages = 0;  // pages whose text was judged garbage
  std::vector<std::string> warnings;
  std::string prepared;  // PrepareDocument's output; empty unless ok

  // `prepared` decoded for the writer (OutcomeDecoder), after which
  // `prepared` is empty.
  std::optional<DecodedDocument> decoded;
};

// The outcome of handing one file to a worker.
struct FileOutcome {
  std::string path;
  // Set when the worker itself failed on this file (timeout, crash,
  // memory limit); `documents` is empty then.
  std::string worker_failure;
  std::vector<ExtractedDocument> documents;
};

// Entry point of `bidscope __worker`: reads options and paths from stdin
// frames, writes outcomes as frames to stdout. Returns the exit code.
int RunWorker();

// A pool of worker processes, each running `bidscope __worker`.
//
// Each worker is sent up to kFilesPerWorker files at a time and extracts
// them in order, so that it starts the next file while the writer stores
// the last one instead of waiting for it. The time limit runs for the file
// a worker is extracting, and a crash or timeout is charged to that file;
// the files queued behind it go to the replacement worker.
class WorkerPool {
 public:
  static constexpr size_t kFilesPerWorker = 2;

  WorkerPool(int jobs, const WorkerLimits& limits,
             const ExtractOptions& options);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // True when some worker has fewer than kFilesPerWorker files.
  bool HasIdleWorker() const;

  // Sends `path` to the worker with the fewest files.
  // REQUIRES: HasIdleWorker().
  void Submit(const std::string& path);

  // Number of files sent and not yet finished.
  int InFlight() const;

  // Waits up to `wait` for finished files (including timeouts and
  // crashes, after which the worker is replaced) and returns them. The
  // wait also ends when `wake_fd`, if not -1, becomes readable.
  std::vector<FileOutcome> Collect(std::chrono::milliseconds wait,
                                   int wake_fd = -1);

  // Kills every worker; files in flight are returned as not processed.
  std::vector<std::string> Abort();

 private:
  struct Worker {
    pid_t pid = -1;
    int to_worker = -1;
    int from_worker = -1;

    // Files sent and not finished, in the order the worker takes them.
    std::deque<std::string> files;

    // When the first of `files` times out.
    std::chrono::steady_clock::time_point deadline;
  };

  void Spawn(Worker& worker);
  void Reap(Worker& worker, bool kill_first);

  // Starts a new process for `worker` after the old one ended on the first
  // of its files, and sends it the files queued behind that one.
  void Replace(Worker& worker);
  void StartDeadline(Worker& worker);
  bool ReadOutcome(Worker& worker, FileOutcome& outcome);
  std::string DescribeExit(int status) const;

  WorkerLimits limits_;
  std::string options_frame_;
  std::vector<Worker> workers_;
};

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_WORKER_H_
