// A shard's writer thread: tasks run in order, and a failed task ends every
// later Wait with its error instead of leaving the caller waiting.
#include "index/shard_worker.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "index/index.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

// Runs worker.Wait(task) on another thread and returns its outcome: empty
// when it returned, else the message of what it threw. A Wait that has not
// returned after 30 seconds is a hang: the test fails and the process ends
// at once, since the waiting thread cannot be stopped.
std::string WaitOutcome(ShardWorker& worker,
                        std::function<void(IndexWriter&)> task) {
  std::future<std::string> outcome =
      std::async(std::launch::async, [&worker, task = std::move(task)] {
        try {
          worker.Wait(task);
          return std::string();
        } catch (const std::exception& e) {
          return std::string(e.what());
        }
      });
  if (outcome.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
    ADD_FAILURE() << "ShardWorker::Wait did not return within 30 s";
    std::_Exit(1);
  }
  return outcome.get();
}

class ShardWorkerTest : public ::testing::Test {
 protected:
  ShardWorkerTest()
      : worker_(IndexWriter::Open((dir_.path() / "shard").string()),
                "test-shard") {}

  testing::TempDir dir_;
  ShardWorker worker_;
};

TEST_F(ShardWorkerTest, RunsTasksInOrder) {
  std::vector<int> order;
  for (int i = 0; i < 100; ++i) {
    worker_.Post([&order, i](IndexWriter&) { order.push_back(i); });
  }
  EXPECT_EQ(
      WaitOutcome(worker_, [&order](IndexWriter&) { order.push_back(100); }),
      "");
  ASSERT_EQ(order.size(), 101u);
  for (int i = 0; i <= 100; ++i) EXPECT_EQ(order[i], i);
}

TEST_F(ShardWorkerTest, PostedFailureEndsLaterWait) {
  bool later_ran = false;
  worker_.Post(
      [](IndexWriter&) { throw std::runtime_error("disk full (simulated)"); });
  worker_.Post([&later_ran](IndexWriter&) { later_ran = true; });
  EXPECT_EQ(WaitOutcome(worker_, [](IndexWriter&) {}), "disk full (simulated)");
  EXPECT_FALSE(later_ran);
  // Every later Wait reports the same first error.
  EXPECT_EQ(WaitOutcome(worker_, [](IndexWriter&) {}), "disk full (simulated)");
}

TEST_F(ShardWorkerTest, WaitedTaskFailureIsRethrown) {
  EXPECT_EQ(WaitOutcome(worker_,
                        [](IndexWriter&) {
                          throw std::runtime_error("commit failed");
                        }),
            "commit failed");
}

TEST_F(ShardWorkerTest, WaitReturnsAfterTaskRan) {
  uint64_t count = 99;
  EXPECT_EQ(WaitOutcome(worker_,
                        [&count](IndexWriter& writer) {
                          count = writer.DocumentCount();
                        }),
            "");
  EXPECT_EQ(count, 0u);
}

}  // namespace
}  // namespace bidscope
