#include "extract/segment_jsonl.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace bidscope {
namespace {

nlohmann::ordered_json SegmentToJson(const SegmentedDocument& document,
                                     const Segment& segment) {
  nlohmann::ordered_json notes = nlohmann::ordered_json::array();
  for (const SegmentNote& note : segment.notes) {
    notes.push_back({{"category", note.category}, {"text", note.text}});
  }
  return {{"id", segment.id},
          {"doc_id", segment.doc_id},
          {"path", document.path},
          {"page", segment.page},
          {"kind", SegmentKindName(segment.kind)},
          {"begin", segment.begin},
          {"end", segment.end},
          {"source", segment.source},
          {"notes", std::move(notes)},
          {"target", ""}};
}

}  // namespace

std::string WriteSegmentJsonl(const std::vector<SegmentedDocument>& documents) {
  std::string out;
  for (const SegmentedDocument& document : documents) {
    for (const Segment& segment : document.segments) {
      // Invalid UTF-8 becomes U+FFFD instead of throwing.
      out += SegmentToJson(document, segment)
                 .dump(-1, ' ', false,
                       nlohmann::ordered_json::error_handler_t::replace);
      out += '\n';
    }
  }
  return out;
}

std::vector<SegmentTranslation> ReadSegmentJsonlTranslations(
    std::string_view jsonl) {
  std::vector<SegmentTranslation> translations;
  std::set<std::string> seen;
  int line_number = 0;
  size_t start = 0;
  while (start < jsonl.size()) {
    size_t newline = jsonl.find('\n', start);
    if (newline == std::string_view::npos) newline = jsonl.size();
    std::string_view line = jsonl.substr(start, newline - start);
    start = newline + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;

    const std::string where = "line " + std::to_string(line_number) + ": ";
    nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.is_object()) {
      throw TranslationFileError(where + "not a JSON object");
    }
    auto id = record.find("id");
    if (id == record.end() || !id->is_string() ||
        id->get<std::string>().empty()) {
      throw TranslationFileError(where + "missing a string \"id\"");
    }
    auto target = record.find("target");
    if (target == record.end() || target->is_null()) continue;
    if (!target->is_string()) {
      throw TranslationFileError(where + "\"target\" is not a string");
    }
    if (!seen.insert(id->get<std::string>()).second) {
      throw TranslationFileError(where + "repeats the id " +
                                 id->get<std::string>());
    }
    if (target->get<std::string>().empty()) continue;
    translations.push_back(
        {id->get<std::string>(), target->get<std::string>()});
  }
  return translations;
}

}  // namespace bidscope
