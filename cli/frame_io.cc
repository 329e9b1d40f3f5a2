#include "cli/frame_io.h"

#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace bidscope::cli {

namespace {

bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool ReadAll(int fd, char* data, size_t size) {
  while (size > 0) {
    ssize_t n = read(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

bool WriteFrame(int fd, std::string_view payload) {
  char header[8];
  uint64_t length = payload.size();
  for (int i = 0; i < 8; ++i) header[i] = static_cast<char>(length >> (8 * i));
  return WriteAll(fd, header, sizeof header) &&
         WriteAll(fd, payload.data(), payload.size());
}

std::optional<std::string> ReadFrame(int fd) {
  unsigned char header[8];
  if (!ReadAll(fd, reinterpret_cast<char*>(header), sizeof header))
    return std::nullopt;
  uint64_t length = 0;
  for (int i = 0; i < 8; ++i) length |= uint64_t{header[i]} << (8 * i);
  std::string payload(length, '\0');
  if (!ReadAll(fd, payload.data(), payload.size())) return std::nullopt;
  return payload;
}

}  // namespace bidscope::cli
