// Hostile batches through the real binary. A run killed with SIGKILL and
// resumed equals an uninterrupted run. Damaged, encrypted and mislabelled
// PDFs each end with the right status. The real shared corpus indexes with
// a status for every file and the right page numbers.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace bidscope {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::RecordsOfType;
using testing::RunBidscope;

std::map<std::string, nlohmann::json> RecordsByName(const CommandResult& run) {
  std::map<std::string, nlohmann::json> records;
  for (const nlohmann::json& file : RecordsOfType(run.out, "file"))
    records[fs::path(file["path"].get<std::string>()).filename()] = file;
  return records;
}

// Starts `bidscope args...`, waits until it has printed `lines` lines on
// stdout, then kills it with SIGKILL. Returns the number of lines seen.
int KillAfterLines(const std::vector<std::string>& args, int lines) {
  int out_pipe[2];
  if (pipe(out_pipe) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out_pipe[1], 1);
    int null_fd = open("/dev/null", O_WRONLY);
    dup2(null_fd, 2);
    close(out_pipe[0]);
    std::vector<char*> argv;
    std::string program = BIDSCOPE_BINARY;
    argv.push_back(program.data());
    for (const std::string& arg : args)
      argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  int seen = 0;
  char c;
  while (seen < lines && read(out_pipe[0], &c, 1) == 1) {
    if (c == '\n') ++seen;
  }
  kill(pid, SIGKILL);
  close(out_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return seen;
}

// Every term of the index with its document frequency: equal dumps mean
// the same documents, paths and terms.
std::string TermDump(const std::string& db) {
  CommandResult dump =
      testing::RunProgram("xapian-delve", {"-a", "-v", "-1", db});
  EXPECT_EQ(dump.exit_code, 0) << dump.err;
  return dump.out;
}

// Compares two term dumps line by line and prints the first lines that
// differ: gtest's diff of two multi-megabyte strings needs gigabytes.
void ExpectSameLines(const std::string& actual, const std::string& expected) {
  auto lines = [](const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  };
  std::vector<std::string> a = lines(actual);
  std::vector<std::string> e = lines(expected);
  EXPECT_EQ(a.size(), e.size());
  int shown = 0;
  for (size_t i = 0; i < std::min(a.size(), e.size()) && shown < 10; ++i) {
    if (a[i] == e[i]) continue;
    ADD_FAILURE() << "line " << i + 1 << ": resumed \"" << a[i]
                  << "\", clean \"" << e[i] << "\"";
    ++shown;
  }
}

TEST(CliRobustnessTest, KilledRunResumesToSameIndex) {
  BIDSCOPE_REQUIRE_SHARED();
  testing::TempDir dir;
  std::string corpus = (testing::SharedDir() / "corpus").string();
  std::string clean = (dir.path() / "clean").string();
  std::string resumed = (dir.path() / "resumed").string();
  std::vector<std::string> common = {"--json",         "--ocr", "never",
                                     "--commit-every", "50",    corpus};

  std::vector<std::string> args = {"index", "--db", clean};
  args.insert(args.end(), common.begin(), common.end());
  CommandResult clean_run = RunBidscope(args);
  ASSERT_TRUE(clean_run.exit_code == 0 || clean_run.exit_code == 1)
      << clean_run.err;

  args[2] = resumed;
  int seen = KillAfterLines(args, 20);
  ASSERT_GE(seen, 20);
  ASSERT_TRUE(fs::exists(resumed));
  CommandResult partial = RunBidscope({"search", "--db", resumed, "招标"});
  EXPECT_NE(partial.exit_code, 2)
      << "killed index does not open: " << partial.err;
  CommandResult resumed_run = RunBidscope(args);
  ASSERT_TRUE(resumed_run.exit_code == 0 || resumed_run.exit_code == 1)
      << resumed_run.err;
  ExpectSameLines(TermDump(resumed), TermDump(clean));
}

// Writes `count` short notices, some of them twice (the same bytes under
// another name) and some reposted with other line breaks, so that a run
// stores duplicates and merges reposts across shards.
void WriteNotices(const fs::path& dir, int count) {
  fs::create_directories(dir / "sub");
  for (int i = 0; i < count; ++i) {
    std::string text =
        "示例市第" + std::to_string(i) +
        "号采购项目中标公告。\n采购人：示例市公安局。\n中标金额：" +
        std::to_string(1000 + i) + "元。\n";
    std::string name = "notice-" + std::to_string(i) + ".txt";
    std::ofstream(dir / name) << text;
    if (i % 50 == 0) std::ofstream(dir / "sub" / name) << text;
    if (i % 70 == 0) {
      std::string repost = text;
      std::replace(repost.begin(), repost.end(), '\n', ' ');
      std::ofstream(dir / "sub" / ("repost-" + name)) << repost;
    }
  }
}

TEST(CliRobustnessTest, KilledShardedBuildResumesToSameIndex) {
  // Enough files for a new index to be written in shards, merged at the
  // end of a complete run.
  testing::TempDir dir;
  fs::path input = dir.path() / "in";
  WriteNotices(input, 1200);
  std::string clean = (dir.path() / "clean").string();
  std::string resumed = (dir.path() / "resumed").string();
  std::vector<std::string> common = {
      "--json", "--jobs", "2", "--commit-every", "20", input.string()};

  std::vector<std::string> args = {"index", "--db", clean};
  args.insert(args.end(), common.begin(), common.end());
  CommandResult clean_run = RunBidscope(args);
  ASSERT_EQ(clean_run.exit_code, 0) << clean_run.err;
  EXPECT_EQ(RecordsOfType(clean_run.out, "compact").size(), 1u);
  EXPECT_FALSE(fs::exists(fs::path(clean) / "XAPIANDB"))
      << "the shards were not merged";

  args[2] = resumed;
  int seen = KillAfterLines(args, 400);
  ASSERT_GE(seen, 400);
  ASSERT_TRUE(fs::exists(fs::path(resumed) / "XAPIANDB"))
      << "the killed run did not write shards";
  CommandResult partial = RunBidscope({"search", "--db", resumed, "公安局"});
  EXPECT_NE(partial.exit_code, 2)
      << "killed index does not open: " << partial.err;
  CommandResult resumed_run = RunBidscope(args);
  ASSERT_EQ(resumed_run.exit_code, 0) << resumed_run.err;
  EXPECT_FALSE(fs::exists(fs::path(resumed) / "XAPIANDB"));
  ExpectSameLines(TermDump(resumed), TermDump(clean));
}

TEST(CliRobustnessTest, HostilePdfBatchEndsWithStatuses) {
  BIDSCOPE_REQUIRE_SHARED();
  testing::TempDir dir;
  std::string db = (dir.path() / "idx").string();
  fs::path cases =
      testing::SharedDir() / "cases" / "C06-pdf-robustness-encrypted-malformed";
  CommandResult run =
      RunBidscope({"index", "--db", db, "--json", cases.string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  auto records = RecordsByName(run);
  EXPECT_EQ(records.size(), 9u) << run.out;  // the eight PDFs and expected.txt

  EXPECT_EQ(records["good.pdf"]["status"], "indexed");
  EXPECT_EQ(records["owner-restricted.pdf"]["status"], "indexed");
  EXPECT_EQ(records["page-tree-cycle.pdf"]["status"], "indexed");
  EXPECT_EQ(records["actually-html.pdf"]["status"], "indexed");
  EXPECT_EQ(records["user-password.pdf"]["status"], "encrypted");
  EXPECT_NE(records["user-password.pdf"]["reason"].get<std::string>().find(
                "password"),
            std::string::npos);
  for (const char* name :
       {"truncated.pdf", "xref-prev-loop.pdf", "inflate-bomb.pdf"}) {
    std::string status = records[name]["status"];
    EXPECT_TRUE(status == "indexed" || status == "failed")
        << name << ": " << records[name].dump();
    EXPECT_EQ(records[name]["reason"].get<std::string>().find("timed out"),
              std::string::npos)
        << name << ": " << records[name].dump();
  }

  auto found = [&](const std::string& query) {
    std::set<std::string> names;
    CommandResult result = RunBidscope({"search", "--db", db, "--json", query});
    for (const nlohmann::json& hit : RecordsOfType(result.out, "hit"))
      names.insert(fs::path(hit["path"].get<std::string>()).filename());
    return names;
  };
  EXPECT_TRUE(found("废标公告").count("good.pdf"));
  EXPECT_TRUE(found("示例科技有限公司中标").count("owner-restricted.pdf"));
  EXPECT_FALSE(found("示例科技有限公司中标").count("user-password.pdf"));
  EXPECT_TRUE(found("循环页面树测试").count("page-tree-cycle.pdf"));
  EXPECT_TRUE(found("您访问的附件不存在").count("actually-html.pdf"));

  CommandResult with_password =
      RunBidscope({"extract", "--json", "--password", "user-pw-123",
                   (cases / "user-password.pdf").string()});
  EXPECT_EQ(with_password.exit_code, 0) << with_password.err;
  EXPECT_NE(with_password.out.find("298000"), std::string::npos);
}

// Picks a run of `length` Han characters from the middle of `text`.
std::string HanProbe(const std::string& text, size_t length) {
  std::string best;
  std::string run;
  size_t count = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    size_t n = 4;
    if (lead < 0x80) {
      n = 1;
    } else if (lead < 0xE0) {
      n = 2;
    } else if (lead < 0xF0) {
      n = 3;
    }
    std::string ch = text.substr(i, n);
    i += n;
    bool han = n == 3 && ch >= "\xE4\xB8\x80" && ch <= "\xE9\xBF\xBF";
    if (!han) {
      run.clear();
      count = 0;
      continue;
    }
    run += ch;
    if (++count == length) {
      best = run;
      if (i > text.size() / 2) return best;
      run.clear();
      count = 0;
    }
  }
  return best;
}

TEST(CliRobustnessTest, SharedCorpusIndexesWithPages) {
  BIDSCOPE_REQUIRE_SHARED();
  testing::TempDir dir;
  std::string db = (dir.path() / "idx").string();
  fs::path corpus = testing::SharedDir() / "corpus";
  CommandResult run = RunBidscope(
      {"index", "--db", db, "--json", "--ocr", "never", corpus.string()});
  ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 1) << run.err;

  // Every file listed in the manifest ends with a status.
  std::map<std::string, std::string> status_by_path;
  for (const nlohmann::json& file : RecordsOfType(run.out, "file"))
    status_by_path[file["path"]] = file["status"];
  auto manifest = testing::ReadTsv(corpus / "MANIFEST.tsv");
  ASSERT_FALSE(manifest.empty());
  for (const auto& row : manifest) {
    std::string path = (corpus / row[0]).string();
    ASSERT_TRUE(status_by_path.count(path)) << "no status for " << path;
    EXPECT_NE(status_by_path[path], "failed") << path;
  }

  // A run of text from a page finds its document on that page.
  int checked = 0;
  for (const auto& row : manifest) {
    if (row[6] != "pdf" || checked >= 6) continue;
    std::string path = (corpus / row[0]).string();
    CommandResult shown = RunBidscope({"show", "--db", db, "--json", path});
    if (shown.exit_code != 0) continue;
    nlohmann::json doc = nlohmann::json::parse(shown.out);
    for (const nlohmann::json& page : doc["pages"]) {
      if (page["number"].get<int>() < 2) continue;
      std::string probe = HanProbe(page["text"], 8);
      if (probe.empty()) continue;
      CommandResult hits =
          RunBidscope({"search", "--db", db, "--json", "--limit", "50", probe});
      bool seen = false;
      for (const nlohmann::json& hit : RecordsOfType(hits.out, "hit")) {
        if (hit["doc_id"] != doc["sha256"]) continue;
        seen = true;
        int hit_page = hit["page"].get<int>();
        std::string hit_text = doc["pages"][hit_page - 1]["text"];
        EXPECT_TRUE(hit_page == page["number"].get<int>() ||
                    hit_text.find(probe) != std::string::npos)
            << path << ": " << probe << " reported on page " << hit_page;
      }
      EXPECT_TRUE(seen) << path << ": " << probe << " not found";
      ++checked;
      break;
    }
  }
  EXPECT_GE(checked, 3);
}

}  // namespace
}  // namespace bidscope
