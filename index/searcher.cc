// Searcher over a read-only Xapian database.
#include <xapian.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "index/fields_terms.h"
#include "index/file_state_json.h"
#include "index/filters.h"
#include "index/index.h"
#include "index/query_parser.h"
#include "index/shard_stub.h"
#include "index/snippet.h"
#include "index/stored_data.h"
#include "index/term_scheme.h"
#include "index/terms.h"
#include "index/topic_terms.h"
#include "index/topic_terms_internal.h"
#include "index/translations.h"

namespace bidscope {
namespace {

// Attempts at a read that a concurrent commit invalidated before giving up.
constexpr int kMaxReadAttempts = 5;

// Maximum length of a document id (SHA-256 in hex).
constexpr size_t kIdLength = 64;

// Characters of Hit::first_line, about a terminal line with the rank.
constexpr size_t kFirstLineChars = 60;

// Bytes of a hit's text inflated first for the snippet of a query with
// one pattern, whose first match ends the snippet's search and usually
// lies near the start. The whole text is inflated only when the snippet
// could depend on text past this. With several patterns, the best passage
// has them all close together, which the start of the text seldom has, and
// a second try cost more than the first saved.
constexpr size_t kSnippetTextBytes = 16 * 1024;

// Matches a search counts one by one before it estimates the rest.
constexpr Xapian::doccount kCountExactly = 1000;

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  });
}

bool IsHexPrefix(const std::string& text) {
  if (text.empty() || text.size() > kIdLength) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

[[noreturn]] void Fail(const std::string& dir, const std::string& what,
                       const Xapian::Error& e) {
  throw IndexError(dir + ": " + what + " failed: " + e.get_description());
}

// Runs `fn` on the latest committed revision of `db`, reopening and
// retrying when a writer's commit replaces the revision being read.
template <typename Fn>
auto ReadLatest(Xapian::Database& db, const std::string& dir,
                const std::string& what, Fn&& fn) {
  for (int attempt = 1;; ++attempt) {
    try {
      db.reopen();
      return fn();
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= kMaxReadAttempts) Fail(dir, what, e);
    } catch (const Xapian::Error& e) {
      Fail(dir, what, e);
    }
  }
}

class XapianSearcher : public Searcher {
 public:
  XapianSearcher(Xapian::Database db, std::string dir)
      : db_(std::move(db)), dir_(std::move(dir)) {}

  // Reads the latest revision; the template is defined before its uses
  // because its return type is deduced.
  template <typename Fn>
  auto Read(const std::string& what, Fn&& fn) {
    return ReadLatest(db_, dir_, what, std::forward<Fn>(fn));
  }

