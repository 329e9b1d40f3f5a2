// Display conversion between Simplified and Traditional Chinese with
// OpenCC, phrase by phrase, and names character by character. It is for
// output only: stored text is never changed.
#ifndef BIDSCOPE_EXTRACT_SCRIPT_CONVERT_H_
#define BIDSCOPE_EXTRACT_SCRIPT_CONVERT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Converts `text` as ConvertScript does, except each occurrence of one of
// `names` (the buyer, agency and suppliers), which is converted character
// by character (OpenCC s2tw or tw2s). A name thus keeps its words:
// 北京信息软件有限公司 becomes 北京信息軟件有限公司 and not the name of no
// registered company, 北京資訊軟體有限公司. Where names overlap, the
// longest is kept.
std::string ConvertScriptKeepingNames(std::string_view text, Script script,
                                      const std::vector<std::string>& names);

// Converts `text` as above, converting apart the pieces between the byte
// offsets of `cuts` (ascending, each at a character boundary), and moves
// each cut to the same place in the converted text. A name that a cut
// splits is still converted character by character, so a highlight can
// cover part of a name.
std::string ConvertScriptKeepingNames(std::string_view text, Script script,
                                      const std::vector<std::string>& names,
                                      std::vector<size_t>* cuts);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_SCRIPT_CONVERT_H_
