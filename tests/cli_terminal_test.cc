// An index run on a terminal: the progress line names a file that keeps
// the counts from moving, and Ctrl-C prints that the run is stopping,
// commits what is done and exits with code 2.
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace bidscope {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::RunBidscope;

// A bidscope process whose standard streams are a pseudo-terminal.
class TerminalRun {
 public:
  TerminalRun(const std::vector<std::string>& args, const std::string& env) {
    pid_ = forkpty(&master_, nullptr, nullptr, nullptr);
    if (pid_ == 0) {
      size_t eq = env.find('=');
      setenv(env.substr(0, eq).c_str(), env.substr(eq + 1).c_str(), 1);
      std::vector<char*> argv;
      std::string program = BIDSCOPE_BINARY;
      argv.push_back(program.data());
      for (const std::string& arg : args) {
        argv.push_back(const_cast<char*>(arg.c_str()));
      }
      argv.push_back(nullptr);
      execv(program.c_str(), argv.data());
      _exit(127);
    }
  }

  ~TerminalRun() {
    if (pid_ > 0 && exit_code_ == -2) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) close(master_);
  }

  bool started() const { return pid_ > 0; }

  // Reads the terminal until `text` appears or `limit` passes; true when
  // it appeared.
  bool WaitFor(const std::string& text, std::chrono::seconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (output_.find(text) == std::string::npos) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !ReadSome(static_cast<int>(left.count()))) {
        return false;
      }
    }
    return true;
  }

  void Interrupt() { kill(pid_, SIGINT); }

  // Reads to the end and returns the exit code (-1 after a signal).
  int Wait() {
    while (ReadSome(60000)) {
    }
    int status = 0;
    waitpid(pid_, &status, 0);
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return exit_code_;
  }

  const std::string& output() const { return output_; }

 private:
  // False at the end of the output or after `timeout_ms` without any.
  bool ReadSome(int timeout_ms) {
    pollfd fd{master_, POLLIN, 0};
    if (poll(&fd, 1, timeout_ms) <= 0) return false;
    char buffer[4096];
    ssize_t n = read(master_, buffer, sizeof buffer);
    if (n <= 0) return false;  // EIO once the child closed the terminal
    output_.append(buffer, static_cast<size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int master_ = -1;
  int exit_code_ = -2;  // -2 while the process runs
  std::string output_;
};

void WriteText(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST(CliTerminalTest, ProgressNamesSlowFileAndCtrlCCommits) {
  testing::TempDir dir;
  fs::path input = dir.path() / "in";
  fs::create_directories(input);
  WriteText(input / "a-quick.txt", "舆情监测服务采购公告");
  WriteText(input / "b-slow.txt", "视频监控");
  std::string db = (dir.path() / "idx").string();

  TerminalRun run({"index", "--db", db, "--jobs", "1", "--timeout", "120",
                   "--ocr", "never", input.string()},
                  "BIDSCOPE_FAULT_INJECTION=hang=b-slow.txt");
  ASSERT_TRUE(run.started());
  EXPECT_TRUE(run.WaitFor("working on b-slow.txt (", std::chrono::seconds(60)))
      << run.output();
  EXPECT_NE(run.output().find("1/2 files"), std::string::npos) << run.output();

  run.Interrupt();
  EXPECT_EQ(run.Wait(), 2) << run.output();
  EXPECT_NE(run.output().find("interrupted; stopping the workers and "
                              "committing what is done"),
            std::string::npos)
      << run.output();

  // The file stored before the interruption is searchable.
  CommandResult search =
      RunBidscope({"search", "--db", db, "--json", "舆情监测"});
  EXPECT_EQ(search.exit_code, 0) << search.err;
  EXPECT_NE(search.out.find("a-quick.txt"), std::string::npos) << search.out;
  CommandResult report = RunBidscope({"report", "--db", db, "--json"});
  EXPECT_NE(report.out.find("interrupted before it finished"),
            std::string::npos)
      << report.out;
}

}  // namespace
}  // namespace bidscope
