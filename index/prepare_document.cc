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
#include "index/document_builder.h"
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

void AddBooleanTerms(const Document& doc, DocumentBuilder* builder) {
  builder->AddBooleanTerm(kIdPrefix + doc.id);
  builder->AddBooleanTerm(kFormatPrefix + std::string(FormatName(doc.format)));
  builder->AddBooleanTerm(kStatusPrefix +
                          std::string(ExtractStatusName(doc.status)));
  if (!doc.parent_id.empty()) {
    builder->AddBooleanTerm(kParentPrefix + doc.parent_id);
  }
}

void AddValues(const Document& doc, DocumentBuilder* builder) {
  builder->AddValue(kFormatSlot, std::string(FormatName(doc.format)));
  if (!doc.metadata.created.empty()) {
    builder->AddValue(kCreatedSlot, doc.metadata.created);
  }
  builder->AddValue(kSizeSlot, Xapian::sortable_serialise(
                                   static_cast<double>(doc.size_bytes)));
  builder->AddValue(kPageCountSlot,
                    Xapian::sortable_serialise(doc.metadata.page_count));
}

// Indexes the title under its field prefix and as free text, then every
// reliable page, with kPageGap positions between pages so that no phrase
// spans two of them.
void AddText(const Document& doc,
             const std::vector<std::string>& normalized_pages,
             DocumentBuilder* builder) {
  uint32_t position = 1;
  if (!doc.metadata.title.empty()) {
    std::string title = NormalizeText(doc.metadata.title);
    builder->AddPostings(GenerateTerms(title, kTitlePrefix, 1));
    GeneratedTerms free_text = GenerateTerms(title, "", position);
    position = free_text.next_position + kPageGap;
    builder->AddPostings(std::move(free_text));
  }
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    if (!doc.pages[i].reliable) continue;
    GeneratedTerms terms = GenerateTerms(normalized_pages[i], "", position);
    position = terms.next_position + kPageGap;
    builder->AddPostings(std::move(terms));
  }
}

}  // namespace

std::string PrepareDocument(const Document& doc) {
  DocumentBuilder builder;
  AddBooleanTerms(doc, &builder);
  AddValues(doc, &builder);
  // Each reliable page is normalised once, for its terms, the content hash
  // and the topics.
  std::vector<std::string> normalized_pages;
  for (const Page& page : doc.pages) {
    normalized_pages.push_back(page.reliable ? NormalizeText(page.text)
                                             : std::string());
  }
  AddText(doc, normalized_pages, &builder);
  nlohmann::json data = DocumentToJson(doc);
  AddFields(doc, normalized_pages, &builder, &data);
  AddTopics(doc, normalized_pages, &builder, &data);
  AddIndexedAt(&builder);
  builder.SetData(SerializeStoredData(std::move(data)));
  return builder.Serialise();
}

}  // namespace bidscope
