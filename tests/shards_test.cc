// Sharded indexes: routing and lookups of the sharded writer, crashes
// between shard commits, a shard served by xapian-tcpsrv on 127.0.0.1, and
// compaction, each compared with an unsharded index of the same files.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "extract/extract.h"
#include "index/commit_journal.h"
#include "index/compact.h"
#include "index/index.h"
#include "index/shard_stub.h"
#include "index/sharded_writer.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::CommandResult;
using testing::RunBidscope;
using testing::TempDir;

Document MakeDocument(const std::string& text) {
  Document doc;
  doc.id = Sha256Hex(text);
  doc.format = Format::kText;
  Page page;
  page.number = 1;
  page.text = text;
  doc.pages.push_back(page);
  doc.metadata.page_count = 1;
  return doc;
}

// A document whose id falls in shard `shard` of `count`.
Document DocumentInShard(int shard, int count, const std::string& stem) {
  for (int i = 0;; ++i) {
    Document doc = MakeDocument(stem + "第" + std::to_string(i) + "号");
    if (ShardForDocument(doc.id, PrepareDocument(doc), count) == shard)
      return doc;
  }
}

FileState StateFor(const std::string& path, const Document& doc) {
  FileState state;
  state.path = path;
  state.size = 100;
  state.mtime_ns = 1;
  state.doc_id = doc.id;
  state.status = "indexed";
  return state;
}

std::vector<std::string> Paths(const std::vector<FileState>& states) {
  std::vector<std::string> paths;
  for (const FileState& state : states) paths.push_back(state.path);
  std::sort(paths.begin(), paths.end());
  return paths;
}

class ShardedWriterTest : public ::testing::Test {
 protected:
  std::string Dir() const { return (dir_.path() / "index").string(); }
  std::string ShardDir(int shard) const {
    return (dir_.path() / "index" / ShardDirName(shard)).string();
  }

  TempDir dir_;
};

TEST(ShardStubTest, WritesAndReadsLocations) {
  TempDir dir;
  std::vector<ShardLocation> written = {
      {false, "shard-0"}, {true, "127.0.0.1:3317"}, {false, "shard-2"}};
  WriteShardStub(dir.path().string(), written);
  std::vector<ShardLocation> read = ReadShardStub(dir.path().string());
  ASSERT_EQ(read.size(), 3u);
  for (size_t i = 0; i < read.size(); ++i) {
    EXPECT_EQ(read[i].remote, written[i].remote) << i;
    EXPECT_EQ(read[i].target, written[i].target) << i;
  }
  EXPECT_TRUE(IsShardedIndex(dir.path().string()));
}

TEST(ShardStubTest, RejectsInvalidLines) {
  const std::vector<std::string> kInvalid = {
      "glass shard-0", "auto",          "auto a b",       "remote host",
      "remote :80",    "remote host:0", "remote h:65536", "remote h:8x0",
  };
  for (const std::string& line : kInvalid) {
    TempDir dir;
    std::ofstream(dir.path() / kStubFileName) << "# comment\n" << line << '\n';
    EXPECT_THROW(ReadShardStub(dir.path().string()), IndexError) << line;
  }
}

TEST(ShardStubTest, RejectsEmptyStub) {
  TempDir dir;
  std::ofstream(dir.path() / kStubFileName) << "# only a comment\n\n";
  EXPECT_THROW(ReadShardStub(dir.path().string()), IndexError);
}

TEST_F(ShardedWriterTest, CreatesShardsAndStub) {
  OpenIndexWriter(Dir(), 3)->Commit();
  std::vector<ShardLocation> shards = ReadShardStub(Dir());
  ASSERT_EQ(shards.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(shards[i].remote);
    EXPECT_EQ(shards[i].target, ShardDirName(i));
    EXPECT_TRUE(fs::is_directory(ShardDir(i))) << i;
  }
}

