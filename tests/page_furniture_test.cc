// MarkPageFurniture on documents built in memory, on PDFs written here and
// on the PDFs of the shared corpus, and snippets that leave marks out.
#include "extract/page_furniture.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "extract/document_json.h"
#include "extract/extract.h"
#include "index/snippet.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

using ::bidscope::testing::ReadFile;
using ::bidscope::testing::SharedDir;

Document PagedDocument(const std::vector<std::string>& texts) {
  Document doc;
  doc.paged = true;
  for (size_t i = 0; i < texts.size(); ++i) {
    Page page;
    page.number = static_cast<int>(i) + 1;
    page.text = texts[i];
    doc.pages.push_back(std::move(page));
  }
  return doc;
}

// The marked lines of `page`, joined by "|".
std::string MarkedLines(const Page& page) {
  std::string lines;
  for (const TextRange& range : page.furniture) {
    if (!lines.empty()) lines += "|";
    lines += page.text.substr(range.begin, range.end - range.begin);
  }
  return lines;
}

TEST(FurnitureKeyTest, FoldsNumbersAndSpaces) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"第 3 页 共 89 页", "第#页共#页"},
      {"第12页\u3000共89页", "第#页共#页"},
      {"- 3 -", "-#-"},
      {"Page 10 of 12", "Page#of#"},
      {"第三页", "第#页"},
      {"\uff11\uff12", "#"},
      {"  ", ""},
      {"招标文件", "招标文件"},
  };
  for (const auto& [line, key] : cases) {
    EXPECT_EQ(FurnitureKey(line), key) << line;
  }
}

TEST(PageFurnitureTest, MarksPageNumbersAndRunningTitle) {
  Document doc = PagedDocument({
      "某某项目招标文件\n第一章 招标公告\n正文甲\n第 1 页 共 4 页",
      "某某项目招标文件\n投标人须知\n正文乙\n\n第 2 页 共 4 页\n",
      "某某项目招标文件\n评标办法\n正文丙\n第 3 页 共 4 页",
      "某某项目招标文件\n合同条款\n第 4 页 共 4 页",
  });
  MarkPageFurniture(doc);
  EXPECT_EQ(MarkedLines(doc.pages[0]), "某某项目招标文件|第 1 页 共 4 页");
  EXPECT_EQ(MarkedLines(doc.pages[1]), "某某项目招标文件|第 2 页 共 4 页");
  EXPECT_EQ(MarkedLines(doc.pages[2]), "某某项目招标文件|第 3 页 共 4 页");
  EXPECT_EQ(MarkedLines(doc.pages[3]), "某某项目招标文件|第 4 页 共 4 页");
}

TEST(PageFurnitureTest, MarksDashedNumbersOnMostPages) {
  Document doc = PagedDocument({
      "封面",
      "甲\n- 1 -",
      "乙\n- 2 -",
      "丙\n- 3 -",
      "丁\n- 4 -",
  });
  MarkPageFurniture(doc);
  EXPECT_EQ(MarkedLines(doc.pages[0]), "");
  EXPECT_EQ(MarkedLines(doc.pages[1]), "- 1 -");
  EXPECT_EQ(MarkedLines(doc.pages[4]), "- 4 -");
}

TEST(PageFurnitureTest, IgnoresLinesOnFewPages) {
  Document doc = PagedDocument({"一、项目概况\n甲", "二、采购需求\n乙",
                                "一、项目概况\n丙", "四\n丁", "五\n戊"});
  MarkPageFurniture(doc);
  for (const Page& page : doc.pages) {
    EXPECT_TRUE(page.furniture.empty()) << page.number;
  }
}

TEST(PageFurnitureTest, IgnoresLinesInTheMiddle) {
  const std::vector<std::string> bodies = {"甲", "乙", "丙", "丁"};
  std::vector<std::string> texts;
  for (int i = 0; i < 4; ++i) {
    texts.push_back("头" + std::to_string(i) + "\n" + bodies[i] + "\n同一行\n" +
                    bodies[i] + bodies[i] + "\n尾 " + std::to_string(i + 1));
  }
  Document doc = PagedDocument(texts);
  FurnitureOptions options;
  options.edge_lines = 2;
  MarkPageFurniture(doc, options);
  EXPECT_EQ(MarkedLines(doc.pages[0]), "头0|尾 1");
  EXPECT_EQ(MarkedLines(doc.pages[3]), "头3|尾 4");
}

TEST(PageFurnitureTest, NumbersNotFollowingPagesIgnored) {
  Document doc =
      PagedDocument({"第1条\n甲", "第5条\n乙", "第9条\n丙", "第12条\n丁"});
  MarkPageFurniture(doc);
  for (const Page& page : doc.pages) {
    EXPECT_EQ(MarkedLines(page), "") << page.number;
  }
}

TEST(PageFurnitureTest, RestartedPageNumbersMarked) {
  Document doc = PagedDocument({"甲\n第一页", "乙\n第二页", "丙\n第三页",
                                "丁\n第一页", "戊\n第二页", "己\n第三页"});
  MarkPageFurniture(doc);
  EXPECT_EQ(MarkedLines(doc.pages[0]), "第一页");
  EXPECT_EQ(MarkedLines(doc.pages[3]), "第一页");
  EXPECT_EQ(MarkedLines(doc.pages[5]), "第三页");
}

