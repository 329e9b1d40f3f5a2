// The format extractors and the dispatcher that chooses among them
// (ExtractBytes, ExtractFile) are built as a module, bidscope-formats.so,
// that bidscope loads the first time it extracts a file. They bring libzip,
// libarchive and their libraries (OpenSSL among them), whose loading cost
// every process, a search or a show that extracts nothing, about a third
// of its start-up time.
#ifndef BIDSCOPE_EXTRACT_FORMATS_MODULE_H_
#define BIDSCOPE_EXTRACT_FORMATS_MODULE_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"
#include "extract/extract.h"

namespace bidscope {

// File name of the module, looked for as LoadModule does.
inline constexpr char kFormatsModuleFile[] = "bidscope-formats.so";

// Symbol of the module's entry point, a FormatsModuleEntry.
inline constexpr char kFormatsModuleEntrySymbol[] = "bidscope_extract";

// Extracts `bytes`, read from `path` (used only in warnings), into `out`
// as ExtractBytes does. Exceptions such as std::bad_alloc pass through to
// the caller.
using FormatsModuleEntry = void (*)(std::string_view bytes,
                                    std::string_view path,
                                    const ExtractOptions& options,
                                    std::vector<Document>* out);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_FORMATS_MODULE_H_
