// Readers that walk the members of one archive held in memory and hand each
// member, decompressed within limits, to a callback. ZIP goes through
// libzip, RAR and 7z through libarchive; both stay out of this header.
#ifndef BIDSCOPE_EXTRACT_ARCHIVE_READER_H_
#define BIDSCOPE_EXTRACT_ARCHIVE_READER_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace bidscope {

struct ArchiveLimits {
  // Largest decompressed size of one member, in bytes.
  size_t max_member_bytes = 0;

  // Largest ratio of decompressed to compressed size of one member.
  double max_compression_ratio = 0;
};

// One member as the reader found it. Directories are never reported.
struct ArchiveMember {
  // Path inside the archive, decoded to UTF-8 (see DecodeMemberName).
  std::string path;

  // Decompressed contents; empty when `skip_reason` is set.
  std::string data;

  // Why the member was not decompressed (encrypted, too large, a
  // decompression bomb, a read error), or nullopt when `data` is complete.
  std::optional<std::string> skip_reason;
};

// Called once per member in archive order. Returning false stops the walk.
using ArchiveMemberCallback = std::function<bool(ArchiveMember&&)>;

// Walks a ZIP archive. Returns an error message when the archive itself
// cannot be opened, or an empty string.
std::string ReadZipMembers(std::string_view bytes, const ArchiveLimits& limits,
                           const ArchiveMemberCallback& callback);

// Walks any archive libarchive reads (RAR, RAR5, 7z, tar). Returns an error
// message when the archive cannot be opened or a header is damaged; members
// reported before the damage stay reported.
std::string ReadLibarchiveMembers(std::string_view bytes,
                                  const ArchiveLimits& limits,
                                  const ArchiveMemberCallback& callback);

// Formats the warning for a member whose ratio exceeds the limit.
std::string BombWarning(double ratio, double max_ratio);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_ARCHIVE_READER_H_
