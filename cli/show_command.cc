#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/document_display.h"
#include "cli/document_view.h"
#include "cli/file_walk.h"
#include "cli/output.h"
#include "index/fields_terms.h"
#include "index/index.h"

namespace bidscope::cli {

namespace {

// Returns the status and reason the last index run gave `path` in its run
// report, or nothing when the report does not list it.
std::optional<std::string> LastRunStatus(const std::string& db,
                                         const std::string& path) {
  std::ifstream in(db + "/" + kRunReportName);
  for (std::string line; std::getline(in, line);) {
    nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || record.value("type", "") != "file") continue;
    const nlohmann::json& data = record["data"];
    if (data.value("path", "") != path) continue;
    std::string status = data.value("status", "");
    std::string reason = data.value("reason", "");
    return reason.empty() ? status : status + ": " + reason;
  }
  return std::nullopt;
}

}  // namespace

int RunShowCommand(const ShowCommandOptions& options) {
  std::unique_ptr<Searcher> searcher;
  try {
    searcher = Searcher::Open(options.db);
  } catch (const IndexError& e) {
    PrintError(options.db, "cannot open the index", e.what());
    return 2;
  }

  // A path is looked up as given and in the absolute form the index keeps.
  std::optional<Searcher::Stored> stored = searcher->Get(options.target);
  if (!stored) stored = searcher->Get(AbsolutePath(options.target));
  if (!stored) {
    // A file that gave no document (failed, encrypted, unsupported) is
    // known by its path, or by a prefix of its bytes' id that no other
    // such file shares, with the reason.
    std::string absolute = AbsolutePath(options.target);
    std::optional<FileState> by_path;
    std::vector<FileState> by_id;
    for (FileState& state : searcher->ListFileStates()) {
      if (state.path == absolute) {
        by_path = std::move(state);
      } else if (!state.doc_id.empty() &&
                 state.doc_id.starts_with(options.target)) {
        by_id.push_back(std::move(state));
      }
    }
    // Files with the same bytes share an id; other ids make a prefix
    // ambiguous.
    bool one_id =
        !by_id.empty() &&
        std::all_of(by_id.begin(), by_id.end(), [&](const FileState& state) {
          return state.doc_id == by_id[0].doc_id;
        });
    if (!by_path && !by_id.empty() && !one_id) {
      std::set<std::string> ids;
      for (const FileState& state : by_id) ids.insert(state.doc_id);
      PrintError(options.target, "ambiguous id prefix",
                 std::to_string(ids.size()) +
                     " documents have ids that start with it; give more of "
                     "the id");
      return 1;
    }
    if (!by_path && one_id) by_path = std::move(by_id[0]);
    // A repost's bytes have an id of their own, but its path belongs to
    // the document it was merged into, which is shown.
    if (by_path) stored = searcher->Get(by_path->path);
    if (!stored && by_path) {
      // A reason may already start with the status ("encrypted: password
      // required"), which is then not repeated.
      std::string status_reason = by_path->status;
      const std::string& reason = by_path->reason;
      if (reason.starts_with(status_reason + ":")) {
        status_reason = reason;
      } else if (!reason.empty()) {
        status_reason += ": " + reason;
      }
      PrintError(by_path->path, "no document in " + options.db, status_reason);
      return 1;
    }
    if (!stored) {
      // A file the last run skipped (empty, or an index's own file) has
      // no state of its own, only its line in the run report.
      if (std::optional<std::string> status =
              LastRunStatus(options.db, absolute)) {
        PrintError(absolute, "no document in " + options.db, *status);
        return 1;
      }
      PrintError(options.target, "not found",
                 "no document has this id, id prefix or path in " + options.db);
      return 1;
    }
  }
  std::optional<Script> script = ParseScriptOption(options.script);
  if (!script) {
    PrintError(options.script, "invalid --script",
               "expected hans, hant or original");
    return 2;
  }
  // Documents indexed before fields were stored have none.
  std::optional<Fields> fields = StoredFields(stored->data);
  const Fields* shown_fields = fields ? &*fields : nullptr;
  Document shown =
      ConvertDocument(stored->document, *script, PartyNames(shown_fields));
  std::vector<NamePinyin> names;
  if (options.pinyin) names = DocumentNamePinyin(stored->document);
  if (options.json) {
    nlohmann::json view = DocumentView(shown, stored->paths, stored->path_urls);
    if (fields) view["fields"] = FieldsToJson(*fields);
    if (options.pinyin) view["pinyin"] = NamePinyinToJson(names);
    std::cout << DumpJson(view) << '\n';
  } else {
    bool color = StdoutIsTerminal();
    PrintDocumentHead(shown, stored->paths, color, shown_fields,
                      stored->path_urls);
    if (options.pinyin) PrintNamePinyin(names);
    PrintPages(shown, color);
  }
  return 0;
}

}  // namespace bidscope::cli
