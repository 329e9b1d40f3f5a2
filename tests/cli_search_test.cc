// End-to-end tests of the real bidscope binary over corpus-sample/: every
// file gets a status and every query in corpus-sample/queries.tsv finds
// exactly the documents it must.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace bidscope {
namespace {

namespace fs = std::filesystem;
using testing::RecordsOfType;
using testing::RunBidscope;

// Indexes corpus-sample/documents/ once for every test in this file.
class CliSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    db_ = (dir_->path() / "idx").string();
    index_run_ = new testing::CommandResult(RunBidscope(
        {"index", "--db", db_, "--json",
         (testing::SourceDir() / "corpus-sample" / "documents").string()}));
  }
  static void TearDownTestSuite() {
    delete index_run_;
    delete dir_;
  }

  // File names (not paths) of the documents a query finds.
  static std::set<std::string> Search(const std::string& query) {
    testing::CommandResult result =
        RunBidscope({"search", "--db", db_, "--json", "--limit", "100", query});
    EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1)
        << query << ": " << result.err;
    std::set<std::string> names;
    for (const nlohmann::json& hit : RecordsOfType(result.out, "hit"))
      names.insert(fs::path(hit["path"].get<std::string>()).filename());
    return names;
  }

  static testing::TempDir* dir_;
  static std::string db_;
  static testing::CommandResult* index_run_;
};

testing::TempDir* CliSearchTest::dir_ = nullptr;
std::string CliSearchTest::db_;
testing::CommandResult* CliSearchTest::index_run_ = nullptr;

TEST_F(CliSearchTest, EveryFileIsIndexed) {
  EXPECT_EQ(index_run_->exit_code, 0) << index_run_->err;
  std::set<std::string> listed;
  for (const nlohmann::json& file : RecordsOfType(index_run_->out, "file")) {
    std::string name = fs::path(file["path"].get<std::string>()).filename();
    listed.insert(name);
    EXPECT_EQ(file["status"], "indexed") << name << ": " << file.dump();
  }
  for (const auto& entry : fs::directory_iterator(
           testing::SourceDir() / "corpus-sample" / "documents")) {
    if (entry.is_regular_file()) {
      EXPECT_TRUE(listed.count(entry.path().filename().string()))
          << "no status for " << entry.path();
    }
  }
  std::vector<nlohmann::json> summary =
      RecordsOfType(index_run_->out, "summary");
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_EQ(summary[0]["failed"], 0);
}

TEST_F(CliSearchTest, QueriesTableMatchesExactly) {
  auto rows =
      testing::ReadTsv(testing::SourceDir() / "corpus-sample" / "queries.tsv");
  ASSERT_GE(rows.size(), 25u);
  for (const auto& row : rows) {
    ASSERT_GE(row.size(), 2u);
    std::set<std::string> found = Search(row[0]);
    for (const std::string& name : testing::SplitList(row[1]))
      EXPECT_TRUE(found.count(name)) << row[0] << " must find " << name;
    if (row.size() < 3) continue;
    for (const std::string& name : testing::SplitList(row[2]))
      EXPECT_FALSE(found.count(name)) << row[0] << " must not find " << name;
  }
}

