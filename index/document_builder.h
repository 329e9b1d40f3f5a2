// The terms, values and data of one document as PrepareDocument collects
// them in a worker process, and their serialised form, which the index
// writer decodes into a Xapian::Document.
//
// Xapian::Document looks its term map up once per position it is given,
// and a Chinese notice has thousands of positions. The builder groups
// postings in a hash table and sorts the distinct terms once, and the
// writer adds each term with all its positions in order, as
// Xapian::Document::unserialise does.
//
// Serialised form: the byte 'B', the values (count, then slot, length and
// bytes of each), the terms in byte order (count, then length, bytes, wdf,
// position count and position increments of each), then the data. Counts
// and lengths are LEB128 varints. The form only travels from a worker to
// its writer and is never stored.
#ifndef BIDSCOPE_INDEX_DOCUMENT_BUILDER_H_
#define BIDSCOPE_INDEX_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/index.h"
#include "index/terms.h"

namespace bidscope {

class DocumentBuilder {
 public:
  // Adds `term` without a position and raises its wdf by `wdf_increment`,
  // as Xapian::Document::add_term does.
  void AddTerm(std::string term, uint32_t wdf_increment = 1);

  // Adds `term` at `position` (at least 1) and raises its wdf by 1, as
  // Xapian::Document::add_posting does. A position given twice is kept
  // once.
  void AddPosting(std::string term, uint32_t position);

  // Adds `term` with wdf 0, for filtering.
  void AddBooleanTerm(std::string term) { AddTerm(std::move(term), 0); }

  // Adds every posting of `terms`: position 0 means a term without one.
  void AddPostings(GeneratedTerms terms);

  // Sets the value in `slot`; an empty value removes it, as in Xapian.
  void AddValue(unsigned slot, std::string value);

  void SetData(std::string data) { data_ = std::move(data); }

  std::string Serialise() const;

 private:
  struct TermEntry {
    uint32_t wdf = 0;
    std::vector<uint32_t> positions;  // in the order given
  };

  std::unordered_map<std::string, TermEntry> terms_;
  std::map<unsigned, std::string> values_;
  std::string data_;
};

// The document a DocumentBuilder serialised. Throws IndexError when
// `serialised` is malformed (not written by DocumentBuilder::Serialise).
Xapian::Document DecodePreparedDocument(std::string_view serialised);

struct DecodedDocument::Impl {
  Xapian::Document document;
};

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_DOCUMENT_BUILDER_H_
