// Helpers shared by the tests: locating ../shared, temporary folders and
// running the real bidscope binary.
#ifndef BIDSCOPE_TESTS_TEST_SUPPORT_H_
#define BIDSCOPE_TESTS_TEST_SUPPORT_H_

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace bidscope::testing {

// The shared test material beside the source tree, or an empty path when
// it is absent.
std::filesystem::path SharedDir();

// Skips the current test with a message when ../shared is absent.
#define BIDSCOPE_REQUIRE_SHARED()                                          \
  do {                                                                     \
    if (::bidscope::testing::SharedDir().empty())                          \
      GTEST_SKIP() << "../shared is absent beside the source tree; tests " \
                      "over the shared corpus and cases are skipped";      \
  } while (0)

std::filesystem::path SourceDir();

// Reads a whole file; fails the test when it cannot be read.
std::string ReadFile(const std::filesystem::path& path);

// Returns a PDF file of `objects`, numbered from 1 with the catalog
// first, and a cross-reference table of their byte offsets, so that
// Poppler reads it without repairing it. `trailer` adds entries to the
// trailer after /Size and /Root ("/Info 4 0 R").
std::string AssemblePdf(const std::vector<std::string>& objects,
                        const std::string& trailer = "");

// A fresh directory under the system temporary folder, removed with its
// contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;  // -1 when the process did not exit normally
  std::string out;
  std::string err;
};

// Runs the bidscope binary with `args` (no shell), feeding `input` on
// standard input, and captures its output.
CommandResult RunBidscope(const std::vector<std::string>& args,
                          const std::string& input = "");

// Runs any program by path or name with `args` (no shell).
CommandResult RunProgram(const std::string& program,
                         const std::vector<std::string>& args,
                         const std::string& input = "");

// Parses JSON Lines output; a line that is not JSON fails the test.
std::vector<nlohmann::json> ParseJsonLines(const std::string& text);

// The "data" objects of the JSON Lines records of one type.
std::vector<nlohmann::json> RecordsOfType(const std::string& text,
                                          const std::string& type);

// Reads a TSV file with a header row into rows of fields.
std::vector<std::vector<std::string>> ReadTsv(
    const std::filesystem::path& path);

// Splits "a,b,c" into its parts; an empty string gives no parts.
std::vector<std::string> SplitList(const std::string& text);

}  // namespace bidscope::testing

#endif  // BIDSCOPE_TESTS_TEST_SUPPORT_H_