TEST_F(CliSearchTest, ExitCodesFollowResults) {
  EXPECT_EQ(RunBidscope({"search", "--db", db_, "舆情监测"}).exit_code, 0);
  EXPECT_EQ(RunBidscope({"search", "--db", db_, "没有这种词语组合"}).exit_code,
            1);
  testing::CommandResult bad =
      RunBidscope({"search", "--db", db_, "\"unbalanced"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bidscope: "), std::string::npos) << bad.err;
  EXPECT_TRUE(bad.out.empty()) << bad.out;
  testing::CommandResult missing = RunBidscope(
      {"search", "--db", (dir_->path() / "absent").string(), "舆情"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("absent"), std::string::npos) << missing.err;
}

TEST_F(CliSearchTest, OptionValuesAreChecked) {
  struct Row {
    std::vector<std::string> option;
    const char* message;
  };
  const Row kRows[] = {
      {{"--after", "2024-02-30"},
       "--after: invalid date '2024-02-30': no such day"},
      {{"--before", "2024-13-01"},
       "--before: invalid date '2024-13-01': no such day"},
      {{"--after", "yesterday"},
       "--after: invalid date 'yesterday': expected YYYY-MM-DD"},
      {{"--limit", "abc"}, "--limit: invalid number 'abc'"},
      {{"--offset", "-3"}, "--offset: invalid number '-3': expected 0 or more"},
      {{"--min-amount", "1e999"}, "--min-amount: invalid number '1e999'"},
      {{"--type", "awrd"}, "--type: awrd not in {intention,"},
      {{"--method", "opne"}, "--method: opne not in {open,"},
  };
  for (const Row& row : kRows) {
    std::vector<std::string> args = {"search", "--db", db_};
    args.insert(args.end(), row.option.begin(), row.option.end());
    args.push_back("舆情");
    testing::CommandResult result = RunBidscope(args);
    EXPECT_EQ(result.exit_code, 2) << row.message;
    EXPECT_NE(result.err.find(row.message), std::string::npos) << result.err;
    EXPECT_LT(result.err.size(), 240u) << result.err;
  }
  EXPECT_EQ(
      RunBidscope({"search", "--db", db_, "--after", "2024-02-29", "舆情"}).err,
      "");
}

TEST_F(CliSearchTest, OffsetPastLastHitStillCounts) {
  testing::CommandResult result =
      RunBidscope({"search", "--db", db_, "--offset", "1000", "舆情监测"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("matching document"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find(", none after the first 1000"), std::string::npos)
      << result.out;
  EXPECT_EQ(result.out.find("no documents match"), std::string::npos)
      << result.out;
}

TEST_F(CliSearchTest, JsonHitsCarryRequiredFields) {
  testing::CommandResult result =
      RunBidscope({"search", "--db", db_, "--json", "雪亮工程"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::vector<nlohmann::json> hits = RecordsOfType(result.out, "hit");
  ASSERT_FALSE(hits.empty());
  for (const nlohmann::json& hit : hits) {
    for (const char* key :
         {"doc_id", "path", "title", "page", "snippet", "score"})
      EXPECT_TRUE(hit.contains(key)) << key << " missing in " << hit.dump();
    std::string snippet = hit["snippet"];
    EXPECT_NE(snippet.find("雪亮工程"), std::string::npos) << snippet;
    if (hit["format"] == "pdf") {
      EXPECT_TRUE(hit["page"].is_number_integer()) << hit.dump();
    } else {
      EXPECT_TRUE(hit["page"].is_null()) << hit.dump();
    }
  }
  EXPECT_EQ(RecordsOfType(result.out, "summary").size(), 1u);
}

TEST_F(CliSearchTest, TextWithoutTitleShowsFirstLine) {
  testing::CommandResult json =
      RunBidscope({"search", "--db", db_, "--json", "人脸识别门禁"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  std::vector<nlohmann::json> hits = RecordsOfType(json.out, "hit");
  ASSERT_EQ(hits.size(), 1u) << json.out;
  EXPECT_EQ(hits[0]["title"], "") << hits[0].dump();
  EXPECT_EQ(hits[0]["first_line"], "示例县公安局2024年7月政府采购意向");

  testing::CommandResult human =
      RunBidscope({"search", "--db", db_, "人脸识别门禁"});
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("1. 示例县公安局2024年7月政府采购意向  [text]"),
            std::string::npos)
      << human.out;
}

// A list sorted by amount or date shows, under each heading, the amount
// or date it is sorted by.
TEST_F(CliSearchTest, SortedListShowsItsOrder) {
  testing::CommandResult by_amount = RunBidscope(
      {"search", "--db", db_, "--sort", "amount", "--limit", "20", "采购"});
  ASSERT_EQ(by_amount.exit_code, 0) << by_amount.err;
  EXPECT_NE(by_amount.out.find(
                "award · 2024-04-02 · 示例县公安局 · awarded 3,200,000.00 CNY"),
            std::string::npos)
      << by_amount.out;
  std::vector<double> amounts;
  const std::regex amount(R"((awarded|budget) ([0-9,]+\.[0-9]{2}) CNY)");
  for (std::sregex_iterator it(by_amount.out.begin(), by_amount.out.end(),
                               amount);
       it != std::sregex_iterator(); ++it) {
    std::string digits = (*it)[2];
    digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
    amounts.push_back(std::stod(digits));
  }
  ASSERT_GE(amounts.size(), 3u) << by_amount.out;
  EXPECT_TRUE(std::is_sorted(amounts.rbegin(), amounts.rend()))
      << by_amount.out;

  testing::CommandResult by_date = RunBidscope(
      {"search", "--db", db_, "--sort", "date", "--limit", "20", "采购"});
  ASSERT_EQ(by_date.exit_code, 0) << by_date.err;
  std::vector<std::string> dates;
  const std::regex date(R"(\n   (?:[a-z_]+ · )?(\d{4}-\d{2}-\d{2}))");
  for (std::sregex_iterator it(by_date.out.begin(), by_date.out.end(), date);
       it != std::sregex_iterator(); ++it) {
    dates.push_back((*it)[1]);
  }
  ASSERT_GE(dates.size(), 3u) << by_date.out;
  EXPECT_TRUE(std::is_sorted(dates.rbegin(), dates.rend())) << by_date.out;
}

// An id prefix that two documents share is rejected with the count.
TEST_F(CliSearchTest, ShowRejectsAmbiguousPrefix) {
  std::map<char, std::set<std::string>> ids_by_first;
  for (const nlohmann::json& file : RecordsOfType(index_run_->out, "file")) {
    std::string id = file.value("doc_id", "");
    if (!id.empty()) ids_by_first[id[0]].insert(id);
  }
  auto shared =
      std::find_if(ids_by_first.begin(), ids_by_first.end(),
                   [](const auto& entry) { return entry.second.size() >= 2; });
  ASSERT_NE(shared, ids_by_first.end()) << "no two ids share a first digit";
  std::string prefix(1, shared->first);
  testing::CommandResult show = RunBidscope({"show", "--db", db_, prefix});
  EXPECT_EQ(show.exit_code, 1);
  EXPECT_NE(show.err.find(prefix + ": ambiguous id prefix: " +
                          std::to_string(shared->second.size()) +
                          " documents have ids that start with it"),
            std::string::npos)
      << show.err;
}

TEST_F(CliSearchTest, ShowListsMetadataAndPages) {
  std::string pdf = (testing::SourceDir() / "corpus-sample" / "documents" /
                     "zh-yuqing-tender.pdf")
                        .string();
  testing::CommandResult shown =
      RunBidscope({"show", "--db", db_, "--json", pdf});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  nlohmann::json doc = nlohmann::json::parse(shown.out);
  EXPECT_EQ(doc["format"], "pdf");
  EXPECT_EQ(doc["sha256"].get<std::string>().size(), 64u);
  EXPECT_GE(doc["pages"].size(), 1u);
  EXPECT_FALSE(doc["metadata"]["title"].get<std::string>().empty());

  std::string id_prefix = doc["sha256"].get<std::string>().substr(0, 12);
  testing::CommandResult by_id = RunBidscope({"show", "--db", db_, id_prefix});
  EXPECT_EQ(by_id.exit_code, 0) << by_id.err;
  EXPECT_NE(by_id.out.find("page 1"), std::string::npos) << by_id.out;

  testing::CommandResult unknown =
      RunBidscope({"show", "--db", db_, "ffffffffffffffff"});
  EXPECT_EQ(unknown.exit_code, 1);
}

// The count of matches does not depend on how many hits are shown. Half
// the documents have the phrase, and the others only its bigrams, so
// that a count guessed from the bigrams would be wrong.
TEST(CliSearchCountTest, CountIsExactWithOneHitShown) {
  testing::TempDir dir;
  fs::path input = dir.path() / "in";
  fs::create_directories(input);
  for (int i = 0; i < 120; ++i) {
    // The odd documents have every bigram of the phrase but not the phrase.
    std::string text =
        "第" + std::to_string(i) + "号：" +
        (i % 2 == 0 ? "示例市公安局采购。" : "示例市公安处与公安局。");
    std::ofstream(input / ("n" + std::to_string(i) + ".txt")) << text;
  }
  std::string db = (dir.path() / "idx").string();
  testing::CommandResult run =
      RunBidscope({"index", "--db", db, input.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;

  for (const char* limit : {"1", "10"}) {
    testing::CommandResult result = RunBidscope(
        {"search", "--db", db, "--json", "--limit", limit, "示例市公安局"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    std::vector<nlohmann::json> summary = RecordsOfType(result.out, "summary");
    ASSERT_EQ(summary.size(), 1u) << result.out;
    EXPECT_EQ(summary[0]["total_estimate"], 60) << "limit " << limit;
    EXPECT_EQ(summary[0]["total_exact"], true) << "limit " << limit;
  }
}

}  // namespace
}  // namespace bidscope
