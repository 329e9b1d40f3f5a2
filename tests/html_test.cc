// ExtractHtml on pages written here and on the shared cases and corpus.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/formats.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

using ::bidscope::testing::ReadFile;
using ::bidscope::testing::SharedDir;

std::string BodyOf(const std::string& html) {
  Document doc = ExtractHtml(html, {});
  EXPECT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  EXPECT_EQ(doc.pages.size(), 1u);
  return doc.pages.empty() ? "" : doc.pages[0].text;
}

struct RenderCase {
  const char* name;
  const char* html;
  const char* text;
};

TEST(HtmlTest, RendersStructureAsLines) {
  const std::vector<RenderCase> cases = {
      {"paragraphs", "<p>一</p><p>二</p>", "一\n二"},
      {"br", "<p>第一行<br>第二行</p>", "第一行\n第二行"},
      {"source newlines are spaces", "<p>Bidders must\nsubmit  it.</p>",
       "Bidders must submit it."},
      {"script and style dropped",
       "<body><script>var a=1;</script><style>p{}</style><p>正文</p>"
       "<noscript>请启用</noscript><template>模板</template></body>",
       "正文"},
      {"comments dropped", "<p>甲<!-- 注释 -->乙</p>", "甲乙"},
      {"inline stays on the line", "<p>金额：<b>298000</b>元</p>",
       "金额：298000元"},
      {"table rows",
       "<table><tr><th>名称</th><th>数量</th></tr>"
       "<tr><td>电脑</td><td>10</td></tr></table>",
       "名称 | 数量\n电脑 | 10"},
      {"empty cells keep columns",
       "<table><tr><td>a</td><td></td><td>c</td></tr></table>", "a |  | c"},
      {"layout table keeps paragraphs",
       "<table><tr><td><p>标题</p><p>正文一</p></td></tr></table>",
       "标题\n正文一"},
      {"nested table",
       "<table><tr><td>左</td><td><table><tr><td>x</td>"
       "<td>y</td></tr></table></td></tr></table>",
       "左\nx | y"},
      {"nav and footer dropped",
       "<body><nav>首页 | 关于</nav><div class=\"breadcrumb\">当前位置</div>"
       "<div id=\"main\"><p>中标公告正文内容较长的一段文字</p></div>"
       "<div class=\"footer\">版权所有</div><footer>备案号</footer></body>",
       "中标公告正文内容较长的一段文字"},
      {"article header kept",
       "<article><header><h1>更正公告</h1></header><p>正文</p></article>",
       "更正公告\n正文"},
      {"chrome holding the page kept",
       "<div class=\"nav-wrapper\"><p>唯一的正文</p></div>", "唯一的正文"},
      {"pre keeps newlines", "<pre>a  b\nc</pre>", "a  b\nc"},
      {"nbsp collapses", "<p>&nbsp;</p><p>甲&nbsp;&nbsp;乙</p>", "甲 乙"},
  };
  for (const RenderCase& c : cases) {
    EXPECT_EQ(BodyOf(c.html), c.text) << c.name;
  }
}

TEST(HtmlTest, TakesTitleFromTitleElement) {
  Document doc = ExtractHtml(
      "<html><head><title> 中标\n公告 </title></head><body><h1>其他</h1>"
      "</body></html>",
      {});
  EXPECT_EQ(doc.metadata.title, "中标公告");
  EXPECT_EQ(doc.pages[0].text, "其他");
}

TEST(HtmlTest, FallsBackToFirstHeading) {
  Document doc = ExtractHtml("<body><h1>第十一号公告</h1><p>x</p></body>", {});
  EXPECT_EQ(doc.metadata.title, "第十一号公告");
}

TEST(HtmlTest, ReadsMetaNames) {
  Document doc = ExtractHtml(
      "<head><meta name=\"keywords\" content=\"招标,采购\">"
      "<meta name=\"Author\" content=\"采购中心\"></head><body>x</body>",
      {});
  EXPECT_EQ(doc.metadata.keywords, "招标,采购");
  EXPECT_EQ(doc.metadata.author, "采购中心");
}

TEST(HtmlTest, ReadsThePageAddress) {
  auto url = [](const std::string& html) {
    Document doc = ExtractHtml(html, {});
    auto found = doc.metadata.extra.find("url");
    return found == doc.metadata.extra.end() ? std::string("(none)")
                                             : found->second;
  };
  // A browser's "saved from" mark comes first, then what the page declares.
  EXPECT_EQ(url("<!DOCTYPE html>\n<!-- saved from url=(0027)"
                "http://www.example.gov.cn/1 -->\n<html><head><link "
                "rel=\"canonical\" href=\"https://example.org/c\"></head>"
                "<body><p>公告</p></body></html>"),
            "http://www.example.gov.cn/1");
  EXPECT_EQ(
      url("<html><head><link rel=\"Canonical\" "
          "href=\"https://example.org/c\"></head><body>公告</body></html>"),
      "https://example.org/c");
  EXPECT_EQ(url("<html><head><meta property=\"og:url\" "
                "content=\"https://example.org/og\"></head><body>公告</body>"
                "</html>"),
            "https://example.org/og");
  // A page saved from a local file names no web address.
  EXPECT_EQ(url("<!-- saved from url=(0014)about:internet -->\n<html><body>"
                "公告</body></html>"),
            "(none)");
  EXPECT_EQ(url("<html><head><link rel=\"canonical\" href=\"/relative\">"
                "</head><body>公告</body></html>"),
            "(none)");
}

