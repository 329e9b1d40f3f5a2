#include "index/index.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include "extract/extract.h"
#include "index/snippet.h"
#include "index/term_scheme.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

using testing::TempDir;

Document MakeDocument(const std::vector<std::string>& pages,
                      bool paged = false) {
  Document doc;
  std::string all;
  for (const std::string& page : pages) all += page + "\f";
  doc.id = Sha256Hex(all);
  doc.format = paged ? Format::kPdf : Format::kText;
  doc.paged = paged;
  int number = 1;
  for (const std::string& text : pages) {
    Page page;
    page.number = number++;
    page.text = text;
    doc.pages.push_back(page);
  }
  doc.metadata.page_count = static_cast<int>(pages.size());
  return doc;
}

class IndexTest : public ::testing::Test {
 protected:
  std::string Dir() const { return dir_.path().string(); }

  void Store(const Document& doc, const std::string& path) {
    auto writer = IndexWriter::Open(Dir());
    writer->Put(doc.id, PrepareDocument(doc), path);
    writer->Commit();
  }

  // Returns the message of the IndexError that opening the index with a
  // writer or a searcher raises, or "opened" when it opens.
  std::string OpenError(bool writer) {
    try {
      if (writer) {
        IndexWriter::Open(Dir());
      } else {
        Searcher::Open(Dir());
      }
    } catch (const IndexError& e) {
      return e.what();
    }
    return "opened";
  }

  SearchResult Find(const std::string& query, SearchOptions options = {}) {
    return Searcher::Open(Dir())->Search(query, options);
  }

  TempDir dir_;
};

bool IsValidUtf8(const std::string& text) {
  int32_t i = 0;
  int32_t length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, length, c);
    if (c < 0) return false;
  }
  return true;
}

TEST_F(IndexTest, PutStoresDocumentWithPath) {
  Document doc = MakeDocument({"本项目采购舆情监测服务一套。"});
  doc.metadata.title = "招标公告";
  Store(doc, "/data/a.txt");
  auto searcher = Searcher::Open(Dir());
  EXPECT_EQ(searcher->DocumentCount(), 1u);
  for (const std::string& key :
       {doc.id, doc.id.substr(0, 8), std::string("/data/a.txt")}) {
    std::optional<Searcher::Stored> stored = searcher->Get(key);
    ASSERT_TRUE(stored.has_value()) << key;
    EXPECT_EQ(stored->document.id, doc.id);
    EXPECT_EQ(stored->document.metadata.title, "招标公告");
    ASSERT_EQ(stored->paths.size(), 1u);
    EXPECT_EQ(stored->paths[0], "/data/a.txt");
  }
  EXPECT_FALSE(searcher->Get("ffffffff").has_value());
  EXPECT_FALSE(searcher->Get("/data/missing.txt").has_value());
}

TEST_F(IndexTest, SameIdAddsPathInsteadOfDuplicate) {
  Document doc = MakeDocument({"舆情监测"});
  auto writer = IndexWriter::Open(Dir());
  EXPECT_EQ(writer->Put(doc.id, PrepareDocument(doc), "a.txt"),
            PutResult::kAdded);
  EXPECT_EQ(writer->Put(doc.id, PrepareDocument(doc), "b.txt"),
            PutResult::kSameId);
  EXPECT_EQ(writer->Put(doc.id, PrepareDocument(doc), "b.txt"),
            PutResult::kSameId);
  writer->Commit();
  auto searcher = Searcher::Open(Dir());
  EXPECT_EQ(searcher->DocumentCount(), 1u);
  SearchResult result = searcher->Search("舆情", {});
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].paths, (std::vector<std::string>{"a.txt", "b.txt"}));
  EXPECT_TRUE(searcher->Get("b.txt").has_value());
}

