#include "extract/document.h"

namespace bidscope {

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kUnknown:
      return "unknown";
    case Format::kPdf:
      return "pdf";
    case Format::kHtml:
      return "html";
    case Format::kXml:
      return "xml";
    case Format::kDocx:
      return "docx";
    case Format::kXlsx:
      return "xlsx";
    case Format::kOdt:
      return "odt";
    case Format::kOds:
      return "ods";
    case Format::kDoc:
      return "doc";
    case Format::kRtf:
      return "rtf";
    case Format::kText:
      return "text";
    case Format::kCsv:
      return "csv";
    case Format::kJson:
      return "json";
    case Format::kJsonLines:
      return "jsonl";
    case Format::kZip:
      return "zip";
    case Format::kRar:
      return "rar";
    case Format::kSevenZip:
      return "7z";
    case Format::kImage:
      return "image";
    case Format::kEmail:
      return "email";
    case Format::kMhtml:
      return "mhtml";
    case Format::kMbox:
      return "mbox";
    case Format::kRecord:
      return "record";
  }
  return "unknown";
}

std::string_view ExtractStatusName(ExtractStatus status) {
  switch (status) {
    case ExtractStatus::kOk:
      return "ok";
    case ExtractStatus::kEncrypted:
      return "encrypted";
    case ExtractStatus::kUnsupported:
      return "unsupported";
    case ExtractStatus::kFailed:
      return "failed";
    case ExtractStatus::kEmpty:
      return "empty";
  }
  return "failed";
}

std::string_view TextOriginName(TextOrigin origin) {
  switch (origin) {
    case TextOrigin::kTextLayer:
      return "text-layer";
    case TextOrigin::kOcr:
      return "ocr";
    case TextOrigin::kMarkup:
      return "markup";
    case TextOrigin::kPlain:
      return "plain";
    case TextOrigin::kNone:
      return "none";
  }
  return "none";
}

}  // namespace bidscope
