// ExtractArchive on archives built here with libzip and the 7z tool, and on
// the shared ZIP whose member names are GBK bytes.
#include <zip.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "extract/archive_names.h"
#include "extract/extract.h"
#include "extract/formats.h"
#include "extract/subprocess.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

using Members = std::vector<std::pair<std::string, std::string>>;

// Writes a ZIP with libzip. Names are stored as given: libzip sets the
// UTF-8 flag for valid non-ASCII UTF-8 and leaves it clear for other bytes,
// so GBK names end up with bit 11 clear as Chinese Windows tools write them.
std::string MakeZip(const Members& members, const std::string& password = "") {
  testing::TempDir dir;
  std::string path = (dir.path() / "test.zip").string();
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr) << "zip_open failed: " << error;
  if (archive == nullptr) return "";
  for (const auto& [name, data] : members) {
    zip_source_t* source =
        zip_source_buffer(archive, data.data(), data.size(), 0);
    zip_int64_t index =
        zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_GUESS);
    EXPECT_GE(index, 0) << zip_strerror(archive);
    if (!password.empty()) {
      EXPECT_EQ(zip_file_set_encryption(archive, index, ZIP_EM_AES_256,
                                        password.c_str()),
                0)
          << zip_strerror(archive);
    }
  }
  EXPECT_EQ(zip_close(archive), 0);
  return testing::ReadFile(path);
}

// Writes a 7z archive with the 7z command-line tool (package p7zip-full),
// because libarchive's 7z writer drops non-ASCII names in the C locale.
// Returns an empty string when the tool is absent.
std::string MakeSevenZip(const Members& members) {
  testing::TempDir dir;
  std::vector<std::string> args = {"7z", "a", "-bd", "-y", "test.7z"};
  for (const auto& [name, data] : members) {
    std::filesystem::path path = dir.path() / "in" / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << data;
    args.push_back(name);
  }
  std::string archive = (dir.path() / "test.7z").string();
  args[4] = archive;
  SubprocessLimits limits;
  limits.working_directory = (dir.path() / "in").string();
  SubprocessResult result = RunSubprocess(args, limits);
  if (result.exit_code != 0) return "";
  return testing::ReadFile(archive);
}

std::vector<std::string> Locators(const std::vector<Document>& docs) {
  std::vector<std::string> locators;
  for (size_t i = 1; i < docs.size(); ++i) locators.push_back(docs[i].locator);
  return locators;
}

std::string PageText(const Document& doc) {
  return doc.pages.empty() ? "" : doc.pages[0].text;
}

TEST(ArchiveNamesTest, DecodesRawNames) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"plain/ascii.txt", "plain/ascii.txt"},
      {"\xE6\x8B\x9B\xE6\xA0\x87.txt", "招标.txt"},              // UTF-8
      {"\xD5\xD0\xB1\xEA\xCE\xC4\xBC\xFE.txt", "招标文件.txt"},  // GBK
      {"\x81\x30\x81\x30.txt", "\xC2\x80.txt"},                  // GB18030
      {"caf\x82\xFF.txt", "caf\xC3\xA9\xC2\xA0.txt"},            // CP437
  };
  for (const auto& [raw, expected] : cases) {
    EXPECT_EQ(DecodeMemberName(raw), expected) << raw;
  }
}

TEST(ArchiveNamesTest, SanitizesPaths) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"a/b.txt", "a/b.txt"},
      {"../../etc/passwd", "etc/passwd"},
      {"/etc/shadow", "etc/shadow"},
      {"C:\\Windows\\win.ini", "Windows/win.ini"},
      {"a/./b/../c.txt", "a/b/c.txt"},
      {"..", ""},
  };
  for (const auto& [path, expected] : cases) {
    EXPECT_EQ(SanitizeMemberPath(path), expected) << path;
  }
}

TEST(ArchiveTest, ReportsGbkMemberNamesOfSharedZip) {
  BIDSCOPE_REQUIRE_SHARED();
  std::string bytes = testing::ReadFile(
      testing::SharedDir() /
      "cases/C08-charset-declared-vs-actual/h_zip-with-gbk-entry-names.zip");
  std::vector<Document> docs = ExtractArchive(bytes, ExtractOptions{}, 0);

  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].format, Format::kZip);
  EXPECT_EQ(docs[0].status, ExtractStatus::kOk);
  EXPECT_EQ(docs[0].id, Sha256Hex(bytes));
  EXPECT_EQ(PageText(docs[0]),
            "招标文件/评分办法.txt\n招标文件/采购需求.html\n");
  EXPECT_EQ(Locators(docs),
            (std::vector<std::string>{"招标文件/评分办法.txt",
                                      "招标文件/采购需求.html"}));
  EXPECT_EQ(docs[1].parent_id, docs[0].id);
  EXPECT_EQ(docs[2].parent_id, docs[0].id);
  EXPECT_NE(PageText(docs[1]).find("评分办法：综合评分法，价格分30分。"),
            std::string::npos)
      << PageText(docs[1]);
  EXPECT_NE(PageText(docs[2]).find("舆情监测服务一套"), std::string::npos)
      << PageText(docs[2]);
}

