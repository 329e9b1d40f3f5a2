// Snippets from the start of a text: search inflates that much of a long
// hit first, and the snippet must be the one the whole text gives, or none.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "index/snippet.h"

namespace bidscope {
namespace {

MatchPattern Substring(const std::string& text) {
  MatchPattern pattern;
  pattern.kind = MatchPattern::Kind::kSubstring;
  pattern.text = text;
  return pattern;
}

// A page of numbered lines about cleaning services, about `bytes` long,
// with `phrase` in the line that starts at about `at` bytes.
std::string LongText(size_t bytes, size_t at, const std::string& phrase) {
  std::string text;
  for (int line = 1; text.size() < bytes; ++line) {
    if (!phrase.empty() && text.size() >= at && text.size() < at + 100) {
      text += "第" + std::to_string(line) + "条：" + phrase + "。\n";
      continue;
    }
    text += "第" + std::to_string(line) + "条：保洁服务人员应按时到岗。\n";
  }
  return text;
}

Document OnePage(const std::string& text) {
  Document doc;
  Page page;
  page.text = text;
  doc.pages.push_back(page);
  return doc;
}

// The document as search has it after inflating `bytes` of its text.
Document CutAt(const Document& doc, size_t bytes) {
  Document cut = doc;
  cut.pages.clear();
  size_t left = bytes;
  for (const Page& page : doc.pages) {
    Page part = page;
    part.text = page.text.substr(0, left);
    left -= part.text.size();
    cut.pages.push_back(part);
    if (left == 0) break;
  }
  return cut;
}

constexpr size_t kCut = 16 * 1024;

TEST(SnippetFromStartTest, EarlyMatchGivesTheWholeTextsSnippet) {
  Document doc = OnePage(LongText(60 * 1024, 2000, "舆情监测服务"));
  std::vector<MatchPattern> patterns = {Substring("舆情监测")};
  std::optional<Snippet> from_start =
      MakeSnippetFromStart(CutAt(doc, kCut), patterns, 160);
  ASSERT_TRUE(from_start.has_value());
  Snippet whole = MakeSnippet(doc, patterns, 160);
  EXPECT_EQ(from_start->text, whole.text);
  ASSERT_EQ(from_start->highlights.size(), whole.highlights.size());
  EXPECT_EQ(from_start->highlights[0].begin, whole.highlights[0].begin);
  EXPECT_NE(whole.text.find("舆情监测"), std::string::npos) << whole.text;
}

TEST(SnippetFromStartTest, MatchNearTheCutGivesNothing) {
  // The last two pieces before the cut are cut differently from the whole
  // text's, so a match there could be chosen differently.
  Document doc = OnePage(LongText(60 * 1024, kCut - 3000, "舆情监测服务"));
  std::vector<MatchPattern> patterns = {Substring("舆情监测")};
  EXPECT_FALSE(
      MakeSnippetFromStart(CutAt(doc, kCut), patterns, 160).has_value());
  EXPECT_NE(MakeSnippet(doc, patterns, 160).text.find("舆情监测"),
            std::string::npos);
}

TEST(SnippetFromStartTest, MatchPastTheCutGivesNothing) {
  Document doc = OnePage(LongText(60 * 1024, 40 * 1024, "舆情监测服务"));
  std::vector<MatchPattern> patterns = {Substring("舆情监测")};
  EXPECT_FALSE(
      MakeSnippetFromStart(CutAt(doc, kCut), patterns, 160).has_value());
}

TEST(SnippetFromStartTest, MatchOnAnEarlierPageIsKept) {
  Document doc;
  doc.paged = true;
  Page first;
  first.number = 1;
  first.text = "示例市公安局舆情监测服务项目招标公告\n";
  Page second;
  second.number = 2;
  second.text = LongText(40 * 1024, 0, "");
  doc.pages = {first, second};
  std::vector<MatchPattern> patterns = {Substring("舆情监测")};
  std::optional<Snippet> from_start =
      MakeSnippetFromStart(CutAt(doc, 100), patterns, 160);
  ASSERT_TRUE(from_start.has_value());
  EXPECT_EQ(from_start->text, MakeSnippet(doc, patterns, 160).text);
  EXPECT_EQ(from_start->page, 1);
}

TEST(SnippetFromStartTest, SnippetRunningIntoTheCutGivesNothing) {
  // Without patterns the snippet is the start of the text, which here has
  // fewer characters before the cut than the snippet takes.
  Document doc = OnePage(LongText(60 * 1024, 0, ""));
  EXPECT_FALSE(MakeSnippetFromStart(CutAt(doc, 100), {}, 160).has_value());
  std::optional<Snippet> opening =
      MakeSnippetFromStart(CutAt(doc, kCut), {}, 160);
  ASSERT_TRUE(opening.has_value());
  EXPECT_EQ(opening->text, MakeSnippet(doc, {}, 160).text);
}

TEST(SnippetFromStartTest, FirstLineNeedsItsEnd) {
  Document doc = OnePage("示例市公安局舆情监测服务项目招标公告\n" +
                         LongText(40 * 1024, 0, ""));
  std::optional<std::string> line = FirstLineFromStart(CutAt(doc, kCut), 60);
  ASSERT_TRUE(line.has_value());
  EXPECT_EQ(*line, FirstLine(doc, 60));
  EXPECT_EQ(*line, "示例市公安局舆情监测服务项目招标公告");
  // The cut falls inside the first line.
  EXPECT_FALSE(FirstLineFromStart(CutAt(doc, 20), 60).has_value());
}

}  // namespace
}  // namespace bidscope
