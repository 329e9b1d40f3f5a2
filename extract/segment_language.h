// Source language of text to translate, for export headers.
#ifndef BIDSCOPE_EXTRACT_SEGMENT_LANGUAGE_H_
#define BIDSCOPE_EXTRACT_SEGMENT_LANGUAGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/segment.h"

namespace bidscope {

// Returns "en" when Latin letters outnumber Han characters, "zh-TW" when
// at least a tenth of the Han characters change under OpenCC's
// Traditional-to-Simplified conversion, and "zh-CN" otherwise (also for
// text without letters).
std::string DetectSourceLanguage(std::string_view text);

// Detects the language of the segments' sources taken together.
std::string DetectSourceLanguage(const std::vector<Segment>& segments);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_SEGMENT_LANGUAGE_H_
