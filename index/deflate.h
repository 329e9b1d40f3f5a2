// Raw deflate streams (zlib, no header or checksum) with a preset
// dictionary. A dictionary contains strings the data is likely to repeat,
// so that even a short document's first occurrence of each is coded as a
// back reference. Both ends must use the same dictionary bytes.
#ifndef BIDSCOPE_INDEX_DEFLATE_H_
#define BIDSCOPE_INDEX_DEFLATE_H_

#include <string>
#include <string_view>

namespace bidscope {

// Returns `data` deflated at zlib's default level with `dictionary`, of
// which at most 32 KiB are used. Empty data gives an empty string.
std::string Deflate(std::string_view data, std::string_view dictionary);

// Inflates `stream`, which must decode to exactly `size` bytes. Throws
// IndexError naming `part` when it does not, as in a damaged index.
std::string Inflate(std::string_view stream, std::string_view dictionary,
                    size_t size, const char* part);

// Inflates the first `limit` bytes of `stream`, which decodes to `size`
// bytes, or all of them when `limit` is not smaller. Throws IndexError
// naming `part` when the stream ends first.
std::string InflatePrefix(std::string_view stream, std::string_view dictionary,
                          size_t size, size_t limit, const char* part);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_DEFLATE_H_
