// Readers that split a CSV, JSON or JSON Lines dump, already decoded to
// UTF-8 without a byte order mark, into flat records.
#ifndef BIDSCOPE_EXTRACT_RECORDS_SOURCE_H_
#define BIDSCOPE_EXTRACT_RECORDS_SOURCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/records_fields.h"

namespace bidscope {

struct SourceRecord {
  // 1-based position among the file's records: the data row of a CSV, the
  // array element of JSON, the non-blank line of JSON Lines. Skipped
  // records keep their number, so numbers may have gaps.
  int number = 0;
  RecordFields fields;
};

struct RecordSet {
  // Records in file order.
  std::vector<SourceRecord> records;

  // Damaged lines or records that were skipped, each naming its line.
  std::vector<std::string> warnings;

  // Error message when nothing could be read, else empty.
  std::string error;
};

// A JSON array of objects; an object whose largest array of objects
// contains the records ({"data": [...]}); or one object that is itself a
// notice, because it has a title and a body field of its own or contains
// no array of objects.
RecordSet ReadJsonRecords(std::string_view text);

// One JSON object per line; blank lines are skipped.
RecordSet ReadJsonLinesRecords(std::string_view text);

// CSV with a header row. The delimiter is detected.
RecordSet ReadCsvRecords(std::string_view text);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_RECORDS_SOURCE_H_