TEST(HtmlTest, SetsMarkupOriginAndOnePage) {
  Document doc = ExtractHtml("<p>x</p>", {});
  EXPECT_EQ(doc.status, ExtractStatus::kOk);
  EXPECT_FALSE(doc.paged);
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].origin, TextOrigin::kMarkup);
  EXPECT_EQ(doc.pages[0].number, 1);
  EXPECT_EQ(doc.metadata.encoding, "UTF-8");
}

TEST(HtmlTest, PageWithoutTextIsEmpty) {
  for (const char* html :
       {"", "<html><body></body></html>",
        "<html><head><script>location.href='/a.html';</script></head></html>",
        "<!-- only a comment -->\n  \t"}) {
    Document doc = ExtractHtml(html, {});
    EXPECT_EQ(doc.status, ExtractStatus::kEmpty) << html;
    ASSERT_EQ(doc.pages.size(), 1u) << html;
    EXPECT_EQ(doc.pages[0].text, "") << html;
  }
  // A title alone keeps the page, with a warning.
  Document titled =
      ExtractHtml("<html><head><title>采购公告</title></head></html>", {});
  EXPECT_EQ(titled.status, ExtractStatus::kOk);
  EXPECT_EQ(titled.metadata.title, "采购公告");
  ASSERT_EQ(titled.warnings.size(), 1u);
  EXPECT_EQ(titled.warnings[0], "the page has a title but no text");
}

TEST(HtmlTest, KeepsTextAfterBodyAndHtml) {
  Document doc = ExtractHtml(
      "<html><head><meta charset=\"utf-8\"><title>中标公告</title></head>"
      "<body><p>采购人：某县教育局</p></body></html>"
      "<p>中标供应商：尾部科技有限公司</p>尾部文字",
      {});
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].text,
            "采购人：某县教育局\n中标供应商：尾部科技有限公司\n尾部文字");
}

// Browsers show the text of elements nested deeper than any limit;
// libxml2 alone stops reading at 256 levels.
TEST(HtmlTest, KeepsTextOfDeepNesting) {
  for (int depth : {300, 3000, 200000}) {
    std::string html = "<html><body><p>开头</p>";
    for (int i = 0; i < depth; ++i) html += "<div>";
    html += "深处：底部标记";
    for (int i = 0; i < depth; ++i) html += "</div>";
    html += "<p>结尾：尾部标记</p></body></html>";
    Document doc = ExtractHtml(html, {});
    ASSERT_EQ(doc.pages.size(), 1u);
    EXPECT_EQ(doc.pages[0].text, "开头\n深处：底部标记\n结尾：尾部标记")
        << depth;
  }
  // Unclosed elements, as a list of items each left open.
  std::string list = "<html><body>";
  for (int i = 1; i <= 400; ++i) {
    list += "<div class=\"item\"><span>第" + std::to_string(i) + "条";
  }
  list += "<p>列表结束</p>";
  Document doc = ExtractHtml(list, {});
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_NE(doc.pages[0].text.find("第400条"), std::string::npos);
  EXPECT_NE(doc.pages[0].text.find("列表结束"), std::string::npos);
}

TEST(HtmlTest, DropsNulBytesAndReadsOn) {
  std::string html = "<html><body><p>采购人：某市公安局</p><!-- a";
  html.push_back('\0');
  html += " --><p>中标金额：100万元</p></body></html>";
  Document doc = ExtractHtml(html, {});
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].text, "采购人：某市公安局\n中标金额：100万元");
  EXPECT_EQ(doc.warnings, std::vector<std::string>{"1 NUL byte dropped"});
}

struct CharsetCase {
  const char* file;
  const char* title;
  std::vector<const char*> body;
  const char* encoding;
};

