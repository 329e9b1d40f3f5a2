// One index run: decides what each input file needs, sends work to the
// workers, writes results, and gives every input file a status.
#ifndef BIDSCOPE_CLI_INDEX_RUN_H_
#define BIDSCOPE_CLI_INDEX_RUN_H_

#include <map>
#include <memory>
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
};

nlohmann::json FileRecordToJson(const FileRecord& record);

class IndexRun {
 public:
  IndexRun(const IndexCommandOptions& options, IndexWriter& writer);

  // Runs to the end or until interrupted; returns the exit code.
  int Run();

  // Documents the run indexed or removed, for deciding whether to compact.
  int64_t ChangedDocuments() const;

 private:
  bool Plan(const InputFile& file, FileRecord& record);
  void Process(std::vector<InputFile>& pending);
  void Apply(const InputFile& file, const FileOutcome& outcome);
  void ForgetMembers(const std::string& path);
  void RemoveVanished();
  void Finish(FileRecord record, int64_t bytes);
  void Commit();
  void WriteReport(const nlohmann::json& summary);
  nlohmann::json Summary(double seconds) const;

  const IndexCommandOptions& options_;
  IndexWriter& writer_;
  std::unique_ptr<Progress> progress_;
  std::map<std::string, InputFile> in_flight_;
  std::set<std::string> seen_;
  std::vector<FileRecord> records_;
  std::map<std::string, int> counts_;
  std::map<std::string, int> failure_kinds_;
  int since_commit_ = 0;
  int64_t documents_written_ = 0;
  bool interrupted_ = false;
};

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_INDEX_RUN_H_
