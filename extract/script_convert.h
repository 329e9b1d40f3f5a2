// Display conversion between Simplified and Traditional Chinese with
// OpenCC, phrase by phrase, for output only: stored text is never changed.
#ifndef BIDSCOPE_EXTRACT_SCRIPT_CONVERT_H_
#define BIDSCOPE_EXTRACT_SCRIPT_CONVERT_H_

#include <optional>
#include <string>
#include <string_view>

namespace bidscope {

enum class Script {
  kOriginal,    // text as stored
  kSimplified,  // OpenCC tw2sp: Taiwan vocabulary to mainland, 軟體 -> 软件
  kTraditional,  // OpenCC s2twp: mainland vocabulary to Taiwan, 软件 -> 軟體
};

// Parses "hans", "hant" or "original"; nothing for any other name.
std::optional<Script> ParseScript(std::string_view name);

// Converts `text` to `script`. The converters are loaded once per process
// from /usr/share/opencc (Debian's opencc-data). Throws std::runtime_error
// naming the configuration when OpenCC cannot load it.
std::string ConvertScript(std::string_view text, Script script);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_SCRIPT_CONVERT_H_