TEST_F(IndexTest, RemovePathDeletesWithLastPath) {
  Document doc = MakeDocument({"舆情监测"});
  auto writer = IndexWriter::Open(Dir());
  writer->Put(doc.id, PrepareDocument(doc), "a.txt");
  writer->Put(doc.id, PrepareDocument(doc), "b.txt");
  writer->RemovePath(doc.id, "a.txt");
  writer->Commit();
  auto searcher = Searcher::Open(Dir());
  EXPECT_FALSE(searcher->Get("a.txt").has_value());
  ASSERT_TRUE(searcher->Get("b.txt").has_value());
  EXPECT_EQ(searcher->Get("b.txt")->paths, std::vector<std::string>{"b.txt"});
  writer->RemovePath(doc.id, "b.txt");
  writer->Commit();
  EXPECT_EQ(searcher->DocumentCount(), 0u);
}

TEST_F(IndexTest, FileStatesCommitWithDocuments) {
  auto writer = IndexWriter::Open(Dir());
  FileState state{"/data/a.pdf", 1234, 5678, "abcd", "indexed", ""};
  writer->SetFileState(state);
  writer->SetFileState({"/data/b.pdf", 1, 2, "", "failed", "damaged"});
  writer->SetMetadata("version", "1");
  ASSERT_TRUE(writer->GetFileState("/data/a.pdf").has_value());
  EXPECT_EQ(writer->GetFileState("/data/a.pdf")->mtime_ns, 5678);

  auto searcher = Searcher::Open(Dir());
  EXPECT_TRUE(searcher->ListFileStates().empty());  // not committed yet
  writer->Commit();
  std::vector<FileState> states = searcher->ListFileStates();
  ASSERT_EQ(states.size(), 2u);
  EXPECT_EQ(states[0].path, "/data/a.pdf");
  EXPECT_EQ(states[0].doc_id, "abcd");
  EXPECT_EQ(states[1].reason, "damaged");
  EXPECT_EQ(searcher->GetMetadata("version"), "1");

  writer->EraseFileState("/data/a.pdf");
  writer->Commit();
  EXPECT_FALSE(writer->GetFileState("/data/a.pdf").has_value());
  EXPECT_EQ(searcher->ListFileStates().size(), 1u);
}

TEST_F(IndexTest, LongPathsKeepTheirFileState) {
  std::string path = "/data/" + std::string(400, 'x') + ".pdf";
  auto writer = IndexWriter::Open(Dir());
  writer->SetFileState({path, 1, 2, "id", "indexed", ""});
  Document doc = MakeDocument({"舆情"});
  writer->Put(doc.id, PrepareDocument(doc), path);
  writer->Commit();
  ASSERT_TRUE(writer->GetFileState(path).has_value());
  EXPECT_EQ(writer->GetFileState(path)->path, path);
  auto searcher = Searcher::Open(Dir());
  ASSERT_TRUE(searcher->Get(path).has_value());
  EXPECT_EQ(searcher->Get(path)->paths[0], path);
}

TEST_F(IndexTest, SecondWriterIsRejected) {
  auto writer = IndexWriter::Open(Dir());
  try {
    IndexWriter::Open(Dir());
    ADD_FAILURE() << "second writer opened";
  } catch (const IndexError& e) {
    EXPECT_NE(std::string(e.what()).find(Dir()), std::string::npos) << e.what();
  }
}

TEST_F(IndexTest, MissingIndexIsAnIndexError) {
  EXPECT_THROW(Searcher::Open(Dir() + "/absent"), IndexError);
}

TEST_F(IndexTest, SearcherSeesLaterCommits) {
  auto writer = IndexWriter::Open(Dir());
  writer->Commit();
  auto searcher = Searcher::Open(Dir());
  EXPECT_EQ(searcher->Search("舆情", {}).hits.size(), 0u);
  for (int i = 0; i < 50; ++i) {
    Document doc = MakeDocument({"舆情监测 " + std::to_string(i)});
    writer->Put(doc.id, PrepareDocument(doc), std::to_string(i));
    writer->Commit();
    SearchOptions options;
    options.limit = 100;
    EXPECT_EQ(searcher->Search("舆情", options).hits.size(),
              static_cast<size_t>(i + 1));
  }
}

