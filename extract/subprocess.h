// Runs a helper program (a legacy-format converter) isolated from the
// calling process: fork and exec without a shell, stdin closed, a wall-time
// limit, a cap on captured output and rlimits on memory, CPU and file size.
#ifndef BIDSCOPE_EXTRACT_SUBPROCESS_H_
#define BIDSCOPE_EXTRACT_SUBPROCESS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace bidscope {

struct SubprocessLimits {
  // Wall-clock time before the process group is killed, in seconds.
  double timeout_seconds = 30;

  // Bytes kept of stdout, and separately of stderr; the process is killed
  // when stdout exceeds it.
  size_t max_output_bytes = 64u << 20;

  // RLIMIT_AS of the child, in bytes.
  size_t max_memory_bytes = 1u << 30;

  // RLIMIT_FSIZE of the child, in bytes: the largest file it may write.
  size_t max_file_bytes = 64u << 20;

  // Directory the child runs in; empty keeps the caller's.
  std::string working_directory;
};

struct SubprocessResult {
  // Exit status when the process exited, else -1.
  int exit_code = -1;

  // Signal that ended the process, else 0 (SIGKILL after a time-out).
  int signal = 0;

  bool timed_out = false;

  // True when stdout was cut at max_output_bytes and the process killed.
  bool output_truncated = false;

  std::string out;
  std::string err;

  // Why the program could not be started ("wvWare: not found in PATH"),
  // else empty.
  std::string start_error;
};

// Runs argv[0], found through PATH when it has no slash, with argv[1...].
SubprocessResult RunSubprocess(const std::vector<std::string>& argv,
                               const SubprocessLimits& limits);

// Full path of `program` found through PATH, or empty when absent.
std::string FindProgram(const std::string& program);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_SUBPROCESS_H_
