#include <nettle/sha2.h>

#include "extract/extract.h"

namespace bidscope {

// Nettle rather than OpenSSL: as fast on this hardware (both use the
// SHA-NI instructions), and a far smaller library to load.
std::string Sha256Hex(std::string_view bytes) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, bytes.size(),
                reinterpret_cast<const uint8_t*>(bytes.data()));
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context, SHA256_DIGEST_SIZE, digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * SHA256_DIGEST_SIZE);
  for (unsigned int i = 0; i < SHA256_DIGEST_SIZE; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xf]);
  }
  return hex;
}

}  // namespace bidscope
