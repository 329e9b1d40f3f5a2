// A read-only view of one local shard's last commit, so that the sharded
// writer can look up documents and file states without waiting for the
// thread that writes the shard.
#ifndef BIDSCOPE_INDEX_SHARD_SNAPSHOT_H_
#define BIDSCOPE_INDEX_SHARD_SNAPSHOT_H_

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "index/index.h"

namespace bidscope {

class ShardSnapshot {
 public:
  // Opens the shard database at `path`. Throws IndexError.
  explicit ShardSnapshot(const std::string& path);

  // Moves to the latest committed revision.
  void Reopen();

  bool HasDocument(const std::string& doc_id);

  // True when some document has `term`.
  bool HasTerm(const std::string& term);
  std::optional<FileState> GetFileState(const std::string& path);
  std::vector<FileState> ListFileStates();

  // User metadata, as IndexWriter::GetMetadata reads it.
  std::string GetMetadata(const std::string& key);

 private:
  template <typename Fn>
  auto Read(const std::string& what, Fn&& fn);

  Xapian::Database db_;
  std::string path_;
};

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_SHARD_SNAPSHOT_H_
