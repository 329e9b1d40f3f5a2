// The division table of data/regions.tsv, as bidscope_region_table wrote
// it at build time.
#include "extract/region_data.h"

namespace bidscope::region_data {

namespace {
#include "regions_table.inc"
}  // namespace

const Tables& Compiled() {
  static constexpr Tables kTables{kDivisions, kNames, kCodes, kStarts};
  return kTables;
}

}  // namespace bidscope::region_data
