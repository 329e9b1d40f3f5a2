// JSON Lines export of segments, one segment a line, and the reader for
// the same file with targets filled in.
#ifndef BIDSCOPE_EXTRACT_SEGMENT_JSONL_H_
#define BIDSCOPE_EXTRACT_SEGMENT_JSONL_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/segment.h"
#include "extract/segment_translation.h"

namespace bidscope {

// Writes one object a line with id, doc_id, path, page, kind, begin, end,
// source (Segment::source), notes (objects with category and text) and an
// empty target.
std::string WriteSegmentJsonl(const std::vector<SegmentedDocument>& documents);

// Reads (id, target) from each line, skipping blank lines and lines whose
// target is empty (not yet translated). Throws TranslationFileError
// naming the line when a line is not a JSON object, lacks a string id, or
// has a target that is not a string, or when an id repeats.
std::vector<SegmentTranslation> ReadSegmentJsonlTranslations(
    std::string_view jsonl);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_SEGMENT_JSONL_H_
