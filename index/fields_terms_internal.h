// The part of field indexing that builds documents, for PrepareDocument.
#ifndef BIDSCOPE_INDEX_FIELDS_TERMS_INTERNAL_H_
#define BIDSCOPE_INDEX_FIELDS_TERMS_INTERNAL_H_

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "extract/document.h"
#include "index/document_builder.h"

namespace bidscope {

// Extracts the fields of `doc` and adds their terms and values to `builder`,
// the "fields" object to `data`, and the content hash term.
// normalized_pages[i] is NormalizeText of page i when the page is reliable.
void AddFields(const Document& doc,
               const std::vector<std::string>& normalized_pages,
               DocumentBuilder* builder, nlohmann::json* data);

// SHA-256 of the normalised text of every reliable page without layout
// whitespace, so that the same notice reposted with other bytes (markup,
// encoding, line wrapping) has the same hash. Empty when the document has
// no text.
std::string ContentHash(const Document& doc,
                        const std::vector<std::string>& normalized_pages);

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_FIELDS_TERMS_INTERNAL_H_
