// A thread that owns one shard's IndexWriter and runs the tasks queued for
// it in order, so that the shards of an index are written in parallel
// while each Xapian WritableDatabase is only ever used by one thread.
#ifndef BIDSCOPE_INDEX_SHARD_WORKER_H_
#define BIDSCOPE_INDEX_SHARD_WORKER_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "index/index.h"

namespace bidscope {

class ShardWorker {
 public:
  // Takes ownership of `writer`; `name` labels errors ("DIR/shard-2").
  ShardWorker(std::unique_ptr<IndexWriter> writer, std::string name);

  // Runs the queued tasks, then joins the thread. Never throws.
  ~ShardWorker();
  ShardWorker(const ShardWorker&) = delete;
  ShardWorker& operator=(const ShardWorker&) = delete;

  // Queues `task` and returns at once, unless kMaxQueuedTasks are already
  // waiting, in which case it blocks until one finishes. After a task
  // throws, the later tasks are dropped and the error waits for Wait().
  void Post(std::function<void(IndexWriter&)> task);

  // Queues `task` and blocks until it ran; rethrows the first error of
  // this shard (its own or an earlier task's).
  void Wait(std::function<void(IndexWriter&)> task);

  const std::string& name() const { return name_; }

 private:
  // Bound on queued tasks, so that prepared documents waiting for a slow
  // shard do not pile up in memory.
  static constexpr size_t kMaxQueuedTasks = 64;

  void Loop();
  void RunTask(const std::function<void(IndexWriter&)>& task);

  std::unique_ptr<IndexWriter> writer_;
  std::string name_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void(IndexWriter&)>> tasks_;
  bool stopping_ = false;
  std::exception_ptr error_;  // first failure; set and read under mutex_
  std::thread thread_;
};

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_SHARD_WORKER_H_
