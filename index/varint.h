// LEB128 varints and a bounds-checked reader of byte strings that use
// them, shared by the prepared-document form and the stored data layout.
#ifndef BIDSCOPE_INDEX_VARINT_H_
#define BIDSCOPE_INDEX_VARINT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "index/index.h"

namespace bidscope {

inline void PutVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

// Reads front to back; every read checks the bounds and throws IndexError
// "<what> is malformed: <reason>" past them.
class VarintReader {
 public:
  VarintReader(std::string_view data, const char* what)
      : data_(data), what_(what) {}

  uint64_t Varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) throw Malformed("truncated number");
      uint8_t byte = static_cast<uint8_t>(data_[pos_++]);
      value |= uint64_t{byte & 0x7fu} << shift;
      if (byte < 0x80) return value;
    }
    throw Malformed("number too long");
  }

  // `size` bytes from the current position.
  std::string_view Take(uint64_t size) {
    if (size > data_.size() - pos_) throw Malformed("truncated string");
    std::string_view bytes = data_.substr(pos_, size);
    pos_ += size;
    return bytes;
  }

  // A varint length and that many bytes.
  std::string_view Bytes() { return Take(Varint()); }

  char Byte() {
    if (pos_ >= data_.size()) throw Malformed("empty");
    return data_[pos_++];
  }

  std::string_view Rest() const { return data_.substr(pos_); }

  IndexError Malformed(const char* reason) const {
    return IndexError(std::string(what_) + " is malformed: " + reason);
  }

 private:
  std::string_view data_;
  const char* what_;
  size_t pos_ = 0;
};

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_VARINT_H_