TEST_F(ShardedWriterTest, DuplicatesMeetInOneShard) {
  Document doc = MakeDocument("本项目采购舆情监测服务一套。");
  {
    auto writer = OpenIndexWriter(Dir(), 4);
    EXPECT_EQ(writer->Put(doc.id, PrepareDocument(doc), "/data/a.txt"),
              PutResult::kAdded);
    EXPECT_EQ(writer->Put(doc.id, PrepareDocument(doc), "/data/b.txt"),
              PutResult::kSameId);
    writer->Commit();
  }
  auto writer = OpenIndexWriter(Dir(), 0);
  EXPECT_EQ(writer->Put(doc.id, PrepareDocument(doc), "/data/c.txt"),
            PutResult::kSameId);
  writer->Commit();

  auto searcher = Searcher::Open(Dir());
  EXPECT_EQ(searcher->DocumentCount(), 1u);
  std::optional<Searcher::Stored> stored = searcher->Get(doc.id);
  ASSERT_TRUE(stored.has_value());
  std::vector<std::string> expected = {"/data/a.txt", "/data/b.txt",
                                       "/data/c.txt"};
  EXPECT_EQ(stored->paths, expected);
  int shard = ShardForDocument(doc.id, PrepareDocument(doc), 4);
  EXPECT_EQ(Searcher::Open(ShardDir(shard))->DocumentCount(), 1u);
}

TEST_F(ShardedWriterTest, SameTextMeetsAsUnsharded) {
  // Other bytes (a GBK copy, say) with the same text: one document with
  // both paths, sharded or not.
  Document utf8 = MakeDocument("本项目采购舆情监测服务一套。");
  Document other = utf8;
  other.id = Sha256Hex("other bytes of the same notice");
  for (int shards : {1, 4}) {
    std::string dir = Dir() + "-" + std::to_string(shards);
    auto writer = OpenIndexWriter(dir, shards);
    EXPECT_EQ(writer->Put(utf8.id, PrepareDocument(utf8), "/data/a.txt"),
              PutResult::kAdded)
        << shards;
    EXPECT_EQ(writer->Put(other.id, PrepareDocument(other), "/data/b.txt"),
              PutResult::kSameText)
        << shards;
    writer->Commit();
    writer.reset();
    auto searcher = Searcher::Open(dir);
    EXPECT_EQ(searcher->DocumentCount(), 1u) << shards;
    std::optional<Searcher::Stored> stored = searcher->Get("/data/b.txt");
    ASSERT_TRUE(stored.has_value()) << shards;
    EXPECT_EQ(stored->document.id, utf8.id) << shards;
  }
}

TEST_F(ShardedWriterTest, PutAfterRemovingLastPathAddsAgain) {
  Document doc = MakeDocument("采购合同公告。");
  auto writer = OpenIndexWriter(Dir(), 2);
  EXPECT_EQ(writer->Put(doc.id, PrepareDocument(doc), "/data/a.txt"),
            PutResult::kAdded);
  writer->Commit();
  writer->RemovePath(doc.id, "/data/a.txt");
  EXPECT_EQ(writer->Put(doc.id, PrepareDocument(doc), "/data/b.txt"),
            PutResult::kAdded);
  EXPECT_EQ(writer->Put(doc.id, PrepareDocument(doc), "/data/c.txt"),
            PutResult::kSameId);
  writer->Commit();
  std::optional<Searcher::Stored> stored = Searcher::Open(Dir())->Get(doc.id);
  ASSERT_TRUE(stored.has_value());
  std::vector<std::string> expected = {"/data/b.txt", "/data/c.txt"};
  EXPECT_EQ(stored->paths, expected);
}

