// XLIFF 2.1 export of segments for translation tools, and the reader for
// translated files coming back.
#ifndef BIDSCOPE_EXTRACT_XLIFF_H_
#define BIDSCOPE_EXTRACT_XLIFF_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/segment.h"
#include "extract/segment_translation.h"

namespace bidscope {

inline constexpr std::string_view kXliffNamespace =
    "urn:oasis:names:tc:xliff:document:2.0";

struct XliffOptions {
  // BCP 47 srcLang of the file. Empty takes the documents' common
  // language; documents of different languages then need one file each.
  std::string source_language;

  // BCP 47 trgLang.
  std::string target_language = "en";
};

// Writes one <file> per document with segments (id = document id,
// original = path; XLIFF forbids a file without units) and
// one <unit> per segment (id = segment id) holding <notes> for the page,
// the kind, glossary hints and pinyin, and <segment><source>. Throws
// std::invalid_argument when two documents share an id, when no source
// language is given and the documents' languages differ, and
// std::runtime_error when libxml2 fails.
std::string WriteXliff(const std::vector<SegmentedDocument>& documents,
                       const XliffOptions& options = {});

// Reads the <target> of every unit of an XLIFF 2.x file, in document
// order; a unit with several segments yields their targets joined, and a
// unit without any target is left out. Throws TranslationFileError naming
// the element and line when the file is not well-formed, is not XLIFF 2,
// or has a unit without an id or two units with one id.
std::vector<SegmentTranslation> ReadXliffTranslations(std::string_view xml);

// Checks the structure XLIFF 2.0 core requires of a file: root, version,
// srcLang, unique file and unit ids, and element order and counts inside
// files, units and segments. Returns one message per problem, so an empty
// result means none was found. The check is written from the
// specification's prose; it is not validation against the OASIS schema,
// which bidscope does not ship.
std::vector<std::string> CheckXliffStructure(std::string_view xml);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_XLIFF_H_
