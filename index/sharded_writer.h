// Writing an index split into shards (see index/shard_stub.h for the
// layout). Readers need nothing of this: Searcher::Open(DIR) opens the
// stub, and Xapian searches the shards as one database.
#ifndef BIDSCOPE_INDEX_SHARDED_WRITER_H_
#define BIDSCOPE_INDEX_SHARDED_WRITER_H_

#include <memory>
#include <string>
#include <string_view>

#include "index/index.h"

namespace bidscope {

// Opens or creates the index in `dir` with `shards` shards. 0 keeps what
// `dir` holds (a new index gets one shard, which is a plain unsharded
// database), 1 asks for an unsharded index, 2 or more for a sharded one.
// Throws IndexError when `shards` differs from the count of an existing
// index, or when a shard is remote or missing. A new sharded index created
// with `merge_when_done` is marked for merging when an index run completes
// (ShardsMergeWhenDone, index/shard_stub.h).
std::unique_ptr<IndexWriter> OpenIndexWriter(const std::string& dir, int shards,
                                             bool merge_when_done = false);

// Opens the existing sharded index in `dir`, with the shard count its stub
// records. IndexWriter::Open calls this for a directory with a stub.
std::unique_ptr<IndexWriter> OpenShardedIndexWriter(const std::string& dir);

// Shard, among `count`, of a prepared document: ShardForKey of its
// content hash term, or of `doc_id` when it has none.
int ShardForDocument(const std::string& doc_id, const std::string& prepared,
                     int count);

// Shard, among `count`, of a document id (or of the path of a file state
// without a document): the first 32 bits of the key's SHA-256, so the
// choice is the same on every run and machine.
int ShardForKey(std::string_view key, int count);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_SHARDED_WRITER_H_