TEST_F(ShardedWriterTest, FileStateLivesWithItsDocument) {
  const int kShards = 3;
  Document first = DocumentInShard(0, kShards, "中标公告");
  Document second = DocumentInShard(2, kShards, "中标公告");
  auto writer = OpenIndexWriter(Dir(), kShards);
  writer->Put(first.id, PrepareDocument(first), "/data/a.txt");
  writer->SetFileState(StateFor("/data/a.txt", first));
  writer->Commit();
  EXPECT_EQ(Paths(Searcher::Open(ShardDir(0))->ListFileStates()),
            std::vector<std::string>{"/data/a.txt"});

  // The file now has other bytes, whose document is in another shard: the
  // state moves with it, and no shard keeps the old one.
  writer->RemovePath(first.id, "/data/a.txt");
  writer->Put(second.id, PrepareDocument(second), "/data/a.txt");
  writer->SetFileState(StateFor("/data/a.txt", second));
  std::optional<FileState> pending = writer->GetFileState("/data/a.txt");
  ASSERT_TRUE(pending.has_value());
  EXPECT_EQ(pending->doc_id, second.id);
  writer->Commit();
  EXPECT_TRUE(Searcher::Open(ShardDir(0))->ListFileStates().empty());
  EXPECT_EQ(Paths(Searcher::Open(ShardDir(2))->ListFileStates()),
            std::vector<std::string>{"/data/a.txt"});
  std::vector<FileState> states = writer->ListFileStates();
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].doc_id, second.id);
}

TEST_F(ShardedWriterTest, LookupsSeeUncommittedChanges) {
  Document doc = MakeDocument("询价公告。");
  auto writer = OpenIndexWriter(Dir(), 2);
  writer->SetFileState(StateFor("/data/a.txt", doc));
  FileState failed;
  failed.path = "/data/broken.pdf";
  failed.status = "failed";
  failed.reason = "damaged";
  writer->SetFileState(failed);
  writer->SetMetadata("version", "2");
  EXPECT_EQ(writer->GetMetadata("version"), "2");
  EXPECT_EQ(Paths(writer->ListFileStates()),
            (std::vector<std::string>{"/data/a.txt", "/data/broken.pdf"}));
  writer->EraseFileState("/data/a.txt");
  EXPECT_FALSE(writer->GetFileState("/data/a.txt").has_value());
  writer->Commit();
  EXPECT_EQ(Paths(writer->ListFileStates()),
            std::vector<std::string>{"/data/broken.pdf"});
  EXPECT_EQ(Searcher::Open(Dir())->GetMetadata("version"), "2");
}

TEST_F(ShardedWriterTest, ReopensWithRecordedCount) {
  OpenIndexWriter(Dir(), 3)->Commit();
  Document doc = MakeDocument("竞争性磋商公告。");
  auto writer = OpenIndexWriter(Dir(), 0);
  EXPECT_EQ(writer->Put(doc.id, PrepareDocument(doc), "/data/a.txt"),
            PutResult::kAdded);
  writer->Commit();
  writer.reset();
  int shard = ShardForDocument(doc.id, PrepareDocument(doc), 3);
  EXPECT_EQ(Searcher::Open(ShardDir(shard))->DocumentCount(), 1u);
  EXPECT_EQ(ReadShardStub(Dir()).size(), 3u);
}

