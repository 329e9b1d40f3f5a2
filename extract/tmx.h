// TMX 1.4b export of segments as a translation memory, and its reader.
#ifndef BIDSCOPE_EXTRACT_TMX_H_
#define BIDSCOPE_EXTRACT_TMX_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extract/segment.h"

namespace bidscope {

struct TmxOptions {
  // BCP 47 srclang of the header. Empty takes the language of the first
  // document, or "zh-CN" when there is none.
  std::string source_language;

  // xml:lang of the target variants written from `targets`.
  std::string target_language = "en";

  // adminlang of the header: the language of notes and properties.
  std::string admin_language = "en";
};

// Writes one <tu tuid=segment id> per segment with <prop type="x-doc">,
// "x-page" and "x-kind", a <note> per segment note, the source variant in
// its document's language and, when `targets` has the segment id, a target
// variant. Throws std::runtime_error when libxml2 fails.
std::string WriteTmx(const std::vector<SegmentedDocument>& documents,
                     const std::map<std::string, std::string>& targets,
                     const TmxOptions& options = {});

struct TmxUnit {
  std::string tuid;
  std::map<std::string, std::string> props;  // type -> value
  std::vector<std::string> notes;
  std::map<std::string, std::string> variants;  // xml:lang -> seg text
};

struct TmxDocument {
  std::map<std::string, std::string> header;  // header attributes
  std::vector<TmxUnit> units;
};

// Reads a TMX 1.4 file. Throws TranslationFileError naming the element and
// line when it is not well-formed, has no <tmx> root or <header>, or has a
// <tu> without a <tuv>.
TmxDocument ReadTmx(std::string_view xml);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_TMX_H_
