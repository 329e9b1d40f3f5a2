// Read access to ZIP containers held in memory (OOXML and ODF packages),
// with limits on decoded sizes against zip bombs. libzip stays in the .cc.
#ifndef BIDSCOPE_EXTRACT_OOXML_PACKAGE_H_
#define BIDSCOPE_EXTRACT_OOXML_PACKAGE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct zip;

namespace bidscope {

struct ZipMembers {
  // False when libzip could not open the bytes as an archive.
  bool readable = false;
  std::vector<std::string> names;

  bool Contains(std::string_view name) const;
  bool ContainsPrefix(std::string_view prefix) const;
};

// Lists the members of the ZIP archive in `bytes` without decoding any.
ZipMembers ListZipMembers(std::string_view bytes);

// Contents of member `name`, or an empty string when it is missing,
// unreadable or larger than `max_bytes`.
std::string ReadSmallZipMember(std::string_view bytes, std::string_view name,
                               size_t max_bytes);

struct PackageLimits {
  // Largest decoded size of one member, in bytes.
  size_t max_member_bytes = 256u << 20;

  // Largest decoded size of all members read, in bytes.
  size_t max_total_bytes = 1024u << 20;

  // Largest ratio of decoded to compressed size of a member. Applied only
  // to members that decode to more than kRatioCheckFloor bytes, because
  // small, repetitive XML parts legitimately compress very well.
  double max_compression_ratio = 200.0;
};

// An open package. Member names are matched case-insensitively, as OOXML
// requires for part names.
class ZipPackage {
 public:
  // Opens `bytes`, which must outlive the package. Returns null and sets
  // `error` when libzip rejects the archive.
  static std::unique_ptr<ZipPackage> Open(std::string_view bytes,
                                          const PackageLimits& limits,
                                          std::string& error);
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  bool Has(std::string_view name) const;
  std::vector<std::string> Names() const;

  // Reads member `name` into `contents`. Returns false and sets `error`
  // when it is missing, unreadable or over a limit.
  bool Read(std::string_view name, std::string& contents, std::string& error);

 private:
  ZipPackage(struct zip* archive, const PackageLimits& limits);

  struct zip* archive_;
  PackageLimits limits_;
  size_t total_read_ = 0;
};

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_OOXML_PACKAGE_H_