TEST_F(ShardedWriterTest, RejectsDifferentShardCount) {
  OpenIndexWriter(Dir(), 2)->Commit();
  try {
    OpenIndexWriter(Dir(), 3);
    FAIL() << "opened a 2-shard index with --shards 3";
  } catch (const IndexError& e) {
    EXPECT_NE(std::string(e.what()).find("has 2 shards, not 3"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(ShardedWriterTest, RejectsShardsForUnshardedIndex) {
  OpenIndexWriter(Dir(), 1)->Commit();
  EXPECT_THROW(OpenIndexWriter(Dir(), 2), IndexError);
  EXPECT_FALSE(IsShardedIndex(Dir()));
}

TEST_F(ShardedWriterTest, RejectsRemoteShardForWriting) {
  OpenIndexWriter(Dir(), 2)->Commit();
  WriteShardStub(Dir(), {{false, "shard-0"}, {true, "127.0.0.1:9"}});
  EXPECT_THROW(OpenIndexWriter(Dir(), 0), IndexError);
}

TEST_F(ShardedWriterTest, RejectsSecondWriter) {
  auto writer = OpenIndexWriter(Dir(), 2);
  EXPECT_THROW(OpenIndexWriter(Dir(), 0), IndexError);
}

// What a kill between the commits of two shards leaves when a file moved
// from shard 0 to shard 1: shard 1 contains the new document and state
// (commit 2), shard 0 still the old ones (commit 1).
void WriteInterruptedMove(const std::string& dir, const Document& old_doc,
                          const Document& new_doc) {
  {
    auto writer = OpenIndexWriter(dir, 2);
    writer->Put(old_doc.id, PrepareDocument(old_doc), "/data/a.txt");
    writer->SetFileState(StateFor("/data/a.txt", old_doc));
    writer->Commit();
  }
  auto shard = IndexWriter::Open((fs::path(dir) / ShardDirName(1)).string());
  shard->Put(new_doc.id, PrepareDocument(new_doc), "/data/a.txt");
  shard->SetFileState(StateFor("/data/a.txt", new_doc));
  shard->SetMetadata(kShardCommitSequenceKey, "2");
  shard->Commit();
}

TEST_F(ShardedWriterTest, InterruptedMovePrefersLaterCommit) {
  Document old_doc = DocumentInShard(0, 2, "更正公告");
  Document new_doc = DocumentInShard(1, 2, "更正公告");
  WriteInterruptedMove(Dir(), old_doc, new_doc);

  auto writer = OpenIndexWriter(Dir(), 0);
  std::optional<FileState> state = writer->GetFileState("/data/a.txt");
  ASSERT_TRUE(state.has_value());
  EXPECT_EQ(state->doc_id, new_doc.id);
  std::vector<FileState> states = writer->ListFileStates();
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].doc_id, new_doc.id);
  writer.reset();

  // Opening repaired shard 0: the old document lost its only path.
  EXPECT_TRUE(Searcher::Open(ShardDir(0))->ListFileStates().empty());
  auto searcher = Searcher::Open(Dir());
  EXPECT_FALSE(searcher->Get(old_doc.id).has_value());
  std::optional<Searcher::Stored> stored = searcher->Get("/data/a.txt");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->document.id, new_doc.id);
}

TEST_F(ShardedWriterTest, CompactKeepsLaterOfTwoStates) {
  Document old_doc = DocumentInShard(0, 2, "更正公告");
  Document new_doc = DocumentInShard(1, 2, "更正公告");
  WriteInterruptedMove(Dir(), old_doc, new_doc);

  CompactResult result = CompactIndex(Dir(), {(dir_.path() / "out").string()});
  EXPECT_EQ(result.shards, 2);
  EXPECT_EQ(result.file_states, 1u);
  std::vector<FileState> compacted =
      Searcher::Open(result.output)->ListFileStates();
  ASSERT_EQ(compacted.size(), 1u);
  EXPECT_EQ(compacted[0].doc_id, new_doc.id);
}

// What a kill between two shard commits leaves: the journal of the
// commit, and shard 1 with an archive member and the archive's state that
// shard 0 never received.
void WriteInterruptedArchive(const std::string& dir, const Document& kept,
                             const Document& member) {
  {
    auto writer = OpenIndexWriter(dir, 2);
    writer->Put(kept.id, PrepareDocument(kept), "/data/kept.txt");
    writer->SetFileState(StateFor("/data/kept.txt", kept));
    writer->Commit();
  }
  WriteCommitJournal(dir, {"/data/f.zip", "/data/f.zip#a.txt"});
  auto shard = IndexWriter::Open((fs::path(dir) / ShardDirName(1)).string());
  shard->Put(member.id, PrepareDocument(member), "/data/f.zip#a.txt");
  shard->SetFileState(StateFor("/data/f.zip", member));
  shard->SetMetadata(kShardCommitSequenceKey, "2");
  shard->Commit();
}

TEST_F(ShardedWriterTest, InterruptedCommitIsUndoneFromJournal) {
  Document kept = DocumentInShard(0, 2, "保留公告");
  Document member = DocumentInShard(1, 2, "压缩包成员");
  WriteInterruptedArchive(Dir(), kept, member);

  auto writer = OpenIndexWriter(Dir(), 0);
  EXPECT_FALSE(HasCommitJournal(Dir()));
  EXPECT_FALSE(writer->GetFileState("/data/f.zip").has_value());
  EXPECT_TRUE(writer->GetFileState("/data/kept.txt").has_value());
  writer.reset();

  auto searcher = Searcher::Open(Dir());
  EXPECT_FALSE(searcher->Get("/data/f.zip#a.txt").has_value());
  EXPECT_FALSE(searcher->Get(member.id).has_value());
  std::optional<Searcher::Stored> stored = searcher->Get("/data/kept.txt");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->document.id, kept.id);
}

