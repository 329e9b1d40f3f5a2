#include "extract/xliff.h"

#include <set>
#include <stdexcept>
#include <string>

#include "extract/segment_language.h"
#include "extract/segment_xml.h"

namespace bidscope {
namespace {

using segment_internal::XmlWriter;

std::string CommonLanguage(const std::vector<SegmentedDocument>& documents) {
  std::string language;
  for (const SegmentedDocument& document : documents) {
    std::string own = document.language.empty()
                          ? DetectSourceLanguage(document.segments)
                          : document.language;
    if (language.empty()) language = own;
    if (own != language) {
      throw std::invalid_argument(
          "documents in " + language + " and " + own +
          " cannot share one XLIFF file; set XliffOptions::source_language "
          "or write one file per language");
    }
  }
  return language.empty() ? "zh-CN" : language;
}

void WriteNote(XmlWriter& writer, std::string_view category,
               std::string_view text) {
  writer.StartElement("note");
  writer.Attribute("category", category);
  writer.Text(text);
  writer.EndElement();
}

void WriteUnit(XmlWriter& writer, const Segment& segment) {
  writer.StartElement("unit");
  writer.Attribute("id", segment.id);
  writer.StartElement("notes");
  WriteNote(writer, "page", std::to_string(segment.page));
  WriteNote(writer, "kind", SegmentKindName(segment.kind));
  for (const SegmentNote& note : segment.notes) {
    WriteNote(writer, note.category, note.text);
  }
  writer.EndElement();  // notes
  writer.StartElement("segment");
  writer.StartElement("source");
  writer.Text(segment.source);
  writer.EndElement();  // source
  writer.EndElement();  // segment
  writer.EndElement();  // unit
}

}  // namespace

std::string WriteXliff(const std::vector<SegmentedDocument>& documents,
                       const XliffOptions& options) {
  const std::string source_language = options.source_language.empty()
                                          ? CommonLanguage(documents)
                                          : options.source_language;
  XmlWriter writer;
  writer.StartElementNs("xliff", kXliffNamespace);
  writer.Attribute("version", "2.1");
  writer.Attribute("srcLang", source_language);
  writer.Attribute("trgLang", options.target_language);

  std::set<std::string> file_ids;
  for (const SegmentedDocument& document : documents) {
    if (!file_ids.insert(document.doc_id).second) {
      throw std::invalid_argument("document " + document.doc_id +
                                  " appears twice in one XLIFF file");
    }
    // XLIFF requires at least one unit in a file.
    if (document.segments.empty()) continue;
    writer.StartElement("file");
    writer.Attribute("id", document.doc_id);
    writer.Attribute("original", document.path);
    for (const Segment& segment : document.segments) {
      WriteUnit(writer, segment);
    }
    writer.EndElement();  // file
  }
  writer.EndElement();  // xliff
  return writer.Finish();
}

}  // namespace bidscope
