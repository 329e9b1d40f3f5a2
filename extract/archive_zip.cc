// ZIP members through libzip, which reads the central directory and so
// reports declared sizes and encryption before anything is decompressed.
#include <zip.h>

#include <fmt/format.h>

#include <memory>

#include "extract/archive_names.h"
#include "extract/archive_reader.h"

namespace bidscope {

namespace {

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileCloser>;

// libzip exposes no accessor for general-purpose bit 11, but with
// ZIP_FL_ENC_STRICT it returns the stored bytes when the bit is set and a
// CP437 reading otherwise. Equal results mean the bit is set or the name
// is ASCII, and both are UTF-8 as stored.
std::string MemberName(zip_t* archive, zip_uint64_t index) {
  const char* raw = zip_get_name(archive, index, ZIP_FL_ENC_RAW);
  const char* strict = zip_get_name(archive, index, ZIP_FL_ENC_STRICT);
  if (raw == nullptr) return fmt::format("member {}", index + 1);
  if (strict != nullptr && std::string_view(raw) == strict) return raw;
  return DecodeMemberName(raw);
}

// Decompresses one member, reading at most `cap` + 1 bytes so that a
// member whose declared size lies is still caught.
std::optional<std::string> ReadMember(zip_t* archive, zip_uint64_t index,
                                      size_t cap, std::string* data) {
  ZipFilePtr file(zip_fopen_index(archive, index, 0));
  if (file == nullptr) {
    return fmt::format("cannot open member: {}", zip_strerror(archive));
  }
  char buffer[64 * 1024];
  while (data->size() <= cap) {
    zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) {
      return fmt::format("read failed: {}", zip_file_strerror(file.get()));
    }
    if (n == 0) return std::nullopt;
    data->append(buffer, static_cast<size_t>(n));
  }
  return std::nullopt;
}

// Checks declared sizes, then decompresses within the limits.
ArchiveMember ReadCheckedMember(zip_t* archive, zip_uint64_t index,
                                const zip_stat_t& stat,
                                const ArchiveLimits& limits) {
  ArchiveMember member;
  member.path = MemberName(archive, index);
  if (stat.encryption_method != ZIP_EM_NONE) {
    member.skip_reason = "encrypted member skipped";
    return member;
  }

  // Stored members of size 0 have compressed size 0; count at least one
  // byte so the ratio stays finite.
  double compressed = stat.comp_size > 0 ? double(stat.comp_size) : 1.0;
  double declared_ratio = double(stat.size) / compressed;
  if (declared_ratio > limits.max_compression_ratio) {
    member.skip_reason =
        BombWarning(declared_ratio, limits.max_compression_ratio);
    return member;
  }
  if (stat.size > limits.max_member_bytes) {
    member.skip_reason =
        fmt::format("member of {} bytes exceeds max_decoded_bytes {}",
                    stat.size, limits.max_member_bytes);
    return member;
  }

  size_t ratio_cap = size_t(compressed * limits.max_compression_ratio);
  size_t cap = std::min(limits.max_member_bytes, ratio_cap);
  member.skip_reason = ReadMember(archive, index, cap, &member.data);
  if (!member.skip_reason && member.data.size() > cap) {
    double ratio = double(member.data.size()) / compressed;
    member.skip_reason =
        ratio > limits.max_compression_ratio
            ? BombWarning(ratio, limits.max_compression_ratio)
            : fmt::format("member exceeds max_decoded_bytes {}",
                          limits.max_member_bytes);
  }
  if (member.skip_reason) member.data.clear();
  return member;
}

}  // namespace

std::string ReadZipMembers(std::string_view bytes, const ArchiveLimits& limits,
                           const ArchiveMemberCallback& callback) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return message;
  }
  ZipPtr archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (archive == nullptr) {
    zip_source_free(source);
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return message;
  }
  zip_error_fini(&error);

  zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive.get(), i, 0, &stat) != 0) continue;
    std::string_view name = stat.name != nullptr ? stat.name : "";
    if (!name.empty() && name.back() == '/') continue;  // a directory
    if (!callback(ReadCheckedMember(archive.get(), i, stat, limits))) break;
  }
  return "";
}

std::string BombWarning(double ratio, double max_ratio) {
  return fmt::format("decompression bomb: ratio {:.0f} exceeds {:.0f}", ratio,
                     max_ratio);
}

}  // namespace bidscope
