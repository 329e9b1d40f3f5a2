// IndexWriter over N shards, each written by its own thread.
//
// Routing: a document goes to the shard chosen by a hash of its content
// hash term (of its id when it has none). The single writer stores a
// second copy of the same bytes, or of the same normalised text, as an
// extra path of the first, and it can only do so when both meet in one
// shard. A file state goes to the shard of its document (of its path
// when it has none), so both are stored by the same Xapian commit. A kill
// between the commits of two shards can leave a file without a state,
// which is then extracted again, but never a state whose document is
// missing. User metadata goes to shard 0,
// the shard Xapian reads metadata from when it opens the stub.
//
// Lookups do not wait for the writer threads: they read each shard's last
// commit (ShardSnapshot) and overlay what this writer changed since, which
// it tracks itself because it is the only writer (Xapian's lock).
#include "index/sharded_writer.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <xapian.h>

#include "extract/extract.h"
#include "index/commit_journal.h"
#include "index/document_builder.h"
#include "index/fields_terms.h"
#include "index/shard_snapshot.h"
#include "index/shard_stub.h"
#include "index/shard_worker.h"

namespace bidscope {
namespace {

namespace fs = std::filesystem;

// The content hash term of a document, or empty without one.
std::string ContentHashTerm(const Xapian::Document& doc) {
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(kContentHashPrefix);
  if (it == doc.termlist_end()) return "";
  std::string term = *it;
  return term.starts_with(kContentHashPrefix) ? term : "";
}

class ShardedIndexWriter : public IndexWriter {
 public:
  ShardedIndexWriter(std::string dir, const std::vector<std::string>& paths,
                     std::vector<std::unique_ptr<IndexWriter>> writers)
      : dir_(std::move(dir)) {
    for (size_t i = 0; i < paths.size(); ++i) {
      snapshots_.emplace_back(paths[i]);
      int64_t sequence = ParseShardCommitSequence(
          snapshots_.back().GetMetadata(kShardCommitSequenceKey));
      sequences_.push_back(sequence);
      next_sequence_ = std::max(next_sequence_, sequence + 1);
    }
    for (size_t i = 0; i < writers.size(); ++i) {
      workers_.push_back(
          std::make_unique<ShardWorker>(std::move(writers[i]), paths[i]));
    }
    if (HasCommitJournal(dir_)) {
      UndoInterruptedCommit();
    } else if (std::adjacent_find(sequences_.begin(), sequences_.end(),
                                  std::not_equal_to<>()) != sequences_.end()) {
      RepairInterruptedCommit();
    }
  }

  PutResult Put(const std::string& doc_id, DecodedDocument decoded,
                const std::string& path) override {
    journal_.insert(path);
    std::string hash_term = ContentHashTerm(decoded.impl().document);
    // Tasks are std::function objects, which must be copyable.
    auto shared = std::make_shared<DecodedDocument>(std::move(decoded));
    int shard =
        ShardForKey(hash_term.empty() ? doc_id : hash_term, ShardCount());
    document_shards_[doc_id] = shard;
    if (removals_pending_.count(shard)) {
      // RemovePath may have deleted a document of this shard since the
      // last commit, which only the shard's writer can tell: ask it and wait.
      PutResult result = PutResult::kAdded;
      workers_[shard]->Wait([&](IndexWriter& writer) {
        result = writer.Put(doc_id, std::move(*shared), path);
      });
      added_keys_.insert(doc_id);
      if (!hash_term.empty()) added_keys_.insert(hash_term);
      return result;
    }
    PutResult result = PutResult::kAdded;
    if (added_keys_.count(doc_id) > 0 ||
        snapshots_[shard].HasDocument(doc_id)) {
      result = PutResult::kSameId;
    } else if (!hash_term.empty() && (added_keys_.count(hash_term) > 0 ||
                                      snapshots_[shard].HasTerm(hash_term))) {
      result = PutResult::kSameText;
    }
    workers_[shard]->Post([doc_id, shared, path](IndexWriter& writer) {
      writer.Put(doc_id, std::move(*shared), path);
    });
    added_keys_.insert(doc_id);
    if (!hash_term.empty()) added_keys_.insert(hash_term);
    return result;
  }

