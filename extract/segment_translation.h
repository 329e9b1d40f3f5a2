// Translations read back from translation files, keyed by segment id.
#ifndef BIDSCOPE_EXTRACT_SEGMENT_TRANSLATION_H_
#define BIDSCOPE_EXTRACT_SEGMENT_TRANSLATION_H_

#include <stdexcept>
#include <string>

namespace bidscope {

struct SegmentTranslation {
  std::string id;      // Segment::id
  std::string target;  // translated text
};

// A translation file that is malformed; the message names the line or
// element at fault.
class TranslationFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_SEGMENT_TRANSLATION_H_
