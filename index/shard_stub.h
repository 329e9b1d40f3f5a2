// The layout of a sharded index: DIR/shard-0 ... DIR/shard-N-1 and the
// Xapian stub file DIR/XAPIANDB that lists them, one line per shard, so
// that Xapian opens DIR as one database over all of them.
#ifndef BIDSCOPE_INDEX_SHARD_STUB_H_
#define BIDSCOPE_INDEX_SHARD_STUB_H_

#include <cstdint>
#include <string>
#include <vector>

namespace bidscope {

// The location of one shard, as one stub line gives it.
struct ShardLocation {
  // True for "remote HOST:PORT" (a shard served by xapian-tcpsrv), false
  // for "auto PATH" (a database directory, relative to DIR).
  bool remote = false;

  // The path after "auto" or the HOST:PORT after "remote".
  std::string target;
};

// Name of the stub file inside an index directory.
inline constexpr char kStubFileName[] = "XAPIANDB";

// User metadata key, in every shard, holding the number of the last
// commit of the whole index that the shard took part in. After a kill
// between shard commits, the shard with the higher number is the newer.
inline constexpr char kShardCommitSequenceKey[] = "shard-commit-sequence";

// Parses a kShardCommitSequenceKey value; 0 for an empty or damaged one,
// which counts as never committed.
int64_t ParseShardCommitSequence(const std::string& text);

// Directory name of shard `index` inside the index directory: "shard-3".
std::string ShardDirName(int index);

// True for the name of a file that Xapian or the shard layout keeps in an
// index directory (iamglass, postlist.glass, XAPIANDB, the commit
// journal), and for a shard's directory.
bool IsIndexFileName(const std::string& name);

// True when `dir` contains a stub file, so it is a sharded index.
bool IsShardedIndex(const std::string& dir);

// Reads the stub of `dir`, in shard order (line i is shard i). Throws
// IndexError when the file cannot be read or a line is neither
// "auto PATH" nor "remote HOST:PORT". Blank lines and lines starting with
// '#' are skipped, as Xapian 1.4 skips them.
std::vector<ShardLocation> ReadShardStub(const std::string& dir);

// Writes the stub of `dir` through a temporary file renamed into place, so
// that a reader never sees half a stub. With `merge_when_done`, the stub
// marks the shards as written in parallel only for speed: an index run
// that completes merges them into one index (ShardsMergeWhenDone).
// Throws IndexError.
void WriteShardStub(const std::string& dir,
                    const std::vector<ShardLocation>& shards,
                    bool merge_when_done = false);

// True when the stub of `dir` carries the mark of WriteShardStub's
// `merge_when_done`.
bool ShardsMergeWhenDone(const std::string& dir);

// Checks "HOST:PORT" with a port in 1..65535; throws IndexError naming the
// value otherwise.
void CheckRemoteAddress(const std::string& address);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_SHARD_STUB_H_
