// End-to-end search over the shared cases: documents are indexed through
// PrepareDocument and IndexWriter, then every query row is checked for the
// documents it must and must not match.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "index/index.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::SharedDir;
using testing::TempDir;

fs::path CaseDir(const std::string& name) {
  return SharedDir() / "cases" / name;
}

Document TextDocument(const std::string& title, const std::string& text) {
  Document doc;
  doc.id = Sha256Hex(title + "\n" + text);
  doc.format = Format::kText;
  doc.metadata.title = title;
  Page page;
  page.text = text;
  doc.pages.push_back(page);
  return doc;
}

// Splits a "title: ...\nbody: ..." file into its title and its text (both
// lines, without their labels).
Document TitledDocument(const std::string& content) {
  std::istringstream lines(content);
  std::string line;
  std::string title;
  std::string text;
  while (std::getline(lines, line)) {
    for (const char* label : {"title: ", "body: "}) {
      if (line.rfind(label, 0) == 0)
        line = line.substr(std::string(label).size());
    }
    if (title.empty()) title = line;
    if (!text.empty()) text += "\n";
    text += line;
  }
  return TextDocument(title, text);
}

std::set<std::string> SplitNames(const std::string& field) {
  std::set<std::string> names;
  std::istringstream parts(field);
  std::string name;
  while (std::getline(parts, name, ',')) {
    if (!name.empty()) names.insert(name);
  }
  return names;
}

struct QueryRow {
  std::string query;
  std::set<std::string> must_match;
  std::set<std::string> must_not_match;
};

std::vector<QueryRow> ReadQueries(const fs::path& tsv) {
  std::vector<QueryRow> rows;
  std::istringstream lines(ReadFile(tsv));
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::istringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, '\t')) fields.push_back(cell);
    fields.resize(3);
    rows.push_back({fields[0], SplitNames(fields[1]), SplitNames(fields[2])});
  }
  return rows;
}

// Indexes each docs/*.txt of a case under its file stem and returns the
// matched stems of every query.
class CaseIndex {
 public:
  explicit CaseIndex(bool titled_files) {
    writer_ = IndexWriter::Open(dir_.path().string());
    titled_ = titled_files;
  }

  void AddFile(const fs::path& path) {
    std::string content = ReadFile(path);
    Document doc =
        titled_ ? TitledDocument(content) : TextDocument("", content);
    std::string name = path.stem().string();
    writer_->Put(doc.id, PrepareDocument(doc), name);
  }

  void Add(const std::string& name, const Document& doc) {
    writer_->Put(doc.id, PrepareDocument(doc), name);
  }

  std::set<std::string> Matches(const std::string& query) {
    if (!searcher_) {
      writer_->Commit();
      searcher_ = Searcher::Open(dir_.path().string());
    }
    SearchOptions options;
    options.limit = 100;
    std::set<std::string> names;
    for (const Hit& hit : searcher_->Search(query, options).hits) {
      names.insert(hit.paths.begin(), hit.paths.end());
    }
    return names;
  }

 private:
  TempDir dir_;
  bool titled_ = false;
  std::unique_ptr<IndexWriter> writer_;
  std::unique_ptr<Searcher> searcher_;
};

void CheckCase(const std::string& name, bool titled) {
  fs::path dir = CaseDir(name);
  CaseIndex index(titled);
  for (const auto& entry : fs::directory_iterator(dir / "docs")) {
    index.AddFile(entry.path());
  }
  std::vector<QueryRow> rows = ReadQueries(dir / "queries.tsv");
  ASSERT_FALSE(rows.empty());
  for (const QueryRow& row : rows) {
    std::set<std::string> found = index.Matches(row.query);
    for (const std::string& expected : row.must_match) {
      EXPECT_TRUE(found.count(expected))
          << "query " << row.query << " must match " << expected;
    }
    for (const std::string& unexpected : row.must_not_match) {
      EXPECT_FALSE(found.count(unexpected))
          << "query " << row.query << " must not match " << unexpected;
    }
  }
}

