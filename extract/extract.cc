#include "extract/extract.h"

#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <new>
#include <sstream>

#include "extract/formats.h"
#include "extract/page_furniture.h"

namespace bidscope {

namespace {

Document Unsupported(Format format) {
  Document doc;
  doc.status = ExtractStatus::kUnsupported;
  doc.error = "unsupported format: " + std::string(FormatName(format));
  return doc;
}

Document Empty() {
  Document doc;
  doc.status = ExtractStatus::kUnsupported;
  doc.error = "empty file";
  return doc;
}

// Runs the extractor for one format. Containers return several documents.
std::vector<Document> Dispatch(std::string_view bytes, Format format,
                               const ExtractOptions& options, int depth) {
  switch (format) {
    case Format::kPdf: {
      Document pdf = ExtractPdf(bytes, options);
      MarkPageFurniture(pdf);
      return {std::move(pdf)};
    }
    case Format::kHtml:
      return {ExtractHtml(bytes, options)};
    case Format::kDocx:
      return {ExtractDocx(bytes, options)};
    case Format::kText:
      return {ExtractPlainText(bytes)};
    case Format::kXml:
      return {ExtractXml(bytes, options)};
    case Format::kDoc:
      return {ExtractDoc(bytes, options)};
    case Format::kRtf:
      return {ExtractRtf(bytes, options)};
    case Format::kXlsx:
      return {ExtractXlsx(bytes, options)};
    case Format::kOds:
      return {ExtractOds(bytes, options)};
    case Format::kOdt:
      return {ExtractOdt(bytes, options)};
    case Format::kZip:
    case Format::kRar:
    case Format::kSevenZip:
      return ExtractArchive(bytes, options, depth);
    case Format::kCsv:
    case Format::kJson:
    case Format::kJsonLines:
      return ExtractRecords(bytes, format, options);
    default:
      return {bytes.empty() ? Empty() : Unsupported(format)};
  }
}

}  // namespace

std::vector<Document> ExtractBytesAtDepth(std::string_view bytes,
                                          std::string_view path,
                                          const ExtractOptions& options,
                                          int depth) {
  Format format = DetectFormat(bytes);
  std::vector<Document> docs;

  // Bad input is data: any exception an extractor lets through becomes a
  // failed document, except running out of memory, which the caller's
  // resource limits must see.
  try {
    docs = Dispatch(bytes, format, options, depth);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    Document failed;
    failed.status = ExtractStatus::kFailed;
    failed.error = e.what();
    docs = {std::move(failed)};
  }
  if (docs.empty()) docs.emplace_back();

  // The first document is the file itself; containers set their members'
  // ids, formats and sizes.
  Document& self = docs.front();
  self.id = Sha256Hex(bytes);
  if (self.format == Format::kUnknown) self.format = format;
  self.size_bytes = bytes.size();
  if (self.metadata.page_count == 0)
    self.metadata.page_count = static_cast<int>(self.pages.size());
  for (size_t i = 1; i < docs.size(); ++i) {
    if (docs[i].parent_id.empty()) docs[i].parent_id = self.id;
  }
  (void)path;
  return docs;
}

std::vector<Document> ExtractBytes(std::string_view bytes,
                                   std::string_view path,
                                   const ExtractOptions& options) {
  return ExtractBytesAtDepth(bytes, path, options, 0);
}

std::vector<Document> ExtractFile(const std::string& path,
                                  const ExtractOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Document failed;
    failed.status = ExtractStatus::kFailed;
    failed.error = std::string("cannot open: ") + std::strerror(errno);
    return {failed};
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    Document failed;
    failed.status = ExtractStatus::kFailed;
    failed.error = std::string("read failed: ") + std::strerror(errno);
    return {failed};
  }
  std::string bytes = std::move(buffer).str();
  return ExtractBytes(bytes, path, options);
}

}  // namespace bidscope