TEST_F(ShardedWriterTest, CommitLeavesNoJournal) {
  Document doc = MakeDocument("采购公告正文。");
  auto writer = OpenIndexWriter(Dir(), 2);
  writer->Put(doc.id, PrepareDocument(doc), "/data/a.txt");
  writer->SetFileState(StateFor("/data/a.txt", doc));
  writer->Commit();
  EXPECT_FALSE(HasCommitJournal(Dir()));
}

TEST_F(ShardedWriterTest, DamagedJournalIsReported) {
  OpenIndexWriter(Dir(), 2).reset();
  std::ofstream(fs::path(Dir()) / kCommitJournalFileName) << "[\"/data/a";
  try {
    OpenIndexWriter(Dir(), 0);
    FAIL() << "a damaged journal was accepted";
  } catch (const IndexError& e) {
    EXPECT_NE(std::string(e.what()).find("commit journal is damaged"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(ShardedWriterTest, CompactUndoesInterruptedCommit) {
  Document kept = DocumentInShard(0, 2, "保留公告");
  Document member = DocumentInShard(1, 2, "压缩包成员");
  WriteInterruptedArchive(Dir(), kept, member);

  CompactResult result = CompactIndex(Dir(), {(dir_.path() / "out").string()});
  EXPECT_EQ(result.documents, 1u);
  EXPECT_EQ(result.file_states, 1u);
  EXPECT_FALSE(HasCommitJournal(Dir()));
}

// Writes documents and their file states in a loop until killed: every
// second file replaces the bytes of an earlier one, so that states move
// between shards, and every file is its own commit.
void WriteForever(const std::string& dir, int start);

// Runs in a forked child, so it never returns into GoogleTest: an error
// ends the child with exit code 3, which the parent reports.
[[noreturn]] void WriteUntilKilled(const std::string& dir, int start) {
  try {
    WriteForever(dir, start);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "writer failed: %s\n", e.what());
  }
  _exit(3);
}

void WriteForever(const std::string& dir, int start) {
  auto writer = OpenIndexWriter(dir, 3);
  for (int i = start;; ++i) {
    std::string path = "/data/" + std::to_string(i % 40) + ".txt";
    Document doc = MakeDocument("招标文件第" + std::to_string(i) + "版。");
    std::optional<FileState> previous = writer->GetFileState(path);
    if (previous) writer->RemovePath(previous->doc_id, path);
    writer->Put(doc.id, PrepareDocument(doc), path);
    writer->SetFileState(StateFor(path, doc));
    writer->Commit();
  }
}

TEST_F(ShardedWriterTest, KillBetweenCommitsKeepsStatesWithDocuments) {
  // Crash test: the delays only vary where the kill lands; whatever point
  // it hits, every file state must name a document found at its path.
  const int kDelaysMs[] = {20, 60, 120, 200, 320, 450};
  int start = 0;
  size_t checked = 0;
  for (int delay_ms : kDelaysMs) {
    start += 1000;
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) WriteUntilKilled(Dir(), start);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status))
        << "writer exited early, status " << status;

    if (!IsShardedIndex(Dir())) continue;  // killed before the stub existed
    std::vector<FileState> states = OpenIndexWriter(Dir(), 0)->ListFileStates();
    checked += states.size();
    auto searcher = Searcher::Open(Dir());
    for (const FileState& state : states) {
      std::optional<Searcher::Stored> stored = searcher->Get(state.path);
      ASSERT_TRUE(stored.has_value())
          << "after a kill at " << delay_ms << " ms, " << state.path
          << " has a state but no document";
      EXPECT_EQ(stored->document.id, state.doc_id) << state.path;
    }
  }
  EXPECT_GT(checked, 0u) << "no writer committed before it was killed";
}

