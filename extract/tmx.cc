#include "extract/tmx.h"

#include <string>

#include "extract/segment_language.h"
#include "extract/segment_translation.h"
#include "extract/segment_xml.h"

namespace bidscope {
namespace {

using segment_internal::XmlWriter;

void WriteProp(XmlWriter& writer, std::string_view type,
               std::string_view value) {
  writer.StartElement("prop");
  writer.Attribute("type", type);
  writer.Text(value);
  writer.EndElement();
}

void WriteVariant(XmlWriter& writer, std::string_view language,
                  std::string_view text) {
  writer.StartElement("tuv");
  writer.Attribute("xml:lang", language);
  writer.StartElement("seg");
  writer.Text(text);
  writer.EndElement();  // seg
  writer.EndElement();  // tuv
}

std::string LanguageOf(const SegmentedDocument& document) {
  return document.language.empty() ? DetectSourceLanguage(document.segments)
                                   : document.language;
}

}  // namespace

std::string WriteTmx(const std::vector<SegmentedDocument>& documents,
                     const std::map<std::string, std::string>& targets,
                     const TmxOptions& options) {
  std::string source_language = options.source_language;
  if (source_language.empty()) {
    source_language = documents.empty() ? "zh-CN" : LanguageOf(documents[0]);
  }

  XmlWriter writer;
  writer.StartElement("tmx");
  writer.Attribute("version", "1.4");
  writer.StartElement("header");
  writer.Attribute("creationtool", "bidscope");
  writer.Attribute("creationtoolversion", "0.1.0");
  writer.Attribute("segtype", "sentence");
  writer.Attribute("o-tmf", "bidscope");
  writer.Attribute("adminlang", options.admin_language);
  writer.Attribute("srclang", source_language);
  writer.Attribute("datatype", "plaintext");
  writer.EndElement();  // header

  writer.StartElement("body");
  for (const SegmentedDocument& document : documents) {
    const std::string language = LanguageOf(document);
    for (const Segment& segment : document.segments) {
      writer.StartElement("tu");
      writer.Attribute("tuid", segment.id);
      WriteProp(writer, "x-doc", segment.doc_id);
      WriteProp(writer, "x-page", std::to_string(segment.page));
      WriteProp(writer, "x-kind", SegmentKindName(segment.kind));
      for (const SegmentNote& note : segment.notes) {
        writer.StartElement("note");
        writer.Text(note.category + ": " + note.text);
        writer.EndElement();
      }
      WriteVariant(writer, language, segment.source);
      if (auto it = targets.find(segment.id); it != targets.end()) {
        WriteVariant(writer, options.target_language, it->second);
      }
      writer.EndElement();  // tu
    }
  }
  writer.EndElement();  // body
  writer.EndElement();  // tmx
  return writer.Finish();
}

}  // namespace bidscope