TEST(ArchiveTest, ExtractsMembersThroughDispatcher) {
  std::string bytes =
      MakeZip({{"公告/中标公告.txt", "中标单位：示例科技有限公司"},
               {"readme.txt", "plain text"}});
  std::vector<Document> docs =
      ExtractBytes(bytes, "test.zip", ExtractOptions{});

  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].format, Format::kZip);
  EXPECT_EQ(docs[1].locator, "公告/中标公告.txt");
  EXPECT_EQ(docs[1].format, Format::kText);
  EXPECT_EQ(docs[1].id, Sha256Hex("中标单位：示例科技有限公司"));
  EXPECT_EQ(PageText(docs[1]), "中标单位：示例科技有限公司");
  EXPECT_EQ(docs[2].locator, "readme.txt");
  EXPECT_TRUE(docs[0].warnings.empty());
}

TEST(ArchiveTest, ReadsGbkNamesWithoutUtf8Flag) {
  std::string gbk_name =
      "\xD5\xD0\xB1\xEA\xCE\xC4\xBC\xFE/\xC6\xC0\xB7\xD6.txt";
  std::string bytes = MakeZip({{gbk_name, "评分"}});
  std::vector<Document> docs = ExtractArchive(bytes, ExtractOptions{}, 0);

  EXPECT_EQ(Locators(docs), std::vector<std::string>{"招标文件/评分.txt"});
}

TEST(ArchiveTest, SkipsDecompressionBomb) {
  std::string zeros(20u << 20, '\0');
  std::string bytes = MakeZip({{"zeros.bin", zeros}, {"ok.txt", "正文"}});
  std::vector<Document> docs = ExtractArchive(bytes, ExtractOptions{}, 0);

  EXPECT_EQ(Locators(docs), std::vector<std::string>{"ok.txt"});
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_TRUE(
      docs[0].warnings[0].starts_with("zeros.bin: decompression bomb: ratio "))
      << docs[0].warnings[0];
  EXPECT_TRUE(docs[0].warnings[0].ends_with(" exceeds 200"))
      << docs[0].warnings[0];
}

TEST(ArchiveTest, SkipsMemberOverDecodedLimit) {
  std::string text;
  for (int i = 0; text.size() < 2000; ++i) text += std::to_string(i * 7919);
  ExtractOptions options;
  options.max_decoded_bytes = 1000;
  std::string bytes = MakeZip({{"big.txt", text}, {"small.txt", "小"}});
  std::vector<Document> docs = ExtractArchive(bytes, options, 0);

  EXPECT_EQ(Locators(docs), std::vector<std::string>{"small.txt"});
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_EQ(docs[0].warnings[0], "big.txt: member of " +
                                     std::to_string(text.size()) +
                                     " bytes exceeds max_decoded_bytes 1000");
}

TEST(ArchiveTest, StopsAtTotalLimit) {
  ExtractOptions options;
  options.max_archive_total_bytes = 10;
  std::string bytes =
      MakeZip({{"a.txt", "12345678"}, {"b.txt", "12345678"}, {"c.txt", "1"}});
  std::vector<Document> docs = ExtractArchive(bytes, options, 0);

  EXPECT_EQ(Locators(docs), std::vector<std::string>{"a.txt"});
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_EQ(docs[0].warnings[0],
            "b.txt: members exceed max_archive_total_bytes 10; the rest "
            "skipped");
}

TEST(ArchiveTest, StopsNestingAtMaxDepth) {
  std::string innermost = MakeZip({{"deep.txt", "最深"}});
  std::string middle = MakeZip({{"inner.zip", innermost}});
  std::string outer = MakeZip({{"middle.zip", middle}, {"top.txt", "顶层"}});
  ExtractOptions options;
  options.max_archive_depth = 1;
  std::vector<Document> docs = ExtractBytes(outer, "outer.zip", options);

  // outer (depth 0) > middle.zip (depth 1) > inner.zip (depth 2, reported
  // but not opened).
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[1].locator, "middle.zip");
  EXPECT_EQ(docs[1].format, Format::kZip);
  EXPECT_EQ(docs[1].parent_id, docs[0].id);
  EXPECT_EQ(docs[2].locator, "middle.zip/inner.zip");
  EXPECT_EQ(docs[2].parent_id, docs[1].id);
  EXPECT_TRUE(docs[2].pages.empty());
  ASSERT_EQ(docs[2].warnings.size(), 1u);
  EXPECT_EQ(docs[2].warnings[0],
            "archive nested 2 deep exceeds max_archive_depth 1; members "
            "skipped");
  EXPECT_EQ(docs[3].locator, "top.txt");
  EXPECT_EQ(docs[3].parent_id, docs[0].id);
}

