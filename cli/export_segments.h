// Segment exports for translators: `bidscope export --format
// xliff|tmx|jsonl`.
#ifndef BIDSCOPE_CLI_EXPORT_SEGMENTS_H_
#define BIDSCOPE_CLI_EXPORT_SEGMENTS_H_

#include <string>

#include "extract/script_convert.h"

namespace bidscope::cli {

struct SegmentExportOptions {
  std::string db;

  // "xliff", "tmx" or "jsonl".
  std::string format;

  // Documents to export; empty exports every document.
  std::string query;

  // Output file; empty or "-" writes to standard output.
  std::string output;

  // Script of the exported source text and notes. The segment ids stay
  // those of the stored text, so imports still match.
  Script script = Script::kOriginal;
};

// True for the formats RunSegmentExport writes.
bool IsSegmentExportFormat(const std::string& format);

// Writes the segments of the matching documents, each annotated with
// glossary and pinyin notes. TMX units carry the translations already
// imported as target variants. Returns 0, 1 when no document matched, or
// 2 on an error.
int RunSegmentExport(const SegmentExportOptions& options);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_EXPORT_SEGMENTS_H_