  void RemovePath(const std::string& doc_id, const std::string& path) override {
    journal_.insert(path);
    // A repost merged into another document is stored under that one's id,
    // in the shard of their shared text. When the id is in no shard, every
    // shard's writer looks for the path itself.
    std::optional<int> shard = DocumentShard(doc_id);
    for (int i = 0; i < ShardCount(); ++i) {
      if (shard && i != *shard) continue;
      workers_[i]->Post([doc_id, path](IndexWriter& writer) {
        writer.RemovePath(doc_id, path);
      });
      removals_pending_.insert(i);
    }
  }

  void ForgetPath(const std::string& path) override {
    journal_.insert(path);
    for (int i = 0; i < ShardCount(); ++i) {
      workers_[i]->Post(
          [path](IndexWriter& writer) { writer.ForgetPath(path); });
      removals_pending_.insert(i);
    }
    pending_states_[path] = std::nullopt;
  }

  std::optional<FileState> GetFileState(
      const std::string& path) const override {
    auto pending = pending_states_.find(path);
    if (pending != pending_states_.end()) return pending->second;
    std::optional<FileState> latest;
    int64_t latest_sequence = -1;
    for (size_t i = 0; i < snapshots_.size(); ++i) {
      std::optional<FileState> state = snapshots_[i].GetFileState(path);
      if (state && sequences_[i] > latest_sequence) {
        latest = std::move(state);
        latest_sequence = sequences_[i];
      }
    }
    return latest;
  }

  void SetFileState(const FileState& state) override {
    journal_.insert(state.path);
    int target = StateShard(state);
    for (int i = 0; i < ShardCount(); ++i) {
      // The state moves when the file's document moves to another shard.
      if (i == target) {
        workers_[i]->Post(
            [state](IndexWriter& writer) { writer.SetFileState(state); });
      } else {
        PostErase(i, state.path);
      }
    }
    pending_states_[state.path] = state;
  }

  void EraseFileState(const std::string& path) override {
    journal_.insert(path);
    for (int i = 0; i < ShardCount(); ++i) PostErase(i, path);
    pending_states_[path] = std::nullopt;
  }

  std::vector<FileState> ListFileStates() const override {
    std::map<std::string, std::pair<int64_t, FileState>> latest;
    for (size_t i = 0; i < snapshots_.size(); ++i) {
      for (FileState& state : snapshots_[i].ListFileStates()) {
        auto [it, inserted] =
            latest.try_emplace(state.path, sequences_[i], FileState{});
        if (inserted || sequences_[i] > it->second.first) {
          it->second = {sequences_[i], std::move(state)};
        }
      }
    }
    std::vector<FileState> states;
    for (auto& [path, entry] : latest) {
      if (!pending_states_.count(path))
        states.push_back(std::move(entry.second));
    }
    for (const auto& [path, state] : pending_states_) {
      if (state) states.push_back(*state);
    }
    return states;
  }

  void SetMetadata(const std::string& key, const std::string& value) override {
    workers_[0]->Post(
        [key, value](IndexWriter& writer) { writer.SetMetadata(key, value); });
    pending_metadata_[key] = value;
  }

  std::string GetMetadata(const std::string& key) const override {
    auto pending = pending_metadata_.find(key);
    if (pending != pending_metadata_.end()) return pending->second;
    return snapshots_[0].GetMetadata(key);
  }

  uint64_t DocumentCount() const override {
    uint64_t count = 0;
    for (const std::unique_ptr<ShardWorker>& worker : workers_) {
      worker->Wait(
          [&](IndexWriter& writer) { count += writer.DocumentCount(); });
    }
    return count;
  }

  void Commit() override {
    // The journal is durable before the first shard commits, and goes
    // once the last has. A commit that fails leaves it for the next writer.
    if (!journal_.empty()) WriteCommitJournal(dir_, journal_);

    // Every shard commits in parallel; each records the commit number.
    int64_t sequence = next_sequence_++;
    for (auto& worker : workers_) {
      worker->Post([sequence](IndexWriter& writer) {
        writer.SetMetadata(kShardCommitSequenceKey, std::to_string(sequence));
        writer.Commit();
      });
    }
    std::exception_ptr first_error;
    for (auto& worker : workers_) {
      try {
        worker->Wait([](IndexWriter&) {});
      } catch (...) {
        if (!first_error) first_error = std::current_exception();
      }
    }
    if (first_error) std::rethrow_exception(first_error);

    for (size_t i = 0; i < snapshots_.size(); ++i) {
      snapshots_[i].Reopen();
      sequences_[i] = sequence;
    }
    document_shards_.clear();
    added_keys_.clear();
    removals_pending_.clear();
    pending_states_.clear();
    pending_metadata_.clear();
    if (!journal_.empty()) RemoveCommitJournal(dir_);
    journal_.clear();
  }

