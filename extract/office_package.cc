#include "extract/office_package.h"

#include <utility>

namespace bidscope {

PackageLimits PackageLimitsFrom(const ExtractOptions& options) {
  PackageLimits limits;
  limits.max_member_bytes = options.max_decoded_bytes;
  limits.max_total_bytes = options.max_archive_total_bytes;
  limits.max_compression_ratio = options.max_compression_ratio;
  return limits;
}

XmlDocPtr ReadXmlPart(ZipPackage& package, const std::string& name,
                      std::string& error) {
  std::string contents;
  if (!package.Read(name, contents, error)) return nullptr;
  std::string parse_error;
  XmlDocPtr part = ParseXml(contents, {}, parse_error);
  if (part == nullptr) {
    error = name + ": invalid XML: " + parse_error;
    return nullptr;
  }
  if (part->intSubset != nullptr) {
    error = name + ": DOCTYPE declarations are not allowed in office parts";
    return nullptr;
  }
  return part;
}

Document FailedDocument(std::string error) {
  Document doc;
  doc.status = ExtractStatus::kFailed;
  doc.error = std::move(error);
  return doc;
}

}  // namespace bidscope
