// `bidscope export`: dispatches on --format to the document exports of
// cli/export_fields.h and the segment exports of cli/export_segments.h.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "cli/export_fields.h"
#include "cli/export_segments.h"
#include "cli/field_filters.h"
#include "cli/field_hits.h"
#include "cli/fields_commands.h"
#include "cli/output.h"
#include "cli/translation_commands.h"

namespace bidscope::cli {
namespace {

bool HasFilters(const FieldFilters& f) {
  return !f.notice_type.empty() || !f.method.empty() || !f.buyer.empty() ||
         !f.agency.empty() || !f.supplier.empty() || !f.region.empty() ||
         !f.project.empty() || !f.after.empty() || !f.before.empty() ||
         f.min_amount.has_value() || f.max_amount.has_value();
}

int RunSegmentFormat(const ExportCommandOptions& options) {
  if (HasFilters(options.filters)) {
    PrintError(options.format, "field filters are not supported",
               "the segment formats take a query only");
    return 2;
  }
  SegmentExportOptions segments;
  segments.db = options.db;
  segments.format =
      options.format == "jsonl-segments" ? "jsonl" : options.format;
  segments.query = options.query;
  segments.output = options.output;
  segments.script = ParseScript(options.script).value_or(Script::kOriginal);
  return RunSegmentExport(segments);
}

}  // namespace

int RunExportCommand(const ExportCommandOptions& options) {
  if (options.format != "csv" && options.format != "jsonl") {
    return RunSegmentFormat(options);
  }
  HitQuery query{options.db, options.query, options.filters,
                 ParseSortOrder(options.sort)};
  std::optional<std::vector<Hit>> hits = AllHits(query);
  if (!hits) return 2;
  // A dump file has no text of its own: its records are the documents.
  std::erase_if(*hits, [](const Hit& hit) {
    return hit.format == "csv" || hit.format == "json" || hit.format == "jsonl";
  });

  bool to_stdout = options.output.empty() || options.output == "-";
  std::ofstream file;
  if (!to_stdout) {
    file.open(options.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      PrintError(options.output, "cannot write the export",
                 "check that its folder exists and is writable");
      return 2;
    }
  }
  std::ostream& out = to_stdout ? std::cout : file;
  errno = 0;
  if (options.format == "csv") {
    WriteCsvExport(*hits, out);
  } else {
    WriteJsonlExport(*hits, out);
  }
  out.flush();
  if (!out) {
    // A reader that stops early, such as head, closes the pipe. That ends
    // the export quietly, as it ends other programs' output.
    if (to_stdout && errno == EPIPE) return 0;
    std::string reason = errno != 0 ? std::strerror(errno) : "write error";
    PrintError(to_stdout ? "-" : options.output, "writing the export failed",
               reason + "; check free disk space");
    return 2;
  }
  return hits->empty() ? 1 : 0;
}

}  // namespace bidscope::cli
