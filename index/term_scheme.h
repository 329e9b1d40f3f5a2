// The version of the term scheme (index/terms.h) an index was written
// with. It is kept in the index's metadata, so that a bidscope that
// generates terms differently rejects the index instead of searching it
// wrongly.
#ifndef BIDSCOPE_INDEX_TERM_SCHEME_H_
#define BIDSCOPE_INDEX_TERM_SCHEME_H_

#include <xapian.h>

#include <string>

namespace bidscope {

// Metadata key of the scheme version. It starts with neither
// kFileStateKeyPrefix nor kUserMetadataPrefix (index/file_state_json.h).
inline constexpr char kTermSchemeKey[] = "scheme:terms";

// 1: bigrams with positions, unigrams without. 2: unigrams with
// positions, bigrams without.
inline constexpr char kTermSchemeVersion[] = "2";

// Throws IndexError naming `dir` when `db` contains documents written with
// another scheme, or with none recorded (the first scheme recorded none).
void CheckTermScheme(const Xapian::Database& db, const std::string& dir);

// CheckTermScheme, then records this version in `db`; it is committed with
// the writer's next commit.
void RecordTermScheme(Xapian::WritableDatabase& db, const std::string& dir);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_TERM_SCHEME_H_
