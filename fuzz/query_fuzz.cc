// The query parser must accept any bytes: a query parses or QueryError
// gives the reason, and a parsed query survives Xapian's serialisation.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "index/index.h"
#include "index/query_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  bidscope::ParsedQuery parsed;
  try {
    parsed = bidscope::ParseQuery(input);
  } catch (const bidscope::QueryError&) {
    return 0;
  }
  Xapian::Query query = Xapian::Query::unserialise(parsed.serialised);
  if (query.get_description() != parsed.description) std::abort();
  for (const bidscope::MatchPattern& pattern : parsed.patterns) {
    if (pattern.text.empty()) std::abort();
  }
  return 0;
}
