// Dates of scraped records in the forms Chinese procurement sites use.
#ifndef BIDSCOPE_EXTRACT_RECORDS_DATE_H_
#define BIDSCOPE_EXTRACT_RECORDS_DATE_H_

#include <string>
#include <string_view>

namespace bidscope {

// Converts "2016-11-21 08:47:30", "2016/11/21", "2016年11月21日", "20190522",
// ISO 8601 with an offset, and Unix time in seconds (10 digits) or
// milliseconds (13 digits) to ISO 8601 ("2016-11-21T08:47:30",
// "2016-11-21"; Unix times in UTC with "Z"). Returns an empty string for
// anything else, including the ambiguous day-first "16/06/2022".
std::string NormalizeRecordDate(std::string_view value);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_RECORDS_DATE_H_
