// Length-prefixed frames on pipes between the indexer and its workers.
#ifndef BIDSCOPE_CLI_FRAME_IO_H_
#define BIDSCOPE_CLI_FRAME_IO_H_

#include <optional>
#include <string>
#include <string_view>

namespace bidscope::cli {

// Writes an 8-byte little-endian length and the payload. Returns false
// when the pipe is closed or writing fails.
bool WriteFrame(int fd, std::string_view payload);

// Reads one frame. Returns nullopt at end of file or on a read error.
std::optional<std::string> ReadFrame(int fd);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_FRAME_IO_H_
