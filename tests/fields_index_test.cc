// Procurement fields in the index through the library: field filters and
// sort orders of Searcher over corpus-sample/, stored fields, and reposts
// merged by IndexWriter::Put.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "index/fields_terms.h"
#include "index/index.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

namespace fs = std::filesystem;
using Names = std::set<std::string>;

// Indexes corpus-sample/documents/ once for every test in this file.
class FieldsIndexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    db_ = (dir_->path() / "idx").string();
    std::unique_ptr<IndexWriter> writer = IndexWriter::Open(db_);
    for (const auto& entry : fs::directory_iterator(
             testing::SourceDir() / "corpus-sample" / "documents")) {
      std::string path = entry.path().string();
      for (const Document& doc : ExtractFile(path, {})) {
        writer->Put(doc.id, PrepareDocument(doc), path);
      }
    }
    writer->Commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::vector<Hit> Hits(const std::string& query,
                               const SearchOptions& options) {
    SearchOptions all = options;
    all.limit = 100;
    return Searcher::Open(db_)->Search(query, all).hits;
  }

  static Names NamesOf(const FieldFilters& filters,
                       const std::string& query = "") {
    SearchOptions options;
    options.filters = filters;
    Names names;
    for (const Hit& hit : Hits(query, options)) {
      names.insert(fs::path(hit.paths.front()).filename());
    }
    return names;
  }

  static testing::TempDir* dir_;
  static std::string db_;
};

testing::TempDir* FieldsIndexTest::dir_ = nullptr;
std::string FieldsIndexTest::db_;

TEST_F(FieldsIndexTest, NoticeTypeFilterFindsAwards) {
  FieldFilters filters;
  filters.notice_type = "award";
  EXPECT_EQ(NamesOf(filters),
            (Names{"zh-xueliang-award.pdf", "zh-cleaning-award.html",
                   "tw-face-recognition-award.pdf",
                   "zh-overseas-social-media-award.html"}));
}

TEST_F(FieldsIndexTest, NoticeTypeFilterFindsAmendments) {
  FieldFilters filters;
  filters.notice_type = "amendment";
  EXPECT_EQ(NamesOf(filters), (Names{"zh-furniture-amendment.docx",
                                     "zh-xueliang-amendment-gb18030.txt"}));
}

TEST_F(FieldsIndexTest, BuyerFilterMatchesSubstring) {
  FieldFilters filters;
  filters.buyer = "公安";
  Names found = NamesOf(filters);
  EXPECT_TRUE(found.count("zh-yuqing-tender.pdf")) << found.size();
  EXPECT_TRUE(found.count("zh-police-platform-single-source.docx"));
  EXPECT_FALSE(found.count("zh-cleaning-award.html"));
  EXPECT_FALSE(found.count("zh-furniture-amendment.docx"));
}

TEST_F(FieldsIndexTest, FilterCombinesWithQuery) {
  FieldFilters filters;
  filters.notice_type = "award";
  EXPECT_EQ(NamesOf(filters, "雪亮工程"), (Names{"zh-xueliang-award.pdf"}));
}

TEST_F(FieldsIndexTest, HitsCarryStoredFields) {
  SearchOptions options;
  options.filters.notice_type = "award";
  options.snippets = false;
  for (const Hit& hit : Hits("雪亮工程", options)) {
    EXPECT_EQ(hit.fields.notice_type, "award");
    EXPECT_EQ(LargestCny(hit.fields, "award"), 3200000.0);
    EXPECT_TRUE(hit.snippet.empty()) << hit.snippet;
  }
}

TEST_F(FieldsIndexTest, SortByAmountPutsLargestFirst) {
  SearchOptions options;
  options.sort = SortOrder::kAmount;
  std::vector<Hit> hits = Hits("", options);
  ASSERT_FALSE(hits.empty());
  std::optional<double> previous;
  for (const Hit& hit : hits) {
    std::optional<double> award = LargestCny(hit.fields, "award");
    std::optional<double> amount =
        award ? award : LargestCny(hit.fields, "budget");
    if (!amount) {
      previous = -1;  // documents without an amount come last
      continue;
    }
    ASSERT_NE(previous, std::optional<double>(-1)) << hit.paths.front();
    if (previous) {
      EXPECT_LE(*amount, *previous) << hit.paths.front();
    }
    previous = amount;
  }
}

TEST_F(FieldsIndexTest, InvalidDateFilterThrows) {
  FieldFilters filters;
  filters.after = "2024/01/01";
  EXPECT_THROW(NamesOf(filters), QueryError);
}

// A county name that two provinces share selects both, as the user cannot
// mean a third; a name no division has is an error.
TEST(RegionFilterTest, AmbiguousNameSelectsEveryDivision) {
  std::string ambiguous = RegionFilter("普陀区").get_description();
  EXPECT_NE(ambiguous.find("XR310107"), std::string::npos) << ambiguous;
  EXPECT_NE(ambiguous.find("XR330903"), std::string::npos) << ambiguous;
  std::string shanghai = RegionFilter("上海市普陀区").get_description();
  EXPECT_NE(shanghai.find("XR310107"), std::string::npos) << shanghai;
  EXPECT_EQ(shanghai.find("XR330903"), std::string::npos) << shanghai;
  EXPECT_THROW(RegionFilter("无此地区名"), QueryError);
}