TEST(ArchiveTest, NestedMembersAreNamedWithinTheirArchive) {
  std::string a = MakeZip({{"x.txt", "甲公司投标文件"}});
  std::string b = MakeZip({{"x.txt", "乙公司投标文件"}});
  std::string dump =
      "url,title,text\n"
      "http://a.example/1,示例公告,采购人：示例市公安局\n"
      "http://a.example/2,另一公告,采购人：示例市财政局\n";
  std::string outer =
      MakeZip({{"a.zip", a}, {"b.zip", b}, {"data/dump.csv", dump}});
  std::vector<Document> docs = ExtractBytes(outer, "outer.zip", {});
  EXPECT_EQ(Locators(docs),
            (std::vector<std::string>{
                "a.zip", "a.zip/x.txt", "b.zip", "b.zip/x.txt", "data/dump.csv",
                "data/dump.csv/record 1", "data/dump.csv/record 2"}));
}

TEST(ArchiveTest, ReportsTraversalNamesInsideArchive) {
  std::string bytes =
      MakeZip({{"../../etc/cron.txt", "一"}, {"/abs/path.txt", "二"}});
  std::vector<Document> docs = ExtractArchive(bytes, ExtractOptions{}, 0);

  EXPECT_EQ(Locators(docs),
            (std::vector<std::string>{"etc/cron.txt", "abs/path.txt"}));
  ASSERT_EQ(docs.size(), 3u);
  ASSERT_EQ(docs[1].warnings.size(), 1u);
  EXPECT_EQ(docs[1].warnings[0],
            "unsafe member path \"../../etc/cron.txt\" reported as "
            "\"etc/cron.txt\"");
}

TEST(ArchiveTest, SkipsEncryptedMember) {
  if (!zip_encryption_method_supported(ZIP_EM_AES_256, 1)) {
    GTEST_SKIP() << "this libzip cannot write AES-256 encrypted members";
  }
  std::string bytes = MakeZip({{"secret.txt", "机密内容"}}, "pw");
  std::vector<Document> docs = ExtractArchive(bytes, ExtractOptions{}, 0);

  EXPECT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_EQ(docs[0].warnings[0], "secret.txt: encrypted member skipped");
}

TEST(ArchiveTest, ReadsSevenZip) {
  std::string bytes = MakeSevenZip({{"招标文件/需求.txt", "视频监控设备采购"}});
  if (bytes.empty()) GTEST_SKIP() << "the 7z tool (p7zip-full) is absent";
  std::vector<Document> docs = ExtractArchive(bytes, ExtractOptions{}, 0);

  EXPECT_EQ(docs[0].format, Format::kSevenZip);
  EXPECT_EQ(docs[0].status, ExtractStatus::kOk) << docs[0].error;
  EXPECT_EQ(Locators(docs), std::vector<std::string>{"招标文件/需求.txt"});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(PageText(docs[1]), "视频监控设备采购");
}

TEST(ArchiveTest, SkipsSevenZipBomb) {
  std::string zeros(20u << 20, '\0');
  std::string bytes = MakeSevenZip({{"zeros.bin", zeros}});
  if (bytes.empty()) GTEST_SKIP() << "the 7z tool (p7zip-full) is absent";
  std::vector<Document> docs = ExtractArchive(bytes, ExtractOptions{}, 0);

  EXPECT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_TRUE(
      docs[0].warnings[0].starts_with("zeros.bin: decompression bomb: ratio "))
      << docs[0].warnings[0];
}

TEST(ArchiveTest, SurvivesEveryTruncation) {
  std::string bytes =
      MakeZip({{"a.txt", "第一个成员"}, {"b.txt", "第二个成员"}});
  for (size_t length = 0; length < bytes.size(); ++length) {
    std::vector<Document> docs =
        ExtractArchive(bytes.substr(0, length), ExtractOptions{}, 0);
    ASSERT_FALSE(docs.empty()) << length;
    EXPECT_EQ(docs[0].format, Format::kZip) << length;
  }
}

TEST(ArchiveTest, SurvivesFlippedBytes) {
  std::string bytes = MakeZip({{"a.txt", std::string(500, 'x') + "结尾"}});
  size_t survived = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    std::vector<Document> docs = ExtractArchive(damaged, ExtractOptions{}, 0);
    ASSERT_FALSE(docs.empty()) << i;
    if (docs.size() == 2 && docs[1].pages.size() == 1 &&
        docs[1].pages[0].text.ends_with("结尾")) {
      ++survived;
    }
  }
  // Bytes outside the checked headers and data (timestamps, extra
  // fields) may change without losing the member.
  EXPECT_GT(survived, 0u);
}

TEST(ArchiveTest, FailsOnDamagedArchive) {
  std::string bytes = MakeZip({{"a.txt", "内容"}});
  std::string damaged = bytes.substr(0, bytes.size() / 2);
  std::vector<Document> docs = ExtractArchive(damaged, ExtractOptions{}, 0);

  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].status, ExtractStatus::kFailed);
  EXPECT_FALSE(docs[0].error.empty());
}

}  // namespace
}  // namespace bidscope
