// ExtractDoc through the external converters, and the isolated subprocess
// runner they go through.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <string>
#include <vector>

#include "extract/doc_legacy.h"
#include "extract/extract.h"
#include "extract/formats.h"
#include "extract/subprocess.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

constexpr char kCorpusDoc[] =
    "corpus/mympp__webtct/file__upload__201606__06__1041578130193.doc";

TEST(SubprocessTest, CapturesOutputAndExitCode) {
  SubprocessResult run =
      RunSubprocess({"sh", "-c", "echo out; echo err >&2; exit 3"}, {});

  EXPECT_EQ(run.start_error, "");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.out, "out\n");
  EXPECT_EQ(run.err, "err\n");
  EXPECT_FALSE(run.timed_out);
}

TEST(SubprocessTest, PassesArgumentsWithoutShell) {
  SubprocessResult run =
      RunSubprocess({"printf", "%s|", "a b", "$HOME", ";"}, {});

  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "a b|$HOME|;|");
}

TEST(SubprocessTest, ClosesStandardInput) {
  SubprocessResult run = RunSubprocess({"cat"}, {});

  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_FALSE(run.timed_out);
}

TEST(SubprocessTest, KillsOnTimeout) {
  SubprocessLimits limits;
  limits.timeout_seconds = 0.3;
  SubprocessResult run = RunSubprocess({"sleep", "30"}, limits);

  EXPECT_TRUE(run.timed_out);
  EXPECT_EQ(run.signal, SIGKILL);
  EXPECT_EQ(run.exit_code, -1);
}

TEST(SubprocessTest, KillsSilentChildAfterOutputCloses) {
  SubprocessLimits limits;
  limits.timeout_seconds = 0.3;
  SubprocessResult run =
      RunSubprocess({"sh", "-c", "exec >&- 2>&-; sleep 30"}, limits);

  EXPECT_TRUE(run.timed_out);
  EXPECT_EQ(run.signal, SIGKILL);
}

TEST(SubprocessTest, CutsOutputAtLimit) {
  SubprocessLimits limits;
  limits.max_output_bytes = 1000;
  SubprocessResult run = RunSubprocess({"yes"}, limits);

  EXPECT_TRUE(run.output_truncated);
  EXPECT_EQ(run.out.size(), 1000u);
  EXPECT_EQ(run.signal, SIGKILL);
}

TEST(SubprocessTest, LimitsMemory) {
  SubprocessLimits limits;
  limits.max_memory_bytes = 64u << 20;
  // head -c with a 200 MiB buffer size needs more address space than that.
  SubprocessResult run = RunSubprocess(
      {"sh", "-c", "x=$(head -c 100000000 /dev/zero | tr '\\0' a); echo ok"},
      limits);

  EXPECT_NE(run.out, "ok\n");
}

TEST(SubprocessTest, ReportsMissingProgram) {
  SubprocessResult run = RunSubprocess({"bidscope-no-such-program"}, {});

  EXPECT_EQ(run.start_error, "bidscope-no-such-program: not found in PATH");
}

TEST(SubprocessTest, RunsInWorkingDirectory) {
  testing::TempDir dir;
  SubprocessLimits limits;
  limits.working_directory = dir.path().string();
  SubprocessResult run = RunSubprocess({"pwd"}, limits);

  EXPECT_EQ(run.out, dir.path().string() + "\n");
}

TEST(DocLegacyTest, CleansWordText) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"序号\x07\n检验项目\x07\n", "序号\n检验项目"},
      {"a\x0b"
       "b\x0c"
       "c",
       "a\nb\nc"},
      {"\n\n\na\n\n\n\nb\n\n", "a\n\nb"},
      {"x\x01y\tz", "xy\tz"},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(CleanWordText(input), expected);
  }
}

TEST(DocLegacyTest, ExtractsCorpusDoc) {
  BIDSCOPE_REQUIRE_SHARED();
  std::string bytes = testing::ReadFile(testing::SharedDir() / kCorpusDoc);
  std::vector<Document> docs =
      ExtractBytes(bytes, kCorpusDoc, ExtractOptions{});

  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].format, Format::kDoc);
  EXPECT_EQ(docs[0].status, ExtractStatus::kOk) << docs[0].error;
  ASSERT_EQ(docs[0].pages.size(), 1u);
  const std::string& text = docs[0].pages[0].text;
  for (const char* expected :
       {"2016年国家医疗器械抽验", "（总局本级项目）产品检验方案",
        "10010.甲型和乙型流感病毒核酸检测试剂盒（PCR荧光探针法）",
        "阳性参考品符合率",
        "1.表中任意项判定不合格，本次抽验综合结论为不合格。",
        "GB 17168-2013/ISO22674:2006 《牙科学 固定和活动修复用金属材料》"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
  EXPECT_EQ(text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(text.find('\x07'), std::string::npos);
}

TEST(DocLegacyTest, FailsOnDamagedDoc) {
  BIDSCOPE_REQUIRE_SHARED();
  std::string bytes = testing::ReadFile(testing::SharedDir() / kCorpusDoc);
  std::string damaged = bytes.substr(0, 60000);
  Document doc = ExtractDoc(damaged, ExtractOptions{});

  EXPECT_EQ(doc.format, Format::kDoc);
  EXPECT_EQ(doc.status, ExtractStatus::kFailed);
  EXPECT_TRUE(doc.error.starts_with("no .doc converter succeeded; "))
      << doc.error;
}

}  // namespace
}  // namespace bidscope
