// One index run: decides what each input file needs, sends work to the
// workers, writes results, and gives every input file a status.
#ifndef BIDSCOPE_CLI_INDEX_RUN_H_
#define BIDSCOPE_CLI_INDEX_RUN_H_

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/file_walk.h"
#include "cli/progress.h"
#include "index/index.h"

namespace bidscope::cli {

// The final status of one input file.
struct FileRecord {
  std::string path;
  std::string status;  // indexed unchanged duplicate encrypted unsupported
                       // failed skipped removed
  std::string reason;
  std::string doc_id;
  int documents = 0;  // documents written, members and records included
  std::vector<std::string> warnings;
  bool written = false;  // the run wrote the outcome to the index
};

nlohmann::json FileRecordToJson(const FileRecord& record);

class IndexRun {
 public:
  // Files sent to workers beyond the oldest one not yet stored. A file
  // that takes long (OCR, a timeout) holds back at most this many
  // finished outcomes in memory.
  static constexpr size_t kReorderWindow = 64;

  IndexRun(const IndexCommandOptions& options, IndexWriter& writer);

  // Runs to the end or until interrupted; returns the exit code.
  int Run();

  // Documents the run indexed or removed, for deciding whether to compact.
  int64_t ChangedDocuments() const;

 private:
  bool Plan(const InputFile& file, FileRecord& record);
  void Process(std::vector<InputFile>& pending);
  void Apply(const InputFile& file, FileOutcome& outcome);

  // Writes the document of the file itself (not a member or record) and
  // marks the record a duplicate when another path has the same bytes.
  void StoreOwnDocument(ExtractedDocument& doc, const std::string& path,
                        const std::optional<FileState>& previous,
                        FileRecord& record);
  void ForgetMembers(const std::string& path);
  void RemoveVanished();
  void Finish(FileRecord record, int64_t bytes);
  void Commit();

  // Runs `write`. An IndexError it raises (a full disk, a damaged shard)
  // ends the run: its message is kept in aborted_.
  template <typename Write>
  void Guard(Write write) {
    try {
      write();
    } catch (const IndexError& e) {
      aborted_ = e.what();
    }
  }

  // After a failed write: the files written since the last commit end as
  // skipped, since their documents and states were not committed, and
  // their documents leave the count of documents written.
  void SkipUncommitted();

  // Counts one change to the index (a document written or removed, or the
  // state of a file without documents) and commits every
  // options_.commit_every changes, within a file's documents too.
  void NoteChange();
  void WriteReport(const nlohmann::json& summary);
  nlohmann::json Summary(double seconds) const;

  const IndexCommandOptions& options_;
  IndexWriter& writer_;
  std::unique_ptr<Progress> progress_;
  // Files a worker has, by path, with their index in the files to send
  // and when they were sent.
  struct InFlight {
    size_t index;
    std::chrono::steady_clock::time_point sent;
  };
  std::map<std::string, InFlight> in_flight_;
  std::set<std::string> seen_;
  std::vector<FileRecord> records_;
  std::map<std::string, int> counts_;
  std::map<std::string, int> failure_kinds_;
  int since_commit_ = 0;
  size_t committed_records_ = 0;  // records_ covered by the last commit
  std::string aborted_;           // the failed write that ended the run
  int64_t documents_written_ = 0;
  int64_t committed_documents_ = 0;  // documents_written_ at the last commit
  bool interrupted_ = false;
};

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_INDEX_RUN_H_
