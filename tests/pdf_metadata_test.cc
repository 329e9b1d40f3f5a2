// PDF metadata: Info string encodings, dates with offsets, XMP titles.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/formats.h"
#include "extract/pdf_metadata.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

// Builds a one-page PDF whose Info dictionary has `info` entries and,
// when `xmp` is not empty, a metadata stream.
std::string BuildPdf(const std::string& info, const std::string& xmp = "") {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R" +
          std::string(xmp.empty() ? "" : " /Metadata 5 0 R") + " >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
      "<< " + info + " >>",
  };
  if (!xmp.empty()) {
    objects.push_back("<< /Type /Metadata /Subtype /XML /Length " +
                      std::to_string(xmp.size()) + " >>\nstream\n" + xmp +
                      "\nendstream");
  }
  return testing::AssemblePdf(objects, "/Info 4 0 R");
}

// Extracts without OCR: the built pages have no text to recognise.
Document ExtractWithoutOcr(const std::string& pdf) {
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  return ExtractPdf(pdf, options);
}

// One code unit per byte, as poppler-cpp returns strings without a byte
// order mark.
std::u16string Bytes(std::string_view bytes) {
  std::u16string units;
  for (char byte : bytes) units += static_cast<unsigned char>(byte);
  return units;
}

TEST(PdfMetadataTest, DecodesUtf16) {
  DecodedPdfString decoded = DecodePdfInfoString(u"采购人");
  EXPECT_EQ(decoded.text, "采购人");
  EXPECT_FALSE(decoded.guessed_gbk);
}

TEST(PdfMetadataTest, DecodesRawUtf8) {
  EXPECT_EQ(DecodePdfInfoString(Bytes("监测服务")).text, "监测服务");
}

TEST(PdfMetadataTest, GuessesGbk) {
  DecodedPdfString decoded =
      DecodePdfInfoString(Bytes("\xD5\xD0\xB1\xEA\xB9\xAB\xB8\xE6"));
  EXPECT_EQ(decoded.text, "招标公告");
  EXPECT_TRUE(decoded.guessed_gbk);
}

TEST(PdfMetadataTest, DecodesPdfDocEncoding) {
  DecodedPdfString decoded = DecodePdfInfoString(Bytes("Caf\xE9 \x84 \x92"));
  EXPECT_EQ(decoded.text, "Café — ™");
  EXPECT_FALSE(decoded.guessed_gbk);
}

struct DateCase {
  const char* raw;
  const char* iso;
};

TEST(PdfMetadataTest, ConvertsDates) {
  const DateCase kCases[] = {
      {"D:20211231093000+08'00'", "2021-12-31T09:30:00+08:00"},
      {"D:20211231093000+08'00", "2021-12-31T09:30:00+08:00"},
      {"D:20211231093000Z", "2021-12-31T09:30:00Z"},
      {"D:20211231093000-05'30'", "2021-12-31T09:30:00-05:30"},
      {"D:20211231093000", "2021-12-31T09:30:00"},
      {"D:202112310930", "2021-12-31T09:30:00"},
      {"D:20211231", "2021-12-31"},
      {"D:2021", "2021"},
      {"20211231093000+08'00'", "2021-12-31T09:30:00+08:00"},
      {"D:20211331", ""},
      {"yesterday", ""},
      {"", ""},
  };
  for (const DateCase& test_case : kCases) {
    EXPECT_EQ(PdfDateToIso8601(test_case.raw), test_case.iso) << test_case.raw;
  }
}

constexpr char kXmp[] =
    "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>"
    "<x:xmpmeta xmlns:x='adobe:ns:meta/'>"
    "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
    "<rdf:Description rdf:about='' "
    "xmlns:dc='http://purl.org/dc/elements/1.1/'>"
    "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>"
    "视频监控运维服务招标文件</rdf:li></rdf:Alt></dc:title>"
    "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>";

TEST(PdfMetadataTest, ReadsXmpTitle) {
  EXPECT_EQ(XmpTitle(kXmp), "视频监控运维服务招标文件");
}

TEST(PdfMetadataTest, MalformedXmpHasNoTitle) {
  EXPECT_EQ(XmpTitle("<x:xmpmeta><dc:title>"), "");
}

TEST(PdfMetadataTest, RecognisesFileNameTitles) {
  EXPECT_TRUE(IsFileNameTitle("招标文件.docx"));
  EXPECT_TRUE(IsFileNameTitle("Microsoft Word - tender.DOC"));
  EXPECT_TRUE(IsFileNameTitle("scan.pdf "));
  EXPECT_FALSE(IsFileNameTitle("关于采购舆情监测服务的招标公告"));
}

TEST(PdfMetadataTest, ExtractsInfoDictionary) {
  std::string pdf = BuildPdf(
      "/Title <D5D0B1EAB9ABB8E6> /Author <FEFF91C78D2D4EBA> "
      "/Subject <E79B91E6B58BE69C8DE58AA1> /Keywords (budget) "
      "/Creator (Writer) /Producer (LibreOffice 7.4) "
      "/CreationDate (D:20211231093000+08'00') "
      "/ModDate (D:20220105120000Z)");
  Document doc = ExtractWithoutOcr(pdf);
  EXPECT_EQ(ExtractStatusName(doc.status), "ok") << doc.error;
  EXPECT_EQ(doc.metadata.title, "招标公告");
  EXPECT_EQ(doc.metadata.author, "采购人");
  EXPECT_EQ(doc.metadata.subject, "监测服务");
  EXPECT_EQ(doc.metadata.keywords, "budget");
  EXPECT_EQ(doc.metadata.creator, "Writer");
  EXPECT_EQ(doc.metadata.producer, "LibreOffice 7.4");
  EXPECT_EQ(doc.metadata.created, "2021-12-31T09:30:00+08:00");
  EXPECT_EQ(doc.metadata.modified, "2022-01-05T12:00:00Z");
  EXPECT_EQ(doc.metadata.page_count, 1);
  EXPECT_EQ(doc.metadata.extra.count("encrypted"), 0u);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0],
            "PDF Info Title is not Unicode; decoded as GBK (guessed)");
}

TEST(PdfMetadataTest, PrefersXmpOverFileNameTitle) {
  std::string pdf =
      BuildPdf("/Title <FEFF62DB680765874EF6002E0064006F00630078>", kXmp);
  Document doc = ExtractWithoutOcr(pdf);
  EXPECT_EQ(doc.metadata.title, "视频监控运维服务招标文件");
}

TEST(PdfMetadataTest, KeepsFileNameTitleWithoutXmp) {
  std::string pdf =
      BuildPdf("/Title <FEFF62DB680765874EF6002E0064006F00630078>");
  Document doc = ExtractWithoutOcr(pdf);
  EXPECT_EQ(doc.metadata.title, "招标文件.docx");
}

TEST(PdfMetadataTest, CaseFileDatesKeepOffset) {
  BIDSCOPE_REQUIRE_SHARED();
  std::string bytes =
      testing::ReadFile(testing::SharedDir() /
                        "corpus/zc910704__Bidding-Simulation/招标文件.pdf");
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  Document doc = ExtractPdf(bytes, options);
  EXPECT_EQ(doc.metadata.created, "2018-09-03T22:16:43+08:00");
  EXPECT_EQ(doc.metadata.author, "123");
}

}  // namespace
}  // namespace bidscope
