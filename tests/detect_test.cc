// DetectFormat on bytes written here and on every file of the shared
// corpus, whose manifest records each file's format.
#include "extract/extract.h"
#include "extract/extract_steps.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace bidscope {
namespace {

using ::bidscope::testing::ReadFile;
using ::bidscope::testing::SharedDir;
using ::bidscope::testing::TempDir;

std::string WriteZip(const std::map<std::string, std::string>& members) {
  TempDir dir;
  std::string path = (dir.path() / "test.zip").string();
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr) << "zip_open failed: " << error;
  if (archive == nullptr) return "";
  for (const auto& [name, data] : members) {
    zip_source_t* source =
        zip_source_buffer(archive, data.data(), data.size(), 0);
    EXPECT_GE(zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(archive), 0);
  return ReadFile(path);
}

struct DetectCase {
  const char* name;
  std::string bytes;
  Format format;
};

TEST(DetectTest, RecognisesMagicNumbers) {
  const std::vector<DetectCase> cases = {
      {"pdf", "%PDF-1.7\n", Format::kPdf},
      {"pdf after junk", std::string(500, 'x') + "%PDF-1.4\n", Format::kPdf},
      {"ole", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest",
       Format::kDoc},
      {"rtf", "{\\rtf1\\ansi hello}", Format::kRtf},
      {"rar", "Rar!\x1A\x07\x01", Format::kRar},
      {"7z", "7z\xBC\xAF\x27\x1C\x00\x04", Format::kSevenZip},
      {"png", "\x89PNG\r\n\x1A\n....", Format::kImage},
      {"jpeg", "\xFF\xD8\xFF\xE0....", Format::kImage},
      {"tiff", std::string("II*\0", 4) + "....", Format::kImage},
      {"empty", "", Format::kUnknown},
      {"binary", std::string("\x01\x02\x00\x03\xFE\xFF\x00", 7),
       Format::kUnknown},
  };
  for (const DetectCase& c : cases) {
    EXPECT_EQ(DetectFormat(c.bytes), c.format) << c.name;
  }
}

// The program sends bytes that StartsAsPdf accepts to the PDF module
// without running DetectFormat, so the two must agree.
TEST(DetectTest, PdfHeaderAtStartIsPdf) {
  const std::vector<std::string> tails = {
      "",
      "1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj",
      "1.4\n<html><body>not really</body></html>",
      "1.5\n{\"notice\": \"json\"}",
      std::string("1.3\nPK\x03\x04\0\0", 10),
  };
  for (const std::string& tail : tails) {
    std::string bytes = "%PDF-" + tail;
    EXPECT_TRUE(StartsAsPdf(bytes)) << tail;
    EXPECT_EQ(DetectFormat(bytes), Format::kPdf) << tail;
  }
  EXPECT_FALSE(StartsAsPdf(std::string(500, 'x') + "%PDF-1.4\n"));
  EXPECT_FALSE(StartsAsPdf("%PDF"));
  EXPECT_FALSE(StartsAsPdf(""));
}

TEST(DetectTest, TellsZipContainersApart) {
  EXPECT_EQ(DetectFormat(WriteZip({{"word/document.xml", "<w:document/>"},
                                   {"[Content_Types].xml", "<Types/>"}})),
            Format::kDocx);
  EXPECT_EQ(DetectFormat(WriteZip({{"xl/workbook.xml", "<workbook/>"}})),
            Format::kXlsx);
  EXPECT_EQ(DetectFormat(WriteZip(
                {{"mimetype", "application/vnd.oasis.opendocument.text"}})),
            Format::kOdt);
  EXPECT_EQ(DetectFormat(WriteZip({{"mimetype",
                                    "application/vnd.oasis.opendocument."
                                    "spreadsheet"}})),
            Format::kOds);
  EXPECT_EQ(DetectFormat(WriteZip({{"a.txt", "hello"}})), Format::kZip);
  EXPECT_EQ(DetectFormat("PK\x03\x04truncated"), Format::kZip);
}

TEST(DetectTest, RecognisesTextFormats) {
  const std::vector<DetectCase> cases = {
      {"doctype", "<!DOCTYPE html><p>x</p>", Format::kHtml},
      {"html after bom and comment",
       "\xEF\xBB\xBF <!-- saved --> <HTML><body>x</body></HTML>",
       Format::kHtml},
      {"meta first", "<meta charset=gbk><title>\xD6\xD0</title>",
       Format::kHtml},
      {"xhtml",
       "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/"
       "1999/xhtml\"><body/></html>",
       Format::kHtml},
      {"script before html", "<script>var a;</script>\n<html><body>x</body>",
       Format::kHtml},
      {"xml", "<?xml version=\"1.0\"?><TED_EXPORT><A>x</A></TED_EXPORT>",
       Format::kXml},
      {"xml root with namespace",
       "<feed xmlns=\"http://www.w3.org/2005/"
       "Atom\"><entry/></feed>",
       Format::kXml},
      {"json object", "{\"title\": \"公告\", \"items\": [1, 2]}",
       Format::kJson},
      {"json array", "[\n {\"a\": 1},\n {\"a\": 2}\n]", Format::kJson},
      {"json with python NaN", "[{\"value\": NaN, \"note\": \"NaN\"}]",
       Format::kJson},
      {"json lines", "{\"a\": 1}\n{\"a\": 2}\n{\"a\": 3}\n",
       Format::kJsonLines},
      {"json lines with a bad line", "{\"a\": 1}\n{\"a\": oops}\n{\"a\": 3}\n",
       Format::kJsonLines},
      {"json lines cut mid-record", "{\"a\": 1}\n{\"a\": 2}\n{\"a\": \"thr",
       Format::kJsonLines},
      {"json array cut mid-record",
       "[\n {\"title\": \"甲\"},\n {\"title\": \"乙\", \"content\": \"正",
       Format::kJson},
      {"json with an error before its end", "[{\"a\": 1}, {\"a\" 2}]",
       Format::kText},
      {"pretty json with one-line members",
       "{\n  \"items\": [\n    {\"a\": 1},\n    {\"a\": 2}\n  ]\n}\n",
       Format::kJson},
      {"csv",
       "序号,标题,日期\n1,招标公告,2022-01-05\n2,\"中标, 公告\",2022-01-06\n",
       Format::kCsv},
      {"tsv", "\tref\ttrade\n0\t1\ta\n1\t2\tb\n2\t3\tc\n", Format::kCsv},
      // A header and one record with a title, body or URL column.
      {"csv of one record",
       "title,url,content\n示例公告,http://www.ccgp.gov.cn/a.htm,正文\n",
       Format::kCsv},
      {"two lines with commas", "Hello, world\nFoo, bar\n", Format::kText},
      // A dump cut short ends in a short row.
      {"csv with a short last row",
       "标题,日期,链接\n招标公告,2022-01-05,http://a/1\n中标公告,2022-01-06,"
       "http://a/2\n更正公告\n",
       Format::kCsv},
      // Without a row of names the lines are text, not a dump.
      {"headerless tsv",
       "A01\t预算金额：320000元\nA03\t预算金额：32万元\nA05\t合同金额：50万元"
       "\n",
       Format::kText},
      {"tsv of sentences",
       "1\t本项目采购舆情监测服务一套，服务期为一年\n2\t第二行\n3\t第三行\n",
       Format::kText},
      {"prose", "本项目采购舆情监测服务一套，服务期为一年。\n第二行。\n",
       Format::kText},
      {"markdown", "# Title\n\nSome words, and more words.\n\n- item\n",
       Format::kText},
      {"gbk text", "\xD5\xD0\xB1\xEA\xB9\xAB\xB8\xE6\n", Format::kText},
      {"utf16 text", std::string("\xFF\xFE\x1B\x6C\x00\x00", 6), Format::kText},
      {"html with a stray NUL",
       std::string("<html><body><!-- a\0 --><p>x</p></body></html>", 45),
       Format::kHtml},
      {"text with a stray NUL", std::string("招标公告\n\0第二行\n", 24),
       Format::kText},
      {"html fragment",
       "<?php exit;?>2016 公告\n<p>\n<strong>项目</strong>\n</p>\n<p>a</p>"
       "<p>b</p><table><tr><td>x</td></tr></table>",
       Format::kHtml},
  };
  for (const DetectCase& c : cases) {
    EXPECT_EQ(DetectFormat(c.bytes), c.format) << c.name;
  }
}

TEST(DetectTest, SniffsPrefixOfLargeJson) {
  std::string json = "[";
  while (json.size() < (1u << 20)) json += "{\"title\": \"招标公告\"},";
  json += "{}]";
  EXPECT_EQ(DetectFormat(json), Format::kJson);
  EXPECT_EQ(DetectFormat(json.substr(0, json.size() - 200)), Format::kJson);
}

TEST(DetectTest, ReadsContentNotNames) {
  BIDSCOPE_REQUIRE_SHARED();
  auto cases = SharedDir() / "cases";
  EXPECT_EQ(
      DetectFormat(ReadFile(cases / "C06-pdf-robustness-encrypted-malformed" /
                            "actually-html.pdf")),
      Format::kHtml);
  EXPECT_EQ(DetectFormat(ReadFile(cases /
                                  "C06-pdf-robustness-encrypted-"
                                  "malformed" /
                                  "good.pdf")),
            Format::kPdf);
  EXPECT_EQ(DetectFormat(ReadFile(cases / "C08-charset-declared-vs-actual" /
                                  "h_zip-with-gbk-entry-names.zip")),
            Format::kZip);
  for (const char* file :
       {"a_declared-gb2312_contains-gbk-only.html", "c_malformed-meta_gbk.html",
        "d_no-meta_mostly-ascii_gbk.html", "f_big5-alias-label.html",
        "g_utf8-bom_meta-says-gbk.html"}) {
    EXPECT_EQ(
        DetectFormat(ReadFile(cases / "C08-charset-declared-vs-actual" / file)),
        Format::kHtml)
        << file;
  }
}

TEST(ExtractStatusTest, JunkUnderDocumentNameFails) {
  std::string junk;
  std::minstd_rand generator(7);
  for (int i = 0; i < 4096; ++i) {
    junk.push_back(static_cast<char>(generator() & 0xff));
  }
  ASSERT_EQ(DetectFormat(junk), Format::kUnknown);

  Document pdf = ExtractBytes(junk, "downloads/notice.PDF", {}).front();
  EXPECT_EQ(pdf.status, ExtractStatus::kFailed);
  EXPECT_NE(pdf.error.find("not a PDF file"), std::string::npos) << pdf.error;

  Document member = ExtractBytes(junk, "a.zip#docs/b.docx", {}).front();
  EXPECT_EQ(member.status, ExtractStatus::kFailed);
  EXPECT_NE(member.error.find("not a DOCX file"), std::string::npos)
      << member.error;

  // Under a name of no readable format, the file stays unsupported.
  for (const char* name : {"blob.bin", "photo", "archive.tar.gz"}) {
    Document other = ExtractBytes(junk, name, {}).front();
    EXPECT_EQ(other.status, ExtractStatus::kUnsupported) << name;
  }
}

Format ManifestFormat(const std::string& name) {
  static const std::map<std::string, Format> kNames = {
      {"pdf", Format::kPdf},   {"html", Format::kHtml}, {"docx", Format::kDocx},
      {"doc", Format::kDoc},   {"txt", Format::kText},  {"xml", Format::kXml},
      {"json", Format::kJson}, {"csv", Format::kCsv}};
  auto it = kNames.find(name);
  return it == kNames.end() ? Format::kUnknown : it->second;
}

TEST(DetectTest, MatchesCorpusManifest) {
  BIDSCOPE_REQUIRE_SHARED();
  std::istringstream manifest(
      ReadFile(SharedDir() / "corpus" / "MANIFEST.tsv"));
  std::string line;
  std::getline(manifest, line);  // header row
  int checked = 0;
  while (std::getline(manifest, line)) {
    std::vector<std::string> fields;
    std::stringstream row(line);
    std::string field;
    while (std::getline(row, field, '\t')) fields.push_back(field);
    ASSERT_GE(fields.size(), 7u) << line;
    Format expected = ManifestFormat(fields[6]);
    std::string bytes = ReadFile(SharedDir() / "corpus" / fields[0]);
    EXPECT_EQ(FormatName(DetectFormat(bytes)), FormatName(expected))
        << fields[0];
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace bidscope
