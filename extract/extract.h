// Entry points of the extraction stage: bytes in, documents out.
#ifndef BIDSCOPE_EXTRACT_EXTRACT_H_
#define BIDSCOPE_EXTRACT_EXTRACT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace bidscope {

enum class OcrMode {
  kAuto,    // OCR only pages without a usable text layer
  kNever,   // never run Tesseract
  kAlways,  // OCR every PDF page, even with a good text layer
};

struct ExtractOptions {
  OcrMode ocr = OcrMode::kAuto;

  // Tesseract languages such as "chi_sim+eng". Empty chooses per page.
  std::string ocr_languages;

  // Password tried on encrypted PDFs; empty tries only the empty password.
  std::string password;

  // Largest decoded size of one stream or archive member, in bytes.
  size_t max_decoded_bytes = 256u << 20;

  // Largest total size of all members extracted from one archive.
  size_t max_archive_total_bytes = 1024u << 20;

  // Largest ratio of decoded to compressed size in an archive member.
  double max_compression_ratio = 200.0;

  // How deep archives nested in archives are opened.
  int max_archive_depth = 3;

  // Column or key names holding a record's URL, title, date and body in
  // CSV and JSON dumps. Empty lists use the built-in heuristics.
  std::vector<std::string> url_fields;
  std::vector<std::string> title_fields;
  std::vector<std::string> date_fields;
  std::vector<std::string> text_fields;
};

// Detects the format from the leading bytes and the structure of the data.
// The file name is never consulted.
Format DetectFormat(std::string_view bytes);

// Extracts `bytes`. The first document is the file itself; archives and
// record dumps append one document per member or record, each naming the
// first as its parent. `path` is used only in warnings.
std::vector<Document> ExtractBytes(std::string_view bytes,
                                   std::string_view path,
                                   const ExtractOptions& options);

// The same for a member found `depth` archives deep; archives deeper than
// ExtractOptions::max_archive_depth are reported, not opened.
std::vector<Document> ExtractBytesAtDepth(std::string_view bytes,
                                          std::string_view path,
                                          const ExtractOptions& options,
                                          int depth);

// Reads and extracts a file. A file that cannot be read yields one
// document with status kFailed and the system error.
std::vector<Document> ExtractFile(const std::string& path,
                                  const ExtractOptions& options);

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_EXTRACT_H_
