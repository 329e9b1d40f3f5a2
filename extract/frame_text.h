// The text of a page's frames, for the HTML renderer to put in their place.
#ifndef BIDSCOPE_EXTRACT_FRAME_TEXT_H_
#define BIDSCOPE_EXTRACT_FRAME_TEXT_H_

#include <functional>
#include <string>
#include <string_view>

namespace bidscope {

// Returns the text of the frame whose src is the argument, or "" when
// there is none to show.
using FrameText = std::function<std::string(std::string_view src)>;

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_FRAME_TEXT_H_
