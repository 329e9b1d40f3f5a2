#include "cli/worker.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "cli/frame_io.h"
#include "cli/worker_protocol.h"

extern char** environ;

namespace bidscope::cli {

using nlohmann::json;

WorkerPool::WorkerPool(int jobs, const WorkerLimits& limits,
                       const ExtractOptions& options)
    : limits_(limits),
      options_frame_(OptionsToJson(options, limits).dump()),
      workers_(static_cast<size_t>(jobs < 1 ? 1 : jobs)) {
  for (Worker& worker : workers_) Spawn(worker);
}

WorkerPool::~WorkerPool() { Abort(); }

void WorkerPool::Spawn(Worker& worker) {
  int to_child[2];
  int from_child[2];
  if (pipe2(to_child, O_CLOEXEC) != 0 || pipe2(from_child, O_CLOEXEC) != 0)
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
  char arg0[] = "bidscope";
  char arg1[] = "__worker";
  char* argv[] = {arg0, arg1, nullptr};
  pid_t pid = -1;
  int rc =
      posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(to_child[0]);
  close(from_child[1]);
  if (rc != 0) {
    close(to_child[1]);
    close(from_child[0]);
    throw std::runtime_error(std::string("cannot start a worker: ") +
                             std::strerror(rc));
  }
  worker.pid = pid;
  worker.to_worker = to_child[1];
  worker.from_worker = from_child[0];
  WriteFrame(worker.to_worker, options_frame_);
}

void WorkerPool::Reap(Worker& worker, bool kill_first) {
  if (worker.pid <= 0) return;
  if (kill_first) kill(worker.pid, SIGKILL);
  close(worker.to_worker);
  close(worker.from_worker);
  int status = 0;
  waitpid(worker.pid, &status, 0);
  worker.pid = -1;
  worker.to_worker = worker.from_worker = -1;
}

std::string WorkerPool::DescribeExit(int status) const {
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    std::string text = "worker crashed with signal " + std::to_string(sig) +
                       " (" + sigdescr_np(sig) + ")";
    if (sig == SIGKILL) text += "; the system may have run out of memory";
    return text;
  }
  if (WIFEXITED(status))
    return "worker exited with code " + std::to_string(WEXITSTATUS(status));
  return "worker ended unexpectedly";
}

void WorkerPool::Replace(Worker& worker) {
  Spawn(worker);
  for (const std::string& path : worker.files) {
    // A worker that dies at once is reported by the read side.
    WriteFrame(worker.to_worker, path);
  }
  if (!worker.files.empty()) StartDeadline(worker);
}

void WorkerPool::StartDeadline(Worker& worker) {
  worker.deadline = std::chrono::steady_clock::now() +
                    std::chrono::seconds(limits_.timeout_seconds);
}

bool WorkerPool::HasIdleWorker() const {
  for (const Worker& worker : workers_)
    if (worker.files.size() < kFilesPerWorker) return true;
  return false;
}

int WorkerPool::InFlight() const {
  size_t count = 0;
  for (const Worker& worker : workers_) count += worker.files.size();
  return static_cast<int>(count);
}

void WorkerPool::Submit(const std::string& path) {
  Worker* least = nullptr;
  for (Worker& worker : workers_) {
    if (least == nullptr || worker.files.size() < least->files.size())
      least = &worker;
  }
  if (least == nullptr || least->files.size() >= kFilesPerWorker) return;
  least->files.push_back(path);
  if (least->files.size() == 1) StartDeadline(*least);
  // A worker that died while idle is reported by the read side.
  WriteFrame(least->to_worker, path);
}

std::vector<FileOutcome> WorkerPool::Collect(std::chrono::milliseconds wait,
                                             int wake_fd) {
  std::vector<FileOutcome> done;
  auto now = std::chrono::steady_clock::now();

  // Wait no longer than the nearest deadline of a busy worker.
  std::vector<pollfd> fds;
  std::vector<Worker*> polled;
  for (Worker& worker : workers_) {
    if (worker.files.empty()) continue;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        worker.deadline - now);
    if (left < wait) wait = std::max(left, std::chrono::milliseconds(0));
    fds.push_back({worker.from_worker, POLLIN, 0});
    polled.push_back(&worker);
  }
  if (wake_fd >= 0) fds.push_back({wake_fd, POLLIN, 0});
  int ready = poll(fds.data(), fds.size(), static_cast<int>(wait.count()));
  if (ready < 0 && errno != EINTR) ready = 0;

  for (size_t i = 0; i < polled.size(); ++i) {
    Worker& worker = *polled[i];
    FileOutcome outcome;
    outcome.path = worker.files.front();
    if (ready > 0 && fds[i].revents != 0) {
      if (ReadOutcome(worker, outcome)) {
        done.push_back(std::move(outcome));
        continue;
      }
      // End of file or a broken frame: the worker died on this file.
      int status = 0;
      kill(worker.pid, SIGKILL);
      waitpid(worker.pid, &status, 0);
      outcome.worker_failure = DescribeExit(status);
      worker.pid = -1;
      close(worker.to_worker);
      close(worker.from_worker);
    } else if (std::chrono::steady_clock::now() >= worker.deadline) {
      Reap(worker, /*kill_first=*/true);
      outcome.worker_failure = "timed out after " +
                               std::to_string(limits_.timeout_seconds) +
                               " s (--timeout)";
    } else {
      continue;
    }
    worker.files.pop_front();
    Replace(worker);
    done.push_back(std::move(outcome));
  }
  return done;
}

bool WorkerPool::ReadOutcome(Worker& worker, FileOutcome& outcome) {
  std::optional<std::string> header = ReadFrame(worker.from_worker);
  if (!header) return false;
  json parsed = json::parse(*header, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return false;
  outcome.worker_failure = parsed.value("failure", "");
  for (const json& item : parsed.at("documents")) {
    ExtractedDocument doc = ExtractedFromJson(item);
    std::optional<std::string> prepared = ReadFrame(worker.from_worker);
    if (!prepared) return false;
    doc.prepared = std::move(*prepared);
    outcome.documents.push_back(std::move(doc));
  }
  worker.files.pop_front();
  if (!worker.files.empty()) StartDeadline(worker);

  // A worker that ran out of memory exits after reporting it.
  if (!outcome.worker_failure.empty() && outcome.documents.empty() &&
      outcome.worker_failure.find("memory limit") != std::string::npos) {
    Reap(worker, /*kill_first=*/true);
    Replace(worker);
  }
  return true;
}

std::vector<std::string> WorkerPool::Abort() {
  std::vector<std::string> unfinished;
  for (Worker& worker : workers_) {
    unfinished.insert(unfinished.end(), worker.files.begin(),
                      worker.files.end());
    worker.files.clear();
    Reap(worker, /*kill_first=*/true);
  }
  return unfinished;
}

}  // namespace bidscope::cli
