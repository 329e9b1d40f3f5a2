#include "index/compact.h"

#include <xapian.h>

#include <filesystem>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "index/commit_journal.h"
#include "index/file_state_json.h"
#include "index/index.h"
#include "index/shard_stub.h"
#include "index/sharded_writer.h"

namespace bidscope {
namespace {

namespace fs = std::filesystem;

// More sources than this are merged in several passes, which Xapian
// documents as faster for many databases.
constexpr size_t kMaxSinglePassShards = 3;

std::string SequenceKey() {
  return std::string(kUserMetadataPrefix) + kShardCommitSequenceKey;
}

std::vector<std::string> LocalShardPaths(const std::string& dir) {
  if (!IsShardedIndex(dir)) return {dir};
  std::vector<std::string> paths;
  std::vector<ShardLocation> shards = ReadShardStub(dir);
  for (size_t i = 0; i < shards.size(); ++i) {
    if (shards[i].remote) {
      throw IndexError(dir + ": shard " + std::to_string(i) + " is remote (" +
                       shards[i].target +
                       "): Xapian compacts only local databases, so copy it "
                       "here and run `bidscope shards --db " +
                       dir + " set-local " + std::to_string(i) + "` first");
    }
    paths.push_back((fs::path(dir) / shards[i].target).string());
  }
  return paths;
}

// File state key -> JSON of the state in the shard committed last. Xapian's
// compactor keeps the first source's value of a key found in several
// sources; a key is in several shards only after a kill between shard
// commits, and then the later commit is the right one.
std::map<std::string, std::string> DuplicateFileStates(
    std::vector<Xapian::Database>& shards) {
  std::map<std::string, std::pair<int64_t, std::string>> latest;
  std::map<std::string, int> copies;
  for (Xapian::Database& shard : shards) {
    int64_t sequence =
        ParseShardCommitSequence(shard.get_metadata(SequenceKey()));
    for (auto it = shard.metadata_keys_begin(kFileStateKeyPrefix);
         it != shard.metadata_keys_end(kFileStateKeyPrefix); ++it) {
      if (++copies[*it] == 1 || sequence > latest[*it].first) {
        latest[*it] = {sequence, shard.get_metadata(*it)};
      }
    }
  }
  std::map<std::string, std::string> duplicates;
  for (auto& [key, count] : copies) {
    if (count > 1) duplicates[key] = std::move(latest[key].second);
  }
  return duplicates;
}

// Holds the write lock of every shard, so that no writer commits to a
// shard while it is being compacted into a replacement.
std::vector<Xapian::WritableDatabase> LockShards(
    const std::vector<std::string>& paths) {
  std::vector<Xapian::WritableDatabase> locks;
  for (const std::string& path : paths) {
    locks.emplace_back(path, Xapian::DB_OPEN);
  }
  return locks;
}

// True for the files Xapian or the shard layout keep in an index
// directory, with Xapian's temporary files, which compaction writes anew.
bool IsDatabaseFile(const std::string& name) {
  return IsIndexFileName(name) || name.ends_with(".tmp");
}

// Copies the other files of the index directory (the run report, the
// search configuration, saved watches) to the compacted index. Throws
// IndexError when one cannot be copied.
void CopyOtherFiles(const std::string& dir, const std::string& output) {
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_regular_file(error) || IsDatabaseFile(name)) continue;
    fs::copy_file(entry.path(), fs::path(output) / name,
                  fs::copy_options::overwrite_existing, error);
    if (error) {
      throw IndexError(
          entry.path().string() +
          ": cannot copy it to the compacted index: " + error.message());
    }
  }
  if (error) {
    throw IndexError(dir +
                     ": cannot list the index directory: " + error.message());
  }
}

void ReplaceInPlace(const std::string& dir, const std::string& built) {
  std::string old = dir + ".before-compact";
  std::error_code error;
  fs::rename(dir, old, error);
  if (!error) fs::rename(built, dir, error);
  if (error) {
    throw IndexError(dir + ": cannot move the compacted index into place: " +
                     error.message() + " (the result is in " + built + ")");
  }
  fs::remove_all(old, error);
}

CompactResult Compact(const std::string& dir, const std::string& output) {
  std::vector<std::string> paths = LocalShardPaths(dir);
  std::vector<Xapian::WritableDatabase> locks = LockShards(paths);
  std::vector<Xapian::Database> shards;
  Xapian::Database all;
  for (const std::string& path : paths) {
    shards.emplace_back(path);
    all.add_database(shards.back());
  }
  std::map<std::string, std::string> duplicates = DuplicateFileStates(shards);

  // Database::compact's flags of 0 mean Compactor::STANDARD, which left
  // the stored data and termlist tables 3% larger than FULL, the level
  // xapian-compact uses. FULL still suits a database that is updated later.
  unsigned flags = Xapian::Compactor::FULL;
  if (paths.size() > kMaxSinglePassShards) flags |= Xapian::DBCOMPACT_MULTIPASS;
  all.compact(output, flags);

  // Fix what the compactor cannot know, then commit the result once.
  Xapian::WritableDatabase result(output, Xapian::DB_OPEN);
  for (const auto& [key, json] : duplicates) result.set_metadata(key, json);
  // The commit number means nothing once the shards are one database.
  result.set_metadata(SequenceKey(), "");
  result.commit();

  CompactResult summary;
  summary.output = output;
  summary.shards = static_cast<int>(paths.size());
  summary.documents = result.get_doccount();
  for (auto it = result.metadata_keys_begin(kFileStateKeyPrefix);
       it != result.metadata_keys_end(kFileStateKeyPrefix); ++it) {
    ++summary.file_states;
  }
  return summary;
}

}  // namespace

CompactResult CompactIndex(const std::string& dir,
                           const CompactOptions& options) {
  // A commit a kill interrupted is undone by opening a writer first, as
  // the next index run would.
  if (IsShardedIndex(dir) && HasCommitJournal(dir)) {
    OpenIndexWriter(dir, 0).reset();
  }
  bool in_place = options.output.empty();
  std::string output = in_place ? dir + ".compacting" : options.output;
  std::error_code error;
  if (fs::exists(output, error)) {
    throw IndexError(output +
                     ": the compaction output already exists: "
                     "remove it or choose another with -o");
  }
  CompactResult result;
  try {
    result = Compact(dir, output);
    CopyOtherFiles(dir, output);
  } catch (const Xapian::Error& e) {
    fs::remove_all(output, error);
    throw IndexError(dir + ": compaction failed: " + e.get_description());
  } catch (const IndexError&) {
    fs::remove_all(output, error);
    throw;
  }
  if (in_place) {
    ReplaceInPlace(dir, output);
    result.output = dir;
  }
  return result;
}

}  // namespace bidscope
