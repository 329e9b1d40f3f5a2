#include "extract/document_json.h"

#include <gtest/gtest.h>

namespace bidscope {
namespace {

TEST(DocumentJsonTest, RoundTripKeepsPagesAndMetadata) {
  Document doc;
  doc.id = "ab12";
  doc.format = Format::kPdf;
  doc.status = ExtractStatus::kOk;
  doc.paged = true;
  doc.metadata.title = "招标公告";
  doc.metadata.created = "2021-12-31T09:30:00+08:00";
  doc.metadata.extra["permissions"] = "print,copy";
  Page page;
  page.number = 2;
  page.text = "本项目采购舆情监测服务一套。";
  page.origin = TextOrigin::kOcr;
  page.ocr_confidence = 91.5;
  page.ocr_rotation = 270;
  page.ocr_rules_removed = true;
  doc.pages.push_back(page);

  Document back = DocumentFromJson(DocumentToJson(doc));
  EXPECT_EQ(back.id, "ab12");
  EXPECT_EQ(back.format, Format::kPdf);
  EXPECT_TRUE(back.paged);
  EXPECT_EQ(back.metadata.title, "招标公告");
  EXPECT_EQ(back.metadata.extra.at("permissions"), "print,copy");
  ASSERT_EQ(back.pages.size(), 1u);
  EXPECT_EQ(back.pages[0].number, 2);
  EXPECT_EQ(back.pages[0].origin, TextOrigin::kOcr);
  EXPECT_DOUBLE_EQ(back.pages[0].ocr_confidence, 91.5);
  EXPECT_EQ(back.pages[0].ocr_rotation, 270);
  EXPECT_TRUE(back.pages[0].ocr_rules_removed);
}

TEST(DocumentJsonTest, RoundTripKeepsEveryFormatAndStatus) {
  for (int i = 0; i <= static_cast<int>(kLastFormat); ++i) {
    Document doc;
    doc.format = static_cast<Format>(i);
    EXPECT_EQ(DocumentFromJson(DocumentToJson(doc)).format, doc.format)
        << FormatName(doc.format);
  }
  for (int i = 0; i <= static_cast<int>(kLastExtractStatus); ++i) {
    Document doc;
    doc.status = static_cast<ExtractStatus>(i);
    EXPECT_EQ(DocumentFromJson(DocumentToJson(doc)).status, doc.status)
        << ExtractStatusName(doc.status);
  }
}

}  // namespace
}  // namespace bidscope
