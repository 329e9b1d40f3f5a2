// `bidscope extract` through the real binary: the JSON shape, standard
// input, detection from bytes and per-file errors.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace bidscope {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::RunBidscope;

TEST(CliExtractTest, JsonHasDocumentShape) {
  fs::path pdf = testing::SourceDir() / "corpus-sample" / "documents";
  for (const auto& entry : fs::recursive_directory_iterator(pdf)) {
    if (entry.path().extension() != ".pdf") continue;
    CommandResult result =
        RunBidscope({"extract", "--json", entry.path().string()});
    ASSERT_EQ(result.exit_code, 0) << entry.path() << ": " << result.err;
    nlohmann::json doc = nlohmann::json::parse(result.out);
    for (const char* key :
         {"path", "sha256", "format", "metadata", "pages", "warnings"})
      EXPECT_TRUE(doc.contains(key)) << key << " missing";
    EXPECT_EQ(doc["format"], "pdf");
    EXPECT_EQ(doc["sha256"].get<std::string>().size(), 64u);
    for (const char* key : {"title", "author", "created", "pages"})
      EXPECT_TRUE(doc["metadata"].contains(key)) << key << " missing";
    ASSERT_FALSE(doc["pages"].empty());
    EXPECT_EQ(doc["pages"][0]["number"], 1);
    EXPECT_FALSE(doc["pages"][0]["text"].get<std::string>().empty());
    return;
  }
  FAIL() << "no PDF in corpus-sample";
}

// The program loads the format module, with its archive and mail
// libraries, only for files that are not PDFs. The dynamic loader's log
// (LD_DEBUG=files) names each module opened.
TEST(CliExtractTest, PdfLoadsOnlyThePdfModule) {
  fs::path pdf = testing::SourceDir() / "corpus-sample" / "documents" /
                 "zh-yuqing-tender.pdf";
  testing::TempDir dir;
  fs::path html = dir.path() / "notice.html";
  std::ofstream(html) << "<html><body><p>中标公告</p></body></html>";

  CommandResult pdf_run = testing::RunProgram(
      "env",
      {"LD_DEBUG=files", BIDSCOPE_BINARY, "extract", "--json", pdf.string()});
  ASSERT_EQ(pdf_run.exit_code, 0) << pdf_run.err;
  EXPECT_EQ(nlohmann::json::parse(pdf_run.out)["format"], "pdf");
  EXPECT_NE(pdf_run.err.find("bidscope-pdf.so"), std::string::npos);
  EXPECT_EQ(pdf_run.err.find("bidscope-formats.so"), std::string::npos);

  CommandResult both =
      testing::RunProgram("env", {"LD_DEBUG=files", BIDSCOPE_BINARY, "extract",
                                  "--json", pdf.string(), html.string()});
  ASSERT_EQ(both.exit_code, 0) << both.err;
  EXPECT_NE(both.err.find("bidscope-formats.so"), std::string::npos);
  EXPECT_NE(both.out.find("中标公告"), std::string::npos);
}

TEST(CliExtractTest, ReadsStandardInput) {
  CommandResult result = RunBidscope(
      {"extract", "--json", "-"}, "采购人：示例市财政局\n预算金额：32万元\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  nlohmann::json doc = nlohmann::json::parse(result.out);
  EXPECT_EQ(doc["format"], "text");
  EXPECT_NE(doc["pages"][0]["text"].get<std::string>().find("示例市财政局"),
            std::string::npos);
}

TEST(CliExtractTest, HtmlSavedAsPdfIsHtml) {
  testing::TempDir dir;
  fs::path fake = dir.path() / "notice.pdf";
  std::ofstream(fake) << "<html><head><title>中标公告</title></head>"
                         "<body><p>示例科技有限公司中标。</p></body></html>";
  CommandResult result = RunBidscope({"extract", "--json", fake.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  nlohmann::json doc = nlohmann::json::parse(result.out);
  EXPECT_EQ(doc["format"], "html");
  EXPECT_EQ(doc["metadata"]["title"], "中标公告");
}

TEST(CliExtractTest, MissingFileNamesPathOnStderr) {
  CommandResult result =
      RunBidscope({"extract", "--json", "/nonexistent/notice.pdf"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("bidscope: /nonexistent/notice.pdf: failed"),
            std::string::npos)
      << result.err;
  // The words of `bidscope index` for the same file.
  EXPECT_NE(result.err.find("cannot read: No such file or directory"),
            std::string::npos)
      << result.err;
}

// A file that gave no text has a JSON record with its status, but no
// fields classified from nothing, and no record in the human output.
TEST(CliExtractTest, MissingFileHasNoFields) {
  testing::TempDir dir;
  std::filesystem::path good = dir.path() / "notice.txt";
  std::ofstream(good) << "示例市公安局视频监控采购项目招标公告。";
  std::string missing = (dir.path() / "missing.pdf").string();

  CommandResult json =
      RunBidscope({"extract", "--json", missing, good.string()});
  EXPECT_EQ(json.exit_code, 1) << json.err;
  std::vector<nlohmann::json> records;
  std::istringstream lines(json.out);
  for (std::string line; std::getline(lines, line);) {
    records.push_back(nlohmann::json::parse(line));
  }
  ASSERT_EQ(records.size(), 2u) << json.out;
  EXPECT_EQ(records[0]["status"], "failed");
  EXPECT_FALSE(records[0].contains("fields")) << records[0].dump();
  EXPECT_EQ(records[1]["status"], "ok");
  EXPECT_EQ(records[1]["fields"]["notice_type"], "tender");

  CommandResult human = RunBidscope({"extract", missing, good.string()});
  EXPECT_EQ(human.exit_code, 1) << human.err;
  EXPECT_EQ(human.out.find("missing.pdf"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("视频监控"), std::string::npos) << human.out;
  EXPECT_NE(human.err.find(missing + ": failed"), std::string::npos)
      << human.err;
}

TEST(CliExtractTest, FolderIsNoEmptyFile) {
  testing::TempDir dir;
  CommandResult result = RunBidscope({"extract", dir.path().string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("cannot read: Is a directory"), std::string::npos)
      << result.err;
}

TEST(CliExtractTest, EmptyFileSaysEmpty) {
  testing::TempDir dir;
  std::filesystem::path empty = dir.path() / "empty.txt";
  std::ofstream(empty).close();
  CommandResult result = RunBidscope({"extract", empty.string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find(empty.string() + ": empty file"), std::string::npos)
      << result.err;
  EXPECT_NE(result.out.find("status: empty"), std::string::npos) << result.out;
}

TEST(CliExtractTest, UnknownFlagIsUsageError) {
  CommandResult result = RunBidscope({"search", "--no-such-flag", "x"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(result.err.starts_with("bidscope: ")) << result.err;
  CommandResult missing = RunBidscope({"stats"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(missing.err.starts_with("bidscope: --by is required"))
      << missing.err;
}

}  // namespace
}  // namespace bidscope
