#include "index/shard_worker.h"

#include <utility>

namespace bidscope {

ShardWorker::ShardWorker(std::unique_ptr<IndexWriter> writer, std::string name)
    : writer_(std::move(writer)), name_(std::move(name)) {
  thread_ = std::thread([this] { Loop(); });
}

ShardWorker::~ShardWorker() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ShardWorker::Post(std::function<void(IndexWriter&)> task) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return tasks_.size() < kMaxQueuedTasks; });
  tasks_.push_back(std::move(task));
  changed_.notify_all();
}

void ShardWorker::Wait(std::function<void(IndexWriter&)> task) {
  // Only the queued task owns the promise. When the task throws or is
  // dropped after an earlier failure, it is destroyed unfulfilled, which
  // makes the future ready, so this never waits forever. A copy kept here
  // would keep the promise alive and the future waiting.
  auto done = std::make_shared<std::promise<void>>();
  std::future<void> finished = done->get_future();
  Post([task = std::move(task), done = std::move(done)](IndexWriter& writer) {
    task(writer);
    done->set_value();
  });
  finished.wait();
  std::lock_guard<std::mutex> lock(mutex_);
  if (error_) std::rethrow_exception(error_);
}

void ShardWorker::Loop() {
  for (;;) {
    std::function<void(IndexWriter&)> task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;  // stopping, and nothing left to run
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    changed_.notify_all();
    RunTask(task);
  }
}

void ShardWorker::RunTask(const std::function<void(IndexWriter&)>& task) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (error_) {
      // After a failure nothing more is written to this shard, so that its
      // next commit cannot store a file state without its document.
      return;
    }
  }
  try {
    task(*writer_);
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    error_ = std::current_exception();
  }
}

}  // namespace bidscope
