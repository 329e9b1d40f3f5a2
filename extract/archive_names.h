// Decoding and sanitising of archive member paths.
#ifndef BIDSCOPE_EXTRACT_ARCHIVE_NAMES_H_
#define BIDSCOPE_EXTRACT_ARCHIVE_NAMES_H_

#include <string>
#include <string_view>

namespace bidscope {

// Decodes a member name stored without a trustworthy charset flag: valid
// UTF-8 is kept, then GB18030 (a superset of GBK and GB2312, the usual
// charset of Chinese Windows archivers) is tried, then CP437, the ZIP
// specification's default, which maps every byte.
std::string DecodeMemberName(std::string_view raw);

// Makes a member path relative and free of "." and ".." components, with
// "/" separators: "../../etc/passwd" becomes "etc/passwd", "C:\\a\\b.txt"
// becomes "a/b.txt". The result never escapes the archive root; it is
// empty when nothing remains.
std::string SanitizeMemberPath(std::string_view path);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_ARCHIVE_NAMES_H_
