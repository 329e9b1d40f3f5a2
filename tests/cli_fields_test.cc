// End-to-end tests of procurement fields through the real binary: search
// filters and prefixes, sort orders, stats, project timelines, exports and
// the merging of reposted notices, over notices written to a temporary
// folder.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
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

// One project (SZ-2024-001) from tender to contract, a repost of its award
// with other bytes, and two notices of other projects.
const std::vector<std::pair<std::string, std::string>> kNotices = {
    {"tender.txt",
     "示例市公安局舆情监测服务项目招标公告\n项目编号：SZ-2024-001\n"
     "采购人：示例市公安局\n采购代理机构：示例招标代理有限公司\n"
     "采购方式：公开招标\n预算金额：100万元\n发布日期：2024年3月1日\n"
     "投标截止时间：2024年3月20日9时30分\n"},
    {"amendment.txt",
     "示例市公安局舆情监测服务项目更正公告\n项目编号：SZ-2024-001\n"
     "采购人：示例市公安局\n采购代理机构：示例招标代理有限公司\n"
     "原预算金额：150万元，现调整为：120万元\n发布日期：2024年3月10日\n"
     "投标截止时间：2024年3月28日9时30分\n"},
    {"award.txt",
     "示例市公安局舆情监测服务项目中标结果公告\n项目编号：SZ-2024-001\n"
     "采购人：示例市公安局\n采购代理机构：示例招标代理有限公司\n"
     "中标供应商：示例科技有限公司\n中标金额：115万元\n"
     "发布日期：2024年4月2日\n"},
    // The award again, as another site's copy: CRLF line ends and
    // trailing spaces.
    {"award-repost.txt",
     "示例市公安局舆情监测服务项目中标结果公告 \r\n项目编号：SZ-2024-001\r\n"
     "采购人：示例市公安局\r\n采购代理机构：示例招标代理有限公司\r\n"
     "中标供应商：示例科技有限公司\r\n中标金额：115万元\r\n"
     "发布日期：2024年4月2日\r\n"},
    {"contract.txt",
     "示例市公安局舆情监测服务项目合同公告\n项目编号：SZ-2024-001\n"
     "采购人：示例市公安局\n中标供应商：示例科技有限公司\n合同金额：115万元\n"
     "发布日期：2024年4月20日\n"},
    {"cleaning.txt",
     "合肥市蜀山区人民医院保洁服务项目成交公告\n项目编号：HF-2023-088\n"
     "采购人：合肥市蜀山区人民医院\n采购方式：竞争性磋商\n"
     "成交供应商：合肥洁净物业管理有限公司\n成交金额：48万元\n"
     "发布日期：2023年6月5日\n"},
    {"quoted.txt",
     "示例市教育局\"智慧校园\",一期项目中标公告\n项目编号：JY-2022-007\n"
     "项目名称：示例市教育局\"智慧校园\"一期项目\n"
     "采购人：示例市教育局\n中标供应商：示例软件有限公司\n"
     "中标金额：30万元\n发布日期：2022年9月1日\n"},
};

constexpr char kRepost[] = "award-repost.txt";

class CliFieldsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    fs::path docs = dir_->path() / "docs";
    fs::create_directories(docs);
    for (const auto& [name, text] : kNotices) {
      if (name != kRepost) std::ofstream(docs / name, std::ios::binary) << text;
    }
    db_ = (dir_->path() / "idx").string();
    first_run_ = new testing::CommandResult(
        RunBidscope({"index", "--db", db_, "--json", docs.string()}));

    // The repost comes in a later run, so that award.txt is the copy
    // indexed first whatever order the folder lists its files in.
    for (const auto& [name, text] : kNotices) {
      if (name == kRepost) std::ofstream(docs / name, std::ios::binary) << text;
    }
    index_run_ = new testing::CommandResult(
        RunBidscope({"index", "--db", db_, "--json", docs.string()}));
  }
  static void TearDownTestSuite() {
    delete first_run_;
    delete index_run_;
    delete dir_;
  }

  // File names of the first path of each hit, in hit order.
  static std::vector<std::string> HitNames(
      const std::vector<std::string>& args) {
    std::vector<std::string> command = {"search", "--db",    db_,
                                        "--json", "--limit", "100"};
    command.insert(command.end(), args.begin(), args.end());
    testing::CommandResult result = RunBidscope(command);
    EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1) << result.err;
    std::vector<std::string> names;
    for (const nlohmann::json& hit : RecordsOfType(result.out, "hit")) {
      names.push_back(fs::path(hit["path"].get<std::string>()).filename());
    }
    return names;
  }

  static std::set<std::string> NameSet(const std::vector<std::string>& args) {
    std::vector<std::string> names = HitNames(args);
    return {names.begin(), names.end()};
  }

  static testing::TempDir* dir_;
  static std::string db_;
  static testing::CommandResult* first_run_;
  static testing::CommandResult* index_run_;
};

