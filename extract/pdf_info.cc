#include "extract/pdf_info.h"

#include <string>
#include <utility>

#include <poppler-document.h>

#include "extract/pdf_metadata.h"

namespace bidscope {
namespace {

std::u16string CodeUnits(const poppler::ustring& value) {
  return std::u16string(value.begin(), value.end());
}

// Reads one Info string, noting a warning when it was guessed to be GBK.
std::string ReadInfoString(const poppler::document& pdf, const char* key,
                           Document& doc) {
  DecodedPdfString decoded = DecodePdfInfoString(CodeUnits(pdf.info_key(key)));
  if (decoded.guessed_gbk) {
    doc.warnings.push_back(std::string("PDF Info ") + key +
                           " is not Unicode; decoded as GBK (guessed)");
  }
  return decoded.text;
}

struct PermissionName {
  poppler::permission_enum permission;
  const char* denied;
};

constexpr PermissionName kPermissions[] = {
    {poppler::perm_copy, "no-copy"},
    {poppler::perm_print, "no-print"},
    {poppler::perm_print_high_resolution, "no-print-high-resolution"},
    {poppler::perm_change, "no-modify"},
    {poppler::perm_add_notes, "no-annotate"},
    {poppler::perm_fill_forms, "no-fill-forms"},
    {poppler::perm_accessibility, "no-accessibility"},
    {poppler::perm_assemble, "no-assemble"},
};

void ReadPermissions(const poppler::document& pdf, Metadata& metadata) {
  if (!pdf.is_encrypted()) return;
  metadata.extra["encrypted"] = "true";
  std::string denied;
  for (const PermissionName& entry : kPermissions) {
    if (pdf.has_permission(entry.permission)) continue;
    if (!denied.empty()) denied += ',';
    denied += entry.denied;
  }
  if (!denied.empty()) metadata.extra["permissions"] = denied;
}

}  // namespace

void ReadPdfInfo(const poppler::document& pdf, Document& doc) {
  Metadata& metadata = doc.metadata;
  metadata.title = ReadInfoString(pdf, "Title", doc);
  metadata.author = ReadInfoString(pdf, "Author", doc);
  metadata.subject = ReadInfoString(pdf, "Subject", doc);
  metadata.keywords = ReadInfoString(pdf, "Keywords", doc);
  metadata.creator = ReadInfoString(pdf, "Creator", doc);
  metadata.producer = ReadInfoString(pdf, "Producer", doc);

  // poppler-cpp's date functions return UTC; the raw string keeps the
  // producer's offset.
  metadata.created = PdfDateToIso8601(ReadInfoString(pdf, "CreationDate", doc));
  metadata.modified = PdfDateToIso8601(ReadInfoString(pdf, "ModDate", doc));

  // Word processors write the file name as the Info title; XMP often has
  // the real one.
  if (metadata.title.empty() || IsFileNameTitle(metadata.title)) {
    // poppler-cpp returns the stream's bytes one per code unit.
    std::string xmp = DecodePdfInfoString(CodeUnits(pdf.metadata())).text;
    std::string xmp_title = XmpTitle(xmp);
    if (!xmp_title.empty() && !IsFileNameTitle(xmp_title)) {
      metadata.title = std::move(xmp_title);
    }
  }
  ReadPermissions(pdf, metadata);
}

}  // namespace bidscope
