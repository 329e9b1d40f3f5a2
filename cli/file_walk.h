// Enumerates the input files of an index run.
#ifndef BIDSCOPE_CLI_FILE_WALK_H_
#define BIDSCOPE_CLI_FILE_WALK_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace bidscope::cli {

struct InputFile {
  std::string path;  // absolute, lexically normal
  int64_t size = 0;
  int64_t mtime_ns = 0;
};

// Walks files and folders recursively, in sorted order, without following
// symbolic links to folders. `skip_dir` is left out (the index itself when
// it lies inside an input folder). Paths that cannot be read are passed
// to `on_error` with the reason, and the walk goes on.
std::vector<InputFile> WalkInputs(
    const std::vector<std::string>& inputs, const std::string& skip_dir,
    const std::function<void(const std::string&, const std::string&)>&
        on_error);

// Absolute, lexically normal form of `path`.
std::string AbsolutePath(const std::string& path);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_FILE_WALK_H_