TEST(FieldsRepostTest, SameTextOtherBytesIsOneDocument) {
  testing::TempDir dir;
  std::string db = (dir.path() / "idx").string();
  const std::string kText =
      "示例市公安局舆情监测服务项目中标结果公告\n项目编号：SZ-2024-001\n"
      "采购人：示例市公安局\n中标金额：115万元\n";
  std::string repost = kText;
  for (size_t at = repost.find('\n'); at != std::string::npos;
       at = repost.find('\n', at + 2)) {
    repost.replace(at, 1, "\r\n");
  }
  Document first = ExtractBytes(kText, "a.txt", {}).front();
  Document second = ExtractBytes(repost, "b.txt", {}).front();
  ASSERT_NE(first.id, second.id);
  std::unique_ptr<IndexWriter> writer = IndexWriter::Open(db);
  EXPECT_EQ(writer->Put(first.id, PrepareDocument(first), "a.txt"),
            PutResult::kAdded);
  EXPECT_EQ(writer->Put(second.id, PrepareDocument(second), "b.txt"),
            PutResult::kSameText);
  writer->Commit();
  std::unique_ptr<Searcher> searcher = Searcher::Open(db);
  EXPECT_EQ(searcher->DocumentCount(), 1u);
  std::optional<Searcher::Stored> stored = searcher->Get("b.txt");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->paths, (std::vector<std::string>{"a.txt", "b.txt"}));
}

TEST(FieldsRepostTest, RepostedRecordKeepsItsUrl) {
  testing::TempDir dir;
  std::string db = (dir.path() / "idx").string();
  std::string csv =
      "url,title,text\n"
      "http://a.example/1,示例市公安局采购公告,采购人：示例市公安局。\n"
      "http://b.example/9,示例市公安局采购公告,采购人：示例市公安局。\n";
  std::vector<Document> docs = ExtractBytes(csv, "dump.csv", {});
  ASSERT_EQ(docs.size(), 3u);
  std::unique_ptr<IndexWriter> writer = IndexWriter::Open(db);
  EXPECT_EQ(
      writer->Put(docs[1].id, PrepareDocument(docs[1]), "dump.csv#record 1"),
      PutResult::kAdded);
  EXPECT_EQ(
      writer->Put(docs[2].id, PrepareDocument(docs[2]), "dump.csv#record 2"),
      PutResult::kSameText);
  writer->Commit();

  std::unique_ptr<Searcher> searcher = Searcher::Open(db);
  std::optional<Searcher::Stored> stored = searcher->Get("dump.csv#record 2");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->document.metadata.extra.at("url"), "http://a.example/1");
  EXPECT_EQ(stored->path_urls,
            (std::map<std::string, std::string>{
                {"dump.csv#record 2", "http://b.example/9"}}));

  // A search hit gives both addresses, without reading the document JSON.
  std::vector<Hit> hits = searcher->Search("公安局", SearchOptions()).hits;
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].url, "http://a.example/1");
  EXPECT_EQ(hits[0].path_urls, stored->path_urls);

  // Removing the repost's path removes its URL.
  writer->RemovePath(docs[2].id, "dump.csv#record 2");
  writer->Commit();
  searcher = Searcher::Open(db);
  stored = searcher->Get("dump.csv#record 1");
  ASSERT_TRUE(stored.has_value());
  EXPECT_TRUE(stored->path_urls.empty());
}

// What Put does with the text `second` (b.txt) after the text `first`
// (a.txt) in a new index.
PutResult PutAfter(const std::string& first, const std::string& second) {
  testing::TempDir dir;
  std::unique_ptr<IndexWriter> writer =
      IndexWriter::Open((dir.path() / "idx").string());
  Document a = ExtractBytes(first, "a.txt", {}).front();
  Document b = ExtractBytes(second, "b.txt", {}).front();
  EXPECT_EQ(writer->Put(a.id, PrepareDocument(a), "a.txt"), PutResult::kAdded);
  return writer->Put(b.id, PrepareDocument(b), "b.txt");
}

TEST(FieldsRepostTest, DifferentTextStaysApart) {
  EXPECT_EQ(PutAfter("中标金额：115万元\n", "中标金额：116万元\n"),
            PutResult::kAdded);
}

TEST(FieldsRepostTest, RewrappedLatinLinesMerge) {
  EXPECT_EQ(PutAfter("Tender for video\nsurveillance 公告\n",
                     "Tender for video surveillance\n公告\n"),
            PutResult::kSameText);
}

TEST(FieldsRepostTest, WordsJoinedWithoutSpaceStayApart) {
  EXPECT_EQ(PutAfter("Tender for video\nsurveillance, budget 1\n200 000 CNY.\n",
                     "Tender for videosurveillance, budget 1200 000 CNY.\n"),
            PutResult::kAdded);
}

TEST(StoredFieldsTest, DataWithoutFieldsGivesNone) {
  EXPECT_FALSE(StoredFields(R"({"id":"x"})").has_value());
  EXPECT_FALSE(StoredFields("not json").has_value());
}

}  // namespace
}  // namespace bidscope
