#include "cli/index_run.h"

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/fault_injection.h"
#include "cli/outcome_decoder.h"
#include "cli/output.h"
#include "extract/extract.h"

namespace bidscope::cli {

using nlohmann::json;

namespace {

volatile sig_atomic_t g_interrupted = 0;

void OnInterrupt(int) { g_interrupted = 1; }

// Metadata key listing the archive members and records found in a file,
// so that they can be removed when the file changes or vanishes.
std::string MembersKey(const std::string& path) { return "members:" + path; }

// Groups failure reasons for the summary: "timed out after 300 s" and
// "timed out after 10 s" count as one kind.
std::string FailureKind(const std::string& reason) {
  static const char* const kKinds[] = {
      "timed out",     "crashed",     "memory limit", "encrypted",   "damaged",
      "cannot read",   "cannot open", "cannot",       "unsupported", "empty",
      "decompression", "not a",       "read failed"};
  for (const char* kind : kKinds) {
    if (reason.find(kind) != std::string::npos) return kind;
  }
  return "other";
}

// Warnings printed per file in human output.
constexpr size_t kWarningsShown = 3;

bool IsFailure(const std::string& status) {
  return status == "failed" || status == "encrypted";
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  return bytes;
}

}  // namespace

json FileRecordToJson(const FileRecord& record) {
  json data = {{"path", record.path},
               {"status", record.status},
               {"reason", record.reason}};
  if (!record.doc_id.empty()) data["doc_id"] = record.doc_id;
  if (record.documents > 1) data["documents"] = record.documents;
  if (!record.warnings.empty()) data["warnings"] = record.warnings;
  return data;
}

IndexRun::IndexRun(const IndexCommandOptions& options, IndexWriter& writer)
    : options_(options), writer_(writer) {}

int IndexRun::Run() {
  auto start = std::chrono::steady_clock::now();
  g_interrupted = 0;
  signal(SIGINT, OnInterrupt);
  signal(SIGTERM, OnInterrupt);

  // Walk the inputs; unreadable paths end as failed at once.
  std::vector<InputFile> files = WalkInputs(
      options_.inputs, options_.db,
      [this](const std::string& path, const std::string& why) {
        Finish({path, "failed", "cannot read: " + why, "", 0, {}}, 0);
      });
  int64_t total_bytes = 0;
  for (const InputFile& file : files) total_bytes += file.size;
  progress_ = std::make_unique<Progress>(
      StderrIsTerminal(), static_cast<int64_t>(files.size()), total_bytes);

  // Decide per file: unchanged, skipped, or work for a worker.
  std::vector<InputFile> pending;
  for (const InputFile& file : files) {
    seen_.insert(file.path);
    FileRecord record;
    if (Plan(file, record)) {
      pending.push_back(file);
    } else {
      Finish(std::move(record), file.size);
    }
  }

  Process(pending);
  if (!interrupted_ && aborted_.empty()) Guard([this] { RemoveVanished(); });
  // After a failed write nothing more is committed: the failure may have
  // left part of a file written, and a file's documents and state are
  // committed together or not at all.
  if (aborted_.empty()) Guard([this] { Commit(); });
  if (!aborted_.empty()) SkipUncommitted();
  progress_->Clear();

  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  json summary = Summary(seconds);
  WriteReport(summary);
  if (options_.json) {
    PrintJsonLine("summary", summary);
  } else {
    std::cout << "bidscope index: " << RunSummaryLine(summary) << " "
              << options_.db << '\n';
  }
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  if (!aborted_.empty()) throw IndexError(aborted_);
  if (interrupted_) return 2;
  for (const FileRecord& record : records_)
    if (IsFailure(record.status)) return 1;
  return 0;
}

int64_t IndexRun::ChangedDocuments() const {
  int64_t changed = 0;
  for (const char* status : {"indexed", "removed"}) {
    auto it = counts_.find(status);
    if (it != counts_.end()) changed += it->second;
  }
  return changed;
}

bool IndexRun::Plan(const InputFile& file, FileRecord& record) {
  record.path = file.path;
  if (file.size == 0) {
    record.status = "skipped";
    record.reason = "empty file";
    return false;
  }
  std::optional<FileState> state = writer_.GetFileState(file.path);
  if (!state) return true;
  bool failed_before = IsFailure(state->status);
  if (failed_before && options_.retry_failed) return true;
  bool same_stat = state->size == file.size && state->mtime_ns == file.mtime_ns;
  if (!same_stat) {
    // Size or time changed: the bytes decide.
    if (state->doc_id.empty() ||
        Sha256Hex(ReadWholeFile(file.path)) != state->doc_id)
      return true;
    state->size = file.size;
    state->mtime_ns = file.mtime_ns;
    writer_.SetFileState(*state);
  }
  record.doc_id = state->doc_id;
  if (failed_before) {
    record.status = state->status;
    record.reason = state->reason +
                    " (unchanged since; not retried without --retry-failed)";
    return false;
  }
  // An unsupported or skipped file keeps its status, so that every run
  // counts it.
  if (state->status == "unsupported" || state->status == "skipped") {
    record.status = state->status;
    record.reason = state->reason + " (unchanged since)";
    return false;
  }
  record.status = "unchanged";
  return false;
}

void IndexRun::Process(std::vector<InputFile>& pending) {
  if (pending.empty()) return;
  int jobs = options_.jobs;
  if (jobs > static_cast<int>(pending.size()))
    jobs = static_cast<int>(pending.size());
  WorkerPool pool(jobs, options_.limits, options_.extract);
  OutcomeDecoder decoder;

  // Outcomes are stored in the order the files were sent, whatever order
  // the workers finish them in. Which of two files with a shared record
  // or the same text is stored first decides the stored parent and path
  // order, so this makes a run, and a run resumed after a kill, write the
  // same index every time. Outcomes that finish early wait in `finished`;
  // at most kReorderWindow files are sent past the oldest unfinished one.
  std::map<size_t, FileOutcome> finished;
  size_t next = 0;        // the next file to send
  size_t next_store = 0;  // the next file to store
  while (aborted_.empty() && (next_store < next || next < pending.size())) {
    if (g_interrupted) {
      interrupted_ = true;
      progress_->Clear();
      std::cerr << "bidscope index: interrupted; stopping the workers and "
                   "committing what is done\n";
      break;
    }
    while (next < pending.size() && pool.HasIdleWorker() &&
           next - next_store < kReorderWindow) {
      in_flight_[pending[next].path] = {next, std::chrono::steady_clock::now()};
      pool.Submit(pending[next].path);
      ++next;
    }
    for (FileOutcome& outcome :
         pool.Collect(std::chrono::milliseconds(200), decoder.wake_fd())) {
      size_t index = in_flight_.at(outcome.path).index;
      in_flight_.erase(outcome.path);
      decoder.Push(index, std::move(outcome));
    }
    for (auto& [index, outcome] : decoder.TakeDecoded()) {
      finished.emplace(index, std::move(outcome));
    }
    for (auto it = finished.find(next_store);
         it != finished.end() && aborted_.empty();
         it = finished.find(++next_store)) {
      size_t records_before = records_.size();
      Guard([&] { Apply(pending[next_store], it->second); });
      if (!aborted_.empty()) {
        // When the commit after the file's record failed, the record is
        // already made, and SkipUncommitted corrects it.
        if (records_.size() > records_before) ++next_store;
        break;
      }
      finished.erase(it);
    }
    // The file a worker has had longest, for the progress line.
    auto oldest = std::min_element(in_flight_.begin(), in_flight_.end(),
                                   [](const auto& a, const auto& b) {
                                     return a.second.index < b.second.index;
                                   });
    if (oldest == in_flight_.end()) {
      progress_->Tick("", {});
    } else {
      progress_->Tick(oldest->first,
                      std::chrono::steady_clock::now() - oldest->second.sent);
    }
  }
  if (!interrupted_ && aborted_.empty()) return;

  // Interrupted or aborted: what is in flight, being decoded, finished but
  // not stored, or not started ends as skipped.
  pool.Abort();
  std::string stop =
      aborted_.empty() ? "interrupted" : "run aborted by an index error";
  for (size_t i = next_store; i < pending.size(); ++i) {
    std::string reason = stop + " before it finished";
    if (i >= next) {
      reason = stop + " before it started";
    } else if (finished.count(i) > 0) {
      reason = stop + " before it was stored";
    }
    Finish({pending[i].path, "skipped", reason, "", 0, {}}, pending[i].size);
  }
}

void IndexRun::ForgetMembers(const std::string& path) {
  std::string listed = writer_.GetMetadata(MembersKey(path));
  if (listed.empty()) return;
  json members = json::parse(listed, nullptr, false);
  if (members.is_array()) {
    for (const json& member : members) {
      writer_.RemovePath(member.at(0).get<std::string>(),
                         member.at(1).get<std::string>());
      NoteChange();
    }
  }
  writer_.SetMetadata(MembersKey(path), "");
}

void IndexRun::Apply(const InputFile& file, FileOutcome& outcome) {
  if (FaultInjected("write", file.path)) {
    throw IndexError(file.path + ": injected write failure");
  }
  FileRecord record;
  record.path = file.path;
  record.written = true;
  std::optional<FileState> previous = writer_.GetFileState(file.path);

  if (!outcome.worker_failure.empty() || outcome.documents.empty()) {
    record.status = "failed";
    record.reason = outcome.worker_failure.empty() ? "no document produced"
                                                   : outcome.worker_failure;
  } else {
    const ExtractedDocument& self = outcome.documents.front();
    record.doc_id = self.id;
    record.warnings = self.warnings;
    if (self.status == "ok") {
      record.status = "indexed";
    } else if (self.status == "empty") {
      record.status = "skipped";
      record.reason = self.error;
    } else {
      record.status = self.status;
      record.reason = self.error;
    }
  }

  // The file's old content, if any, loses this path.
  if (previous && !previous->doc_id.empty() &&
      previous->doc_id != record.doc_id) {
    writer_.RemovePath(previous->doc_id, file.path);
    NoteChange();
  }
  ForgetMembers(file.path);

  // Store the members and records first, committing among them as
  // needed, then the file's own document, its member list and its state.
  // No commit falls between those three: after a kill, a file either has
  // its state or is extracted again, and its own document is never taken
  // for a duplicate of itself.
  json members = json::array();
  for (size_t i = 1; i < outcome.documents.size(); ++i) {
    ExtractedDocument& doc = outcome.documents[i];
    if (doc.status != "ok" || !doc.decoded) {
      record.warnings.push_back(doc.locator + ": " + doc.status + ": " +
                                doc.error);
      continue;
    }
    std::string path = file.path + "#" + doc.locator;
    if (writer_.Put(doc.id, std::move(*doc.decoded), path) ==
        PutResult::kAdded) {
      ++documents_written_;
    }
    ++record.documents;
    members.push_back({doc.id, path});
    NoteChange();
  }
  if (!outcome.documents.empty())
    StoreOwnDocument(outcome.documents.front(), file.path, previous, record);
  if (!members.empty())
    writer_.SetMetadata(MembersKey(file.path), members.dump());

  FileState state;
  state.path = file.path;
  state.size = file.size;
  state.mtime_ns = file.mtime_ns;
  state.doc_id = record.doc_id;
  state.status = record.status;
  state.reason = record.reason;
  writer_.SetFileState(state);
  // Finished first, so that a commit here covers the record.
  Finish(std::move(record), file.size);
  NoteChange();
}

void IndexRun::StoreOwnDocument(ExtractedDocument& doc, const std::string& path,
                                const std::optional<FileState>& previous,
                                FileRecord& record) {
  if (doc.status != "ok" || !doc.decoded) return;
  PutResult result = writer_.Put(doc.id, std::move(*doc.decoded), path);
  ++record.documents;
  if (result == PutResult::kAdded) {
    ++documents_written_;
    return;
  }
  // The document this file gave in an earlier run is no duplicate of it.
  // A file that failed then, such as an encrypted one now opened with
  // --password, gave no document, so a match is another file's.
  if (previous && previous->doc_id == doc.id && previous->status == "indexed") {
    return;
  }
  record.status = "duplicate";
  if (result == PutResult::kSameId) {
    record.reason = "same bytes as document " + doc.id.substr(0, 12) +
                    ", already indexed under another path";
  } else {
    record.reason =
        "same text as a document already indexed under another path (a "
        "repost); show lists its paths";
  }
}

void IndexRun::RemoveVanished() {
  for (const FileState& state : writer_.ListFileStates()) {
    if (seen_.count(state.path)) continue;
    bool under_input = false;
    for (const std::string& input : options_.inputs) {
      std::string root = AbsolutePath(input);
      if (state.path == root || state.path.rfind(root + "/", 0) == 0)
        under_input = true;
    }
    if (!under_input || std::filesystem::exists(state.path)) continue;
    if (options_.keep_missing) continue;
    if (!state.doc_id.empty()) writer_.RemovePath(state.doc_id, state.path);
    ForgetMembers(state.path);
    writer_.EraseFileState(state.path);
    Finish({state.path,
            "removed",
            "file no longer exists",
            state.doc_id,
            0,
            {},
            true},
           0);
    NoteChange();
  }
}

void IndexRun::Finish(FileRecord record, int64_t bytes) {
  ++counts_[record.status];
  bool failed = IsFailure(record.status);
  if (failed) ++failure_kinds_[FailureKind(record.reason)];
  if (options_.json) PrintJsonLine("file", FileRecordToJson(record));
  if (failed) PrintError(record.path, record.status, record.reason);
  // A dump with many bad rows has a warning per row, so only the first few
  // are printed. --json and show give them all.
  if (!options_.json) {
    size_t printed = std::min(record.warnings.size(), kWarningsShown);
    for (size_t i = 0; i < printed; ++i) {
      PrintError(record.path, "warning", record.warnings[i]);
    }
    if (record.warnings.size() > printed) {
      PrintError(record.path, "warning",
                 std::to_string(record.warnings.size() - printed) +
                     " more; bidscope show lists them all");
    }
  }
  if (progress_) progress_->Update(bytes, failed);
  records_.push_back(std::move(record));
  // --strict stops the run as SIGINT does, also when this was the last file.
  if (options_.strict && failed) {
    g_interrupted = 1;
    interrupted_ = true;
  }
}

void IndexRun::Commit() {
  writer_.Commit();
  since_commit_ = 0;
  committed_records_ = records_.size();
  committed_documents_ = documents_written_;
}

void IndexRun::SkipUncommitted() {
  documents_written_ = committed_documents_;
  for (size_t i = committed_records_; i < records_.size(); ++i) {
    FileRecord& record = records_[i];
    if (!record.written) continue;
    --counts_[record.status];
    if (IsFailure(record.status)) {
      std::string kind = FailureKind(record.reason);
      if (--failure_kinds_[kind] == 0) failure_kinds_.erase(kind);
    }
    record.status = "skipped";
    record.reason = "run aborted by an index error before it was committed";
    record.written = false;
    ++counts_[record.status];
    // The JSON stream gets the corrected record. A path's last record
    // is the final one.
    if (options_.json) PrintJsonLine("file", FileRecordToJson(record));
  }
}

void IndexRun::NoteChange() {
  if (++since_commit_ >= options_.commit_every) Commit();
}

json IndexRun::Summary(double seconds) const {
  json summary = {{"files", records_.size()},
                  {"documents", documents_written_},
                  {"elapsed_seconds", seconds},
                  {"interrupted", interrupted_ || !aborted_.empty()},
                  {"failed_by_reason", failure_kinds_}};
  for (const char* status : {"indexed", "unchanged", "duplicate", "encrypted",
                             "unsupported", "failed", "skipped", "removed"}) {
    auto it = counts_.find(status);
    summary[status] = it == counts_.end() ? 0 : it->second;
  }
  // A writer that failed may fail to count too.
  try {
    summary["index_documents"] = writer_.DocumentCount();
  } catch (const IndexError&) {
  }
  if (!aborted_.empty()) summary["aborted"] = aborted_;
  return summary;
}

void IndexRun::WriteReport(const json& summary) {
  // Written beside the index and renamed into place, so that a reader
  // never sees half a report.
  std::string final_path = options_.db + "/" + kRunReportName;
  std::string temp_path = final_path + ".tmp";
  std::ofstream out(temp_path, std::ios::trunc);
  for (const FileRecord& record : records_) {
    out << DumpJson({{"type", "file"}, {"data", FileRecordToJson(record)}})
        << '\n';
  }
  out << DumpJson({{"type", "summary"}, {"data", summary}}) << '\n';
  out.close();
  if (!out) {
    PrintError(temp_path, "cannot write the run report", "");
    return;
  }
  std::rename(temp_path.c_str(), final_path.c_str());
}

}  // namespace bidscope::cli
