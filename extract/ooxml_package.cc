#include "extract/ooxml_package.h"

#include <zip.h>

#include <algorithm>
#include <cctype>

namespace bidscope {
namespace {

// Members that decode to at most this many bytes skip the compression
// ratio check. NOTE: a judgement, not a measured value: 1 MiB is far
// above the size of ordinary styles.xml or settings.xml parts.
constexpr zip_uint64_t kRatioCheckFloor = 1u << 20;

// Opens `bytes` read-only; null when libzip rejects it.
zip_t* OpenArchive(std::string_view bytes, std::string& error) {
  zip_error_t zip_error;
  zip_error_init(&zip_error);
  zip_source_t* source =
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zip_error);
  if (source == nullptr) {
    error = zip_error_strerror(&zip_error);
    zip_error_fini(&zip_error);
    return nullptr;
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &zip_error);
  if (archive == nullptr) {
    error = zip_error_strerror(&zip_error);
    zip_source_free(source);
  }
  zip_error_fini(&zip_error);
  return archive;
}

struct ArchiveCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ArchivePtr = std::unique_ptr<zip_t, ArchiveCloser>;

struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Reads at most `limit` bytes of member `index`; sets `over_limit` when
// the member contains more, whatever its header claims.
bool ReadMember(zip_t* archive, zip_uint64_t index, size_t limit,
                std::string& contents, bool& over_limit, std::string& error) {
  std::unique_ptr<zip_file_t, FileCloser> file(
      zip_fopen_index(archive, index, 0));
  if (file == nullptr) {
    error = zip_strerror(archive);
    return false;
  }
  contents.clear();
  over_limit = false;
  char buffer[64 * 1024];
  while (true) {
    zip_int64_t read = zip_fread(file.get(), buffer, sizeof buffer);
    if (read < 0) {
      error = zip_file_strerror(file.get());
      return false;
    }
    if (read == 0) return true;
    if (contents.size() + read > limit) {
      over_limit = true;
      return false;
    }
    contents.append(buffer, read);
  }
}

}  // namespace

bool ZipMembers::Contains(std::string_view name) const {
  return std::any_of(
      names.begin(), names.end(),
      [&](const std::string& member) { return IEquals(member, name); });
}

bool ZipMembers::ContainsPrefix(std::string_view prefix) const {
  return std::any_of(
      names.begin(), names.end(), [&](const std::string& member) {
        return member.size() >= prefix.size() &&
               IEquals(std::string_view(member).substr(0, prefix.size()),
                       prefix);
      });
}

ZipMembers ListZipMembers(std::string_view bytes) {
  ZipMembers members;
  std::string error;
  ArchivePtr archive(OpenArchive(bytes, error));
  if (archive == nullptr) return members;
  members.readable = true;
  zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(archive.get(), i, ZIP_FL_ENC_RAW);
    if (name != nullptr) members.names.emplace_back(name);
  }
  return members;
}

std::string ReadSmallZipMember(std::string_view bytes, std::string_view name,
                               size_t max_bytes) {
  std::string error;
  ArchivePtr archive(OpenArchive(bytes, error));
  if (archive == nullptr) return "";
  zip_int64_t index =
      zip_name_locate(archive.get(), std::string(name).c_str(), ZIP_FL_NOCASE);
  if (index < 0) return "";
  std::string contents;
  bool over_limit = false;
  if (!ReadMember(archive.get(), index, max_bytes, contents, over_limit,
                  error)) {
    return "";
  }
  return contents;
}

std::unique_ptr<ZipPackage> ZipPackage::Open(std::string_view bytes,
                                             const PackageLimits& limits,
                                             std::string& error) {
  zip_t* archive = OpenArchive(bytes, error);
  if (archive == nullptr) return nullptr;
  return std::unique_ptr<ZipPackage>(new ZipPackage(archive, limits));
}

ZipPackage::ZipPackage(zip_t* archive, const PackageLimits& limits)
    : archive_(archive), limits_(limits) {}

ZipPackage::~ZipPackage() { zip_discard(archive_); }

bool ZipPackage::Has(std::string_view name) const {
  return zip_name_locate(archive_, std::string(name).c_str(), ZIP_FL_NOCASE) >=
         0;
}

std::vector<std::string> ZipPackage::Names() const {
  std::vector<std::string> names;
  zip_int64_t count = zip_get_num_entries(archive_, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(archive_, i, ZIP_FL_ENC_RAW);
    if (name != nullptr) names.emplace_back(name);
  }
  return names;
}

bool ZipPackage::Read(std::string_view name, std::string& contents,
                      std::string& error) {
  std::string key(name);
  zip_int64_t index = zip_name_locate(archive_, key.c_str(), ZIP_FL_NOCASE);
  if (index < 0) {
    error = key + ": member not found";
    return false;
  }

  // Check the sizes the central directory declares before decoding.
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_, index, 0, &stat) != 0) {
    error = key + ": " + zip_strerror(archive_);
    return false;
  }
  size_t remaining = limits_.max_total_bytes - total_read_;
  size_t limit = std::min(limits_.max_member_bytes, remaining);
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > limit) {
    error = key + ": decoded size limit exceeded (" +
            std::to_string(stat.size) + " bytes, limit " +
            std::to_string(limit) + ")";
    return false;
  }
  if ((stat.valid & ZIP_STAT_SIZE) && (stat.valid & ZIP_STAT_COMP_SIZE) &&
      stat.size > kRatioCheckFloor && stat.comp_size > 0 &&
      static_cast<double>(stat.size) / stat.comp_size >
          limits_.max_compression_ratio) {
    error = key + ": compression ratio limit exceeded (" +
            std::to_string(stat.size / stat.comp_size) + ", limit " +
            std::to_string(limits_.max_compression_ratio) + ")";
    return false;
  }

  // Decode with the limit enforced on the bytes actually produced, since
  // a hostile archive can understate sizes in its headers.
  bool over_limit = false;
  if (!ReadMember(archive_, index, limit, contents, over_limit, error)) {
    if (over_limit) {
      error = key + ": decoded size limit exceeded (limit " +
              std::to_string(limit) + " bytes)";
    } else {
      error = key + ": " + error;
    }
    return false;
  }
  total_read_ += contents.size();
  return true;
}

}  // namespace bidscope