TEST_F(IndexTest, UnreliablePagesAreNotIndexed) {
  Document doc = MakeDocument({"舆情监测", "乱码页面"}, true);
  doc.pages[1].reliable = false;
  Store(doc, "a.pdf");
  EXPECT_EQ(Find("舆情监测").hits.size(), 1u);
  EXPECT_EQ(Find("乱码").hits.size(), 0u);
}

TEST_F(IndexTest, PhraseAcrossPageBoundaryDoesNotMatch) {
  Store(MakeDocument({"第一页结尾是舆情", "监测服务在第二页"}, true), "a.pdf");
  EXPECT_EQ(Find("舆情监测").hits.size(), 0u);
  EXPECT_EQ(Find("\"舆情 监测\"").hits.size(), 0u);
  EXPECT_EQ(Find("舆情 监测").hits.size(), 1u);
}

TEST_F(IndexTest, ReportsPageOfPagedDocuments) {
  Store(MakeDocument({"封面", "本项目采购舆情监测服务"}, true), "a.pdf");
  Store(MakeDocument({"本项目采购舆情监测服务一套"}), "a.txt");
  SearchOptions options;
  SearchResult result = Find("舆情监测", options);
  ASSERT_EQ(result.hits.size(), 2u);
  for (const Hit& hit : result.hits) {
    if (hit.format == "pdf") {
      ASSERT_TRUE(hit.page.has_value());
      EXPECT_EQ(*hit.page, 2);
    } else {
      EXPECT_FALSE(hit.page.has_value());
    }
    EXPECT_EQ(hit.rank, &hit - &result.hits[0] + 1);
  }
  EXPECT_EQ(result.total_estimate, 2u);
}

TEST_F(IndexTest, LimitAndOffsetPage) {
  auto writer = IndexWriter::Open(Dir());
  for (int i = 0; i < 5; ++i) {
    Document doc = MakeDocument({"招标公告 " + std::to_string(i)});
    writer->Put(doc.id, PrepareDocument(doc), std::to_string(i));
  }
  writer->Commit();
  SearchOptions options;
  options.limit = 2;
  options.offset = 4;
  SearchResult result = Find("招标", options);
  EXPECT_EQ(result.total_estimate, 5u);
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].rank, 5);
}

// Xapian estimates a phrase's matches as if its characters occurred
// independently, far below the count when they do not.
TEST_F(IndexTest, CountsCommonPhraseClosely) {
  constexpr int kDocuments = 2000;
  auto writer = IndexWriter::Open(Dir());
  int with_phrase = 0;
  for (int i = 0; i < kDocuments; ++i) {
    // Three in four contain the phrase. The others contain its bigrams
    // apart, so that only positions tell them from the matches. Lengths
    // vary, so that weights do and Xapian stops before the last match.
    bool phrase = i % 4 != 0;
    with_phrase += phrase ? 1 : 0;
    std::string text =
        phrase ? "本项目采购视频监控设备。" : "视频会议与监控室。";
    for (int k = 0; k <= i * 7 % 40; ++k) text += "其他内容说明。";
    Document doc = MakeDocument({text + "编号" + std::to_string(i)});
    writer->Put(doc.id, PrepareDocument(doc), std::to_string(i));
  }
  writer->Commit();
  SearchResult result = Find("视频监控");
  EXPECT_FALSE(result.total_exact);
  EXPECT_GE(result.total_estimate, with_phrase * 95 / 100);
  EXPECT_LE(result.total_estimate, with_phrase * 105 / 100);
  EXPECT_EQ(result.hits.size(), 10u);
  EXPECT_LE(result.total_lower, result.total_estimate);
  EXPECT_GE(result.total_upper, result.total_estimate);
  EXPECT_LE(result.total_lower, static_cast<uint64_t>(with_phrase));
  EXPECT_GE(result.total_upper, static_cast<uint64_t>(with_phrase));

  SearchOptions exact;
  exact.exact_count = true;
  SearchResult counted = Find("视频监控", exact);
  EXPECT_TRUE(counted.total_exact);
  EXPECT_EQ(counted.total_estimate, static_cast<uint64_t>(with_phrase));
  EXPECT_EQ(counted.total_lower, counted.total_estimate);
  EXPECT_EQ(counted.total_upper, counted.total_estimate);
}

