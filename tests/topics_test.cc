#include "extract/topics.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/lexicon.h"

namespace bidscope {
namespace {

const Lexicon& Shipped() {
  static const LexiconLoadResult* result = new LexiconLoadResult(LoadLexicon());
  return result->lexicon;
}

Document MakeDocument(const std::vector<std::string>& pages) {
  Document doc;
  doc.id = "d1";
  doc.paged = true;
  for (size_t i = 0; i < pages.size(); ++i) {
    Page page;
    page.number = static_cast<int>(i) + 1;
    page.text = pages[i];
    doc.pages.push_back(page);
  }
  return doc;
}

// Tags as "category: term@pages×count, ..." one a line.
std::string Describe(const std::vector<TopicTag>& tags) {
  std::string out;
  for (const TopicTag& tag : tags) {
    out += tag.category + ":";
    for (const TopicTerm& term : tag.terms) {
      out += " " + term.term + "@";
      for (size_t i = 0; i < term.pages.size(); ++i) {
        out += (i ? "," : "") + std::to_string(term.pages[i]);
      }
      out += "x" + std::to_string(term.count);
    }
    out += "\n";
  }
  return out;
}

TEST(TopicsTest, TagsCategoriesWithTermsAndPages) {
  Document doc = MakeDocument({
      "某某市公安局舆情监测服务采购项目招标公告",
      "采购境外社交媒体舆情监测系统，覆盖推特、臉書。",
      "中标供应商：某某科技有限公司。舆情监测平台一套。",
  });
  EXPECT_EQ(Describe(TagTopics(doc, Shipped())),
            "overseas social media: 境外社交媒体@2x1 推特@2x1 脸书@2x1\n"
            "procurement: 招标公告@1x1 中标供应商@3x1\n"
            "public-opinion monitoring: 舆情监测@1,2x2 舆情监测平台@3x1\n"
            "party and state organs: 公安局@1x1\n");
}

TEST(TopicsTest, MinimumDistinctTermsFiltersWeakTags) {
  Document doc = MakeDocument({"公安局采购人脸识别和人脸比对设备。"});
  TopicOptions options;
  options.min_distinct_terms = 2;
  EXPECT_EQ(Describe(TagTopics(doc, Shipped(), options)),
            "face and video analytics: 人脸识别@1x1 人脸比对@1x1\n");
}

TEST(TopicsTest, SkipsUnreliablePagesUnlessAsked) {
  Document doc = MakeDocument({"无关内容。", "雪亮工程"});
  doc.pages[1].reliable = false;
  EXPECT_EQ(Describe(TagTopics(doc, Shipped())), "");
  TopicOptions options;
  options.include_unreliable_pages = true;
  EXPECT_EQ(Describe(TagTopics(doc, Shipped(), options)),
            "face and video analytics: 雪亮工程@2x1\n");
}

TEST(TopicsTest, DocumentWithoutTermsHasNoTags) {
  EXPECT_TRUE(TagTopics(MakeDocument({"今天天气很好。"}), Shipped()).empty());
}

}  // namespace
}  // namespace bidscope
