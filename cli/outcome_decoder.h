// Decodes the prepared documents of finished files on a thread of its own.
// Decoding takes about a third of the writer's time per document (Xapian
// looks up its term map once per position), so doing it beside the
// thread that writes lets the two overlap.
#ifndef BIDSCOPE_CLI_OUTCOME_DECODER_H_
#define BIDSCOPE_CLI_OUTCOME_DECODER_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "cli/worker.h"

namespace bidscope::cli {

class OutcomeDecoder {
 public:
  // Starts the thread. Throws std::runtime_error when the wake-up pipe
  // cannot be created.
  OutcomeDecoder();

  // Stops the thread; outcomes not yet decoded are dropped.
  ~OutcomeDecoder();
  OutcomeDecoder(const OutcomeDecoder&) = delete;
  OutcomeDecoder& operator=(const OutcomeDecoder&) = delete;

  // Queues the outcome of file number `index`. A document that does not
  // decode ends with status "failed" and the reason.
  void Push(size_t index, FileOutcome outcome);

  // Moves out the outcomes decoded so far, with their file numbers.
  std::vector<std::pair<size_t, FileOutcome>> TakeDecoded();

  // Readable when TakeDecoded has something to return; for poll().
  int wake_fd() const { return wake_read_; }

 private:
  void Loop();

  std::mutex mutex_;
  std::condition_variable queued_;
  std::deque<std::pair<size_t, FileOutcome>> input_;
  std::vector<std::pair<size_t, FileOutcome>> output_;
  bool stopping_ = false;
  int wake_read_ = -1;
  int wake_write_ = -1;
  std::thread thread_;  // last, so that it starts after the rest exists
};

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_OUTCOME_DECODER_H_
