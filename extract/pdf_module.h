// PDF extraction is built as a module that bidscope loads on first use.
// Poppler brings about twenty shared libraries with it, and loading those
// cost every bidscope process, a search or a show that never opens a PDF,
// more time than its own work. OCR is a module of its own that this one
// loads when a page needs it (extract/ocr_module.h).
#ifndef BIDSCOPE_EXTRACT_PDF_MODULE_H_
#define BIDSCOPE_EXTRACT_PDF_MODULE_H_

#include <string_view>

#include "extract/document.h"
#include "extract/extract.h"

namespace bidscope {

// File name of the module. The loader looks for it beside the running
// executable, then in the build tree's cli folder.
inline constexpr char kPdfModuleFile[] = "bidscope-pdf.so";

// Symbol of the module's entry point, a PdfModuleEntry.
inline constexpr char kPdfModuleEntrySymbol[] = "bidscope_extract_pdf";

using PdfModuleEntry = void (*)(std::string_view bytes,
                                const ExtractOptions& options, Document* out);

// The PDF extractor itself (extract/pdf_extract.cc), which the module
// runs. ExtractPdf (extract/formats.h) loads the module and calls it.
Document ExtractPdfInProcess(std::string_view bytes,
                             const ExtractOptions& options);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_PDF_MODULE_H_