  SearchResult Search(std::string_view query,
                      const SearchOptions& options) override {
    ParsedQuery parsed;
    Xapian::Query xapian_query = Xapian::Query::MatchAll;
    if (!IsBlank(query)) {
      parsed = ParseQuery(query);
      xapian_query = Xapian::Query::unserialise(parsed.serialised);
    }
    if (std::optional<Xapian::Query> filter = FilterQuery(options.filters)) {
      xapian_query =
          Xapian::Query(Xapian::Query::OP_FILTER, xapian_query, *filter);
    }
    if (std::optional<Xapian::Query> filter = TopicAndTimeFilter(options)) {
      xapian_query =
          Xapian::Query(Xapian::Query::OP_FILTER, xapian_query, *filter);
    }
    return Read("searching", [&] {
      Xapian::Enquire enquire(db_);
      enquire.set_query(xapian_query);
      enquire.set_weighting_scheme(Xapian::BM25Weight());
      ApplySortOrder(options.sort, db_, &enquire);
      Xapian::MSet mset = enquire.get_mset(
          static_cast<Xapian::doccount>(options.offset),
          static_cast<Xapian::doccount>(options.limit),
          options.exact_count ? db_.get_doccount() : Xapian::doccount{0});
      SearchResult result;
      if (mset.get_matches_lower_bound() == mset.get_matches_upper_bound()) {
        result.total_estimate = mset.get_matches_lower_bound();
        result.total_exact = true;
        result.total_lower = result.total_upper = result.total_estimate;
      } else {
        Count count = CountMatches(xapian_query);
        // The matches seen by either run bound the count from below.
        result.total_lower = std::max<uint64_t>(
            {count.exact ? count.matches : kCountExactly,
             mset.get_matches_lower_bound(),
             static_cast<uint64_t>(mset.size()) + options.offset});
        result.total_upper =
            count.exact ? count.matches : mset.get_matches_upper_bound();
        result.total_upper = std::max(result.total_upper, result.total_lower);
        result.total_estimate = std::clamp<uint64_t>(
            count.matches, result.total_lower, result.total_upper);
        result.total_exact = count.exact;
      }
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        result.hits.push_back(MakeHit(it, parsed, options));
      }
      return result;
    });
  }

  std::optional<Stored> Get(const std::string& id_or_path) override {
    return Read("reading document " + id_or_path,
                [&]() -> std::optional<Stored> {
                  std::optional<Xapian::docid> docid = FindDocument(id_or_path);
                  if (!docid) return std::nullopt;
                  std::string raw = db_.get_document(*docid).get_data();
                  StoredData data = ParseStoredData(raw);
                  return Stored{std::move(data.document), std::move(data.paths),
                                std::move(raw), std::move(data.path_urls)};
                });
  }

  uint64_t DocumentCount() override {
    return Read("counting documents",
                [&] { return static_cast<uint64_t>(db_.get_doccount()); });
  }

  std::vector<FileState> ListFileStates() override {
    return Read("listing file states", [&] {
      std::vector<FileState> states;
      for (auto it = db_.metadata_keys_begin(kFileStateKeyPrefix);
           it != db_.metadata_keys_end(kFileStateKeyPrefix); ++it) {
        std::optional<FileState> state =
            FileStateFromJson(db_.get_metadata(*it));
        if (state) states.push_back(std::move(*state));
      }
      return states;
    });
  }

  std::string GetMetadata(const std::string& key) override {
    return Read("reading metadata " + key,
                [&] { return db_.get_metadata(kUserMetadataPrefix + key); });
  }

 private:
  struct Count {
    uint64_t matches = 0;
    bool exact = false;
  };

  // Counts the matches of `query` exactly up to kCountExactly, and above
  // that extrapolates from the share of document ids it took to find
  // that many. Xapian estimates an AND from its terms' frequencies as if
  // they occurred independently. The characters and bigrams of a phrase
  // do not: at 100,000 documents it gave 2,000 for the 38,865 matches of
  // 政府采购, where this gives 38,680.
  // NOTE: the extrapolation assumes that matches are spread evenly over
  // the order in which files were indexed.
  Count CountMatches(const Xapian::Query& query) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    // With equal weights in id order, Xapian stops at the last match asked
    // for.
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet last = enquire.get_mset(kCountExactly - 1, Xapian::doccount{1},
                                         Xapian::doccount{0});
    if (last.empty()) return {last.get_matches_lower_bound(), true};
    double share = static_cast<double>(*last.begin()) /
                   static_cast<double>(db_.get_lastdocid());
    return {static_cast<uint64_t>(kCountExactly / share + 0.5), false};
  }

  Hit MakeHit(const Xapian::MSetIterator& it, const ParsedQuery& parsed,
              const SearchOptions& options) {
    // The summary is enough for a result list. The document JSON is
    // parsed only for complete fields and for imported translations.
    std::string data = it.get_document().get_data();
    size_t text_limit = !options.snippets             ? 0
                        : parsed.patterns.size() <= 1 ? kSnippetTextBytes
                                                      : SIZE_MAX;
    StoredHit stored = ParseStoredHit(data, text_limit);
    std::optional<nlohmann::json> document;
    auto full_json = [&]() -> const nlohmann::json& {
      if (!document) document = ParseStoredJson(data);
      return *document;
    };

    Hit hit;
    hit.doc_id = std::move(stored.id);
    hit.paths = std::move(stored.paths);
    hit.url = std::move(stored.url);
    hit.path_urls = std::move(stored.path_urls);
    hit.title = std::move(stored.title);
    hit.format = std::move(stored.format);
    hit.score = it.get_weight();
    hit.rank = static_cast<int>(it.get_rank()) + 1;
    hit.topics = std::move(stored.topics);
    hit.brief = std::move(stored.brief);
    if (options.full_fields) {
      if (std::optional<Fields> fields = StoredFieldsFromJson(full_json())) {
        hit.fields = std::move(*fields);
      }
    }
    if (!options.snippets) return hit;
    std::optional<Snippet> snippet;
    std::optional<std::string> first_line;
    if (stored.text_cut) {
      snippet = MakeSnippetFromStart(stored.pages, parsed.patterns,
                                     options.snippet_chars);
      if (snippet)
        first_line = FirstLineFromStart(stored.pages, kFirstLineChars);
    }
    if (!snippet || !first_line) {
      if (stored.text_cut) stored.pages = ParseStoredHit(data).pages;
      snippet =
          MakeSnippet(stored.pages, parsed.patterns, options.snippet_chars);
      first_line = FirstLine(stored.pages, kFirstLineChars);
    }
    hit.snippet = std::move(snippet->text);
    hit.highlights = std::move(snippet->highlights);
    hit.page = snippet->page;
    hit.first_line = std::move(*first_line);
    if (stored.translated) {
      AddTranslationToHit(full_json(), parsed.patterns, &hit);
    }
    return hit;
  }

  std::optional<Xapian::docid> FirstWithTerm(const std::string& term) {
    Xapian::PostingIterator it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return std::nullopt;
    return *it;
  }

  // A path first, then a whole id, then an id prefix shared by no other.
  std::optional<Xapian::docid> FindDocument(const std::string& id_or_path) {
    if (auto by_path = FirstWithTerm(PathTerm(id_or_path))) return by_path;
    if (!IsHexPrefix(id_or_path)) return std::nullopt;
    std::string prefix = kIdPrefix + id_or_path;
    Xapian::TermIterator it = db_.allterms_begin(prefix);
    if (it == db_.allterms_end(prefix)) return std::nullopt;
    std::string term = *it;
    if (++it != db_.allterms_end(prefix)) return std::nullopt;  // ambiguous
    return FirstWithTerm(term);
  }

  Xapian::Database db_;
  std::string dir_;
};

