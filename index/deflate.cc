#include "index/deflate.h"

#include <zlib.h>

#include <climits>
#include <new>
#include <string>

#include "index/index.h"

namespace bidscope {
namespace {

// Negative window bits select raw deflate: no zlib header and no Adler-32
// checksum, which saves six bytes per stream. Damage is then caught only
// when the stream fails to decode to its recorded size.
constexpr int kWindowBits = -15;
constexpr int kMemLevel = 9;

// The largest ratio deflate can reach: a match of the longest length, 258
// bytes, coded in two bits at best. A recorded size above it means damage,
// and is rejected before anything is allocated.
constexpr size_t kMaxRatio = 1032;

const Bytef* ZlibBytes(std::string_view bytes) {
  return reinterpret_cast<const Bytef*>(bytes.data());
}

IndexError Damaged(const char* part, const std::string& reason) {
  return IndexError(std::string("stored document data is malformed: ") + part +
                    ": " + reason);
}

// A deflate stream kept for the thread and reset for each call. A new
// stream allocates about 380 KiB of buffers. With the page faults that
// follow, that took 30% of the time to deflate 3 KB (zlib 1.2.13).
class ReusedDeflate {
 public:
  ReusedDeflate() {
    if (deflateInit2(&stream_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kWindowBits,
                     kMemLevel, Z_DEFAULT_STRATEGY) != Z_OK) {
      throw std::bad_alloc();
    }
  }
  ~ReusedDeflate() { deflateEnd(&stream_); }
  ReusedDeflate(const ReusedDeflate&) = delete;
  ReusedDeflate& operator=(const ReusedDeflate&) = delete;

  // Returns the stream as deflateInit2 and `dictionary` leave a new one.
  z_stream& Start(std::string_view dictionary) {
    deflateReset(&stream_);
    if (!dictionary.empty()) {
      deflateSetDictionary(&stream_, ZlibBytes(dictionary),
                           static_cast<uInt>(dictionary.size()));
    }
    return stream_;
  }

 private:
  z_stream stream_{};
};

}  // namespace

std::string Deflate(std::string_view data, std::string_view dictionary) {
  if (data.empty()) return {};
  if (data.size() > UINT_MAX / 2) {
    throw IndexError("document data over 2 GiB cannot be stored");
  }
  thread_local ReusedDeflate reused;
  z_stream& stream = reused.Start(dictionary);
  // One call with Z_FINISH and deflateBound's room compresses it all.
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = const_cast<Bytef*>(ZlibBytes(data));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int status = deflate(&stream, Z_FINISH);
  size_t written = stream.total_out;
  if (status != Z_STREAM_END) {
    throw IndexError("deflating document data failed: zlib status " +
                     std::to_string(status));
  }
  out.resize(written);
  return out;
}

std::string Inflate(std::string_view stream_bytes, std::string_view dictionary,
                    size_t size, const char* part) {
  return InflatePrefix(stream_bytes, dictionary, size, size, part);
}

std::string InflatePrefix(std::string_view stream_bytes,
                          std::string_view dictionary, size_t size,
                          size_t limit, const char* part) {
  if (size == 0) {
    if (!stream_bytes.empty()) throw Damaged(part, "data for an empty part");
    return {};
  }
  if (stream_bytes.empty() || size / kMaxRatio > stream_bytes.size() ||
      stream_bytes.size() > UINT_MAX || size > UINT_MAX) {
    throw Damaged(part, "invalid size: " + std::to_string(size) +
                            " bytes recorded for a " +
                            std::to_string(stream_bytes.size()) +
                            "-byte stream");
  }
  z_stream stream{};
  if (inflateInit2(&stream, kWindowBits) != Z_OK) throw std::bad_alloc();
  if (!dictionary.empty() &&
      inflateSetDictionary(&stream, ZlibBytes(dictionary),
                           static_cast<uInt>(dictionary.size())) != Z_OK) {
    inflateEnd(&stream);
    throw std::bad_alloc();
  }
  bool whole = limit >= size;
  std::string out(whole ? size : limit, '\0');
  stream.next_in = const_cast<Bytef*>(ZlibBytes(stream_bytes));
  stream.avail_in = static_cast<uInt>(stream_bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int status = inflate(&stream, whole ? Z_FINISH : Z_NO_FLUSH);
  // A prefix is checked only for being there: the rest of the stream is
  // not decoded, so damage after it goes unnoticed until the whole part is
  // inflated.
  bool exact = whole ? status == Z_STREAM_END && stream.avail_out == 0 &&
                           stream.avail_in == 0
                     : (status == Z_OK || status == Z_BUF_ERROR) &&
                           stream.avail_out == 0;
  inflateEnd(&stream);
  if (!exact) throw Damaged(part, "invalid compressed data");
  return out;
}

}  // namespace bidscope