testing::TempDir* CliFieldsTest::dir_ = nullptr;
std::string CliFieldsTest::db_;
testing::CommandResult* CliFieldsTest::first_run_ = nullptr;
testing::CommandResult* CliFieldsTest::index_run_ = nullptr;

using Names = std::set<std::string>;
const Names kProject = {"tender.txt", "amendment.txt", "award.txt",
                        "contract.txt"};

TEST_F(CliFieldsTest, RepostIsMergedAsDuplicate) {
  ASSERT_EQ(first_run_->exit_code, 0) << first_run_->err;
  ASSERT_EQ(index_run_->exit_code, 0) << index_run_->err;
  std::string repost_status;
  for (const nlohmann::json& file : RecordsOfType(index_run_->out, "file")) {
    if (fs::path(file["path"].get<std::string>()).filename() ==
        "award-repost.txt") {
      repost_status = file["status"];
    }
  }
  EXPECT_EQ(repost_status, "duplicate");
  testing::CommandResult result =
      RunBidscope({"search", "--db", db_, "--json", "中标结果公告"});
  std::vector<nlohmann::json> hits = RecordsOfType(result.out, "hit");
  ASSERT_EQ(hits.size(), 1u) << result.out;
  std::set<std::string> paths;
  for (const nlohmann::json& path : hits[0]["paths"]) {
    paths.insert(fs::path(path.get<std::string>()).filename());
  }
  EXPECT_EQ(paths, (Names{"award.txt", "award-repost.txt"}));
}

TEST_F(CliFieldsTest, FlagFiltersSelectNotices) {
  struct Case {
    std::vector<std::string> args;
    Names expected;
  };
  const Case kCases[] = {
      {{"--type", "award"}, {"award.txt", "cleaning.txt", "quoted.txt"}},
      {{"--type", "amendment"}, {"amendment.txt"}},
      {{"--method", "open"}, {"tender.txt"}},
      {{"--buyer", "公安"}, kProject},
      {{"--buyer", "公安", "监测"}, kProject},
      {{"--agency", "招标代理"}, {"tender.txt", "amendment.txt", "award.txt"}},
      {{"--supplier", "示例科技"}, {"award.txt", "contract.txt"}},
      {{"--region", "合肥市"}, {"cleaning.txt"}},
      {{"--region", "340100"}, {"cleaning.txt"}},
      {{"--region", "安徽省"}, {"cleaning.txt"}},
      {{"--after", "2024-03-05", "--before", "2024-04-10"},
       {"amendment.txt", "award.txt"}},
      {{"--before", "2023-12-31"}, {"cleaning.txt", "quoted.txt"}},
      {{"--min-amount", "1000000"}, kProject},
      {{"--max-amount", "500000"}, {"cleaning.txt", "quoted.txt"}},
      {{"--min-amount", "400000", "--max-amount", "500000"}, {"cleaning.txt"}},
      // The amendment's budget is the corrected 120万, not the 150万 it
      // replaces.
      {{"--min-amount", "1190000", "--max-amount", "1250000"},
       {"amendment.txt"}},
      {{"--min-amount", "1300000"}, {}},
  };
  for (const Case& c : kCases) {
    std::string command_line;
    for (const std::string& arg : c.args) command_line += arg + " ";
    EXPECT_EQ(NameSet(c.args), c.expected) << command_line;
  }
}

TEST_F(CliFieldsTest, HitAndShowTellCorrectedAmounts) {
  testing::CommandResult search =
      RunBidscope({"search", "--db", db_, "--json", "更正公告"});
  std::vector<nlohmann::json> hits = RecordsOfType(search.out, "hit");
  ASSERT_EQ(hits.size(), 1u) << search.out;
  const nlohmann::json& amounts = hits[0]["fields"]["amounts"];
  ASSERT_EQ(amounts.size(), 1u) << amounts.dump();
  EXPECT_EQ(amounts[0]["value"], "1200000");

  testing::CommandResult show =
      RunBidscope({"show", "--db", db_, hits[0]["doc_id"].get<std::string>()});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("1500000 CNY (page 1, superseded)"),
            std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("1200000 CNY (page 1, corrected)"), std::string::npos)
      << show.out;
}

