// The steps of an extraction that do not depend on the format. The format
// module (extract.cc) runs them around its dispatch. The program's loader
// (formats_loader.cc) runs them itself for a PDF, so a process that reads
// PDFs does not load the format module with its archive and mail libraries.
#ifndef BIDSCOPE_EXTRACT_EXTRACT_STEPS_H_
#define BIDSCOPE_EXTRACT_EXTRACT_STEPS_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"
#include "extract/extract.h"

namespace bidscope {

// Reads the whole file at `path` into `bytes`. When it cannot be opened or
// read, returns a failed document giving the system error.
std::optional<Document> ReadWholeFile(const std::string& path,
                                      std::string& bytes);

// Runs `extractor` on `bytes`, which DetectFormat found to be `format`.
// An exception it throws becomes one failed document, except
// std::bad_alloc, which the caller's resource limits must see. Then the
// first document, the file itself, gets its id, format, size and page
// count, and the others name it as their parent.
std::vector<Document> CompleteExtraction(
    std::string_view bytes, Format format,
    const std::function<std::vector<Document>()>& extractor);

// Returns true when `bytes` begin with a PDF header. DetectFormat reads
// such bytes as PDF whatever follows. A header after leading junk is left
// to DetectFormat.
bool StartsAsPdf(std::string_view bytes);

// Extracts a PDF through the PDF module and marks its running heads and
// page numbers as page furniture.
Document ExtractPdfDocument(std::string_view bytes,
                            const ExtractOptions& options);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_EXTRACT_STEPS_H_
