// Reading XML parts of office packages (XLSX, ODS, ODT) under the limits
// of ExtractOptions. libxml2 and libzip stay behind ZipPackage and
// XmlDocPtr, both internal to the extraction library.
#ifndef BIDSCOPE_EXTRACT_OFFICE_PACKAGE_H_
#define BIDSCOPE_EXTRACT_OFFICE_PACKAGE_H_

#include <string>

#include "extract/extract.h"
#include "extract/ooxml_package.h"
#include "extract/xml_util.h"

namespace bidscope {

// Member and total size limits and the compression ratio limit taken from
// `options`.
PackageLimits PackageLimitsFrom(const ExtractOptions& options);

// Reads and parses part `name`. Returns null and sets `error` (naming the
// part) when it is missing, over a limit, not well-formed or carries a
// DOCTYPE declaration: neither OOXML nor ODF allows one, and entities
// declared there are the usual way to expand text without bound.
XmlDocPtr ReadXmlPart(ZipPackage& package, const std::string& name,
                      std::string& error);

// A document with status kFailed and `error`.
Document FailedDocument(std::string error);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_OFFICE_PACKAGE_H_
