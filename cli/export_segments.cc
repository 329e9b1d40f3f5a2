#include "cli/export_segments.h"

#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>

#include "cli/document_display.h"
#include "cli/output.h"
#include "extract/lexicon.h"
#include "extract/segment.h"
#include "extract/segment_jsonl.h"
#include "extract/segment_language.h"
#include "extract/segment_notes.h"
#include "extract/tmx.h"
#include "extract/xliff.h"
#include "index/fields_terms.h"
#include "index/index.h"
#include "index/translations.h"

namespace bidscope::cli {
namespace {

// Ids of the documents to export: all of them, or every match of the
// query in rank order.
std::vector<std::string> SelectDocuments(const std::string& db,
                                         const std::string& query,
                                         Searcher& searcher) {
  if (query.empty()) return ListDocumentIds(db);
  SearchOptions options;
  options.limit = static_cast<int>(searcher.DocumentCount());
  options.snippet_chars = 1;
  std::vector<std::string> ids;
  for (const Hit& hit : searcher.Search(query, options).hits) {
    ids.push_back(hit.doc_id);
  }
  return ids;
}

void ConvertSegments(Script script, const std::vector<std::string>& names,
                     SegmentedDocument* document) {
  if (script == Script::kOriginal) return;
  for (Segment& segment : document->segments) {
    segment.source = ConvertScriptKeepingNames(segment.source, script, names);
    for (SegmentNote& note : segment.notes) {
      note.text = ConvertScriptKeepingNames(note.text, script, names);
    }
  }
}

struct ExportInput {
  std::vector<SegmentedDocument> documents;
  std::map<std::string, std::string> targets;  // segment id -> translation
};

ExportInput CollectSegments(const SegmentExportOptions& options,
                            Searcher& searcher) {
  LexiconLoadResult lexicon = LoadLexicon();
  ExportInput input;
  for (const std::string& id :
       SelectDocuments(options.db, options.query, searcher)) {
    std::optional<Searcher::Stored> stored = searcher.Get(id);
    if (!stored) continue;
    SegmentedDocument document;
    document.doc_id = stored->document.id;
    document.path = stored->paths.empty() ? "" : stored->paths.front();
    document.segments = SegmentDocument(stored->document);
    if (document.segments.empty()) continue;  // XLIFF forbids empty files
    document.language = DetectSourceLanguage(document.segments);
    AnnotateSegments(&document.segments, lexicon.lexicon);
    if (options.script != Script::kOriginal) {
      std::optional<Fields> fields = StoredFields(stored->data);
      ConvertSegments(options.script, PartyNames(fields ? &*fields : nullptr),
                      &document);
    }
    for (const StoredTranslation& translation :
         StoredTranslations(stored->data)) {
      input.targets[translation.segment_id] = translation.target;
    }
    input.documents.push_back(std::move(document));
  }
  return input;
}

std::string Serialise(const std::string& format, const ExportInput& input) {
  if (format == "tmx") return WriteTmx(input.documents, input.targets);
  if (format == "jsonl") return WriteSegmentJsonl(input.documents);
  XliffOptions xliff;
  // Documents of different languages share one file, so the file names
  // the first one's; each <file> still carries its own units.
  if (!input.documents.empty()) {
    xliff.source_language = input.documents.front().language;
  }
  return WriteXliff(input.documents, xliff);
}

}  // namespace

bool IsSegmentExportFormat(const std::string& format) {
  return format == "xliff" || format == "tmx" || format == "jsonl";
}

int RunSegmentExport(const SegmentExportOptions& options) {
  std::unique_ptr<Searcher> searcher;
  ExportInput input;
  std::string text;
  try {
    searcher = Searcher::Open(options.db);
    input = CollectSegments(options, *searcher);
    text = Serialise(options.format, input);
  } catch (const IndexError& e) {
    PrintError(options.db, "export failed", e.what());
    return 2;
  } catch (const QueryError& e) {
    PrintError("", "invalid query '" + options.query + "'", e.what());
    return 2;
  } catch (const std::exception& e) {
    PrintError(options.db, "export failed", e.what());
    return 2;
  }

  if (options.output.empty() || options.output == "-") {
    std::cout << text;
  } else {
    std::ofstream out(options.output, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
      PrintError(options.output, "cannot write the export",
                 "check that the folder exists and is writable");
      return 2;
    }
  }
  return input.documents.empty() ? 1 : 0;
}

}  // namespace bidscope::cli
