// Bulk index runs through the real binary: statuses, incremental re-runs,
// duplicates, worker isolation, interruption and the run report.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "extract/code_points.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::RecordsOfType;
using testing::RunBidscope;

void WriteText(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// Status of every file record, keyed by file name.
std::map<std::string, nlohmann::json> FileRecords(const CommandResult& run) {
  std::map<std::string, nlohmann::json> records;
  for (const nlohmann::json& file : RecordsOfType(run.out, "file"))
    records[fs::path(file["path"].get<std::string>()).filename()] = file;
  return records;
}

class CliIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    input_ = dir_.path() / "in";
    db_ = (dir_.path() / "idx").string();
    WriteText(input_ / "a.txt",
              "关于采购舆情监测服务的招标公告。预算320000元。");
    WriteText(input_ / "sub" / "b.txt", "示例市公安局视频监控采购项目。");
    WriteText(input_ / "sub" / "copy-of-a.txt",
              "关于采购舆情监测服务的招标公告。预算320000元。");
  }

  CommandResult Index(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"index", "--db", db_, "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(input_.string());
    return RunBidscope(args);
  }

  int Hits(const std::string& query) {
    CommandResult result =
        RunBidscope({"search", "--db", db_, "--json", query});
    return static_cast<int>(RecordsOfType(result.out, "hit").size());
  }

  testing::TempDir dir_;
  fs::path input_;
  std::string db_;
};

TEST_F(CliIndexTest, FirstRunIndexesAndMergesDuplicates) {
  CommandResult run = Index();
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto records = FileRecords(run);
  ASSERT_EQ(records.size(), 3u) << run.out;
  EXPECT_EQ(records["b.txt"]["status"], "indexed");
  std::string a = records["a.txt"]["status"];
  std::string copy = records["copy-of-a.txt"]["status"];
  EXPECT_TRUE((a == "indexed" && copy == "duplicate") ||
              (a == "duplicate" && copy == "indexed"))
      << a << " / " << copy;
  EXPECT_EQ(Hits("舆情监测"), 1);

  CommandResult shown =
      RunBidscope({"show", "--db", db_, "--json", (input_ / "a.txt").string()});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  nlohmann::json doc = nlohmann::json::parse(shown.out);
  EXPECT_EQ(doc["paths"].size(), 2u) << doc["paths"].dump();
}

TEST_F(CliIndexTest, DuplicateReasonTellsBytesFromText) {
  // b.txt's text in a file of its own, with a line break the
  // normalised text does not keep.
  WriteText(input_ / "z-repost-of-b.txt",
            "示例市公安局视频监控\r\n采购项目。\r\n");
  CommandResult run = Index();
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto records = FileRecords(run);
  ASSERT_EQ(records.size(), 4u) << run.out;

  const nlohmann::json& repost = records["z-repost-of-b.txt"];
  EXPECT_EQ(repost["status"], "duplicate");
  EXPECT_NE(repost["reason"].get<std::string>().find("same text"),
            std::string::npos)
      << repost.dump();

  const nlohmann::json& a = records["a.txt"];
  const nlohmann::json& copy = records["copy-of-a.txt"];
  const nlohmann::json& second = a["status"] == "duplicate" ? a : copy;
  EXPECT_NE(second["reason"].get<std::string>().find("same bytes"),
            std::string::npos)
      << second.dump();

  // The repost's own id, as the run gave it, shows the document that has
  // its path.
  CommandResult show =
      RunBidscope({"show", "--db", db_, repost["doc_id"].get<std::string>()});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("z-repost-of-b.txt"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("b.txt\n"), std::string::npos) << show.out;
}

