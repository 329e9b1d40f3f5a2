// The progress line of an index run, drawn on a terminal's stderr.
#ifndef BIDSCOPE_CLI_PROGRESS_H_
#define BIDSCOPE_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace bidscope::cli {

class Progress {
 public:
  // Draws nothing unless `enabled`.
  Progress(bool enabled, int64_t total_files, int64_t total_bytes);

  // Records one finished file and redraws at most a few times a second.
  void Update(int64_t bytes, bool failed);

  // Redraws about once a second while no file finishes, naming `busy`, the
  // file a worker has had longest, once it has taken `busy_for` long
  // enough to stall the counts.
  void Tick(const std::string& busy,
            std::chrono::steady_clock::duration busy_for);

  // Clears the line, which the next update draws again.
  void Clear();

 private:
  void Draw();

  bool enabled_;
  int64_t total_files_;
  int64_t total_bytes_;
  int64_t done_files_ = 0;
  int64_t done_bytes_ = 0;
  int64_t failures_ = 0;
  std::string busy_;  // the note on a slow file, or empty
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_PROGRESS_H_
