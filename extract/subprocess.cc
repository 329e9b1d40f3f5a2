#include "extract/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace bidscope {

namespace {

// Owns a file descriptor.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(other.Release()) {}
  Fd& operator=(Fd&& other) noexcept {
    Reset(other.Release());
    return *this;
  }
  ~Fd() { Reset(-1); }
  int get() const { return fd_; }
  int Release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  void Reset(int fd) {
    if (fd_ >= 0) close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

bool MakePipe(Fd& read_end, Fd& write_end) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return false;
  read_end.Reset(fds[0]);
  write_end.Reset(fds[1]);
  return true;
}

void SetLimit(int resource, rlim_t value) {
  rlimit limit{value, value};
  setrlimit(resource, &limit);
}

// Runs in the forked child: only async-signal-safe calls until exec. On
// failure writes errno to `status_fd` and exits 127.
[[noreturn]] void ExecChild(const char* path, char* const* argv, int out_fd,
                            int err_fd, int status_fd,
                            const SubprocessLimits& limits) {
  setpgid(0, 0);
  int null_fd = open("/dev/null", O_RDONLY);
  if (null_fd < 0 || dup2(null_fd, STDIN_FILENO) < 0 ||
      dup2(out_fd, STDOUT_FILENO) < 0 || dup2(err_fd, STDERR_FILENO) < 0) {
    int error = errno;
    (void)!write(status_fd, &error, sizeof error);
    _exit(127);
  }
  SetLimit(RLIMIT_AS, limits.max_memory_bytes);
  SetLimit(RLIMIT_FSIZE, limits.max_file_bytes);
  SetLimit(RLIMIT_CORE, 0);
  SetLimit(RLIMIT_CPU,
           static_cast<rlim_t>(std::ceil(limits.timeout_seconds)) + 1);
  if (!limits.working_directory.empty() &&
      chdir(limits.working_directory.c_str()) != 0) {
    int error = errno;
    (void)!write(status_fd, &error, sizeof error);
    _exit(127);
  }
  execv(path, argv);
  int error = errno;
  (void)!write(status_fd, &error, sizeof error);
  _exit(127);
}

// Reads what is available from `fd` into `sink`, keeping at most `cap`
// bytes. Returns false at end of file.
bool Drain(int fd, std::string& sink, size_t cap, bool& overflow) {
  char buffer[64 * 1024];
  ssize_t n = read(fd, buffer, sizeof buffer);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return true;
  if (n <= 0) return false;
  size_t room = cap > sink.size() ? cap - sink.size() : 0;
  sink.append(buffer, std::min(room, static_cast<size_t>(n)));
  if (static_cast<size_t>(n) > room) overflow = true;
  return true;
}

// Collects both pipes until the child closes them, the deadline passes or
// stdout overflows; kills the process group in the last two cases.
using Clock = std::chrono::steady_clock;

void Collect(pid_t pid, Fd& out, Fd& err, const SubprocessLimits& limits,
             Clock::time_point deadline, SubprocessResult& result) {
  bool out_open = true;
  bool err_open = true;
  while (out_open || err_open) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - Clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      break;
    }
    pollfd fds[2] = {{out_open ? out.get() : -1, POLLIN, 0},
                     {err_open ? err.get() : -1, POLLIN, 0}};
    int ready = poll(fds, 2, static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    bool overflow = false;
    bool err_overflow = false;
    if (out_open && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
      out_open =
          Drain(out.get(), result.out, limits.max_output_bytes, overflow);
    }
    if (err_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      err_open =
          Drain(err.get(), result.err, limits.max_output_bytes, err_overflow);
    }
    if (overflow) {
      result.output_truncated = true;
      break;
    }
  }
  if (result.timed_out || result.output_truncated) kill(-pid, SIGKILL);
}

// Waits for the child, which may keep running after closing its output,
// and kills it at the deadline.
int Wait(pid_t pid, Clock::time_point deadline, SubprocessResult& result) {
  int status = 0;
  while (true) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return status;
    if (done < 0 && errno != EINTR) return status;
    if (Clock::now() >= deadline && !result.timed_out) {
      result.timed_out = true;
      kill(-pid, SIGKILL);
    }
    usleep(2000);
  }
}

}  // namespace

std::string FindProgram(const std::string& program) {
  if (program.find('/') != std::string::npos) {
    return access(program.c_str(), X_OK) == 0 ? program : "";
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    start = end + 1;
    if (dir.empty()) continue;
    std::string candidate = dir + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

SubprocessResult RunSubprocess(const std::vector<std::string>& argv,
                               const SubprocessLimits& limits) {
  SubprocessResult result;
  std::string path = argv.empty() ? "" : FindProgram(argv[0]);
  if (path.empty()) {
    result.start_error = (argv.empty() ? std::string("(empty)") : argv[0]) +
                         ": not found in PATH";
    return result;
  }

  // Everything the child needs is built before fork, because the child of
  // a multi-threaded process may not allocate.
  std::vector<char*> args;
  for (const std::string& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  Fd out_read, out_write, err_read, err_write, status_read, status_write;
  if (!MakePipe(out_read, out_write) || !MakePipe(err_read, err_write) ||
      !MakePipe(status_read, status_write)) {
    result.start_error = std::string("pipe failed: ") + std::strerror(errno);
    return result;
  }

  pid_t pid = fork();
  if (pid < 0) {
    result.start_error = std::string("fork failed: ") + std::strerror(errno);
    return result;
  }
  if (pid == 0) {
    ExecChild(path.c_str(), args.data(), out_write.get(), err_write.get(),
              status_write.get(), limits);
  }
  setpgid(pid, pid);  // also set in the child; whichever runs first wins
  out_write.Reset(-1);
  err_write.Reset(-1);
  status_write.Reset(-1);

  auto deadline =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(limits.timeout_seconds));
  Collect(pid, out_read, err_read, limits, deadline, result);
  int status = Wait(pid, deadline, result);
  int exec_errno = 0;
  if (read(status_read.get(), &exec_errno, sizeof exec_errno) ==
      sizeof exec_errno) {
    result.start_error = argv[0] + ": cannot run: " + std::strerror(exec_errno);
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

}  // namespace bidscope