TEST_F(CliIndexTest, CompactsWhenAsked) {
  // A small run stays as written under the default (auto).
  CommandResult first = Index();
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(RecordsOfType(first.out, "compact").empty()) << first.out;

  WriteText(input_ / "c.txt", "示例县教育局智慧校园建设项目中标公告。");
  CommandResult second = Index({"--compact", "always"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  std::vector<nlohmann::json> compacted = RecordsOfType(second.out, "compact");
  ASSERT_EQ(compacted.size(), 1u) << second.out;
  EXPECT_EQ(compacted[0]["documents"], 3);

  // The compacted index searches, and a re-run finds every file unchanged.
  EXPECT_EQ(Hits("舆情监测"), 1);
  EXPECT_EQ(Hits("智慧校园"), 1);
  CommandResult third = Index({"--compact", "never"});
  ASSERT_EQ(third.exit_code, 0) << third.err;
  for (const auto& [name, record] : FileRecords(third))
    EXPECT_EQ(record["status"], "unchanged") << name;
  EXPECT_TRUE(RecordsOfType(third.out, "compact").empty()) << third.out;
}

TEST_F(CliIndexTest, RejectsUnknownCompactMode) {
  CommandResult run = Index({"--compact", "sometimes"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--compact"), std::string::npos) << run.err;
}

TEST_F(CliIndexTest, JunkKeepsItsStatusOnRerun) {
  // Bytes in no format: under a PDF's name a failure, under another name a
  // format left aside. Neither becomes "unchanged" on the next run.
  std::string junk(512, '\0');
  for (size_t i = 0; i < junk.size(); ++i) {
    junk[i] = static_cast<char>((i * 151 + 17) % 251);
  }
  WriteText(input_ / "junk.pdf", junk);
  WriteText(input_ / "junk.bin", junk);
  for (int run_number = 1; run_number <= 2; ++run_number) {
    CommandResult run = Index();
    EXPECT_EQ(run.exit_code, 1) << run.err;
    auto records = FileRecords(run);
    EXPECT_EQ(records["junk.pdf"]["status"], "failed") << run_number;
    EXPECT_NE(
        records["junk.pdf"]["reason"].get<std::string>().find("not a PDF file"),
        std::string::npos)
        << records["junk.pdf"].dump();
    EXPECT_EQ(records["junk.bin"]["status"], "unsupported") << run_number;
  }
}

TEST_F(CliIndexTest, FilesWithoutTextAreSkipped) {
  WriteText(input_ / "bom.txt", "\xEF\xBB\xBF");
  WriteText(input_ / "blank.txt", " \n\t\n");
  WriteText(input_ / "bare.html", "<html><body><script>x=1</script></body>");
  for (int run_number = 1; run_number <= 2; ++run_number) {
    CommandResult run = Index();
    EXPECT_EQ(run.exit_code, 0) << run.err;
    auto records = FileRecords(run);
    for (const char* name : {"bom.txt", "blank.txt", "bare.html"}) {
      EXPECT_EQ(records[name]["status"], "skipped") << name << run_number;
      EXPECT_NE(records[name]["reason"].get<std::string>().find("empty"),
                std::string::npos)
          << records[name].dump();
    }
  }
  CommandResult search =
      RunBidscope({"search", "--db", db_, "--json", "type:text"});
  for (const nlohmann::json& hit : RecordsOfType(search.out, "hit")) {
    EXPECT_EQ(hit["path"].get<std::string>().find("blank.txt"),
              std::string::npos);
  }
}

TEST_F(CliIndexTest, RerunSkipsChangesAndRemoves) {
  ASSERT_EQ(Index().exit_code, 0);
  CommandResult again = Index();
  ASSERT_EQ(again.exit_code, 0) << again.err;
  for (const auto& [name, record] : FileRecords(again))
    EXPECT_EQ(record["status"], "unchanged") << name;

  // Same bytes with a new time stay unchanged; new bytes are re-indexed.
  fs::last_write_time(input_ / "a.txt", fs::file_time_type::clock::now());
  WriteText(input_ / "sub" / "b.txt", "示例市宣传部网络舆情分析服务采购。");
  fs::remove(input_ / "sub" / "copy-of-a.txt");
  CommandResult third = Index();
  ASSERT_EQ(third.exit_code, 0) << third.err;
  auto records = FileRecords(third);
  EXPECT_EQ(records["a.txt"]["status"], "unchanged");
  EXPECT_EQ(records["b.txt"]["status"], "indexed");
  EXPECT_EQ(records["copy-of-a.txt"]["status"], "removed");
  EXPECT_EQ(Hits("视频监控"), 0);
  EXPECT_EQ(Hits("宣传部"), 1);
  EXPECT_EQ(Hits("舆情监测"), 1);

  // Without the last path of a document, the document goes too.
  fs::remove(input_ / "a.txt");
  ASSERT_EQ(Index().exit_code, 0);
  EXPECT_EQ(Hits("舆情监测"), 0);
}

// A skipped file has no document and no state, but show gives the reason
// the last run gave it.
TEST_F(CliIndexTest, ShowGivesReasonOfSkippedFile) {
  WriteText(input_ / "empty.txt", "");
  ASSERT_EQ(Index().exit_code, 0);
  std::string empty = (input_ / "empty.txt").string();
  CommandResult show = RunBidscope({"show", "--db", db_, empty});
  EXPECT_EQ(show.exit_code, 1);
  EXPECT_NE(show.err.find(empty + ": no document in " + db_ +
                          ": skipped: empty file"),
            std::string::npos)
      << show.err;
}

TEST_F(CliIndexTest, KeepMissingKeepsVanishedFiles) {
  ASSERT_EQ(Index().exit_code, 0);
  fs::remove(input_ / "sub" / "b.txt");
  CommandResult run = Index({"--keep-missing"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(FileRecords(run).count("b.txt"), 0u);
  EXPECT_EQ(Hits("视频监控"), 1);
}

// A folder that cannot be listed ends as failed with the reason, and the
// run goes on with the rest. Root may list any folder, so as root the run
// is made as the user nobody (setpriv, from util-linux).
// A mistyped path, or a disk that is not mounted, stops the run before it
// starts: no index is created for nothing, and a re-run does not remove
// the documents of a folder it cannot see.
TEST_F(CliIndexTest, MissingPathStopsTheRun) {
  std::string missing = (dir_.path() / "no-such-folder").string();
  CommandResult run = Index({missing});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("bidscope: " + missing + ": not found"),
            std::string::npos)
      << run.err;
  EXPECT_TRUE(RecordsOfType(run.out, "file").empty()) << run.out;
  EXPECT_FALSE(fs::exists(db_));

  ASSERT_EQ(Index().exit_code, 0);
  fs::path moved = dir_.path() / "unmounted";
  fs::rename(input_, moved);
  CommandResult rerun = Index();
  EXPECT_EQ(rerun.exit_code, 2) << rerun.err;
  EXPECT_EQ(Hits("视频监控"), 1);
  EXPECT_EQ(Hits("舆情监测"), 1);

  // Once the folder is back, the run finds every file unchanged.
  fs::rename(moved, input_);
  CommandResult back = Index();
  ASSERT_EQ(back.exit_code, 0) << back.err;
  EXPECT_EQ(FileRecords(back)["b.txt"]["status"], "unchanged");
}

// --db naming a folder of documents is a slip: the run stops before it
// writes the index among them.
TEST_F(CliIndexTest, DbFolderOfDocumentsIsRejected) {
  std::string documents = (input_ / "sub").string();
  CommandResult run =
      RunBidscope({"index", "--db", documents, input_.string()});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find(documents + ": not an index"), std::string::npos)
      << run.err;
  EXPECT_FALSE(fs::exists(input_ / "sub" / "iamglass"));
  EXPECT_FALSE(fs::exists(input_ / "sub" / "last-run.jsonl"));

  // An index made by bidscope is opened again.
  ASSERT_EQ(Index().exit_code, 0);
  EXPECT_EQ(Index().exit_code, 0);
}

TEST_F(CliIndexTest, UnlistableFolderEndsAsFailed) {
  fs::path locked = input_ / "locked";
  WriteText(locked / "c.txt", "锁定目录中的公告。");
  // nobody must reach the inputs and create the index beside them.
  fs::permissions(dir_.path(), fs::perms::all, fs::perm_options::replace);
  fs::permissions(locked, fs::perms::none, fs::perm_options::replace);

  std::vector<std::string> args = {"index", "--db", db_, "--json",
                                   input_.string()};
  CommandResult run;
  if (geteuid() == 0) {
    args.insert(args.begin(), {"--reuid=nobody", "--regid=nogroup",
                               "--clear-groups", BIDSCOPE_BINARY});
    run = testing::RunProgram("setpriv", args);
  } else {
    run = RunBidscope(args);
  }
  fs::permissions(locked, fs::perms::owner_all, fs::perm_options::replace);

  EXPECT_EQ(run.exit_code, 1) << run.err;
  auto records = FileRecords(run);
  ASSERT_EQ(records.count("locked"), 1u) << run.out;
  EXPECT_EQ(records["locked"]["status"], "failed");
  EXPECT_NE(
      records["locked"]["reason"].get<std::string>().find("Permission denied"),
      std::string::npos)
      << records["locked"].dump();
  EXPECT_EQ(records.count("c.txt"), 0u);
  EXPECT_EQ(records["b.txt"]["status"], "indexed");
  EXPECT_NE(run.err.find("locked"), std::string::npos) << run.err;
}

TEST_F(CliIndexTest, WorkerFaultsEndOnlyTheirFile) {
  WriteText(input_ / "crash.txt", "崩溃");
  WriteText(input_ / "hang.txt", "挂起");
  WriteText(input_ / "oom.txt", "内存");
  setenv("BIDSCOPE_FAULT_INJECTION",
         "crash=crash.txt,hang=hang.txt,oom=oom.txt", 1);
  CommandResult run =
      Index({"--timeout", "3", "--memory-limit", "512", "--jobs", "2"});
  unsetenv("BIDSCOPE_FAULT_INJECTION");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  auto records = FileRecords(run);
  ASSERT_EQ(records.size(), 6u) << run.out;
  EXPECT_EQ(records["crash.txt"]["status"], "failed");
  EXPECT_NE(records["crash.txt"]["reason"].get<std::string>().find("signal 11"),
            std::string::npos)
      << records["crash.txt"].dump();
  EXPECT_EQ(records["hang.txt"]["status"], "failed");
  EXPECT_NE(records["hang.txt"]["reason"].get<std::string>().find("timed out"),
            std::string::npos)
      << records["hang.txt"].dump();
  EXPECT_EQ(records["oom.txt"]["status"], "failed");
  EXPECT_NE(
      records["oom.txt"]["reason"].get<std::string>().find("memory limit"),
      std::string::npos)
      << records["oom.txt"].dump();
  EXPECT_EQ(records["b.txt"]["status"], "indexed");
  EXPECT_EQ(Hits("视频监控"), 1);

  // Failures are remembered and not retried unless asked.
  CommandResult again = Index();
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(FileRecords(again)["crash.txt"]["status"], "failed");
  CommandResult retried = Index({"--retry-failed"});
  EXPECT_EQ(retried.exit_code, 0) << retried.err;
  EXPECT_EQ(FileRecords(retried)["crash.txt"]["status"], "indexed");

  CommandResult report = RunBidscope({"report", "--db", db_, "--failed"});
  EXPECT_EQ(report.exit_code, 0);
}

TEST_F(CliIndexTest, ReportListsFailures) {
  WriteText(input_ / "broken.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog");
  CommandResult run = Index();
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("broken.pdf"), std::string::npos) << run.err;
  CommandResult report = RunBidscope({"report", "--db", db_, "--failed"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(report.out.find("broken.pdf"), std::string::npos) << report.out;
  EXPECT_EQ(report.out.find("b.txt"), std::string::npos) << report.out;
}

TEST_F(CliIndexTest, ReportListsWarnings) {
  // A CSV dump with a row that has a field too many.
  WriteText(input_ / "dump.csv",
            "title,url,date\n"
            "招标公告一,http://a.example/1,2024-01-02\n"
            "招标公告二,http://a.example/2,2024-01-03,extra\n"
            "招标公告三,http://a.example/3,2024-01-04\n"
            "招标公告四,http://a.example/4,2024-01-05\n"
            "招标公告五,http://a.example/5,2024-01-06\n"
            "招标公告六,http://a.example/6,2024-01-07\n");
  CommandResult run = Index();
  ASSERT_EQ(run.exit_code, 0) << run.err;
  CommandResult report = RunBidscope({"report", "--db", db_, "--warnings"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(report.out.find("dump.csv"), std::string::npos) << report.out;
  EXPECT_NE(report.out.find("  warning: "), std::string::npos) << report.out;
  EXPECT_EQ(report.out.find("b.txt"), std::string::npos) << report.out;
}

TEST_F(CliIndexTest, ExportGivesRecordsNotDumpFiles) {
  WriteText(input_ / "dump.jsonl",
            "{\"title\": \"招标公告一\", \"content\": \"正文一\"}\n"
            "{\"title\": \"招标公告二\", \"content\": \"正文二\"}\n");
  ASSERT_EQ(Index().exit_code, 0);
  CommandResult result =
      RunBidscope({"export", "--db", db_, "--format", "jsonl", "招标公告"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  size_t records = 0;
  for (const nlohmann::json& line : testing::ParseJsonLines(result.out)) {
    EXPECT_NE(line["format"], "jsonl") << line.dump();
    if (line["format"] == "record") ++records;
  }
  EXPECT_EQ(records, 2u) << result.out;
  CommandResult all = RunBidscope({"export", "--db", db_, "--format", "csv"});
  EXPECT_EQ(all.out.find("dump.jsonl\r\n"), std::string::npos);
  EXPECT_EQ(all.out.find("dump.jsonl,"), std::string::npos);
}

TEST_F(CliIndexTest, HitsAndExportsGiveRecordUrls) {
  // The same notice scraped from two sites is one document with two paths,
  // each with its own address.
  WriteText(input_ / "dump.csv",
            "url,title,text\n"
            "http://a.example/1,示例市公安局采购公告,采购人：示例市公安局。\n"
            "http://b.example/9,示例市公安局采购公告,采购人：示例市公安局。\n");
  ASSERT_EQ(Index().exit_code, 0);
  std::string first = (input_ / "dump.csv").string() + "#record 1";
  std::string second = (input_ / "dump.csv").string() + "#record 2";

  CommandResult json =
      RunBidscope({"search", "--db", db_, "--json", "采购公告"});
  std::vector<nlohmann::json> hits = RecordsOfType(json.out, "hit");
  ASSERT_EQ(hits.size(), 1u) << json.out;
  EXPECT_EQ(hits[0]["url"], "http://a.example/1");
  EXPECT_EQ(hits[0]["path_urls"],
            nlohmann::json({{second, "http://b.example/9"}}));

  CommandResult human = RunBidscope({"search", "--db", db_, "采购公告"});
  EXPECT_NE(human.out.find(first + "  http://a.example/1"), std::string::npos)
      << human.out;
  EXPECT_NE(human.out.find(second + "  http://b.example/9"), std::string::npos)
      << human.out;

  CommandResult csv =
      RunBidscope({"export", "--db", db_, "--format", "csv", "采购公告"});
  EXPECT_NE(csv.out.find(first + ",http://a.example/1,"), std::string::npos)
      << csv.out;
  CommandResult jsonl =
      RunBidscope({"export", "--db", db_, "--format", "jsonl", "采购公告"});
  std::vector<nlohmann::json> lines = testing::ParseJsonLines(jsonl.out);
  ASSERT_EQ(lines.size(), 1u) << jsonl.out;
  EXPECT_EQ(lines[0]["url"], "http://a.example/1");
  EXPECT_EQ(lines[0]["path_urls"][second], "http://b.example/9");

  // A document without an address has none in its hit.
  CommandResult plain =
      RunBidscope({"search", "--db", db_, "--json", "视频监控"});
  std::vector<nlohmann::json> plain_hits = RecordsOfType(plain.out, "hit");
  ASSERT_EQ(plain_hits.size(), 1u) << plain.out;
  EXPECT_TRUE(plain_hits[0]["url"].is_null()) << plain.out;
  EXPECT_TRUE(plain_hits[0]["path_urls"].empty()) << plain.out;
}

TEST_F(CliIndexTest, HumanOutputKeepsErrorsOnStderr) {
  WriteText(input_ / "broken.pdf", "%PDF-1.4\ntrailer");
  CommandResult run = RunBidscope({"index", "--db", db_, input_.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out.find("broken.pdf"), std::string::npos) << run.out;
  EXPECT_NE(run.err.find("bidscope: "), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("4 files"), std::string::npos) << run.out;
}

TEST_F(CliIndexTest, CreatesMissingParentFolders) {
  db_ = (dir_.path() / "cases" / "2026" / "idx").string();
  CommandResult run = Index();
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Hits("舆情监测"), 1);
}

TEST_F(CliIndexTest, MissingIndexReportedOnce) {
  std::string missing = (dir_.path() / "no-such-index").string();
  CommandResult run = RunBidscope({"search", "--db", missing, "采购"});
  EXPECT_EQ(run.exit_code, 2);
  std::string expected =
      "bidscope: " + missing + ": cannot open the index for reading: ";
  EXPECT_EQ(run.err.rfind(expected, 0), 0u) << run.err;
  EXPECT_EQ(run.err.find("cannot open"), run.err.rfind("cannot open"))
      << run.err;
}

TEST_F(CliIndexTest, WriteFailureEndsEveryFileWithStatus) {
  fs::path batch = dir_.path() / "batch";
  const char* kTexts[] = {"一号公告舆情", "二号公告舆情", "三号公告舆情",
                          "四号公告舆情", "五号公告舆情"};
  for (int i = 0; i < 5; ++i) {
    WriteText(batch / ("w" + std::to_string(i + 1) + ".txt"), kTexts[i]);
  }
  // One change per file: w1 and w2 are committed together, and w3 is
  // written but not committed when writing w4 fails.
  setenv("BIDSCOPE_FAULT_INJECTION", "write=w4.txt", 1);
  CommandResult run = RunBidscope({"index", "--db", db_, "--json", "--jobs",
                                   "1", "--commit-every", "2", batch.string()});
  unsetenv("BIDSCOPE_FAULT_INJECTION");
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("index run aborted: "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("injected write failure"), std::string::npos)
      << run.err;

  auto records = FileRecords(run);
  ASSERT_EQ(records.size(), 5u) << run.out;
  EXPECT_EQ(records["w1.txt"]["status"], "indexed");
  EXPECT_EQ(records["w2.txt"]["status"], "indexed");
  for (const char* name : {"w3.txt", "w4.txt", "w5.txt"}) {
    EXPECT_EQ(records[name]["status"], "skipped") << name;
    EXPECT_NE(records[name]["reason"].get<std::string>().find("run aborted"),
              std::string::npos)
        << records[name].dump();
  }
  std::vector<nlohmann::json> summary = RecordsOfType(run.out, "summary");
  ASSERT_EQ(summary.size(), 1u) << run.out;
  EXPECT_EQ(summary[0]["indexed"], 2);
  EXPECT_EQ(summary[0]["skipped"], 3);
  EXPECT_EQ(summary[0]["interrupted"], true);
  EXPECT_NE(summary[0]["aborted"].get<std::string>().find("injected"),
            std::string::npos);

  // The report gives the same, and the committed files are searchable.
  CommandResult report = RunBidscope({"report", "--db", db_});
  EXPECT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(report.out.find("skipped\t" + (batch / "w3.txt").string()),
            std::string::npos)
      << report.out;
  EXPECT_EQ(Hits("舆情"), 2);

  // The same command finishes the job.
  CommandResult again =
      RunBidscope({"index", "--db", db_, "--json", batch.string()});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  auto finished = FileRecords(again);
  EXPECT_EQ(finished["w2.txt"]["status"], "unchanged");
  for (const char* name : {"w3.txt", "w4.txt", "w5.txt"}) {
    EXPECT_EQ(finished[name]["status"], "indexed") << name;
  }
  EXPECT_EQ(Hits("舆情"), 5);
}

// Writes `count` files of random Han text, so that every file adds
// thousands of new bigrams and the index's tables grow with each commit.
void WriteRandomHanFiles(const fs::path& dir, int count) {
  std::mt19937 random(7);
  std::uniform_int_distribution<UChar32> han(0x4E00, 0x4E00 + 3000);
  for (int i = 0; i < count; ++i) {
    std::string text = "舆情监测公告";
    for (int c = 0; c < 8000; ++c) AppendCodePoint(text, han(random));
    WriteText(dir / ("f" + std::to_string(100 + i) + ".txt"), text);
  }
}

// Checks the summary of a run stopped by a failed commit: every file
// counted once, and only the committed files' documents as written.
void ExpectAbortedSummary(const CommandResult& run, int files, int indexed) {
  std::vector<nlohmann::json> summary = RecordsOfType(run.out, "summary");
  ASSERT_EQ(summary.size(), 1u) << run.out;
  EXPECT_EQ(summary[0]["files"], files);
  EXPECT_EQ(summary[0]["indexed"], indexed);
  EXPECT_EQ(summary[0]["documents"], indexed);
  EXPECT_NE(summary[0]["aborted"].get<std::string>().find("File too large"),
            std::string::npos);
}

// Runs `bidscope index ARGS` twice: into `full_db` without a limit, then
// as given with the process's files limited to half the size of the
// largest file of `full_db`. SIGXFSZ would kill the process at the limit.
// Ignored, it makes the write fail in Xapian with EFBIG ("File too large").
CommandResult IndexWithHalfFileSize(const std::vector<std::string>& args,
                                    const std::string& db,
                                    const std::string& full_db) {
  std::vector<std::string> full_args = args;
  std::replace(full_args.begin(), full_args.end(), db, full_db);
  EXPECT_EQ(RunBidscope(full_args).exit_code, 0);
  uintmax_t largest = 0;
  for (const fs::directory_entry& entry :
       fs::recursive_directory_iterator(full_db)) {
    if (entry.is_regular_file()) largest = std::max(largest, entry.file_size());
  }
  std::vector<std::string> limited = {
      "-c", "trap '' XFSZ; exec prlimit --fsize=\"$0\" \"$@\"",
      std::to_string(largest / 2), BIDSCOPE_BINARY};
  limited.insert(limited.end(), args.begin(), args.end());
  return testing::RunProgram("sh", limited);
}

// A real write failure part-way through the run.
TEST_F(CliIndexTest, FileSizeLimitEndsRunAtCommit) {
  fs::path batch = dir_.path() / "batch";
  const int kFiles = 24;
  WriteRandomHanFiles(batch, kFiles);
  std::vector<std::string> args = {"index",          "--db",   db_,
                                   "--json",         "--jobs", "1",
                                   "--commit-every", "4",      batch.string()};
  CommandResult run =
      IndexWithHalfFileSize(args, db_, (dir_.path() / "full").string());
  ASSERT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("index run aborted: "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("File too large"), std::string::npos) << run.err;

  // One record per file, and a second for each file written after the last
  // commit. The last record of a path is its status.
  std::map<std::string, int> records_per_file;
  for (const nlohmann::json& file : RecordsOfType(run.out, "file"))
    ++records_per_file[fs::path(file["path"].get<std::string>()).filename()];
  ASSERT_EQ(records_per_file.size(), static_cast<size_t>(kFiles)) << run.out;
  auto records = FileRecords(run);
  int indexed = 0;
  int uncommitted = 0;
  for (const auto& [name, record] : records) {
    if (record["status"] == "indexed") {
      ++indexed;
      EXPECT_EQ(records_per_file[name], 1) << name;
      continue;
    }
    EXPECT_EQ(record["status"], "skipped") << record.dump();
    std::string reason = record["reason"];
    EXPECT_EQ(reason.rfind("run aborted by an index error", 0), 0u) << reason;
    bool written = reason.ends_with("before it was committed");
    if (written) ++uncommitted;
    EXPECT_EQ(records_per_file[name], written ? 2 : 1) << name;
  }
  EXPECT_GT(indexed, 0);
  EXPECT_GT(uncommitted, 0);
  EXPECT_LT(indexed, kFiles);
  ExpectAbortedSummary(run, kFiles, indexed);
  std::vector<nlohmann::json> summary = RecordsOfType(run.out, "summary");
  ASSERT_EQ(summary.size(), 1u) << run.out;
  EXPECT_EQ(summary[0]["skipped"], kFiles - indexed);
  EXPECT_EQ(summary[0]["index_documents"], indexed);

  // The index opens at its last commit: exactly the indexed files are found.
  CommandResult found = RunBidscope(
      {"search", "--db", db_, "--json", "-n", "100", "舆情监测公告"});
  EXPECT_EQ(found.exit_code, 0) << found.err;
  std::vector<nlohmann::json> hits = RecordsOfType(found.out, "hit");
  EXPECT_EQ(static_cast<int>(hits.size()), indexed);
  for (const nlohmann::json& hit : hits) {
    std::string name = fs::path(hit["path"].get<std::string>()).filename();
    EXPECT_EQ(records[name]["status"], "indexed") << name;
  }

  // Without the limit, the same command indexes the rest.
  CommandResult again = RunBidscope(args);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  auto finished = FileRecords(again);
  ASSERT_EQ(finished.size(), static_cast<size_t>(kFiles));
  for (const auto& [name, record] : finished) {
    EXPECT_EQ(record["status"],
              records[name]["status"] == "indexed" ? "unchanged" : "indexed")
        << name;
  }
  CommandResult all = RunBidscope(
      {"search", "--db", db_, "--json", "-n", "100", "舆情监测公告"});
  EXPECT_EQ(static_cast<int>(RecordsOfType(all.out, "hit").size()), kFiles);
}

// In shards, one shard's commit can fail after another's succeeded. Every
// file still ends with one status, and the next run takes the last files
// out of every shard and indexes them again.
TEST_F(CliIndexTest, ShardWriteFailureUndoneByNextRun) {
  fs::path batch = dir_.path() / "batch";
  const int kFiles = 24;
  WriteRandomHanFiles(batch, kFiles);
  std::vector<std::string> args = {
      "index", "--db",           db_, "--json",      "--jobs", "1", "--shards",
      "2",     "--commit-every", "4", batch.string()};
  CommandResult run =
      IndexWithHalfFileSize(args, db_, (dir_.path() / "full").string());
  ASSERT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("File too large"), std::string::npos) << run.err;
  auto records = FileRecords(run);
  ASSERT_EQ(records.size(), static_cast<size_t>(kFiles)) << run.out;
  int indexed = 0;
  for (const auto& [name, record] : records) {
    if (record["status"] == "indexed") ++indexed;
  }
  EXPECT_GT(indexed, 0);
  EXPECT_LT(indexed, kFiles);
  ExpectAbortedSummary(run, kFiles, indexed);
  // The index opens, and the shard that committed may show more files.
  CommandResult found = RunBidscope(
      {"search", "--db", db_, "--json", "-n", "100", "舆情监测公告"});
  EXPECT_EQ(found.exit_code, 0) << found.err;
  EXPECT_GE(static_cast<int>(RecordsOfType(found.out, "hit").size()), indexed);

  CommandResult again = RunBidscope(args);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  auto finished = FileRecords(again);
  ASSERT_EQ(finished.size(), static_cast<size_t>(kFiles));
  for (const auto& [name, record] : finished) {
    EXPECT_TRUE(record["status"] == "indexed" ||
                record["status"] == "unchanged")
        << record.dump();
  }
  std::vector<nlohmann::json> final_summary =
      RecordsOfType(again.out, "summary");
  ASSERT_EQ(final_summary.size(), 1u);
  EXPECT_EQ(final_summary[0]["index_documents"], kFiles);
  CommandResult all = RunBidscope(
      {"search", "--db", db_, "--json", "-n", "100", "舆情监测公告"});
  EXPECT_EQ(static_cast<int>(RecordsOfType(all.out, "hit").size()), kFiles);
}

TEST_F(CliIndexTest, WrongIndexPathNamesReason) {
  fs::path empty = dir_.path() / "empty";
  fs::create_directories(empty);
  fs::path file = dir_.path() / "notes.txt";
  WriteText(file, "采购公告\n");
  struct Case {
    std::string db;
    std::string reason;
  };
  const Case kCases[] = {
      {(dir_.path() / "missing").string(), "no such file or folder"},
      {empty.string(), "no bidscope index in this folder"},
      {file.string(), "not a bidscope index: a file that is not a stub"},
  };
  for (const Case& c : kCases) {
    CommandResult run = RunBidscope({"search", "--db", c.db, "采购"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(
        run.err.rfind("bidscope: " + c.db +
                          ": cannot open the index for reading: " + c.reason,
                      0),
        0u)
        << run.err;
  }
}

TEST_F(CliIndexTest, StrictStopsAtLastFile) {
  WriteText(input_ / "z-broken.pdf", "%PDF-1.4\ntrailer");
  CommandResult run = Index({"--strict", "--jobs", "1"});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  std::vector<nlohmann::json> summary = RecordsOfType(run.out, "summary");
  ASSERT_EQ(summary.size(), 1u) << run.out;
  EXPECT_EQ(summary[0]["interrupted"], true);
  EXPECT_EQ(summary[0]["failed"], 1);
}

TEST_F(CliIndexTest, HumanSummarySaysInterrupted) {
  WriteText(input_ / "z-broken.pdf", "%PDF-1.4\ntrailer");
  CommandResult run = RunBidscope(
      {"index", "--db", db_, "--strict", "--jobs", "1", input_.string()});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.out.find("interrupted: run the same command again"),
            std::string::npos)
      << run.out << run.err;
}

TEST_F(CliIndexTest, WarnsOfFieldNameNoRecordHas) {
  WriteText(input_ / "dump.csv", "bt,nr\n招标公告,正文\n中标公告,正文二\n");
  CommandResult run = RunBidscope(
      {"index", "--db", db_, "--title-field", "nosuch", input_.string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("dump.csv: warning: --title-field nosuch: no record"),
            std::string::npos)
      << run.err;
}

TEST_F(CliIndexTest, SummaryCountsWholeIndex) {
  ASSERT_EQ(Index().exit_code, 0);
  CommandResult rerun = Index();
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  std::vector<nlohmann::json> summary = RecordsOfType(rerun.out, "summary");
  ASSERT_EQ(summary.size(), 1u) << rerun.out;
  EXPECT_EQ(summary[0]["documents"], 0);
  EXPECT_EQ(summary[0]["index_documents"], 2);
}

TEST_F(CliIndexTest, ShowExplainsFailedFile) {
  WriteText(input_ / "broken.pdf", "%PDF-1.4\ntrailer");
  Index();
  std::string broken = (input_ / "broken.pdf").string();
  CommandResult show_run = RunBidscope({"show", "--db", db_, broken});
  EXPECT_EQ(show_run.exit_code, 1);
  EXPECT_NE(
      show_run.err.find(broken + ": no document in " + db_ + ": failed: "),
      std::string::npos)
      << show_run.err;
}

TEST_F(CliIndexTest, ShowGivesStatusOfEncryptedFileOnce) {
  BIDSCOPE_REQUIRE_SHARED();
  // The reason of an encrypted file starts with its status.
  fs::copy_file(testing::SharedDir() / "cases" /
                    "C06-pdf-robustness-encrypted-malformed" /
                    "user-password.pdf",
                input_ / "locked.pdf");
  Index();
  std::string locked = (input_ / "locked.pdf").string();
  CommandResult locked_run = RunBidscope({"show", "--db", db_, locked});
  EXPECT_EQ(locked_run.exit_code, 1);
  EXPECT_NE(locked_run.err.find(": encrypted: password required"),
            std::string::npos)
      << locked_run.err;
  EXPECT_EQ(locked_run.err.find("encrypted: encrypted"), std::string::npos)
      << locked_run.err;
}

TEST_F(CliIndexTest, RetriedFileWithTextIndexedIsDuplicate) {
  BIDSCOPE_REQUIRE_SHARED();
  // Both files have the same text, and one needs a password.
  fs::path cases =
      testing::SharedDir() / "cases" / "C06-pdf-robustness-encrypted-malformed";
  fs::copy_file(cases / "owner-restricted.pdf", input_ / "open.pdf");
  fs::copy_file(cases / "user-password.pdf", input_ / "locked.pdf");
  EXPECT_EQ(FileRecords(Index())["locked.pdf"]["status"], "encrypted");

  CommandResult retried =
      Index({"--retry-failed", "--password", "user-pw-123"});
  auto records = FileRecords(retried);
  EXPECT_EQ(records["locked.pdf"]["status"], "duplicate") << retried.out;
  EXPECT_EQ(records["open.pdf"]["status"], "unchanged") << retried.out;
}

}  // namespace
}  // namespace bidscope