// Why Xapian found no database at `dir`, in the words of a user who
// named the wrong folder.
std::string WhyNoDatabase(const std::string& dir,
                          const Xapian::DatabaseOpeningError& e) {
  std::error_code error;
  std::filesystem::file_status status = std::filesystem::status(dir, error);
  if (status.type() == std::filesystem::file_type::not_found) {
    return "no such file or folder";
  }
  // Xapian's errors have no virtual functions to cast with.
  bool not_found = std::string_view(e.get_type()) == "DatabaseNotFoundError";
  if (not_found && std::filesystem::is_directory(status) &&
      !IsShardedIndex(dir)) {
    return "no bidscope index in this folder (bidscope index --db DIR FILES "
           "makes one)";
  }
  // Xapian reads any other file as a stub listing databases.
  if (std::filesystem::is_regular_file(status)) {
    return "not a bidscope index: a file that is not a stub listing shards "
           "(" +
           e.get_msg() + ")";
  }
  return e.get_description();
}

}  // namespace

std::unique_ptr<Searcher> Searcher::Open(const std::string& dir) {
  try {
    Xapian::Database db(dir);
    CheckTermScheme(db, dir);
    return std::make_unique<XapianSearcher>(std::move(db), dir);
  } catch (const Xapian::DatabaseOpeningError& e) {
    // DatabaseNotFoundError is a DatabaseOpeningError.
    throw IndexError(
        dir + ": cannot open the index for reading: " + WhyNoDatabase(dir, e));
  } catch (const Xapian::Error& e) {
    throw IndexError(
        dir + ": cannot open the index for reading: " + e.get_description());
  }
}

}  // namespace bidscope
