// The preset dictionaries that stored data is deflated with
// (index/deflate.h). Their bytes are part of the index format, because
// data must be inflated with the dictionary it was deflated with. So the
// files in index/dictionaries never change: a better dictionary comes as
// a new file with a new layout tag, and the old one stays for old data.
//
// stored-json-1.dict: the lexicon's procurement terms as the topics JSON
// writes them, then the JSON of the sample corpus's documents and
// summaries with hashes and paths blanked. stored-text-1.dict: headings,
// labels and phrases that Chinese procurement notices repeat, the most
// frequent last. Data without any of their strings compresses as it would
// without a dictionary.
#ifndef BIDSCOPE_INDEX_STORED_DATA_DICTIONARIES_H_
#define BIDSCOPE_INDEX_STORED_DATA_DICTIONARIES_H_

#include <string_view>

namespace bidscope {

// Returns the dictionary of the summary and document JSON.
std::string_view StoredJsonDictionary();

// Returns the dictionary of the page texts.
std::string_view StoredTextDictionary();

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_STORED_DATA_DICTIONARIES_H_