TEST_F(IndexTest, CountsUpToAThousandExactly) {
  auto writer = IndexWriter::Open(Dir());
  for (int i = 0; i < 1200; ++i) {
    std::string text = i < 999 ? "采购视频监控设备" : "视频会议与监控室";
    Document doc = MakeDocument({text + std::to_string(i)});
    writer->Put(doc.id, PrepareDocument(doc), std::to_string(i));
  }
  writer->Commit();
  SearchResult result = Find("视频监控");
  EXPECT_TRUE(result.total_exact);
  EXPECT_EQ(result.total_estimate, 999u);
}

TEST_F(IndexTest, NotOnlyQueryMatchesAllOthers) {
  Store(MakeDocument({"招标公告"}), "a");
  Store(MakeDocument({"废标公告"}), "b");
  Store(MakeDocument({"中标结果"}), "c");
  SearchResult result = Find("-废标");
  ASSERT_EQ(result.hits.size(), 2u);
  for (const Hit& hit : result.hits) EXPECT_NE(hit.paths[0], "b");
}

TEST_F(IndexTest, FormatFilterAndWildcard) {
  Store(MakeDocument({"Budget approval for 2021"}, true), "a.pdf");
  Store(MakeDocument({"Budgetary notes"}), "b.txt");
  EXPECT_EQ(Find("budg*").hits.size(), 2u);
  EXPECT_EQ(Find("budg* type:pdf").hits.size(), 1u);
  EXPECT_EQ(Find("budgets").hits.size(), 1u);
  EXPECT_EQ(Find("\"budgets\"").hits.size(), 0u);
}

TEST_F(IndexTest, CodesMatchWholeAndByParts) {
  Store(MakeDocument({"项目编号：ZB2021-0123，采购5G基站和iPhone13。"}), "a");
  for (const char* query : {"ZB2021-0123", "zb2021", "0123", "5G基站", "5g",
                            "iPhone13", "ＺＢ２０２１－０１２３"}) {
    EXPECT_EQ(Find(query).hits.size(), 1u) << query;
  }
  EXPECT_EQ(Find("ZB2021-0124").hits.size(), 0u);
}

TEST_F(IndexTest, CodesInsidePhrasesMatchInPlace) {
  Store(MakeDocument({"项目编号：ZB2021-0123，采购5G基站。"}), "a");
  Store(MakeDocument({"项目编号 ZB2021 0123。另见 ZB2021-0123。"}), "b");
  Store(MakeDocument({"编号 0123-ZB2021，采购5G 基站。"}), "c");
  EXPECT_EQ(Find("\"项目编号：ZB2021-0123\"").hits.size(), 2u);
  EXPECT_EQ(Find("\"编号：ZB2021-0123，采购\"").hits.size(), 1u);
  EXPECT_EQ(Find("\"ZB2021-0123，采购\"").hits.size(), 1u);
  EXPECT_EQ(Find("\"编号 0123-ZB2021\"").hits.size(), 1u);
  EXPECT_EQ(Find("\"5G基站\"").hits.size(), 2u);
  // The parts in place are not enough without the code itself.
  Store(MakeDocument({"项目编号 ZB2022 0124。"}), "d");
  EXPECT_EQ(Find("\"项目编号 ZB2022-0124\"").hits.size(), 0u);
  EXPECT_EQ(Find("\"项目编号 ZB2022 0124\"").hits.size(), 1u);
}

