#include "index/shard_snapshot.h"

#include <utility>

#include "index/file_state_json.h"
#include "index/terms.h"

namespace bidscope {
namespace {

// Reads retried after the shard's writer committed twice since the last
// reopen, which makes Xapian drop the revision being read.
constexpr int kMaxReadAttempts = 5;

}  // namespace

ShardSnapshot::ShardSnapshot(const std::string& path) : path_(path) {
  try {
    db_ = Xapian::Database(path);
  } catch (const Xapian::Error& e) {
    throw IndexError(
        path + ": cannot open the shard for reading: " + e.get_description());
  }
}

template <typename Fn>
auto ShardSnapshot::Read(const std::string& what, Fn&& fn) {
  for (int attempt = 1;; ++attempt) {
    try {
      return fn();
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= kMaxReadAttempts) {
        throw IndexError(path_ + ": " + what +
                         " failed: " + e.get_description());
      }
      db_.reopen();
    } catch (const Xapian::Error& e) {
      throw IndexError(path_ + ": " + what + " failed: " + e.get_description());
    }
  }
}

void ShardSnapshot::Reopen() {
  Read("reopening", [&] { return db_.reopen(); });
}

bool ShardSnapshot::HasDocument(const std::string& doc_id) {
  return HasTerm(kIdPrefix + doc_id);
}

bool ShardSnapshot::HasTerm(const std::string& term) {
  return Read("looking up term " + term, [&] {
    return db_.postlist_begin(term) != db_.postlist_end(term);
  });
}

std::optional<FileState> ShardSnapshot::GetFileState(const std::string& path) {
  return Read("reading file state of " + path, [&] {
    return FileStateFromJson(db_.get_metadata(FileStateKey(path)));
  });
}

std::vector<FileState> ShardSnapshot::ListFileStates() {
  return Read("listing file states", [&] {
    std::vector<FileState> states;
    for (auto it = db_.metadata_keys_begin(kFileStateKeyPrefix);
         it != db_.metadata_keys_end(kFileStateKeyPrefix); ++it) {
      std::optional<FileState> state = FileStateFromJson(db_.get_metadata(*it));
      if (state) states.push_back(std::move(*state));
    }
    return states;
  });
}

std::string ShardSnapshot::GetMetadata(const std::string& key) {
  return Read("reading metadata " + key,
              [&] { return db_.get_metadata(kUserMetadataPrefix + key); });
}

}  // namespace bidscope