// Text files of various lengths and word counts, with a budget in every
// fourth.
void WriteCorpus(const fs::path& dir) {
  const std::vector<std::string> kWords = {"项目", "预算", "供应商", "投标",
                                           "评审", "合同", "期限",   "报价"};
  fs::create_directories(dir);
  for (int i = 1; i <= 30; ++i) {
    std::string text = "第" + std::to_string(i) + "号采购公告。";
    for (int j = 0; j < i % 6 + 1; ++j) text += "舆情监测服务。";
    for (int j = 0; j < i * 3; ++j) text += kWords[(i * 7 + j * 3) % 8];
    if (i % 4 == 0) text += "公开招标，预算金额一百万元。";
    std::ofstream(dir / ("notice-" + std::to_string(i) + ".txt")) << text;
  }
}

// The hits of one JSON search in order, as score and doc id, and the
// total. Hits of equal score come in the order of their ids' order key,
// so the order is the same whatever the document numbers, which differ
// between a sharded index, its compacted copy and an unsharded index of
// the same files. The limit exceeds the corpus, so the total is exact.
struct SearchSummary {
  std::vector<std::pair<std::string, std::string>> hits;
  uint64_t total = 0;
};

SearchSummary Search(const std::string& db,
                     const std::vector<std::string>& query) {
  std::vector<std::string> args = {"search", "--db", db, "--json", "-n", "100"};
  args.insert(args.end(), query.begin(), query.end());
  CommandResult run = RunBidscope(args);
  EXPECT_EQ(run.exit_code, 0) << query.back() << ": " << run.err;
  SearchSummary summary;
  for (const json& hit : testing::RecordsOfType(run.out, "hit")) {
    char score[32];
    std::snprintf(score, sizeof(score), "%.9f", hit["score"].get<double>());
    summary.hits.push_back({score, hit["doc_id"]});
  }
  for (const json& data : testing::RecordsOfType(run.out, "summary")) {
    summary.total = data["total_estimate"];
  }
  return summary;
}

// Free-text queries, a filter alone (every hit scores the same) and the
// orders by date and amount, which most documents of the corpus lack.
const std::vector<std::vector<std::string>> kQueries = {
    {"舆情监测"},
    {"采购"},
    {"预算"},
    {"\"公开招标\""},
    {"供应商 报价"},
    {"type:text"},
    {"--sort", "date", "采购"},
    {"--sort", "amount", "采购"}};

void ExpectSameResults(const std::string& expected_db,
                       const std::string& actual_db) {
  for (const std::vector<std::string>& query : kQueries) {
    SearchSummary expected = Search(expected_db, query);
    SearchSummary actual = Search(actual_db, query);
    EXPECT_GE(expected.hits.size(), 7u) << query.back();
    EXPECT_EQ(actual.hits, expected.hits) << query.back();
    EXPECT_EQ(actual.total, expected.total) << query.back();
  }
}

class ShardedIndexTest : public ::testing::Test {
 protected:
  void SetUp() override { WriteCorpus(Input()); }

  fs::path Input() const { return dir_.path() / "input"; }
  std::string Db(const std::string& name) const {
    return (dir_.path() / name).string();
  }