TEST_F(IndexTest, DatesMatchInsideLongerHanRuns) {
  Store(MakeDocument({"请于2024年3月15日前提交，开标时间另行通知。"}), "a");
  for (const char* query :
       {"2024年3月15日", "年3月15日前", "\"2024年3月15日前提交\"", "15日"}) {
    EXPECT_EQ(Find(query).hits.size(), 1u) << query;
  }
  for (const char* query : {"2024年3月16日", "2024年4月15日"}) {
    EXPECT_EQ(Find(query).hits.size(), 0u) << query;
  }
}

TEST_F(IndexTest, TitleFieldMatchesTitleOnly) {
  Document doc = MakeDocument({"正文没有那个词"});
  doc.metadata.title = "废标公告";
  Store(doc, "a");
  Store(MakeDocument({"废标公告在正文"}), "b");
  SearchResult result = Find("title:废标");
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].paths[0], "a");
  EXPECT_EQ(result.hits[0].title, "废标公告");
  EXPECT_EQ(Find("废标").hits.size(), 2u);
}

// Every Han character has its position, so phrases that start or end with
// a single character next to a Latin word or a digit match only where the
// characters are adjacent.
TEST_F(IndexTest, PhrasesWithSingleCharactersAreExact) {
  Store(MakeDocument({"采购时间为二〇二四年3月公告"}), "adjacent");
  Store(MakeDocument({"年度预算，第3月份"}), "apart");
  Store(MakeDocument({"budget 舆情监测"}), "latin-then-han");
  Store(MakeDocument({"budget 情舆 舆 tail"}), "latin-then-other");
  auto paths = [&](const std::string& query) {
    std::vector<std::string> found;
    for (const Hit& hit : Find(query).hits) found.push_back(hit.paths[0]);
    std::sort(found.begin(), found.end());
    return found;
  };
  EXPECT_EQ(paths("年3月"), std::vector<std::string>{"adjacent"});
  EXPECT_EQ(paths("\"budget 舆\""), std::vector<std::string>{"latin-then-han"});
  EXPECT_EQ(paths("\"舆 tail\""), std::vector<std::string>{"latin-then-other"});
  EXPECT_EQ(paths("舆"),
            (std::vector<std::string>{"latin-then-han", "latin-then-other"}));
}