 private:
  int ShardCount() const { return static_cast<int>(workers_.size()); }

  // The shard holding the document with this id: where this writer put it
  // since the last commit, else the shard whose last commit has it. Empty
  // when no shard has it, as when its text was stored under another id.
  std::optional<int> DocumentShard(const std::string& doc_id) const {
    auto pending = document_shards_.find(doc_id);
    if (pending != document_shards_.end()) return pending->second;
    for (int i = 0; i < ShardCount(); ++i) {
      if (snapshots_[i].HasDocument(doc_id)) return i;
    }
    return std::nullopt;
  }

  // The shard of the state's document. A state whose document is not
  // stored under its id stays in the shard that contains the path's state
  // already, which is where its document took the path. Otherwise the
  // path chooses.
  int StateShard(const FileState& state) const {
    if (!state.doc_id.empty()) {
      if (std::optional<int> shard = DocumentShard(state.doc_id)) return *shard;
    }
    for (int i = 0; i < ShardCount(); ++i) {
      if (snapshots_[i].GetFileState(state.path)) return i;
    }
    return ShardForKey(state.path, ShardCount());
  }

  // A journal left by a Commit() that did not finish: every path it lists
  // leaves every shard, with its file state, and the next run extracts
  // those files again.
  void UndoInterruptedCommit() {
    for (const std::string& path : ReadCommitJournal(dir_)) ForgetPath(path);
    Commit();
  }

  // Without a journal (an index written before journals existed), shards
  // whose commit numbers differ were killed between the commits of
  // one Commit(). A file whose document moved to another shard then has
  // two states, each with its document: the one in the shard committed
  // later is current, because every state write erases the path's state
  // in every other shard. The stale state and its path go, and the
  // commit makes the shards agree again.
  void RepairInterruptedCommit() {
    int64_t newest = *std::max_element(sequences_.begin(), sequences_.end());
    for (int lagging = 0; lagging < ShardCount(); ++lagging) {
      if (sequences_[lagging] == newest) continue;
      for (const FileState& stale : snapshots_[lagging].ListFileStates()) {
        if (!StateInNewerShard(stale.path, sequences_[lagging])) continue;
        PostErase(lagging, stale.path);
        if (stale.doc_id.empty()) continue;
        workers_[lagging]->Post([stale](IndexWriter& writer) {
          writer.RemovePath(stale.doc_id, stale.path);
        });
      }
    }
    Commit();
  }

  bool StateInNewerShard(const std::string& path, int64_t sequence) {
    for (int i = 0; i < ShardCount(); ++i) {
      if (sequences_[i] > sequence && snapshots_[i].GetFileState(path)) {
        return true;
      }
    }
    return false;
  }

  void PostErase(int shard, const std::string& path) {
    workers_[shard]->Post(
        [path](IndexWriter& writer) { writer.EraseFileState(path); });
  }

  std::string dir_;

  // Lookups reopen and retry, which changes the Xapian handle but not the
  // committed data the const methods report.
  mutable std::vector<ShardSnapshot> snapshots_;
  std::vector<int64_t> sequences_;  // commit number per shard
  int64_t next_sequence_ = 1;

  // Changes since the last commit, which the snapshots do not show yet.
  std::unordered_map<std::string, int> document_shards_;  // id -> shard
  std::unordered_set<std::string> added_keys_;  // ids and content hashes
  std::unordered_set<int> removals_pending_;    // shards given RemovePath
  std::unordered_map<std::string, std::optional<FileState>> pending_states_;
  std::unordered_map<std::string, std::string> pending_metadata_;

  // Paths changed since the last commit, for the commit journal.
  std::set<std::string> journal_;

