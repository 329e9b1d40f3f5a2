// Parties read from running text when labelled lines give none. Internal
// to extract/: it exposes ICU types.
#ifndef BIDSCOPE_EXTRACT_PARTIES_PHRASES_H_
#define BIDSCOPE_EXTRACT_PARTIES_PHRASES_H_

#include <unicode/unistr.h>

#include <vector>

#include "extract/parties.h"

namespace bidscope::parties_internal {

// Fills an empty buyer and agency from "代理机构受采购人的委托", and an
// empty supplier list from a supplier table header and the first
// organisation name after it. `text` is in NFKC form.
void FillFromPhrases(const icu::UnicodeString& text, Parties& parties);

// The cells of a pipe-table row ("a | b | c"), each trimmed.
std::vector<icu::UnicodeString> SplitCells(const icu::UnicodeString& line);

}  // namespace bidscope::parties_internal

#endif  // BIDSCOPE_EXTRACT_PARTIES_PHRASES_H_
