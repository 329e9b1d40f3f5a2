// Which fields of a scraped record hold its URL, title, date and body.
#ifndef BIDSCOPE_EXTRACT_RECORDS_FIELDS_H_
#define BIDSCOPE_EXTRACT_RECORDS_FIELDS_H_

#include <string>
#include <utility>
#include <vector>

#include "extract/extract.h"

namespace bidscope {

// A record's fields in source order: CSV columns, or JSON keys with nested
// objects flattened to dotted keys ("detail.title"). Values are UTF-8
// text; JSON numbers and booleans appear as JSON writes them.
using RecordFields = std::vector<std::pair<std::string, std::string>>;

// Indexes into a RecordFields of the fields with each role; -1 when no
// field has the role. A field has at most one role.
struct FieldRoles {
  int url = -1;
  int title = -1;
  int date = -1;
  std::vector<int> text;  // body fields, in source order
};

// Values of the fields that name a record's parties, project number and
// notice type, found by the name tables in records_fields.cc. Blank and
// placeholder values (无, /, null) are left out.
struct RecordColumns {
  std::string notice_type;  // as the scraper wrote it: 成交, 合同, CAN
  std::string region;       // area, city and district columns, joined
  std::string project_number;
  std::string buyer;
  std::string agency;
  std::vector<std::string> suppliers;  // in source order, without repeats
};

RecordColumns FindRecordColumns(const RecordFields& fields);

// Assigns roles by the field names in ExtractOptions when given, else by
// the built-in name table in records_fields.cc. Only non-empty values
// qualify, so a record whose "title" is blank falls back to the next name.
FieldRoles AssignFieldRoles(const RecordFields& fields,
                            const ExtractOptions& options);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_RECORDS_FIELDS_H_
