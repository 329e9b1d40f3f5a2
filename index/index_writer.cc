// IndexWriter over a Xapian WritableDatabase.
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

#include "index/document_builder.h"
#include "index/fields_terms.h"
#include "index/file_state_json.h"
#include "index/index.h"
#include "index/shard_stub.h"
#include "index/sharded_writer.h"
#include "index/stored_data.h"
#include "index/term_scheme.h"
#include "index/terms.h"

namespace bidscope {
namespace {

// Runs `fn`, turning a Xapian::Error into an IndexError that names the
// index directory and the operation.
template <typename Fn>
auto GuardXapian(const std::string& dir, const std::string& what, Fn&& fn) {
  try {
    return fn();
  } catch (const Xapian::Error& e) {
    throw IndexError(dir + ": " + what + " failed: " + e.get_description());
  }
}

class XapianIndexWriter : public IndexWriter {
 public:
  XapianIndexWriter(Xapian::WritableDatabase db, std::string dir)
      : db_(std::move(db)), dir_(std::move(dir)) {}

  template <typename Fn>
  auto Guard(const std::string& what, Fn&& fn) const {
    return GuardXapian(dir_, what, std::forward<Fn>(fn));
  }

  PutResult Put(const std::string& doc_id, DecodedDocument decoded,
                const std::string& path) override {
    return Guard("storing document " + doc_id, [&] {
      std::string id_term = kIdPrefix + doc_id;
      Xapian::PostingIterator existing = db_.postlist_begin(id_term);
      if (existing != db_.postlist_end(id_term)) {
        AddPath(*existing, path);
        return PutResult::kSameId;
      }
      Xapian::Document& doc = decoded.impl().document;
      // The same notice reposted elsewhere (same normalised text, other
      // bytes) becomes an extra path of the document already stored.
      if (std::optional<Xapian::docid> same = FindSameText(doc)) {
        AddPath(*same, path, StoredDocumentUrl(doc.get_data()));
        return PutResult::kSameText;
      }
      doc.add_boolean_term(id_term);
      doc.add_boolean_term(PathTerm(path));
      doc.set_data(ReplaceStoredPaths(doc.get_data(), {path}));
      db_.replace_document(id_term, doc);
      return PutResult::kAdded;
    });
  }

  // The stored document with the content hash term of `doc`, if any.
  std::optional<Xapian::docid> FindSameText(const Xapian::Document& doc) {
    Xapian::TermIterator it = doc.termlist_begin();
    it.skip_to(kContentHashPrefix);
    if (it == doc.termlist_end()) return std::nullopt;
    std::string term = *it;
    if (!term.starts_with(kContentHashPrefix)) return std::nullopt;
    Xapian::PostingIterator same = db_.postlist_begin(term);
    if (same == db_.postlist_end(term)) return std::nullopt;
    return *same;
  }

  void RemovePath(const std::string& doc_id, const std::string& path) override {
    Guard("removing path " + path, [&] {
      // A repost merged into another document (see Put) is stored under
      // that document's id, so it is found by its path.
      std::string term = kIdPrefix + doc_id;
      Xapian::PostingIterator it = db_.postlist_begin(term);
      if (it == db_.postlist_end(term)) {
        term = PathTerm(path);
        it = db_.postlist_begin(term);
        if (it == db_.postlist_end(term)) return;
      }
      RemovePathFrom(*it, path);
    });
  }

  void ForgetPath(const std::string& path) override {
    Guard("forgetting path " + path, [&] {
      std::string term = PathTerm(path);
      std::vector<Xapian::docid> found(db_.postlist_begin(term),
                                       db_.postlist_end(term));
      for (Xapian::docid docid : found) RemovePathFrom(docid, path);
      db_.set_metadata(FileStateKey(path), "");
    });
  }

  std::optional<FileState> GetFileState(
      const std::string& path) const override {
    return Guard("reading file state of " + path, [&] {
      return FileStateFromJson(db_.get_metadata(FileStateKey(path)));
    });
  }

  void SetFileState(const FileState& state) override {
    Guard("writing file state of " + state.path, [&] {
      db_.set_metadata(FileStateKey(state.path), FileStateToJson(state));
    });
  }

  void EraseFileState(const std::string& path) override {
    Guard("erasing file state of " + path,
          [&] { db_.set_metadata(FileStateKey(path), ""); });
  }

  std::vector<FileState> ListFileStates() const override {
    return Guard("listing file states", [&] {
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

  void SetMetadata(const std::string& key, const std::string& value) override {
    Guard("writing metadata " + key,
          [&] { db_.set_metadata(kUserMetadataPrefix + key, value); });
  }

  std::string GetMetadata(const std::string& key) const override {
    return Guard("reading metadata " + key,
                 [&] { return db_.get_metadata(kUserMetadataPrefix + key); });
  }

  uint64_t DocumentCount() const override {
    return Guard("counting documents",
                 [&] { return static_cast<uint64_t>(db_.get_doccount()); });
  }

  void Commit() override {
    Guard("committing", [&] { db_.commit(); });
  }

 private:
  // Adds `path` to document `docid`. A repost's `url`, when it differs
  // from the document's own, is kept as the URL of that path.
  void AddPath(Xapian::docid docid, const std::string& path,
               const std::string& url = "") {
    Xapian::Document doc = db_.get_document(docid);
    std::vector<std::string> paths = StoredPaths(doc.get_data());
    if (std::find(paths.begin(), paths.end(), path) != paths.end()) return;
    paths.push_back(path);
    doc.add_boolean_term(PathTerm(path));
    std::string added_url;
    if (!url.empty() && url != StoredDocumentUrl(doc.get_data())) {
      added_url = url;
    }
    doc.set_data(ReplaceStoredPaths(doc.get_data(), paths, added_url));
    db_.replace_document(docid, doc);
  }

  // Removes `path` from document `docid`, deleting it with its last path.
  void RemovePathFrom(Xapian::docid docid, const std::string& path) {
    Xapian::Document doc = db_.get_document(docid);
    std::vector<std::string> paths = StoredPaths(doc.get_data());
    std::erase(paths, path);
    if (paths.empty()) {
      db_.delete_document(docid);
      return;
    }
    RemoveTermIfPresent(PathTerm(path), &doc);
    doc.set_data(ReplaceStoredPaths(doc.get_data(), paths));
    db_.replace_document(docid, doc);
  }

  static void RemoveTermIfPresent(const std::string& term,
                                  Xapian::Document* doc) {
    Xapian::TermIterator it = doc->termlist_begin();
    it.skip_to(term);
    if (it != doc->termlist_end() && *it == term) doc->remove_term(term);
  }

  // Xapian's WritableDatabase methods are not const, but the reading ones
  // do not change the database.
  mutable Xapian::WritableDatabase db_;
  std::string dir_;
};

}  // namespace

std::unique_ptr<IndexWriter> IndexWriter::Open(const std::string& dir) {
  if (IsShardedIndex(dir)) return OpenShardedIndexWriter(dir);
  // Xapian creates the index folder but not its parents. An error here
  // shows up as Xapian's own when it creates the folder.
  std::filesystem::path parent = std::filesystem::path(dir).parent_path();
  std::error_code ignored;
  if (!parent.empty()) std::filesystem::create_directories(parent, ignored);
  try {
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OPEN);
    RecordTermScheme(db, dir);
    return std::make_unique<XapianIndexWriter>(std::move(db), dir);
  } catch (const Xapian::Error& e) {
    throw IndexError(
        dir + ": cannot open the index for writing: " + e.get_description());
  }
}

}  // namespace bidscope