TEST_F(IndexTest, RefusesIndexOfAnotherTermScheme) {
  Document doc = MakeDocument({"舆情监测"});
  Store(doc, "a");
  {
    auto writer = IndexWriter::Open(Dir());
    writer->SetFileState({"a", 1, 1, doc.id, "indexed", ""});
    writer->Commit();
  }
  {
    Xapian::WritableDatabase db(Dir(), Xapian::DB_OPEN);
    db.set_metadata(kTermSchemeKey, "");
    db.commit();
  }
  for (bool writer : {false, true}) {
    std::string message = OpenError(writer);
    EXPECT_NE(message.find(Dir() + ": the index was written with term "
                                   "scheme 1"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("index the files again"), std::string::npos)
        << message;
  }
}

TEST_F(IndexTest, RejectsForeignXapianDatabase) {
  {
    Xapian::WritableDatabase db(Dir(), Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_term("Qsomeid");
    doc.add_posting("舆情", 1);
    db.add_document(doc);
    db.commit();
  }
  for (bool writer : {false, true}) {
    std::string message = OpenError(writer);
    EXPECT_NE(message.find(Dir() + ": not a bidscope index: a Xapian "
                                   "database that another program wrote"),
              std::string::npos)
        << message;
  }
}

TEST(SnippetTest, HighlightsWholeMatchInOriginalText) {
  Document doc = MakeDocument(
      {"說明文字。臺北市政府採購公告：本案採購輿情監測服務，預算金額。"});
  std::vector<MatchPattern> patterns = {
      {MatchPattern::Kind::kSubstring, "舆情监测"}};
  Snippet snippet = MakeSnippet(doc, patterns, 12);
  ASSERT_EQ(snippet.highlights.size(), 1u);
  const Highlight& h = snippet.highlights[0];
  EXPECT_EQ(snippet.text.substr(h.begin, h.end - h.begin), "輿情監測");
  EXPECT_EQ(snippet.text, "採購輿情監測服務，預算金");
}

TEST(FirstLineTest, SkipsBlankLinesAndFurniture) {
  Document doc = MakeDocument(
      {"\n  \t\r\n", "第2页\n  某市公安局 舆情服务  采购公告\r\n正文"}, true);
  doc.pages[1].furniture.push_back({0, 7});
  EXPECT_EQ(FirstLine(doc, 60), "某市公安局 舆情服务 采购公告");
}

TEST(FirstLineTest, CutsLongLinesWithEllipsis) {
  Document doc = MakeDocument({"一二三四五六七八九十\n"});
  EXPECT_EQ(FirstLine(doc, 10), "一二三四五六七八九十");
  EXPECT_EQ(FirstLine(doc, 4), "一二三四…");
}

TEST(FirstLineTest, EmptyWithoutReliableText) {
  Document doc = MakeDocument({"\x8A\x8B garbage", "  \n"}, true);
  doc.pages[0].reliable = false;
  EXPECT_EQ(FirstLine(doc, 60), "");
}

TEST(SnippetTest, StartsAfterCutLatinWord) {
  Document doc = MakeDocument(
      {"Request for quotation: public opinion monitoring of social media."});
  std::vector<MatchPattern> patterns = {
      {MatchPattern::Kind::kStem, "Zmonitor"}};
  // Without the rule the snippet would start inside "opinion".
  Snippet snippet = MakeSnippet(doc, patterns, 30);
  EXPECT_EQ(snippet.text.rfind("monitoring", 0), 0u) << snippet.text;
}

TEST(SnippetTest, ValidUtf8AtEveryLength) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "招標公告 Budget ①號 \xF0\x9F\x93\x84 ";
  text += "舆情监测";
  text += "\xFF tail";  // invalid byte
  Document doc = MakeDocument({text});
  std::vector<MatchPattern> patterns = {
      {MatchPattern::Kind::kSubstring, "舆情监测"},
      {MatchPattern::Kind::kStem, "Zbudget"}};
  for (size_t length = 1; length <= 200; ++length) {
    Snippet snippet = MakeSnippet(doc, patterns, length);
    ASSERT_TRUE(IsValidUtf8(snippet.text)) << "length " << length;
    size_t chars = 0;
    for (unsigned char c : snippet.text) chars += (c & 0xC0) != 0x80;
    EXPECT_LE(chars, length);
    for (const Highlight& h : snippet.highlights) {
      ASSERT_LE(h.end, snippet.text.size()) << "length " << length;
      ASSERT_LT(h.begin, h.end) << "length " << length;
      EXPECT_TRUE(IsValidUtf8(snippet.text.substr(h.begin, h.end - h.begin)))
          << "length " << length;
    }
  }
}

// Lines of filler text (no 舆情 in them) of about `bytes` in all.
std::string FillerLines(size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += "本项目招标文件第二章供应商须知内容。\n";
  return text;
}

TEST(SnippetTest, FindsMatchDeepInLongPage) {
  std::string text =
      FillerLines(100 * 1024) + "采购舆情監測服务\n" + FillerLines(50 * 1024);
  Document doc = MakeDocument({text});
  std::vector<MatchPattern> patterns = {
      {MatchPattern::Kind::kSubstring, "舆情监测"}};
  Snippet snippet = MakeSnippet(doc, patterns, 10);
  ASSERT_EQ(snippet.highlights.size(), 1u);
  const Highlight& h = snippet.highlights[0];
  EXPECT_EQ(snippet.text.substr(h.begin, h.end - h.begin), "舆情監測");
}

// Normalisation joins Han across line breaks, so a match may run over any
// line break of a long page, including where the page is cut into pieces.
TEST(SnippetTest, FindsMatchAcrossPieceCut) {
  std::string filler = FillerLines(40 * 1024);
  for (size_t cut = 4 * 1024; cut < 12 * 1024; cut += 512) {
    size_t newline = filler.find('\n', cut);
    ASSERT_NE(newline, std::string::npos);
    std::string text =
        filler.substr(0, newline) + "舆情\n监测" + filler.substr(newline);
    Document doc = MakeDocument({text});
    std::vector<MatchPattern> patterns = {
        {MatchPattern::Kind::kSubstring, "舆情监测"}};
    Snippet snippet = MakeSnippet(doc, patterns, 10);
    ASSERT_EQ(snippet.highlights.size(), 1u) << "cut near " << cut;
    const Highlight& h = snippet.highlights[0];
    EXPECT_EQ(snippet.text.substr(h.begin, h.end - h.begin), "舆情 监测")
        << "cut near " << cut;
  }
}

TEST(SnippetTest, StartsAtDocumentWithoutMatch) {
  Document doc = MakeDocument({"第一页\n\n内容", "第二页"}, true);
  Snippet snippet = MakeSnippet(doc, {}, 6);
  EXPECT_EQ(snippet.text, "第一页 内容");
  EXPECT_TRUE(snippet.highlights.empty());
  ASSERT_TRUE(snippet.page.has_value());
  EXPECT_EQ(*snippet.page, 1);
}

// Generated text from a fixed vocabulary, about `bytes` long.
std::string GeneratedText(std::mt19937* random, size_t bytes) {
  static const char* kWords[] = {
      "采购",     "招标",        "公告",     "舆情监测", "服务",
      "人民政府", "预算金额",    "中心",     "北京市",   "海淀区",
      "项目编号", "ZB2021-0123", "合同",     "供应商",   "评标",
      "Budget",   "technical",   "proposal", "，",       "。"};
  std::uniform_int_distribution<size_t> pick(0, std::size(kWords) - 1);
  std::string text;
  while (text.size() < bytes) text += kWords[pick(*random)];
  return text;
}

// Prints indexing speed and index size on generated text; nothing about
// timing is asserted.
TEST(IndexMeasureTest, ReportsIndexingRateAndSize) {
  TempDir dir;
  std::mt19937 random(42);
  constexpr int kDocuments = 2000;
  constexpr size_t kBytesPerDocument = 5000;
  size_t text_bytes = 0;

  auto start = std::chrono::steady_clock::now();
  {
    auto writer = IndexWriter::Open(dir.path().string());
    for (int i = 0; i < kDocuments; ++i) {
      Document doc = MakeDocument({GeneratedText(&random, kBytesPerDocument)});
      text_bytes += doc.pages[0].text.size();
      writer->Put(doc.id, PrepareDocument(doc), std::to_string(i));
      if (i % 1000 == 999) writer->Commit();
    }
    writer->Commit();
  }
  std::chrono::duration<double> seconds =
      std::chrono::steady_clock::now() - start;

  size_t index_bytes = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(dir.path())) {
    if (entry.is_regular_file()) index_bytes += entry.file_size();
  }
  auto searcher = Searcher::Open(dir.path().string());
  EXPECT_EQ(searcher->DocumentCount(), static_cast<uint64_t>(kDocuments));

  std::printf(
      "Indexing: %d documents, %.1f MB of text in %.1f s: %.0f docs/s, "
      "%.2f MB/s; index %.1f MB (%.2f MB per MB of text, stored text "
      "included, not compacted)\n",
      kDocuments, text_bytes / 1e6, seconds.count(),
      kDocuments / seconds.count(), text_bytes / 1e6 / seconds.count(),
      index_bytes / 1e6, static_cast<double>(index_bytes) / text_bytes);
}

}  // namespace
}  // namespace bidscope
