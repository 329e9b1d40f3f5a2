// Merging the shards of an index, or compacting a single index, into one
// unsharded Xapian database.
#ifndef BIDSCOPE_INDEX_COMPACT_H_
#define BIDSCOPE_INDEX_COMPACT_H_

#include <cstdint>
#include <string>

namespace bidscope {

struct CompactOptions {
  // Directory of the result, which must not exist yet. Empty replaces the
  // index in place: the result is built beside it and renamed over it.
  std::string output;
};

struct CompactResult {
  std::string output;        // directory now holding the compacted index
  int shards = 1;            // databases merged
  uint64_t documents = 0;    // documents in the result
  uint64_t file_states = 0;  // file states in the result
};

// Compacts the index in `dir` with Xapian's compactor (multipass when it
// merges more than three shards). Documents are renumbered, which is safe
// because bidscope finds them by their id terms. File states, user
// metadata and the last run report carry over. Throws IndexError when a
// shard is remote or locked by a writer, or the output exists.
CompactResult CompactIndex(const std::string& dir,
                           const CompactOptions& options);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_COMPACT_H_
