// Reads a Poppler document's Info dictionary, XMP title and permissions
// into bidscope metadata. Internal to the PDF extractor.
#ifndef BIDSCOPE_EXTRACT_PDF_INFO_H_
#define BIDSCOPE_EXTRACT_PDF_INFO_H_

#include "extract/document.h"

namespace poppler {
class document;
}  // namespace poppler

namespace bidscope {

// Fills `doc.metadata` (title to modified, and the "encrypted" and
// "permissions" extras) from an unlocked `pdf`, adding a warning for every
// string whose encoding was guessed.
void ReadPdfInfo(const poppler::document& pdf, Document& doc);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_PDF_INFO_H_