TEST_F(CliFieldsTest, QueryPrefixesSelectNotices) {
  struct Case {
    std::string query;
    Names expected;
  };
  const Case kCases[] = {
      {"buyer:公安", kProject},
      {"buyer:公安局 服务", kProject},
      {"buyer:人民医院", {"cleaning.txt"}},
      {"supplier:示例科技", {"award.txt", "contract.txt"}},
      {"agency:代理", {"tender.txt", "amendment.txt", "award.txt"}},
      {"type:award", {"award.txt", "cleaning.txt", "quoted.txt"}},
      {"type:text buyer:医院", {"cleaning.txt"}},
      {"notice:contract", {"contract.txt"}},
      {"method:open", {"tender.txt"}},
      {"region:合肥市", {"cleaning.txt"}},
      {"project:SZ-2024-001", kProject},
      {"-buyer:公安", {"cleaning.txt", "quoted.txt"}},
  };
  for (const Case& c : kCases) {
    // "--" ends the options, so that -buyer:公安 is a query.
    EXPECT_EQ(NameSet({"--", c.query}), c.expected) << c.query;
  }
}

TEST_F(CliFieldsTest, UnknownRegionIsAnError) {
  testing::CommandResult result =
      RunBidscope({"search", "--db", db_, "--region", "无此地区名"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("unknown region"), std::string::npos) << result.err;
}

TEST_F(CliFieldsTest, SortsByDateAndAmount) {
  EXPECT_EQ(
      HitNames({"--sort", "date"}),
      (std::vector<std::string>{"contract.txt", "award.txt", "amendment.txt",
                                "tender.txt", "cleaning.txt", "quoted.txt"}));
  EXPECT_EQ(HitNames({"--sort", "amount", "--buyer", "公安"}),
            (std::vector<std::string>{"amendment.txt", "contract.txt",
                                      "award.txt", "tender.txt"}));
}

TEST_F(CliFieldsTest, JsonHitsCarryFieldsSummary) {
  testing::CommandResult result = RunBidscope(
      {"search", "--db", db_, "--json", "--type", "award", "--buyer", "公安"});
  std::vector<nlohmann::json> hits = RecordsOfType(result.out, "hit");
  ASSERT_EQ(hits.size(), 1u) << result.out;
  const nlohmann::json& fields = hits[0]["fields"];
  EXPECT_EQ(fields["notice_type"], "award");
  EXPECT_EQ(fields["buyer"], "示例市公安局");
  EXPECT_EQ(fields["published"], "2024-04-02");
  EXPECT_EQ(fields["amounts"].dump(),
            R"([{"currency":"CNY","kind":"award","value":"1150000"}])");
}

TEST_F(CliFieldsTest, StatsCountAwardsOncePerProject) {
  testing::CommandResult result =
      RunBidscope({"stats", "--db", db_, "--by", "buyer", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  nlohmann::json police;
  for (const nlohmann::json& group : RecordsOfType(result.out, "group")) {
    if (group["key"] == "示例市公安局") police = group;
  }
  ASSERT_TRUE(police.is_object()) << result.out;
  EXPECT_EQ(police["documents"], 4);
  EXPECT_EQ(police["awards"], 1);
  EXPECT_EQ(police["award_cny"], 1150000.0);
  EXPECT_EQ(police["budgets"], 1);
  // The amendment's budget replaces the tender's.
  EXPECT_EQ(police["budget_cny"], 1200000.0);
}

TEST_F(CliFieldsTest, StatsByYearWithFilter) {
  testing::CommandResult result = RunBidscope(
      {"stats", "--db", db_, "--by", "year", "--type", "award", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::map<std::string, double> awards;
  for (const nlohmann::json& group : RecordsOfType(result.out, "group")) {
    awards[group["key"]] = group["award_cny"];
  }
  EXPECT_EQ(awards,
            (std::map<std::string, double>{
                {"2022", 300000.0}, {"2023", 480000.0}, {"2024", 1150000.0}}));
}

TEST_F(CliFieldsTest, StatsListsYearsInOrder) {
  testing::CommandResult result =
      RunBidscope({"stats", "--db", db_, "--by", "year", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::vector<std::string> keys;
  for (const nlohmann::json& group : RecordsOfType(result.out, "group")) {
    keys.push_back(group["key"]);
  }
  ASSERT_GE(keys.size(), 3u);
  if (keys.back() == "(none)") keys.pop_back();
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()))
      << ::testing::PrintToString(keys);
  EXPECT_EQ(std::count(keys.begin(), keys.end(), "(none)"), 0);
}

TEST_F(CliFieldsTest, StatsConvertCurrencyWithDatedRate) {
  testing::CommandResult result =
      RunBidscope({"stats", "--db", db_, "--by", "buyer", "--json",
                   "--currency", "USD", "--buyer", "人民医院"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::vector<nlohmann::json> groups = RecordsOfType(result.out, "group");
  ASSERT_EQ(groups.size(), 1u) << result.out;
  ASSERT_EQ(groups[0]["award_rates"].size(), 1u) << result.out;
  EXPECT_EQ(groups[0]["award_rates"][0]["year"], 2023);
  double rate = groups[0]["award_rates"][0]["cny_per_unit"];
  EXPECT_DOUBLE_EQ(groups[0]["award_converted"].get<double>(), 480000.0 / rate);
  testing::CommandResult human =
      RunBidscope({"stats", "--db", db_, "--by", "buyer", "--currency", "USD",
                   "--buyer", "人民医院"});
  EXPECT_NE(human.out.find("2023 annual average"), std::string::npos)
      << human.out;
}

TEST_F(CliFieldsTest, ProjectTimelineShowsAmendmentChanges) {
  testing::CommandResult result =
      RunBidscope({"project", "--db", db_, "--json", "SZ-2024-001"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::vector<nlohmann::json> notices = RecordsOfType(result.out, "notice");
  std::vector<std::string> types;
  for (const nlohmann::json& notice : notices) {
    types.push_back(notice["notice_type"]);
  }
  EXPECT_EQ(types, (std::vector<std::string>{"tender", "amendment", "award",
                                             "contract"}));
  ASSERT_EQ(notices.size(), 4u);
  std::map<std::string, std::string> changes;
  for (const nlohmann::json& change : notices[1]["changes"]) {
    changes[change["field"]] = change["before"].get<std::string>() + " -> " +
                               change["after"].get<std::string>();
  }
  EXPECT_EQ(changes["budget"], "1000000 CNY -> 1200000 CNY");
  EXPECT_EQ(changes["deadline date"], "2024-03-20T09:30 -> 2024-03-28T09:30");
  EXPECT_EQ(notices[2]["paths"].size(), 2u);
  EXPECT_EQ(RunBidscope({"project", "--db", db_, "NO-SUCH-1"}).exit_code, 1);
}

TEST_F(CliFieldsTest, CsvExportHasBomQuotingAndChinese) {
  fs::path out = dir_->path() / "export.csv";
  testing::CommandResult result =
      RunBidscope({"export", "--db", db_, "--format", "csv", "--sort", "date",
                   "--before", "2022-12-31", "-o", out.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string csv = testing::ReadFile(out);
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  std::string header = csv.substr(3, csv.find("\r\n") - 3);
  EXPECT_EQ(
      header,
      "doc_id,path,url,title,notice_type,method,project_number,project_name,"
      "buyer,agency,"
      "suppliers,region_code,region,published,budget_cny,award_cny,"
      "amounts_json");
  EXPECT_NE(csv.find(",JY-2022-007,\"示例市教育局\"\"智慧校园\"\"一期项目\","),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",示例市教育局,,示例软件有限公司,,,2022-09-01,,"
                     "300000.00,\"[{\"\"currency\"\":\"\"CNY\"\",\"\"kind\"\":"
                     "\"\"award\"\",\"\"page\"\":1,"),
            std::string::npos)
      << csv;
}

TEST_F(CliFieldsTest, JsonlExportHasOneLinePerDocument) {
  testing::CommandResult result = RunBidscope(
      {"export", "--db", db_, "--format", "jsonl", "--buyer", "公安"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::vector<nlohmann::json> lines = testing::ParseJsonLines(result.out);
  EXPECT_EQ(lines.size(), 4u);
  for (const nlohmann::json& line : lines) {
    EXPECT_EQ(line["fields"]["project_number"], "SZ-2024-001") << line.dump();
  }
}

TEST_F(CliFieldsTest, ExtractJsonHasFields) {
  testing::CommandResult result =
      RunBidscope({"extract", "--json", "-"}, kNotices[0].second);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  nlohmann::json doc = nlohmann::json::parse(result.out);
  EXPECT_EQ(doc["fields"]["notice_type"], "tender");
  EXPECT_EQ(doc["fields"]["buyer"], "示例市公安局");
  EXPECT_EQ(doc["fields"]["project_number"], "SZ-2024-001");
}

TEST_F(CliFieldsTest, ShowPrintsStoredFields) {
  fs::path award = dir_->path() / "docs" / "award.txt";
  testing::CommandResult json =
      RunBidscope({"show", "--db", db_, "--json", award.string()});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  nlohmann::json doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc["fields"]["suppliers"][0]["name"], "示例科技有限公司");
  testing::CommandResult human =
      RunBidscope({"show", "--db", db_, award.string()});
  EXPECT_NE(human.out.find("supplier: 示例科技有限公司"), std::string::npos)
      << human.out;
}

}  // namespace
}  // namespace bidscope
