// Entry point of the module bidscope-pdf.so (extract/pdf_module.h).
#include "extract/pdf_module.h"

extern "C" __attribute__((visibility("default"))) void bidscope_extract_pdf(
    std::string_view bytes, const bidscope::ExtractOptions& options,
    bidscope::Document* out) {
  *out = bidscope::ExtractPdfInProcess(bytes, options);
}