TEST(PageFurnitureTest, TwoPagesLeftAlone) {
  Document doc = PagedDocument({"标题\n甲\n第 1 页", "标题\n乙\n第 2 页"});
  MarkPageFurniture(doc);
  EXPECT_TRUE(doc.pages[0].furniture.empty());
  EXPECT_TRUE(doc.pages[1].furniture.empty());
}

TEST(PageFurnitureTest, SurvivesJson) {
  Document doc = PagedDocument({"标题\n甲\n1", "标题\n乙\n2", "标题\n丙\n3"});
  MarkPageFurniture(doc);
  Document copy = DocumentFromJson(DocumentToJson(doc));
  ASSERT_EQ(copy.pages.size(), 3u);
  EXPECT_EQ(MarkedLines(copy.pages[2]), "标题|3");
}

TEST(PageFurnitureTest, SnippetLeavesFurnitureOut) {
  Document doc = PagedDocument({
      "舆情监测服务项目\n甲方采购内容\n第 1 页 共 3 页",
      "舆情监测服务项目\n乙方提供舆情监测服务\n第 2 页 共 3 页",
      "舆情监测服务项目\n丙\n第 3 页 共 3 页",
  });
  MarkPageFurniture(doc);
  MatchPattern pattern;
  pattern.kind = MatchPattern::Kind::kSubstring;
  pattern.text = "舆情监测";
  Snippet snippet = MakeSnippet(doc, {pattern}, 40);
  EXPECT_EQ(snippet.text, " 乙方提供舆情监测服务 ");
  ASSERT_TRUE(snippet.page.has_value());
  EXPECT_EQ(*snippet.page, 2);
  Snippet opening = MakeSnippet(doc, {}, 10);
  EXPECT_EQ(opening.text, "甲方采购内容 ");
}

// A PDF with Helvetica text: each page has a running title at the top, a
// body line and "Page N of M" at the bottom.
std::string BuildPdf(int pages) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string kids;
  for (int i = 0; i < pages; ++i) {
    int page_object = static_cast<int>(objects.size()) + 1;
    std::string content =
        "BT /F1 12 Tf 72 760 Td (Tender ABC-2024 Documents) Tj ET\n"
        "BT /F1 12 Tf 72 600 Td (Body text of section " +
        std::to_string(i * 13) +
        " is here) Tj ET\n"
        "BT /F1 10 Tf 260 40 Td (Page " +
        std::to_string(i + 1) + " of " + std::to_string(pages) + ") Tj ET\n";
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 3 0 R >> >> /Contents " +
        std::to_string(page_object + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) +
                      " >>\nstream\n" + content + "endstream");
    kids += std::to_string(page_object) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " +
               std::to_string(pages) + " >>";

  return testing::AssemblePdf(objects);
}

TEST(PageFurnitureTest, MarkedInBuiltPdf) {
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  std::vector<Document> docs = ExtractBytes(BuildPdf(5), "built.pdf", options);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].status, ExtractStatus::kOk) << docs[0].error;
  ASSERT_EQ(docs[0].pages.size(), 5u);
  for (const Page& page : docs[0].pages) {
    EXPECT_EQ(MarkedLines(page), "Tender ABC-2024 Documents|Page " +
                                     std::to_string(page.number) + " of 5")
        << page.text;
  }
}

// Corpus PDFs with "第 N 页" footers: on each, most pages must have a
// marked line containing 页, and no marked line may be longer than a
// heading.
TEST(PageFurnitureTest, CorpusPageFooters) {
  BIDSCOPE_REQUIRE_SHARED();
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  int documents_with_footers = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(SharedDir() / "corpus")) {
    if (entry.path().extension() != ".pdf") continue;
    std::vector<Document> docs =
        ExtractBytes(ReadFile(entry.path()), entry.path().string(), options);
    const Document& doc = docs.front();
    size_t footer_pages = 0;
    size_t pages_with_page_line = 0;
    for (const Page& page : doc.pages) {
      bool marked = false;
      for (const TextRange& range : page.furniture) {
        std::string line =
            page.text.substr(range.begin, range.end - range.begin);
        EXPECT_LE(line.size(), 240u) << entry.path() << " page " << page.number;
        if (FurnitureKey(line).find("页") != std::string::npos) marked = true;
      }
      if (marked) ++footer_pages;
      if (page.text.find("页") != std::string::npos &&
          FurnitureKey(page.text).find("第#页") != std::string::npos) {
        ++pages_with_page_line;
      }
    }
    if (doc.pages.size() >= 4 &&
        pages_with_page_line * 4 >= doc.pages.size() * 3) {
      EXPECT_GE(footer_pages * 2, doc.pages.size())
          << entry.path() << ": " << footer_pages << " of " << doc.pages.size()
          << " pages with a marked 页 line";
      ++documents_with_footers;
    }
  }
  EXPECT_GT(documents_with_footers, 0);
}

}  // namespace
}  // namespace bidscope
