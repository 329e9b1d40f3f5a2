// RAR, 7z and other non-ZIP archives through libarchive's streaming reader.
#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

#include <fmt/format.h>

#include <memory>

#include "extract/archive_names.h"
#include "extract/archive_reader.h"

namespace bidscope {

namespace {

struct ArchiveCloser {
  void operator()(archive* handle) const { archive_read_free(handle); }
};

using ArchivePtr = std::unique_ptr<archive, ArchiveCloser>;

// libarchive converts 7z and RAR names from UTF-16 to the charset of the
// thread's locale and drops them when that fails, as it does for non-ASCII
// names in the "C" locale most programs run in. Switches this thread, and
// only this thread, to C.UTF-8 while an archive is read.
class ScopedUtf8Locale {
 public:
  ScopedUtf8Locale()
      : utf8_(newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t(0))),
        previous_(utf8_ != locale_t(0) ? uselocale(utf8_) : locale_t(0)) {}
  ~ScopedUtf8Locale() {
    if (utf8_ == locale_t(0)) return;
    uselocale(previous_);
    freelocale(utf8_);
  }
  ScopedUtf8Locale(const ScopedUtf8Locale&) = delete;
  ScopedUtf8Locale& operator=(const ScopedUtf8Locale&) = delete;

 private:
  locale_t utf8_;
  locale_t previous_;
};

// 7z and RAR store names in UTF-16 or flagged UTF-8, which libarchive
// returns as UTF-8. Older RAR headers store OEM bytes, which come back
// only through the raw pathname and are decoded like ZIP names.
// NOTE: RAR reading is untested, because no RAR writer is installed here.
std::string MemberName(archive_entry* entry) {
  const char* utf8 = archive_entry_pathname_utf8(entry);
  if (utf8 != nullptr) return utf8;
  const char* raw = archive_entry_pathname(entry);
  return raw != nullptr ? DecodeMemberName(raw) : std::string();
}

// libarchive streams solid archives, so a member's own compressed size is
// unknown. The whole archive's size bounds it from above, which makes the
// ratio computed here a lower bound of the member's real ratio.
// NOTE: a bomb spread over many members of a large solid archive passes
// this check and is stopped only by the byte limits.
ArchiveMember ReadEntry(archive* handle, archive_entry* entry,
                        size_t archive_size, const ArchiveLimits& limits) {
  ArchiveMember member;
  member.path = MemberName(entry);
  if (archive_entry_is_encrypted(entry)) {
    member.skip_reason = "encrypted member skipped";
    return member;
  }

  double compressed = archive_size > 0 ? double(archive_size) : 1.0;
  size_t ratio_cap = size_t(compressed * limits.max_compression_ratio);
  size_t cap = std::min(limits.max_member_bytes, ratio_cap);
  char buffer[64 * 1024];
  while (member.data.size() <= cap) {
    la_ssize_t n = archive_read_data(handle, buffer, sizeof buffer);
    if (n < 0) {
      member.skip_reason =
          fmt::format("read failed: {}", archive_error_string(handle));
      break;
    }
    if (n == 0) break;
    member.data.append(buffer, static_cast<size_t>(n));
  }
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

std::string ReadLibarchiveMembers(std::string_view bytes,
                                  const ArchiveLimits& limits,
                                  const ArchiveMemberCallback& callback) {
  ScopedUtf8Locale utf8_locale;
  ArchivePtr handle(archive_read_new());
  archive_read_support_format_all(handle.get());
  archive_read_support_filter_all(handle.get());
  if (archive_read_open_memory(handle.get(), bytes.data(), bytes.size()) !=
      ARCHIVE_OK) {
    return archive_error_string(handle.get()) != nullptr
               ? archive_error_string(handle.get())
               : "unreadable archive";
  }

  archive_entry* entry = nullptr;
  while (true) {
    int status = archive_read_next_header(handle.get(), &entry);
    if (status == ARCHIVE_EOF) return "";
    if (status < ARCHIVE_WARN) {
      const char* message = archive_error_string(handle.get());
      return message != nullptr ? message : "damaged archive header";
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    if (!callback(ReadEntry(handle.get(), entry, bytes.size(), limits))) {
      return "";
    }
  }
}

}  // namespace bidscope