TEST(HtmlTest, DecodesDeclaredAndUndeclaredCharsets) {
  BIDSCOPE_REQUIRE_SHARED();
  const std::vector<CharsetCase> cases = {
      {"a_declared-gb2312_contains-gbk-only.html",
       "中标公告",
       {"华堃科技有限公司", "李喆", "示例市镕城路1号", "298000元"},
       "GB18030"},
      {"b_declared-gbk_contains-gb18030-4byte.html",
       "",
       {"\xF0\xA0\xAE\xB7溪镇人民政府"},
       "GB18030"},
      {"c_malformed-meta_gbk.html",
       "网站地图",
       {"政府采购公告栏目"},
       "GB18030"},
      {"d_no-meta_mostly-ascii_gbk.html",
       "Tender Notice ZB-2021-001",
       {"联系人：采购科", "budget 320000 CNY"},
       "GB18030"},
      {"e_utf8-meta_short.html", "第十一号公告", {"第十一号公告"}, "UTF-8"},
      {"f_big5-alias-label.html",
       "政府採購公告",
       {"本案採購輿情監測服務。"},
       "Big5-HKSCS"},
      {"g_utf8-bom_meta-says-gbk.html",
       "更正公告",
       {"开标时间更正为2022年1月5日。"},
       "UTF-8"},
  };
  auto dir = SharedDir() / "cases" / "C08-charset-declared-vs-actual";
  for (const CharsetCase& c : cases) {
    Document doc = ExtractHtml(ReadFile(dir / c.file), {});
    ASSERT_EQ(doc.pages.size(), 1u) << c.file;
    const std::string& text = doc.pages[0].text;
    if (*c.title != '\0') {
      EXPECT_EQ(doc.metadata.title, c.title) << c.file;
    }
    for (const char* phrase : c.body) {
      EXPECT_NE(text.find(phrase), std::string::npos)
          << c.file << " lacks " << phrase << "; text: " << text;
    }
    EXPECT_EQ(text.find("\xEF\xBF\xBD"), std::string::npos) << c.file;
    EXPECT_EQ(doc.metadata.title.find("\xEF\xBF\xBD"), std::string::npos)
        << c.file;
    EXPECT_EQ(doc.metadata.encoding, c.encoding) << c.file;
  }
}

// A line break between Chinese characters disappears, one between words
// becomes a space (CSS Text 3).
TEST(HtmlTest, JoinsWrappedChineseLines) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc = ExtractHtml(
      ReadFile(SharedDir() / "cases" / "C04-whitespace-inside-han-runs" /
               "wrapped-lines.html"),
      {});
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].text,
            "本项目采购舆情监测服务一套，服务期为一年。\n"
            "Bidders must submit the technical proposal.");
}

TEST(HtmlTest, KeepsSpacesThatAreNotLineBreaks) {
  Document doc = ExtractHtml(
      "<p>舆情 监测\n服务\nservice\n监测 \n 平台</p><p>한국\n어</p>", {});
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].text, "舆情 监测服务 service 监测平台\n한국 어");
}

TEST(HtmlTest, ReadsGbkPageSavedAsPdf) {
  BIDSCOPE_REQUIRE_SHARED();
  Document doc = ExtractHtml(
      ReadFile(SharedDir() / "cases" /
               "C06-pdf-robustness-encrypted-malformed" / "actually-html.pdf"),
      {});
  EXPECT_EQ(doc.metadata.title, "404 页面不存在");
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].text, "您访问的附件不存在或已删除。");
}

struct CorpusCase {
  const char* path;
  std::vector<const char*> phrases;
  std::vector<const char*> chrome;
};

TEST(HtmlTest, ExtractsCorpusPages) {
  BIDSCOPE_REQUIRE_SHARED();
  const std::vector<CorpusCase> cases = {
      {"mympp__webtct/file__user__1__8__editor.data.6.php",
       {"项目名称：山东大学齐鲁医院医疗设备(ICU及心血管实验室)采购项目",
        "项目联系人：卢敏、孙翠翠"},
       {"exit;"}},
      {"123com92__zhaobiao-tender-automation/detail_tender.html",
       {"招标人为南京地铁运营有限责任公司",
        "联系人： | 胡虹宇 | 联系人： | "
        "陈猛、陈超"},
       {"首页 > 交易信息"}},
      {"Hbjiance__http-www.ccgp-hebei.gov.cn-/中标公告详细页面.html",
       {"承德发金商贸有限公司 | 计算机 | 紫光 | 紫光 Unis526T | 156 | "
        "4780.00 | 745680"},
       {"您当前位置"}},
      {"yuntaozhu__www.ccgp.gov.cn/index.html",
       {"总成交金额 | ￥294.800000 万元（人民币）"},
       {"当前位置：首页"}},
  };
  for (const CorpusCase& c : cases) {
    Document doc = ExtractHtml(ReadFile(SharedDir() / "corpus" / c.path), {});
    EXPECT_EQ(doc.status, ExtractStatus::kOk) << c.path;
    ASSERT_EQ(doc.pages.size(), 1u) << c.path;
    const std::string& text = doc.pages[0].text;
    for (const char* phrase : c.phrases) {
      EXPECT_NE(text.find(phrase), std::string::npos)
          << c.path << " lacks " << phrase;
    }
    for (const char* chrome : c.chrome) {
      EXPECT_EQ(text.find(chrome), std::string::npos)
          << c.path << " keeps " << chrome;
    }
    EXPECT_EQ(text.find("\xEF\xBF\xBD"), std::string::npos) << c.path;
  }
}

}  // namespace
}  // namespace bidscope
