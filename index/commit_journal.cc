#include "index/commit_journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "index/index.h"

namespace bidscope {
namespace {

namespace fs = std::filesystem;

std::string JournalPath(const std::string& dir) {
  return (fs::path(dir) / kCommitJournalFileName).string();
}

IndexError Failed(const std::string& path, const std::string& what) {
  return IndexError(path + ": " + what + ": " + std::strerror(errno));
}

// Writes `text` to `path` and syncs it. Throws IndexError.
void WriteSynced(const std::string& path, const std::string& text) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw Failed(path, "cannot create the commit journal");
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(fd);
      throw Failed(path, "cannot write the commit journal");
    }
    written += static_cast<size_t>(n);
  }
  if (fsync(fd) != 0) {
    close(fd);
    throw Failed(path, "cannot sync the commit journal");
  }
  close(fd);
}

void SyncDirectory(const std::string& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw Failed(dir, "cannot open the index directory");
  int result = fsync(fd);
  close(fd);
  if (result != 0) throw Failed(dir, "cannot sync the index directory");
}

}  // namespace

bool HasCommitJournal(const std::string& dir) {
  std::error_code error;
  return fs::exists(JournalPath(dir), error);
}

void WriteCommitJournal(const std::string& dir,
                        const std::set<std::string>& paths) {
  std::string path = JournalPath(dir);
  std::string temp = path + ".tmp";
  WriteSynced(temp, nlohmann::json(paths).dump());
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    throw Failed(path, "cannot move the commit journal into place");
  }
  SyncDirectory(dir);
}

std::vector<std::string> ReadCommitJournal(const std::string& dir) {
  std::string path = JournalPath(dir);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Failed(path, "cannot read the commit journal");
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  nlohmann::json paths = nlohmann::json::parse(text, nullptr, false);
  if (paths.is_discarded() || !paths.is_array()) {
    throw IndexError(path +
                     ": the commit journal is damaged, so an interrupted "
                     "commit cannot be undone: index the files again into a "
                     "new folder");
  }
  std::vector<std::string> result;
  for (const nlohmann::json& item : paths) {
    if (!item.is_string()) {
      throw IndexError(path +
                       ": the commit journal lists a path that is "
                       "not a string: index the files again into a "
                       "new folder");
    }
    result.push_back(item.get<std::string>());
  }
  return result;
}

void RemoveCommitJournal(const std::string& dir) {
  std::string path = JournalPath(dir);
  if (unlink(path.c_str()) != 0 && errno != ENOENT) {
    throw Failed(path, "cannot remove the commit journal");
  }
}

}  // namespace bidscope