  CommandResult Index(const std::string& db, std::vector<std::string> extra) {
    std::vector<std::string> args = {"index", "--db", db, "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(Input().string());
    return RunBidscope(args);
  }

  json RunSummary(const CommandResult& run) {
    std::vector<json> summaries = testing::RecordsOfType(run.out, "summary");
    EXPECT_EQ(summaries.size(), 1u) << run.err;
    return summaries.empty() ? json::object() : summaries.back();
  }

  TempDir dir_;
};

TEST_F(ShardedIndexTest, ShardedSearchEqualsUnsharded) {
  ASSERT_EQ(Index(Db("single"), {}).exit_code, 0);
  CommandResult sharded = Index(Db("sharded"), {"--shards", "3"});
  ASSERT_EQ(sharded.exit_code, 0) << sharded.err;
  EXPECT_EQ(RunSummary(sharded)["indexed"], 30);
  ExpectSameResults(Db("single"), Db("sharded"));

  CommandResult again = Index(Db("sharded"), {});
  EXPECT_EQ(RunSummary(again)["unchanged"], 30);
}

TEST_F(ShardedIndexTest, DifferentShardCountFails) {
  ASSERT_EQ(Index(Db("sharded"), {"--shards", "2"}).exit_code, 0);
  CommandResult run = Index(Db("sharded"), {"--shards", "4"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("has 2 shards, not 4"), std::string::npos) << run.err;
}

// A free TCP port on 127.0.0.1 at the time of the call.
int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

bool Accepts(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  bool connected =
      connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
  close(fd);
  return connected;
}

// xapian-tcpsrv serving one database on 127.0.0.1, stopped on destruction.
class TcpServer {
 public:
  explicit TcpServer(const std::string& database) : port_(FreePort()) {
    pid_ = fork();
    if (pid_ == 0) {
      // Its own process group, because xapian-tcpsrv passes a SIGTERM on
      // to its whole group, which would otherwise include this test. Its
      // messages (a "Broken pipe" when a client closes) go to /dev/null.
      setpgid(0, 0);
      int null_fd = open("/dev/null", O_WRONLY);
      dup2(null_fd, STDOUT_FILENO);
      dup2(null_fd, STDERR_FILENO);
      std::string port = std::to_string(port_);
      execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface",
             "127.0.0.1", "--port", port.c_str(), database.c_str(), nullptr);
      _exit(127);
    }
    // Up to 10 s for the server to listen; it usually takes milliseconds.
    for (int i = 0; i < 200 && pid_ > 0 && !Accepts(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~TcpServer() {
    if (pid_ <= 0) return;
    kill(-pid_, SIGTERM);  // the server and its connection processes
    waitpid(pid_, nullptr, 0);
  }
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  bool Running() const { return pid_ > 0 && Accepts(port_); }
  std::string Address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  int port_;
  pid_t pid_ = -1;
};

TEST_F(ShardedIndexTest, RemoteShardSearchEqualsUnsharded) {
  if (testing::RunProgram("xapian-tcpsrv", {"--version"}).exit_code != 0) {
    GTEST_SKIP() << "xapian-tcpsrv is not installed (Debian: xapian-tools)";
  }
  ASSERT_EQ(Index(Db("single"), {}).exit_code, 0);
  ASSERT_EQ(Index(Db("sharded"), {"--shards", "2"}).exit_code, 0);

  TcpServer server((fs::path(Db("sharded")) / ShardDirName(1)).string());
  ASSERT_TRUE(server.Running());
  CommandResult set = RunBidscope(
      {"shards", "--db", Db("sharded"), "set-remote", "1", server.Address()});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  CommandResult list =
      RunBidscope({"shards", "--db", Db("sharded"), "--json", "list"});
  std::vector<json> shards = testing::RecordsOfType(list.out, "shard");
  ASSERT_EQ(shards.size(), 2u) << list.err;
  EXPECT_EQ(shards[1]["kind"], "remote");
  EXPECT_EQ(shards[1]["target"], server.Address());

  ExpectSameResults(Db("single"), Db("sharded"));

  // Writing needs every shard local.
  EXPECT_EQ(Index(Db("sharded"), {}).exit_code, 2);
  CommandResult local =
      RunBidscope({"shards", "--db", Db("sharded"), "set-local", "1"});
  EXPECT_EQ(local.exit_code, 0) << local.err;
  EXPECT_EQ(ReadShardStub(Db("sharded"))[1].remote, false);
}

TEST_F(ShardedIndexTest, ShardsCommandRejectsInvalidChanges) {
  ASSERT_EQ(Index(Db("sharded"), {"--shards", "2"}).exit_code, 0);
  const std::vector<std::vector<std::string>> kInvalid = {
      {"set-remote", "2", "127.0.0.1:4000"},
      {"set-remote", "1", "127.0.0.1"},
      {"set-remote", "1", "127.0.0.1:70000"},
  };
  for (const std::vector<std::string>& change : kInvalid) {
    std::vector<std::string> args = {"shards", "--db", Db("sharded")};
    args.insert(args.end(), change.begin(), change.end());
    EXPECT_EQ(RunBidscope(args).exit_code, 2) << change[2];
  }
  EXPECT_EQ(RunBidscope({"shards", "--db", Db("absent"), "list"}).exit_code, 2);
  EXPECT_EQ(ReadShardStub(Db("sharded"))[1].remote, false);
}

TEST_F(ShardedIndexTest, CompactedShardsSearchEqualsUnsharded) {
  ASSERT_EQ(Index(Db("single"), {}).exit_code, 0);
  // Two shards merge in one pass, five in several.
  for (const char* count : {"2", "5"}) {
    std::string sharded = Db(std::string("sharded-") + count);
    std::string output = Db(std::string("compacted-") + count);
    ASSERT_EQ(Index(sharded, {"--shards", count}).exit_code, 0);
    CommandResult compact =
        RunBidscope({"compact", "--db", sharded, "-o", output, "--json"});
    ASSERT_EQ(compact.exit_code, 0) << compact.err;
    std::vector<json> summary = testing::RecordsOfType(compact.out, "summary");
    ASSERT_EQ(summary.size(), 1u);
    EXPECT_EQ(summary[0]["shards"], std::stoi(count));
    EXPECT_EQ(summary[0]["documents"], 30);
    EXPECT_EQ(summary[0]["file_states"], 30);
    EXPECT_FALSE(IsShardedIndex(output));
    ExpectSameResults(Db("single"), output);

    // The file states came along: a new run finds every file unchanged.
    EXPECT_EQ(RunSummary(Index(output, {}))["unchanged"], 30) << count;
  }
}

TEST_F(ShardedIndexTest, CompactInPlaceReplacesShards) {
  ASSERT_EQ(Index(Db("single"), {}).exit_code, 0);
  ASSERT_EQ(Index(Db("sharded"), {"--shards", "2"}).exit_code, 0);
  CommandResult compact = RunBidscope({"compact", "--db", Db("sharded")});
  ASSERT_EQ(compact.exit_code, 0) << compact.err;
  EXPECT_FALSE(IsShardedIndex(Db("sharded")));
  EXPECT_TRUE(fs::exists(fs::path(Db("sharded")) / "last-run.jsonl"));
  ExpectSameResults(Db("single"), Db("sharded"));
}

TEST_F(ShardedIndexTest, CompactRejectsExistingOutput) {
  ASSERT_EQ(Index(Db("sharded"), {"--shards", "2"}).exit_code, 0);
  fs::create_directories(Db("taken"));
  CommandResult compact =
      RunBidscope({"compact", "--db", Db("sharded"), "-o", Db("taken")});
  EXPECT_EQ(compact.exit_code, 2);
  EXPECT_NE(compact.err.find("already exists"), std::string::npos)
      << compact.err;
}

}  // namespace
}  // namespace bidscope
