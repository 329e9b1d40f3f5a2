// ExtractRecords: a scraped dump becomes the file's document followed by
// one kRecord document per record.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "extract/charset.h"
#include "extract/extract.h"
#include "extract/formats.h"
#include "extract/records_amounts.h"
#include "extract/records_date.h"
#include "extract/records_html.h"
#include "extract/records_source.h"

namespace bidscope {

namespace {

// Decodes the dump to UTF-8: a BOM wins, then valid UTF-8, then
// detection (GB18030 for most Chinese exports that are not UTF-8).
std::string DecodeDump(std::string_view bytes, Document* file_doc) {
  DecodedText decoded = DecodeToUtf8(bytes);
  file_doc->metadata.encoding = decoded.encoding;
  if (decoded.invalid_sequences > 0) {
    file_doc->warnings.push_back(
        fmt::format("{} byte sequences invalid in {} replaced with U+FFFD",
                    decoded.invalid_sequences, decoded.encoding));
  }
  return std::move(decoded.utf8);
}

// A field's value as page text, with HTML markup stripped.
std::string FieldText(const std::string& value) {
  return ContainsMarkup(value) ? HtmlFragmentToText(value) : value;
}

// Canonical form of a record for its id: fields sorted by key, one
// "key=value" line each, so the same record from two dumps, or with its
// columns in another order, has one id.
std::string CanonicalText(const RecordFields& fields) {
  RecordFields sorted = fields;
  std::sort(sorted.begin(), sorted.end());
  std::string text;
  for (const auto& [key, value] : sorted) {
    text += key + "=" + value + "\n";
  }
  return text;
}

// Page text: the title, then the body fields, then every other non-empty
// field except the URL and date as "key: value" lines, so that buyers,
// winners and amounts held in their own columns stay searchable. A body
// that starts with the title, as scraped pages often do, gives it once.
std::string PageText(const RecordFields& fields, const FieldRoles& roles) {
  std::vector<std::string> parts;
  for (int i : roles.text) parts.push_back(FieldText(fields[i].second));
  if (roles.title >= 0) {
    std::string title = FieldText(fields[roles.title].second);
    std::string_view body = parts.empty() ? "" : std::string_view(parts[0]);
    size_t start = body.find_first_not_of(" \t\r\n");
    bool repeated = !title.empty() && start != std::string_view::npos &&
                    body.substr(start).starts_with(title);
    if (!repeated) parts.insert(parts.begin(), std::move(title));
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    int index = int(i);
    bool has_role = index == roles.url || index == roles.title ||
                    index == roles.date ||
                    std::find(roles.text.begin(), roles.text.end(), index) !=
                        roles.text.end();
    const std::string& value = fields[i].second;
    if (has_role || value.find_first_not_of(" \t\r\n") == std::string::npos) {
      continue;
    }
    parts.push_back(fields[i].first + ": " + FieldText(value));
  }

  std::string text;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!text.empty()) text += '\n';
    text += part;
  }
  return text;
}

Document RecordDocument(const SourceRecord& record, const Document& file_doc,
                        const FieldRoles& roles) {
  Document doc;
  doc.format = Format::kRecord;
  doc.status = ExtractStatus::kOk;
  doc.parent_id = file_doc.id;
  doc.locator = fmt::format("record {}", record.number);
  doc.metadata.encoding = file_doc.metadata.encoding;

  std::string canonical = CanonicalText(record.fields);
  doc.id = Sha256Hex(canonical);
  doc.size_bytes = canonical.size();

  if (roles.title >= 0) {
    doc.metadata.title = FieldText(record.fields[roles.title].second);
  }
  if (roles.url >= 0)
    doc.metadata.extra["url"] = record.fields[roles.url].second;
  if (roles.date >= 0) {
    const std::string& date = record.fields[roles.date].second;
    doc.metadata.created = NormalizeRecordDate(date);
    doc.metadata.extra["date"] = date;
  }

  RecordColumns parties = FindRecordColumns(record.fields);
  if (!parties.region.empty()) doc.metadata.extra["region"] = parties.region;
  if (!parties.notice_type.empty()) {
    doc.metadata.extra["notice_type"] = parties.notice_type;
  }
  if (!parties.project_number.empty()) {
    doc.metadata.extra["project_number"] = parties.project_number;
  }
  if (!parties.buyer.empty()) doc.metadata.extra["buyer"] = parties.buyer;
  if (!parties.agency.empty()) doc.metadata.extra["agency"] = parties.agency;
  if (!parties.suppliers.empty()) {
    doc.metadata.extra["suppliers"] =
        fmt::format("{}", fmt::join(parties.suppliers, "\n"));
  }

  std::vector<std::string> amounts;
  for (const RecordAmount& a : FindRecordAmounts(record.fields)) {
    amounts.push_back(fmt::format("{}\t{}\t{}\t{}: {}", a.kind, a.value,
                                  a.currency, a.column, a.text));
  }
  if (!amounts.empty()) {
    doc.metadata.extra["amounts"] = fmt::format("{}", fmt::join(amounts, "\n"));
  }

  Page page;
  page.text = PageText(record.fields, roles);
  page.origin = TextOrigin::kPlain;
  doc.pages.push_back(std::move(page));
  doc.metadata.page_count = 1;
  return doc;
}

RecordSet ReadRecords(std::string_view text, Format format) {
  switch (format) {
    case Format::kCsv:
      return ReadCsvRecords(text);
    case Format::kJsonLines:
      return ReadJsonLinesRecords(text);
    default:
      return ReadJsonRecords(text);
  }
}

}  // namespace

std::vector<Document> ExtractRecords(std::string_view bytes, Format format,
                                     const ExtractOptions& options) {
  Document file_doc;
  file_doc.id = Sha256Hex(bytes);
  file_doc.format = format;
  file_doc.size_bytes = bytes.size();
  file_doc.status = ExtractStatus::kOk;

  std::string text = DecodeDump(bytes, &file_doc);
  RecordSet set = ReadRecords(text, format);
  for (std::string& warning : set.warnings) {
    file_doc.warnings.push_back(std::move(warning));
  }
  if (!set.error.empty()) {
    file_doc.status = ExtractStatus::kFailed;
    file_doc.error = set.error;
  }

  // A field name given on the command line that no record has is most
  // likely a typo, which would otherwise go unnoticed until the results
  // look wrong.
  struct FieldFlag {
    const char* flag;
    const std::vector<std::string>& names;
    bool found = false;
  };
  FieldFlag flags[] = {{"--url-field", options.url_fields},
                       {"--title-field", options.title_fields},
                       {"--date-field", options.date_fields},
                       {"--text-field", options.text_fields}};

  std::vector<Document> docs{std::move(file_doc)};
  for (const SourceRecord& record : set.records) {
    FieldRoles roles = AssignFieldRoles(record.fields, options);
    flags[0].found |= roles.url >= 0;
    flags[1].found |= roles.title >= 0;
    flags[2].found |= roles.date >= 0;
    flags[3].found |= !roles.text.empty();
    docs.push_back(RecordDocument(record, docs.front(), roles));
  }
  for (const FieldFlag& flag : flags) {
    if (flag.names.empty() || flag.found || set.records.empty()) continue;
    docs.front().warnings.push_back(fmt::format(
        "{} {}: no record of this file has a non-empty column or key of "
        "that name",
        flag.flag, fmt::join(flag.names, ",")));
  }
  return docs;
}

}  // namespace bidscope
