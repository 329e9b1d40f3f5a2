#include "index/term_scheme.h"

#include "index/index.h"

namespace bidscope {

void CheckTermScheme(const Xapian::Database& db, const std::string& dir) {
  if (db.get_doccount() == 0) return;
  std::string version = db.get_metadata(kTermSchemeKey);
  if (version == kTermSchemeVersion) return;
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
