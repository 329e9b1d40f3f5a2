// The Xapian index: writing prepared documents, tracking the state of every
// input file, and searching with exact Chinese substring semantics.
#ifndef BIDSCOPE_INDEX_INDEX_H_
#define BIDSCOPE_INDEX_INDEX_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"
#include "extract/fields.h"

namespace bidscope {

// Any failure of the index itself (cannot open, locked, corrupt). The
// message names the directory and Xapian's description.
class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A query that does not parse. The message gives the position and reason.
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Builds the Xapian document for `doc` (terms with positions, values and
// stored data, without paths) and returns it serialised, so that worker
// processes can do this work and the single writer only stores it.
std::string PrepareDocument(const Document& doc);

// A prepared document decoded into the form the writer stores. Decoding is
// a third of the writer's work per document, so a thread other than the
// writer's can do it. Move-only.
class DecodedDocument {
 public:
  // Throws IndexError when `prepared` is not the output of PrepareDocument.
  explicit DecodedDocument(std::string_view prepared);
  ~DecodedDocument();
  DecodedDocument(DecodedDocument&&) noexcept;
  DecodedDocument& operator=(DecodedDocument&&) noexcept;

  struct Impl;  // index/document_builder.h
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// State of one input path as the last run recorded it.
struct FileState {
  std::string path;
  int64_t size = 0;
  int64_t mtime_ns = 0;
  std::string doc_id;  // empty when the file produced no document
  std::string status;  // indexed, duplicate, encrypted, unsupported, failed
  std::string reason;
};

// The outcome of IndexWriter::Put for one document.
enum class PutResult {
  kAdded,     // stored as a new document
  kSameId,    // same bytes as a stored document, which gained the path
  kSameText,  // other bytes, same normalised text as a stored document
              // (a repost), which gained the path
};

class IndexWriter {
 public:
  // Opens or creates the index in `dir`. Throws IndexError, naming the
  // directory, when it is locked by another writer or cannot be opened.
  static std::unique_ptr<IndexWriter> Open(const std::string& dir);
  virtual ~IndexWriter() = default;

  // Stores a prepared document under its id, found at `path`. A document
  // with the same id, or with the same normalised text, gains the path
  // instead of being written twice.
  virtual PutResult Put(const std::string& doc_id, DecodedDocument doc,
                        const std::string& path) = 0;

  // The same for the output of PrepareDocument.
  PutResult Put(const std::string& doc_id, const std::string& prepared,
                const std::string& path) {
    return Put(doc_id, DecodedDocument(prepared), path);
  }

  // Removes `path` from a document; the document goes with its last path.
  virtual void RemovePath(const std::string& doc_id,
                          const std::string& path) = 0;

  // Removes `path` from every document found at it, whatever its id, and
  // erases the path's file state, so that the file is extracted again.
  virtual void ForgetPath(const std::string& path) = 0;

  virtual std::optional<FileState> GetFileState(
      const std::string& path) const = 0;
  virtual void SetFileState(const FileState& state) = 0;
  virtual void EraseFileState(const std::string& path) = 0;
  virtual std::vector<FileState> ListFileStates() const = 0;

  // Free-form metadata kept with the index, committed with the documents.
  virtual void SetMetadata(const std::string& key,
                           const std::string& value) = 0;
  virtual std::string GetMetadata(const std::string& key) const = 0;

  // Returns the number of documents, counting those not committed yet.
  virtual uint64_t DocumentCount() const = 0;

  // Makes everything written so far durable and visible to readers.
  virtual void Commit() = 0;
};

// Filters on procurement fields (index/fields_terms.h). An empty member
// filters nothing; set members must all match.
struct FieldFilters {
  std::string notice_type;  // intention, tender, amendment, award ...
  std::string method;       // open, invited, rfq, single_source ...
  std::string buyer;        // exact substring of the buyer's name
  std::string agency;       // exact substring of the agency's name
  std::string supplier;     // exact substring of a supplier's name
  std::string region;       // division name (合肥市) or 6-digit code
  std::string project;      // project number (项目编号), normalised
  std::string after;        // published on or after this ISO date
  std::string before;       // published on or before this ISO date
  // Award amount in CNY, or the budget when there is no award.
  std::optional<double> min_amount;
  std::optional<double> max_amount;
};

enum class SortOrder {
  kRelevance,
  kDate,    // newest published first
  kAmount,  // largest award (else budget) first
};

struct SearchOptions {
  int limit = 10;
  int offset = 0;

  // Length of a snippet in characters (code points), not bytes.
  size_t snippet_chars = 160;

  FieldFilters filters;
  SortOrder sort = SortOrder::kRelevance;

  // False skips snippets and highlights, for counting and exporting many
  // hits.
  bool snippets = true;

  // True counts every match. False counts the first 1,000 and estimates
  // the rest, which for a phrase of common characters at 100,000
  // documents is several times faster.
  bool exact_count = false;

  // Only documents tagged with this lexicon category (index/topic_terms.h),
  // compared without case; empty for every document.
  std::string topic;

  // Only documents indexed after this time, in seconds since the Unix
  // epoch; 0 for every document.
  double indexed_after = 0;

  // True reads every procurement field of each hit into Hit::fields.
  // False leaves Hit::fields empty and fills only Hit::brief, which for a
  // long notice (hundreds of amounts and dates with their raw text) is
  // many times faster.
  bool full_fields = true;
};

// The procurement fields a result list shows of a hit.
struct FieldsBrief {
  std::string notice_type;
  std::string buyer;
  std::string published;        // YYYY-MM-DD, or empty
  std::vector<Amount> amounts;  // kind, value and currency; raw empty
};

// A byte range [begin, end) inside a snippet that matched the query.
struct Highlight {
  size_t begin = 0;
  size_t end = 0;
};

struct Hit {
  std::string doc_id;
  std::vector<std::string> paths;

  // The address the document was published at: a record's URL column or a
  // saved page's location. Empty when the file gives none.
  std::string url;

  // URL of a repost found at a path after the first, when its record gave
  // another URL than `url`.
  std::map<std::string, std::string> path_urls;

  std::string title;
  // The first line of the text (index/snippet.h), which result lists show
  // when there is no title. Filled with the snippet.
  std::string first_line;
  std::string format;
  std::optional<int> page;  // 1-based; empty for formats without pages
  std::string snippet;      // original (unnormalised) text, valid UTF-8
  std::vector<Highlight> highlights;
  double score = 0;
  int rank = 0;

  // Imported translation of the segment that matched, or else of the
  // segment nearest the snippet on its page; empty when there is none.
  std::string translation;

  // Lexicon categories the document is tagged with.
  std::vector<std::string> topics;

  // Procurement fields from the stored data when SearchOptions::full_fields
  // is set; empty otherwise and for documents indexed before fields were
  // stored.
  Fields fields;

  // The fields a result list shows, always filled.
  FieldsBrief brief;
};

struct SearchResult {
  uint64_t total_estimate = 0;
  // True when the matches were counted, so that total_estimate is the
  // count.
  bool total_exact = false;
  // Bounds on the count: every estimate lies between them.
  uint64_t total_lower = 0;
  uint64_t total_upper = 0;
  std::vector<Hit> hits;
};

class Searcher {
 public:
  // Opens the index in `dir` for reading. Throws IndexError.
  static std::unique_ptr<Searcher> Open(const std::string& dir);
  virtual ~Searcher() = default;

  // Throws QueryError for a query that does not parse. An empty or blank
  // query matches every document, for searches by filters alone.
  virtual SearchResult Search(std::string_view query,
                              const SearchOptions& options) = 0;

  // The stored document with this id (or unique id prefix) or found at
  // this path, with every path it was found at.
  struct Stored {
    Document document;
    std::vector<std::string> paths;

    // The stored data as written (JSON), with what Document does not
    // carry: translations (index/translations.h) and topics.
    std::string data;

    // URLs of reposts found at paths after the first (StoredData).
    std::map<std::string, std::string> path_urls;
  };
  virtual std::optional<Stored> Get(const std::string& id_or_path) = 0;

  virtual uint64_t DocumentCount() = 0;
  virtual std::vector<FileState> ListFileStates() = 0;
  virtual std::string GetMetadata(const std::string& key) = 0;
};

}  // namespace bidscope

#endif  // BIDSCOPE_INDEX_INDEX_H_
