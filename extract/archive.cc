// ExtractArchive: the archive document, then one document per member, each
// extracted by the dispatcher one level deeper. Members are decompressed in
// memory and never written to disk.
#include <fmt/format.h>

#include "extract/archive_names.h"
#include "extract/archive_reader.h"
#include "extract/extract.h"
#include "extract/formats.h"

namespace bidscope {

namespace {

Document ArchiveDocument(std::string_view bytes, Format format) {
  Document doc;
  doc.id = Sha256Hex(bytes);
  doc.format = format;
  doc.size_bytes = bytes.size();
  doc.status = ExtractStatus::kOk;
  return doc;
}

// Extracts one decompressed member and links its document to the archive.
// The dispatcher's own child documents (records of a dump member, members
// of a nested archive) keep the parent it gave them.
void AppendMember(ArchiveMember&& member, const std::string& locator,
                  const std::string& archive_id, const ExtractOptions& options,
                  int depth, std::vector<Document>* docs) {
  std::vector<Document> extracted =
      ExtractBytesAtDepth(member.data, locator, options, depth + 1);
  if (extracted.empty()) return;
  extracted.front().parent_id = archive_id;
  extracted.front().locator = locator;
  NestMemberLocators(locator, extracted);
  if (locator != member.path) {
    extracted.front().warnings.push_back(fmt::format(
        "unsafe member path \"{}\" reported as \"{}\"", member.path, locator));
  }
  for (Document& doc : extracted) docs->push_back(std::move(doc));
}

}  // namespace

void NestMemberLocators(const std::string& locator,
                        std::vector<Document>& extracted) {
  for (size_t i = 1; i < extracted.size(); ++i) {
    extracted[i].locator = locator + "/" + extracted[i].locator;
  }
}

std::vector<Document> ExtractArchive(std::string_view bytes,
                                     const ExtractOptions& options, int depth) {
  Format format = DetectFormat(bytes);
  if (format != Format::kRar && format != Format::kSevenZip) {
    format = Format::kZip;
  }
  std::vector<Document> docs{ArchiveDocument(bytes, format)};
  if (depth > options.max_archive_depth) {
    docs[0].warnings.push_back(fmt::format(
        "archive nested {} deep exceeds max_archive_depth {}; members skipped",
        depth, options.max_archive_depth));
    return docs;
  }

  ArchiveLimits limits{.max_member_bytes = options.max_decoded_bytes,
                       .max_compression_ratio = options.max_compression_ratio};
  const std::string archive_id = docs[0].id;
  // NOTE: the total is counted per archive, so nested archives can each
  // decompress up to max_archive_total_bytes.
  size_t total_bytes = 0;
  size_t member_count = 0;
  std::string listing;
  auto on_member = [&](ArchiveMember&& member) {
    ++member_count;
    std::string locator = SanitizeMemberPath(member.path);
    if (locator.empty()) locator = fmt::format("member {}", member_count);
    listing += locator + "\n";
    if (member.skip_reason) {
      docs[0].warnings.push_back(locator + ": " + *member.skip_reason);
      return true;
    }
    if (total_bytes + member.data.size() > options.max_archive_total_bytes) {
      docs[0].warnings.push_back(fmt::format(
          "{}: members exceed max_archive_total_bytes {}; the rest skipped",
          locator, options.max_archive_total_bytes));
      return false;
    }
    total_bytes += member.data.size();
    AppendMember(std::move(member), locator, archive_id, options, depth, &docs);
    return true;
  };

  std::string error = format == Format::kZip
                          ? ReadZipMembers(bytes, limits, on_member)
                          : ReadLibarchiveMembers(bytes, limits, on_member);
  // A damaged archive whose first members were read stays kOk, because
  // those members are real documents; the damage becomes a warning.
  if (!error.empty() && member_count == 0) {
    docs[0].status = ExtractStatus::kFailed;
    docs[0].error = error;
  } else if (!error.empty()) {
    docs[0].warnings.push_back("archive damaged after member " +
                               std::to_string(member_count) + ": " + error);
  }

  // One page of member paths, so that a search for a file name inside an
  // archive finds the archive.
  if (!listing.empty()) {
    Page page;
    page.text = std::move(listing);
    page.origin = TextOrigin::kPlain;
    docs[0].pages.push_back(std::move(page));
  }
  return docs;
}

}  // namespace bidscope
