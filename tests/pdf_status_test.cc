// Status, errors and permissions of damaged, encrypted and hostile PDFs.
#include <sys/resource.h>

#include <string>

#include <gtest/gtest.h>

#include "extract/formats.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

constexpr char kCaseDir[] = "cases/C06-pdf-robustness-encrypted-malformed";
constexpr char kAwardText[] =
    "中标结果公告：示例科技有限公司中标，中标金额：298000元";

Document Extract(const std::string& name, const std::string& password = "") {
  std::string bytes = testing::ReadFile(testing::SharedDir() / kCaseDir / name);
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  options.password = password;
  return ExtractPdf(bytes, options);
}

std::string AllText(const Document& doc) {
  std::string text;
  for (const Page& page : doc.pages) text += page.text;
  return text;
}

struct StatusCase {
  const char* file;
  ExtractStatus status;
};

TEST(PdfStatusTest, EveryCaseFileHasItsStatus) {
  BIDSCOPE_REQUIRE_SHARED();
  const StatusCase kCases[] = {
      {"good.pdf", ExtractStatus::kOk},
      {"owner-restricted.pdf", ExtractStatus::kOk},
      {"user-password.pdf", ExtractStatus::kEncrypted},
      {"truncated.pdf", ExtractStatus::kFailed},
      {"page-tree-cycle.pdf", ExtractStatus::kOk},
      {"xref-prev-loop.pdf", ExtractStatus::kOk},
      {"inflate-bomb.pdf", ExtractStatus::kOk},
  };
  for (const StatusCase& test_case : kCases) {
    Document doc = Extract(test_case.file);
    EXPECT_EQ(ExtractStatusName(doc.status),
              ExtractStatusName(test_case.status))
        << test_case.file << ": " << doc.error;
  }
}

TEST(PdfStatusTest, GoodFileExtracts) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc = Extract("good.pdf");
  EXPECT_TRUE(doc.paged);
  EXPECT_EQ(doc.metadata.page_count, 1);
  EXPECT_EQ(AllText(doc), "废标公告：因有效投标人不足三家，本项目废标。");
}

TEST(PdfStatusTest, UserPasswordIsRequired) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc = Extract("user-password.pdf");
  EXPECT_EQ(doc.error, "encrypted: password required");
  EXPECT_EQ(AllText(doc), "");
  EXPECT_EQ(doc.metadata.extra["encrypted"], "true");
}

TEST(PdfStatusTest, UserPasswordOpensFile) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc = Extract("user-password.pdf", "user-pw-123");
  EXPECT_EQ(ExtractStatusName(doc.status), "ok");
  EXPECT_EQ(AllText(doc), kAwardText);
  for (const std::string& warning : doc.warnings) {
    EXPECT_EQ(warning.find("password"), std::string::npos) << warning;
  }
}

TEST(PdfStatusTest, WrongPasswordIsReported) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc = Extract("user-password.pdf", "wrong");
  EXPECT_EQ(ExtractStatusName(doc.status), "encrypted");
  EXPECT_EQ(doc.error, "encrypted: incorrect password");
}

TEST(PdfStatusTest, OwnerRestrictedOpensWithPermissions) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc = Extract("owner-restricted.pdf");
  EXPECT_EQ(doc.error, "");
  EXPECT_EQ(AllText(doc), kAwardText);
  EXPECT_EQ(doc.metadata.extra["encrypted"], "true");
  EXPECT_EQ(doc.metadata.extra["permissions"],
            "no-copy,no-print,no-print-high-resolution,no-modify,"
            "no-annotate,no-fill-forms,no-assemble");
}

TEST(PdfStatusTest, TruncatedGivesPopplerMessage) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc = Extract("truncated.pdf");
  EXPECT_EQ(doc.error,
            "damaged PDF: Couldn't find trailer dictionary; Couldn't read "
            "xref table");
}

TEST(PdfStatusTest, PageTreeCycleTextOnce) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc = Extract("page-tree-cycle.pdf");
  EXPECT_EQ(AllText(doc), "循环页面树测试");
  ASSERT_FALSE(doc.warnings.empty());
  EXPECT_EQ(doc.warnings.front(), "Poppler: Loop in Pages tree");
}

TEST(PdfStatusTest, XrefLoopIsWarned) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc = Extract("xref-prev-loop.pdf");
  ASSERT_FALSE(doc.warnings.empty());
  EXPECT_EQ(doc.warnings.front(), "Poppler: Infinite loop in xref table");
}

TEST(PdfStatusTest, InflateBombFinishes) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc = Extract("inflate-bomb.pdf");
  EXPECT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(AllText(doc), "");

  // Peak memory of the whole test process, which includes this file.
  rusage usage{};
  ASSERT_EQ(getrusage(RUSAGE_SELF, &usage), 0);
  EXPECT_LT(usage.ru_maxrss, 256 * 1024) << "peak RSS in KiB";
}

TEST(PdfStatusTest, GarbageBytesFail) {
  Document doc = ExtractPdf("%PDF-1.7\nnot really a PDF", {});
  EXPECT_EQ(ExtractStatusName(doc.status), "failed");
  EXPECT_TRUE(doc.error.starts_with("damaged PDF: ")) << doc.error;
}

TEST(PdfStatusTest, EmptyInputFails) {
  Document doc = ExtractPdf("", {});
  EXPECT_EQ(ExtractStatusName(doc.status), "failed");
}

}  // namespace
}  // namespace bidscope