  // Declared last so that the threads stop, after their queued tasks, before
  // anything they read is destroyed.
  std::vector<std::unique_ptr<ShardWorker>> workers_;
};

bool HoldsUnshardedDatabase(const std::string& dir) {
  std::error_code error;
  for (const char* marker : {"iamglass", "iamchert", "iamhoney"}) {
    if (fs::exists(fs::path(dir) / marker, error)) return true;
  }
  return false;
}

// True for a directory that a kill left while Xapian was creating a
// database in it: Xapian's own files only, and no revision file yet, so
// nothing was ever committed there.
bool IsUnfinishedDatabase(const fs::path& dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error) || fs::exists(dir / "iamglass", error)) {
    return false;
  }
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    std::string name = entry.path().filename().string();
    bool xapian_file = name == "flintlock" || name.ends_with(".glass") ||
                       name.ends_with(".tmp");
    if (!xapian_file) return false;
  }
  return !error;
}

// Creates shard `index` of a new index; removes first what an interrupted
// creation left, which Xapian cannot open.
void CreateShard(const std::string& dir, int index) {
  fs::path path = fs::path(dir) / ShardDirName(index);
  if (IsUnfinishedDatabase(path)) {
    std::error_code error;
    fs::remove_all(path, error);
  }
  IndexWriter::Open(path.string());
}

}  // namespace

int ShardForKey(std::string_view key, int count) {
  std::string digest = Sha256Hex(key);
  return static_cast<int>(std::stoul(digest.substr(0, 8), nullptr, 16) %
                          static_cast<unsigned long>(count));
}

int ShardForDocument(const std::string& doc_id, const std::string& prepared,
                     int count) {
  std::string hash_term;
  try {
    hash_term = ContentHashTerm(DecodePreparedDocument(prepared));
  } catch (const IndexError&) {
    // The shard's writer reports the damaged document.
  }
  return ShardForKey(hash_term.empty() ? doc_id : hash_term, count);
}

std::unique_ptr<IndexWriter> OpenShardedIndexWriter(const std::string& dir) {
  std::vector<ShardLocation> shards = ReadShardStub(dir);
  std::vector<std::string> paths;
  std::vector<std::unique_ptr<IndexWriter>> writers;
  for (size_t i = 0; i < shards.size(); ++i) {
    const ShardLocation& shard = shards[i];
    if (shard.remote) {
      throw IndexError(
          dir + ": shard " + std::to_string(i) + " is remote (" + shard.target +
          ") and cannot be written from here: index on the "
          "machine that contains it, or run `bidscope shards --db " +
          dir + " set-local " + std::to_string(i) + "` first");
    }
    fs::path path = fs::path(dir) / shard.target;
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      throw IndexError(path.string() + ": shard " + std::to_string(i) +
                       " listed in " + kStubFileName + " is missing");
    }
    paths.push_back(path.string());
    writers.push_back(IndexWriter::Open(path.string()));
  }
  return std::make_unique<ShardedIndexWriter>(dir, paths, std::move(writers));
}

std::unique_ptr<IndexWriter> OpenIndexWriter(const std::string& dir, int shards,
                                             bool merge_when_done) {
  if (shards < 0) {
    throw IndexError(dir + ": invalid shard count " + std::to_string(shards));
  }
  if (IsShardedIndex(dir)) {
    size_t count = ReadShardStub(dir).size();
    if (shards != 0 && static_cast<size_t>(shards) != count) {
      throw IndexError(dir + ": the index has " + std::to_string(count) +
                       " shards, not " + std::to_string(shards) +
                       ": use --shards " + std::to_string(count) +
                       " or a new index directory");
    }
    return OpenShardedIndexWriter(dir);
  }
  if (shards <= 1) return IndexWriter::Open(dir);
  if (HoldsUnshardedDatabase(dir)) {
    throw IndexError(dir + ": the index is not sharded, not " +
                     std::to_string(shards) +
                     " shards: use a new index directory for --shards");
  }

  // A new sharded index: the shards first, then the stub that lists them,
  // so that a stub never names a shard that does not exist.
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) {
    throw IndexError(dir +
                     ": cannot create the index directory: " + error.message());
  }
  std::vector<ShardLocation> locations;
  for (int i = 0; i < shards; ++i) {
    CreateShard(dir, i);
    locations.push_back({false, ShardDirName(i)});
  }
  WriteShardStub(dir, locations, merge_when_done);
  return OpenShardedIndexWriter(dir);
}

}  // namespace bidscope
