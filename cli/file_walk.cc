#include "cli/file_walk.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace bidscope::cli {

namespace fs = std::filesystem;

std::string AbsolutePath(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) return path;
  return absolute.lexically_normal().string();
}

namespace {

bool StatFile(const std::string& path, InputFile& file, std::string& error) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    error = std::strerror(errno);
    return false;
  }
  file.path = path;
  file.size = st.st_size;
  file.mtime_ns = int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

// Returns why the folder at `path` cannot be listed, or an empty string
// when it can. The walk skips such folders (skip_permission_denied:
// without it, libstdc++ 12 ends the whole walk at the first one). So each
// folder is opened here first, and a failure is reported, not lost.
std::string FolderError(const std::string& path) {
  DIR* dir = opendir(path.c_str());
  if (dir == nullptr) return std::strerror(errno);
  closedir(dir);
  return {};
}

}  // namespace

std::vector<InputFile> WalkInputs(
    const std::vector<std::string>& inputs, const std::string& skip_dir,
    const std::function<void(const std::string&, const std::string&)>&
        on_error) {
  std::vector<InputFile> files;
  std::string skip = skip_dir.empty() ? "" : AbsolutePath(skip_dir);
  for (const std::string& input : inputs) {
    std::string root = AbsolutePath(input);
    std::error_code ec;
    fs::file_status status = fs::status(root, ec);
    if (ec) {
      on_error(root, ec.message());
      continue;
    }
    if (!fs::is_directory(status)) {
      InputFile file;
      std::string error;
      if (StatFile(root, file, error)) {
        files.push_back(file);
      } else {
        on_error(root, error);
      }
      continue;
    }
    if (std::string error = FolderError(root); !error.empty()) {
      on_error(root, error);
      continue;
    }
    fs::recursive_directory_iterator it(
        root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      on_error(root, ec.message());
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        // libstdc++ 12 leaves the iterator at the end after an error.
        on_error(root, "listing the folder failed: " + ec.message());
        break;
      }
      std::string path = it->path().lexically_normal().string();
      if (!skip.empty() && path == skip) {
        it.disable_recursion_pending();
        continue;
      }
      std::error_code type_ec;
      if (it->is_directory(type_ec)) {
        // A symbolic link to a folder is not followed, so not listed.
        if (!it->is_symlink(type_ec)) {
          if (std::string error = FolderError(path); !error.empty()) {
            on_error(path, error);
            it.disable_recursion_pending();
          }
        }
        continue;
      }
      if (!it->is_regular_file(type_ec)) continue;
      InputFile file;
      std::string error;
      if (StatFile(path, file, error)) {
        files.push_back(file);
      } else {
        on_error(path, error);
      }
    }
  }
  std::sort(
      files.begin(), files.end(),
      [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  files.erase(std::unique(files.begin(), files.end(),
                          [](const InputFile& a, const InputFile& b) {
                            return a.path == b.path;
                          }),
              files.end());
  return files;
}

}  // namespace bidscope::cli
