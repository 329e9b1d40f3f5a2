#include "index/term_scheme.h"

#include "index/file_state_json.h"
#include "index/index.h"

namespace bidscope {

void CheckTermScheme(const Xapian::Database& db, const std::string& dir) {
  if (db.get_doccount() == 0) return;
  std::string version = db.get_metadata(kTermSchemeKey);
  if (version == kTermSchemeVersion) return;
  // Every bidscope index keeps the state of the files it read. A Xapian
  // database of another program (omindex, recoll) keeps none.
  if (version.empty() && db.metadata_keys_begin(kFileStateKeyPrefix) ==
                             db.metadata_keys_end(kFileStateKeyPrefix)) {
    throw IndexError(dir +
                     ": not a bidscope index: a Xapian database that another "
                     "program wrote");
  }
  throw IndexError(dir + ": the index was written with term scheme " +
                   (version.empty() ? std::string("1") : version) +
                   " and this bidscope uses scheme " + kTermSchemeVersion +
                   "; index the files again into a new folder");
}

void RecordTermScheme(Xapian::WritableDatabase& db, const std::string& dir) {
  CheckTermScheme(db, dir);
  if (db.get_metadata(kTermSchemeKey) != kTermSchemeVersion) {
    db.set_metadata(kTermSchemeKey, kTermSchemeVersion);
  }
}

}  // namespace bidscope
