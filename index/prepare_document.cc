// PrepareDocument: the terms, values and data of one document.
//
// Value slots: 0 format name, 1 creation date (ISO 8601 as extracted),
// 2 size in bytes (Xapian::sortable_serialise), 3 page count (same).
// Slots 10-14 hold procurement fields (index/fields_terms.h), slot 20 the
// indexing time (index/topic_terms.h).
#include <xapian.h>

#include <string>

#include "extract/document_json.h"
#include "extract/normalize.h"
#include "index/fields_terms_internal.h"
#include "index/index.h"
#include "index/stored_data.h"
#include "index/terms.h"
#include "index/topic_terms_internal.h"

namespace bidscope {
namespace {

enum ValueSlot : Xapian::valueno {
  kFormatSlot = 0,
  kCreatedSlot = 1,
  kSizeSlot = 2,
  kPageCountSlot = 3,
};

void AddPostings(const GeneratedTerms& terms, Xapian::Document* doc) {
  for (const Posting& posting : terms.postings) {
    if (posting.position == 0) {
      doc->add_term(posting.term);
    } else {
      doc->add_posting(posting.term, posting.position);
    }
  }
}

void AddBooleanTerms(const Document& doc, Xapian::Document* xdoc) {
  xdoc->add_boolean_term(kIdPrefix + doc.id);
  xdoc->add_boolean_term(kFormatPrefix + std::string(FormatName(doc.format)));
  xdoc->add_boolean_term(kStatusPrefix +
                         std::string(ExtractStatusName(doc.status)));
  if (!doc.parent_id.empty()) {
    xdoc->add_boolean_term(kParentPrefix + doc.parent_id);
  }
}

void AddValues(const Document& doc, Xapian::Document* xdoc) {
  xdoc->add_value(kFormatSlot, std::string(FormatName(doc.format)));
  if (!doc.metadata.created.empty()) {
    xdoc->add_value(kCreatedSlot, doc.metadata.created);
  }
  xdoc->add_value(kSizeSlot, Xapian::sortable_serialise(
                                 static_cast<double>(doc.size_bytes)));
  xdoc->add_value(kPageCountSlot,
                  Xapian::sortable_serialise(doc.metadata.page_count));
}

// Indexes the title under its field prefix and as free text, then every
// reliable page, with kPageGap positions between pages so that no phrase
// spans two of them.
void AddText(const Document& doc,
             const std::vector<std::string>& normalized_pages,
             Xapian::Document* xdoc) {
  uint32_t position = 1;
  if (!doc.metadata.title.empty()) {
    std::string title = NormalizeText(doc.metadata.title);
    AddPostings(GenerateTerms(title, kTitlePrefix, 1), xdoc);
    GeneratedTerms free_text = GenerateTerms(title, "", position);
    AddPostings(free_text, xdoc);
    position = free_text.next_position + kPageGap;
  }
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    if (!doc.pages[i].reliable) continue;
    GeneratedTerms terms = GenerateTerms(normalized_pages[i], "", position);
    AddPostings(terms, xdoc);
    position = terms.next_position + kPageGap;
  }
}

}  // namespace

std::string PrepareDocument(const Document& doc) {
  Xapian::Document xdoc;
  AddBooleanTerms(doc, &xdoc);
  AddValues(doc, &xdoc);
  // Each reliable page is normalised once, for its terms, the content hash
  // and the topics.
  std::vector<std::string> normalized_pages;
  for (const Page& page : doc.pages) {
    normalized_pages.push_back(page.reliable ? NormalizeText(page.text)
                                             : std::string());
  }
  AddText(doc, normalized_pages, &xdoc);
  nlohmann::json data = DocumentToJson(doc);
  AddFields(doc, normalized_pages, &xdoc, &data);
  AddTopics(doc, normalized_pages, &xdoc, &data);
  AddIndexedAt(&xdoc);
  xdoc.set_data(SerializeStoredData(std::move(data)));
  return xdoc.serialise();
}

}  // namespace bidscope
