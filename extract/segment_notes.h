// Translators' notes on segments: glossary hints from the lexicon and the
// pinyin of organisation and place names.
#ifndef BIDSCOPE_EXTRACT_SEGMENT_NOTES_H_
#define BIDSCOPE_EXTRACT_SEGMENT_NOTES_H_

#include <vector>

#include "extract/lexicon.h"
#include "extract/segment.h"

namespace bidscope {

struct AnnotateOptions {
  // Add a "glossary" note for each lexicon entry found in the segment.
  bool glossary = true;

  // Add a "pinyin" note for each organisation or place name found.
  bool pinyin = true;
};

// Appends notes to each segment's `notes`, from its `source` text.
void AnnotateSegments(std::vector<Segment>* segments, const Lexicon& lexicon,
                      const AnnotateOptions& options = {});

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_SEGMENT_NOTES_H_
