#include "extract/extract_steps.h"

#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <new>
#include <sstream>
#include <utility>

#include "extract/formats.h"
#include "extract/page_furniture.h"

namespace bidscope {
namespace {

Document FailedRead(const char* operation, int error) {
  Document failed;
  failed.status = ExtractStatus::kFailed;
  failed.error = std::string(operation) + ": " + std::strerror(error);
  return failed;
}

}  // namespace

std::optional<Document> ReadWholeFile(const std::string& path,
                                      std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return FailedRead("cannot read", errno);
  // A folder opens as a stream of no bytes, which would pass for an empty
  // file.
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return FailedRead("cannot read", EISDIR);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return FailedRead("read failed", errno);
  bytes = std::move(buffer).str();
  return std::nullopt;
}

std::vector<Document> CompleteExtraction(
    std::string_view bytes, Format format,
    const std::function<std::vector<Document>()>& extractor) {
  std::vector<Document> docs;
  // Bad input is data: an extractor's exception becomes a failed document.
  try {
    docs = extractor();
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    Document failed;
    failed.status = ExtractStatus::kFailed;
    failed.error = e.what();
    docs = {std::move(failed)};
  }
  if (docs.empty()) docs.emplace_back();

  // Containers have already set their members' ids, formats and sizes.
  Document& self = docs.front();
  self.id = Sha256Hex(bytes);
  if (self.format == Format::kUnknown) self.format = format;
  self.size_bytes = bytes.size();
  if (self.metadata.page_count == 0)
    self.metadata.page_count = static_cast<int>(self.pages.size());
  for (size_t i = 1; i < docs.size(); ++i) {
    if (docs[i].parent_id.empty()) docs[i].parent_id = self.id;
  }
  return docs;
}

bool StartsAsPdf(std::string_view bytes) { return bytes.starts_with("%PDF-"); }

Document ExtractPdfDocument(std::string_view bytes,
                            const ExtractOptions& options) {
  Document pdf = ExtractPdf(bytes, options);
  MarkPageFurniture(pdf);
  return pdf;
}

}  // namespace bidscope
