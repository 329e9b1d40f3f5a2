#include "cli/progress.h"

#include <cstdio>
#include <filesystem>
#include <string>

#include <fmt/format.h>

namespace bidscope::cli {

Progress::Progress(bool enabled, int64_t total_files, int64_t total_bytes)
    : enabled_(enabled),
      total_files_(total_files),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void Progress::Update(int64_t bytes, bool failed) {
  ++done_files_;
  done_bytes_ += bytes;
  if (failed) ++failures_;
  if (!enabled_) return;
  busy_.clear();
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200) &&
      done_files_ != total_files_)
    return;
  last_draw_ = now;
  Draw();
}

namespace {

// A file a worker has had this long is named on the progress line.
constexpr auto kSlowFile = std::chrono::seconds(3);

// The last `max_bytes` bytes or fewer of the file name of `path`, cut at
// a character boundary of its UTF-8.
std::string ShortName(const std::string& path, size_t max_bytes) {
  std::string name = std::filesystem::path(path).filename().string();
  if (name.size() <= max_bytes) return name;
  size_t cut = name.size() - max_bytes;
  while (cut < name.size() && (name[cut] & 0xC0) == 0x80) ++cut;
  return "…" + name.substr(cut);
}

}  // namespace

void Progress::Tick(const std::string& busy,
                    std::chrono::steady_clock::duration busy_for) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::seconds(1)) return;
  busy_.clear();
  if (!busy.empty() && busy_for >= kSlowFile) {
    constexpr size_t kNameBytes = 40;
    busy_ = fmt::format(
        "  working on {} ({} s)", ShortName(busy, kNameBytes),
        std::chrono::duration_cast<std::chrono::seconds>(busy_for).count());
  }
  last_draw_ = now;
  Draw();
}

void Progress::Clear() {
  if (!enabled_) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
}

void Progress::Draw() {
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_)
          .count();
  double files_per_s = seconds > 0 ? done_files_ / seconds : 0;
  double mb_per_s = seconds > 0 ? done_bytes_ / seconds / 1e6 : 0;
  double fraction =
      total_files_ > 0 ? static_cast<double>(done_files_) / total_files_ : 1;
  std::string eta = "--:--";
  if (files_per_s > 0 && done_files_ < total_files_) {
    int64_t left =
        static_cast<int64_t>((total_files_ - done_files_) / files_per_s);
    eta = fmt::format("{}:{:02}", left / 60, left % 60);
  }
  constexpr int kWidth = 24;
  int filled = static_cast<int>(fraction * kWidth);
  std::string bar(filled, '#');
  bar.append(kWidth - filled, '.');
  std::fprintf(stderr,
               "\r[%s] %lld/%lld files  %.1f files/s  %.1f MB/s  ETA %s  "
               "failed %lld%s\x1b[K",
               bar.c_str(), static_cast<long long>(done_files_),
               static_cast<long long>(total_files_), files_per_s, mb_per_s,
               eta.c_str(), static_cast<long long>(failures_), busy_.c_str());
  std::fflush(stderr);
}

}  // namespace bidscope::cli
