#include "extract/extract.h"

#include <optional>
#include <string>
#include <utility>

#include "extract/extract_steps.h"
#include "extract/formats.h"

namespace bidscope {

namespace {

Document Unsupported(Format format) {
  Document doc;
  doc.status = ExtractStatus::kUnsupported;
  doc.error = "unsupported format: " + std::string(FormatName(format));
  return doc;
}

// Returns the format that the extension of `path` names, as errors write
// it, when bidscope reads that format. A file so named whose content is in
// no known format is damaged or mislabelled, such as a cut-off download or
// binary junk saved by a crawler. It fails, so the user sees it.
std::string_view ReadableFormatOfName(std::string_view path) {
  static const std::pair<std::string_view, std::string_view> kNames[] = {
      {"pdf", "PDF"},    {"doc", "DOC"},     {"docx", "DOCX"},
      {"rtf", "RTF"},    {"odt", "ODT"},     {"ods", "ODS"},
      {"xlsx", "XLSX"},  {"htm", "HTML"},    {"html", "HTML"},
      {"shtml", "HTML"}, {"xhtml", "HTML"},  {"xml", "XML"},
      {"txt", "text"},   {"csv", "CSV"},     {"json", "JSON"},
      {"jsonl", "JSON"}, {"ndjson", "JSON"}, {"zip", "ZIP"},
      {"rar", "RAR"},    {"7z", "7z"},       {"eml", "MIME e-mail"},
      {"mht", "MHTML"},  {"mhtml", "MHTML"}, {"mbox", "mailbox (mbox)"}};
  size_t slash = path.find_last_of('/');
  std::string_view name =
      slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string extension(name.substr(dot + 1));
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const auto& [suffix, format] : kNames) {
    if (extension == suffix) return format;
  }
  return {};
}

Document Unrecognised(std::string_view named_format) {
  Document doc;
  doc.status = ExtractStatus::kFailed;
  doc.error = "not a " + std::string(named_format) +
              " file: the content is in no format bidscope reads (damaged "
              "or mislabelled)";
  return doc;
}

Document Empty() {
  Document doc;
  doc.status = ExtractStatus::kEmpty;
  doc.error = "empty file";
  return doc;
}

// Runs the extractor for one format. Containers return several documents.
std::vector<Document> Dispatch(std::string_view bytes, Format format,
                               const ExtractOptions& options, int depth) {
  switch (format) {
    case Format::kPdf:
      return {ExtractPdfDocument(bytes, options)};
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
    case Format::kEmail:
    case Format::kMhtml:
      return ExtractMime(bytes, format, options, depth);
    case Format::kMbox:
      return ExtractMbox(bytes, options, depth);
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
  return CompleteExtraction(bytes, format, [&]() -> std::vector<Document> {
    std::string_view named_format = ReadableFormatOfName(path);
    if (format == Format::kUnknown && !bytes.empty() && !named_format.empty()) {
      return {Unrecognised(named_format)};
    }
    return Dispatch(bytes, format, options, depth);
  });
}

std::vector<Document> ExtractBytes(std::string_view bytes,
                                   std::string_view path,
                                   const ExtractOptions& options) {
  return ExtractBytesAtDepth(bytes, path, options, 0);
}

std::vector<Document> ExtractFile(const std::string& path,
                                  const ExtractOptions& options) {
  std::string bytes;
  if (std::optional<Document> failed = ReadWholeFile(path, bytes)) {
    return {std::move(*failed)};
  }
  return ExtractBytes(bytes, path, options);
}

}  // namespace bidscope
