#include "cli/outcome_decoder.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace bidscope::cli {

OutcomeDecoder::OutcomeDecoder() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
    throw std::runtime_error(std::string("cannot create a pipe: ") +
                             std::strerror(errno));
  }
  wake_read_ = fds[0];
  wake_write_ = fds[1];
  thread_ = std::thread([this] { Loop(); });
}

OutcomeDecoder::~OutcomeDecoder() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  queued_.notify_one();
  thread_.join();
  close(wake_read_);
  close(wake_write_);
}

void OutcomeDecoder::Push(size_t index, FileOutcome outcome) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    input_.emplace_back(index, std::move(outcome));
  }
  queued_.notify_one();
}

std::vector<std::pair<size_t, FileOutcome>> OutcomeDecoder::TakeDecoded() {
  // Drain the wake-ups first: one written after this point means a new
  // outcome, which the next call returns.
  char buffer[64];
  while (read(wake_read_, buffer, sizeof buffer) > 0) {
  }
  std::lock_guard<std::mutex> lock(mutex_);
  return std::exchange(output_, {});
}

void OutcomeDecoder::Loop() {
  for (;;) {
    std::pair<size_t, FileOutcome> item;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      queued_.wait(lock, [this] { return stopping_ || !input_.empty(); });
      if (stopping_) return;
      item = std::move(input_.front());
      input_.pop_front();
    }
    for (ExtractedDocument& doc : item.second.documents) {
      if (doc.prepared.empty()) continue;
      try {
        doc.decoded.emplace(doc.prepared);
      } catch (const IndexError& e) {
        doc.status = "failed";
        doc.error = e.what();
      }
      doc.prepared = std::string();
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      output_.push_back(std::move(item));
    }
    // A full pipe already wakes the reader, so a failed write loses nothing.
    char byte = 1;
    [[maybe_unused]] ssize_t written = write(wake_write_, &byte, 1);
  }
}

}  // namespace bidscope::cli