TEST(SearchCasesTest, TraditionalSimplifiedFolding) {
  BIDSCOPE_REQUIRE_SHARED();
  CheckCase("C12-traditional-simplified-folding", false);
}

TEST(SearchCasesTest, CjkQuerySemantics) {
  BIDSCOPE_REQUIRE_SHARED();
  CheckCase("C13-cjk-query-semantics", true);
}

TEST(SearchCasesTest, SnippetShowsOriginalTraditionalText) {
  BIDSCOPE_REQUIRE_SHARED();
  std::string text = ReadFile(CaseDir("C12-traditional-simplified-folding") /
                              "docs" / "T1.txt");
  TempDir dir;
  {
    auto writer = IndexWriter::Open(dir.path().string());
    Document doc = TextDocument("", text);
    writer->Put(doc.id, PrepareDocument(doc), "T1");
    writer->Commit();
  }
  auto searcher = Searcher::Open(dir.path().string());
  SearchResult result = searcher->Search("政府采购", {});
  ASSERT_EQ(result.hits.size(), 1u);
  const Hit& hit = result.hits[0];
  EXPECT_EQ(hit.snippet.rfind("臺北市政府採購公告", 0), 0u) << hit.snippet;
  ASSERT_EQ(hit.highlights.size(), 1u);
  EXPECT_EQ(hit.snippet.substr(hit.highlights[0].begin,
                               hit.highlights[0].end - hit.highlights[0].begin),
            "政府採購");
  EXPECT_FALSE(hit.page.has_value());
}

TEST(SearchCasesTest, WrappedHtmlLinesMatch) {
  BIDSCOPE_REQUIRE_SHARED();
  fs::path html =
      CaseDir("C04-whitespace-inside-han-runs") / "wrapped-lines.html";
  std::vector<Document> docs = ExtractFile(html.string(), ExtractOptions());
  ASSERT_FALSE(docs.empty());
  ASSERT_EQ(docs[0].status, ExtractStatus::kOk) << docs[0].error;
  CaseIndex index(false);
  index.Add("wrapped-lines.html", docs[0]);
  for (const char* query : {"监测服务", "服务期为一年", "舆情监测服务一套",
                            "\"submit the technical\"", "proposals"}) {
    EXPECT_EQ(index.Matches(query).count("wrapped-lines.html"), 1u)
        << "query " << query;
  }
  EXPECT_EQ(index.Matches("舆情监测服务一年").size(), 0u);
}

TEST(SearchCasesTest, LetterSpacedAndWrappedPdfsMatch) {
  BIDSCOPE_REQUIRE_SHARED();
  fs::path dir = CaseDir("C04-whitespace-inside-han-runs");
  CaseIndex index(false);
  for (const char* name :
       {"letter-spaced.pdf", "wrapped-paragraph.pdf", "wrapped-lines.html"}) {
    std::vector<Document> docs =
        ExtractFile((dir / name).string(), ExtractOptions());
    ASSERT_FALSE(docs.empty()) << name;
    ASSERT_EQ(docs[0].status, ExtractStatus::kOk) << name << docs[0].error;
    index.Add(name, docs[0]);
  }
  EXPECT_EQ(index.Matches("舆情监测").count("letter-spaced.pdf"), 1u);
  EXPECT_EQ(index.Matches("招标公告"),
            std::set<std::string>{"letter-spaced.pdf"});
  EXPECT_EQ(index.Matches("监测服务").count("wrapped-paragraph.pdf"), 1u);
  EXPECT_EQ(index.Matches("监测服务").count("wrapped-lines.html"), 1u);
  EXPECT_EQ(
      index.Matches("服务期为一年"),
      (std::set<std::string>{"wrapped-paragraph.pdf", "wrapped-lines.html"}));
  EXPECT_EQ(index.Matches("ZB-2021-001"),
            std::set<std::string>{"letter-spaced.pdf"});
}

}  // namespace
}  // namespace bidscope
