// The commit journal of a sharded index: the paths whose documents or file
// states one commit changes, written before any shard commits and removed
// after all have. Xapian commits each shard on its own, so a kill between
// two shard commits leaves some shards with the commit and some without.
// When the next writer finds a journal, it removes every journaled path
// from all shards (its documents lose the path, its file state goes), so
// that those files are extracted again and nothing is stored twice or
// only in part.
#ifndef BIDSCOPE_INDEX_COMMIT_JOURNAL_H_
#define BIDSCOPE_INDEX_COMMIT_JOURNAL_H_

#include <set>
#include <string>
#include <vector>

namespace bidscope {

// Name of the journal file inside the index directory.
inline constexpr char kCommitJournalFileName[] = "commit-journal.json";

bool HasCommitJournal(const std::string& dir);

// Writes the journal of `paths` through a temporary file, synced and
// renamed into place, then syncs the directory, so that the journal is
// durable before any shard commits. Throws IndexError.
void WriteCommitJournal(const std::string& dir,
                        const std::set<std::string>& paths);

// The paths of the journal in `dir`. Throws IndexError, naming the file,
// when it cannot be read or parsed.
std::vector<std::string> ReadCommitJournal(const std::string& dir);

// Removes the journal; a missing journal is no error. Throws IndexError
// when it exists and cannot be removed.
void RemoveCommitJournal(const std::string& dir);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_COMMIT_JOURNAL_H_
