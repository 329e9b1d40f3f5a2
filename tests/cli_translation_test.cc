// End-to-end tests of translation round trips, lexicon expansion, topics,
// watches and script display through the real bidscope binary.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace bidscope {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::CommandResult;
using testing::RecordsOfType;
using testing::RunBidscope;

constexpr char kNotice[] =
    "某市公安局舆情监测平台采购项目招标公告\n\n"
    "本项目采购舆情监测平台一套，用于境外社交媒体推特的信息收集。"
    "预算金额为50万元。\n\n"
    "投标人应提交软件著作权证明。";

void WriteText(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

// A fresh index of one Chinese notice.
class TranslationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    notice_ = dir_.path() / "notice.txt";
    WriteText(notice_, kNotice);
    db_ = (dir_.path() / "idx").string();
    CommandResult index = RunBidscope({"index", "--db", db_, notice_.string()});
    ASSERT_EQ(index.exit_code, 0) << index.err;
  }

  // The JSON Lines export of every document.
  std::vector<json> ExportJsonl() {
    fs::path out = dir_.path() / "segments.jsonl";
    CommandResult run = RunBidscope({"export", "--db", db_, "--format",
                                     "jsonl-segments", "-o", out.string()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    std::vector<json> lines;
    std::ifstream in(out);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) lines.push_back(json::parse(line));
    }
    return lines;
  }

  // Writes a JSON Lines file translating every segment as "segment N
  // zebrafinch", a word that no document contains.
  fs::path TranslateAll(const std::vector<json>& segments) {
    fs::path path = dir_.path() / "translated.jsonl";
    std::ofstream out(path);
    for (size_t i = 0; i < segments.size(); ++i) {
      json line = {{"id", segments[i]["id"]},
                   {"target", "segment " + std::to_string(i) + " zebrafinch"}};
      out << line.dump() << '\n';
    }
    return path;
  }

  testing::TempDir dir_;
  fs::path notice_;
  std::string db_;
};

TEST_F(TranslationTest, JsonlExportHasSegmentFields) {
  std::vector<json> segments = ExportJsonl();
  ASSERT_FALSE(segments.empty());
  EXPECT_EQ(segments[0]["source"], "某市公安局舆情监测平台采购项目招标公告");
  EXPECT_EQ(segments[0]["page"], 1);
  EXPECT_EQ(segments[0]["target"], "");
  EXPECT_TRUE(segments[0]["doc_id"].is_string());
  EXPECT_TRUE(segments[0]["notes"].is_array());
}

TEST_F(TranslationTest, JsonlExportHasGlossaryNotes) {
  std::vector<json> segments = ExportJsonl();
  ASSERT_GE(segments.size(), 2u);
  std::string notes = segments[1]["notes"].dump();
  EXPECT_NE(notes.find("glossary"), std::string::npos) << notes;
  EXPECT_NE(notes.find("Twitter"), std::string::npos) << notes;
}

TEST_F(TranslationTest, XliffRoundTripFindsChineseDocument) {
  fs::path xliff = dir_.path() / "export.xlf";
  CommandResult exported = RunBidscope(
      {"export", "--db", db_, "--format", "xliff", "-o", xliff.string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  std::string text = testing::ReadFile(xliff);
  EXPECT_NE(text.find("<file "), std::string::npos);

  // Fill every unit's target, as a translation tool would.
  std::string filled;
  size_t at = 0;
  int units = 0;
  for (size_t end; (end = text.find("</source>", at)) != std::string::npos;) {
    end += std::string("</source>").size();
    filled += text.substr(at, end - at);
    filled += "<target>Notice " + std::to_string(units++) +
              " about zebrafinch surveillance</target>";
    at = end;
  }
  filled += text.substr(at);
  ASSERT_GT(units, 0);
  fs::path translated = dir_.path() / "translated.xlf";
  WriteText(translated, filled);

  CommandResult imported =
      RunBidscope({"import-translations", "--db", db_, translated.string()});
  EXPECT_EQ(imported.exit_code, 0) << imported.err;

  CommandResult search =
      RunBidscope({"search", "--db", db_, "--json", "zebrafinch"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  std::vector<json> hits = RecordsOfType(search.out, "hit");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_NE(hits[0]["snippet"].get<std::string>().find("公安局"),
            std::string::npos)
      << hits[0].dump();
  EXPECT_NE(hits[0]["translation"].get<std::string>().find("zebrafinch"),
            std::string::npos)
      << hits[0].dump();
}

TEST_F(TranslationTest, ChineseQueryShowsTranslationLine) {
  CommandResult imported = RunBidscope({"import-translations", "--db", db_,
                                        TranslateAll(ExportJsonl()).string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;

  CommandResult search = RunBidscope({"search", "--db", db_, "预算金额"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  EXPECT_NE(search.out.find("EN: segment 2 zebrafinch"), std::string::npos)
      << search.out;
}

TEST_F(TranslationTest, ReindexKeepsSegmentIdsAndTranslations) {
  std::vector<json> before = ExportJsonl();
  CommandResult imported = RunBidscope(
      {"import-translations", "--db", db_, TranslateAll(before).string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;

  // Same bytes, new modification time: the file is checked again.
  fs::last_write_time(notice_,
                      fs::last_write_time(notice_) + std::chrono::seconds(5));
  CommandResult index = RunBidscope({"index", "--db", db_, notice_.string()});
  ASSERT_EQ(index.exit_code, 0) << index.err;

  std::vector<json> after = ExportJsonl();
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i]["id"], before[i]["id"]) << i;
  }
  CommandResult search =
      RunBidscope({"search", "--db", db_, "--json", "zebrafinch"});
  EXPECT_EQ(search.exit_code, 0) << search.err;
}

TEST_F(TranslationTest, ChangedDocumentReportsStaleIds) {
  std::vector<json> segments = ExportJsonl();
  fs::path translated = TranslateAll(segments);

  WriteText(notice_, std::string(kNotice) + "\n\n补充说明：本公告已更正。");
  fs::last_write_time(notice_,
                      fs::last_write_time(notice_) + std::chrono::seconds(5));
  CommandResult index = RunBidscope({"index", "--db", db_, notice_.string()});
  ASSERT_EQ(index.exit_code, 0) << index.err;

  CommandResult imported = RunBidscope(
      {"import-translations", "--db", db_, "--json", translated.string()});
  EXPECT_EQ(imported.exit_code, 1);
  std::vector<json> summary = RecordsOfType(imported.out, "summary");
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_EQ(summary[0]["stale"], segments.size());
  EXPECT_EQ(summary[0]["stored"], 0);
  EXPECT_NE(imported.err.find(segments[0]["id"].get<std::string>()),
            std::string::npos)
      << imported.err;
}

TEST_F(TranslationTest, InvalidTranslationFileIsRejected) {
  fs::path broken = dir_.path() / "broken.jsonl";
  WriteText(broken, "{\"id\": 3}\n");
  CommandResult imported =
      RunBidscope({"import-translations", "--db", db_, broken.string()});
  EXPECT_EQ(imported.exit_code, 2);
  EXPECT_NE(imported.err.find("invalid translation file"), std::string::npos)
      << imported.err;
}

TEST_F(TranslationTest, ExpandFindsBrandRendering) {
  CommandResult plain = RunBidscope({"search", "--db", db_, "Twitter"});
  EXPECT_EQ(plain.exit_code, 1) << plain.out;
  CommandResult expanded =
      RunBidscope({"search", "--db", db_, "--expand", "Twitter"});
  EXPECT_EQ(expanded.exit_code, 0) << expanded.err;
}

TEST_F(TranslationTest, ConfigTurnsExpansionOn) {
  WriteText(fs::path(db_) / "config.json", "{\"expand\": true}");
  CommandResult expanded =
      RunBidscope({"search", "--db", db_, "public opinion monitoring"});
  EXPECT_EQ(expanded.exit_code, 0) << expanded.err;
  CommandResult turned_off = RunBidscope(
      {"search", "--db", db_, "--no-expand", "public opinion monitoring"});
  EXPECT_EQ(turned_off.exit_code, 1) << turned_off.out;
}

TEST_F(TranslationTest, HitsShowTopics) {
  CommandResult search = RunBidscope({"search", "--db", db_, "--json", "平台"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  std::vector<json> hits = RecordsOfType(search.out, "hit");
  ASSERT_EQ(hits.size(), 1u);
  std::string topics = hits[0]["topics"].dump();
  EXPECT_NE(topics.find("public-opinion monitoring"), std::string::npos)
      << topics;
  EXPECT_NE(topics.find("overseas social media"), std::string::npos) << topics;
}

TEST_F(TranslationTest, TopicFilterSelectsDocuments) {
  CommandResult tagged = RunBidscope(
      {"search", "--db", db_, "--topic", "public-opinion monitoring", "平台"});
  EXPECT_EQ(tagged.exit_code, 0) << tagged.err;
  CommandResult untagged =
      RunBidscope({"search", "--db", db_, "--topic", "biometrics", "平台"});
  EXPECT_EQ(untagged.exit_code, 1) << untagged.out;
}

TEST_F(TranslationTest, StatsCountsTopics) {
  CommandResult stats = RunBidscope({"stats", "--db", db_, "--by", "topic"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("1\tpublic-opinion monitoring\n"), std::string::npos)
      << stats.out;
}

TEST_F(TranslationTest, UserLexiconAddsCategory) {
  fs::path lexicon = dir_.path() / "mine.tsv";
  WriteText(lexicon,
            "english\tsimplified\ttraditional\tcategory\tnote\tsource\n"
            "budget amount\t预算金额\t預算金額\tmoney trail\t\tmine\n");
  std::string db = (dir_.path() / "idx2").string();
  CommandResult index = RunBidscope(
      {"index", "--db", db, "--lexicon", lexicon.string(), notice_.string()});
  ASSERT_EQ(index.exit_code, 0) << index.err;
  CommandResult search =
      RunBidscope({"search", "--db", db, "--topic", "money trail", "平台"});
  EXPECT_EQ(search.exit_code, 0) << search.err;
}

TEST_F(TranslationTest, WatchReportsOnlyNewDocuments) {
  CommandResult add =
      RunBidscope({"watch", "--db", db_, "add", "platforms", "平台"});
  ASSERT_EQ(add.exit_code, 0) << add.err;

  // The notice was indexed before the watch existed.
  CommandResult first = RunBidscope({"watch", "--db", db_, "--json", "run"});
  EXPECT_EQ(first.exit_code, 1) << first.out << first.err;

  fs::path second_notice = dir_.path() / "second.txt";
  WriteText(second_notice, "监控平台运维服务项目中标结果公告");
  CommandResult index =
      RunBidscope({"index", "--db", db_, second_notice.string()});
  ASSERT_EQ(index.exit_code, 0) << index.err;

  CommandResult second = RunBidscope({"watch", "--db", db_, "--json", "run"});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  std::vector<json> runs = RecordsOfType(second.out, "watch_run");
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0]["new"], 1);
  EXPECT_NE(runs[0]["documents"].dump().find("second.txt"), std::string::npos)
      << runs[0].dump();

  CommandResult third = RunBidscope({"watch", "--db", db_, "--json", "run"});
  EXPECT_EQ(third.exit_code, 1) << third.out;
}

TEST_F(TranslationTest, WatchListShowsSavedSearch) {
  ASSERT_EQ(RunBidscope({"watch", "--db", db_, "add", "--topic", "biometrics",
                         "faces", "人脸识别"})
                .exit_code,
            0);
  CommandResult list = RunBidscope({"watch", "--db", db_, "list"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out, "faces: 人脸识别  [topic: biometrics]\n");
}

TEST_F(TranslationTest, ShowConvertsToTraditional) {
  CommandResult show =
      RunBidscope({"show", "--db", db_, "--script", "hant", notice_.string()});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("軟體"), std::string::npos) << show.out;
  CommandResult original = RunBidscope({"show", "--db", db_, notice_.string()});
  EXPECT_NE(original.out.find("软件著作权"), std::string::npos) << original.out;
}

TEST_F(TranslationTest, ConversionKeepsPartyNames) {
  fs::path award = dir_.path() / "award.txt";
  WriteText(award,
            "某市财政局舆情监测平台中标结果公告\n"
            "采购人：某市财政局\n中标供应商：北京信息软件有限公司\n"
            "中标金额：48万元\n本项目采购软件和信息服务。\n");
  ASSERT_EQ(RunBidscope({"index", "--db", db_, award.string()}).exit_code, 0);

  CommandResult show =
      RunBidscope({"show", "--db", db_, "--script", "hant", award.string()});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("北京信息軟件有限公司"), std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("採購軟體和資訊服務"), std::string::npos) << show.out;

  CommandResult search =
      RunBidscope({"search", "--db", db_, "--json", "--script", "hant",
                   "--snippet-chars", "200", "北京信息软件"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  std::vector<json> hits = RecordsOfType(search.out, "hit");
  ASSERT_EQ(hits.size(), 1u) << search.out;
  std::string snippet = hits[0]["snippet"];
  EXPECT_NE(snippet.find("北京信息軟件有限公司"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("採購軟體和資訊服務"), std::string::npos) << snippet;
  // The buyer under the heading is converted as a name too.
  CommandResult human =
      RunBidscope({"search", "--db", db_, "--script", "hant", "北京信息软件"});
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("award · 某市財政局"), std::string::npos)
      << human.out;

  fs::path out = dir_.path() / "hant.jsonl";
  CommandResult run =
      RunBidscope({"export", "--db", db_, "--format", "jsonl-segments",
                   "--script", "hant", "-o", out.string(), "中标结果公告"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::string exported = testing::ReadFile(out);
  EXPECT_NE(exported.find("北京信息軟件有限公司"), std::string::npos)
      << exported;
  EXPECT_EQ(exported.find("資訊軟體有限公司"), std::string::npos) << exported;
}

TEST_F(TranslationTest, ShowPinyinIncludesTitle) {
  CommandResult show = RunBidscope(
      {"show", "--db", db_, "--json", "--pinyin", notice_.string()});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  json view = json::parse(show.out);
  ASSERT_TRUE(view.contains("pinyin")) << show.out;
  ASSERT_FALSE(view["pinyin"].empty()) << show.out;
  EXPECT_EQ(view["pinyin"][0]["field"], "title");
  EXPECT_NE(view["pinyin"][0]["pinyin"].get<std::string>().find("gōng"),
            std::string::npos)
      << show.out;
}

TEST_F(TranslationTest, ShowPinyinFollowsMetadata) {
  CommandResult show =
      RunBidscope({"show", "--db", db_, "--pinyin", notice_.string()});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  size_t id = show.out.find("id: ");
  size_t pinyin = show.out.find("Pinyin:");
  size_t page = show.out.find("--- page ");
  ASSERT_NE(pinyin, std::string::npos) << show.out;
  EXPECT_LT(id, pinyin) << show.out;
  EXPECT_LT(pinyin, page) << show.out;
}

TEST_F(TranslationTest, SearchSnippetInTraditional) {
  CommandResult search = RunBidscope(
      {"search", "--db", db_, "--json", "--script", "hant", "软件"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  std::vector<json> hits = RecordsOfType(search.out, "hit");
  ASSERT_EQ(hits.size(), 1u);
  std::string snippet = hits[0]["snippet"];
  EXPECT_NE(snippet.find("軟體"), std::string::npos) << snippet;
  ASSERT_EQ(hits[0]["highlights"].size(), 1u);
  size_t begin = hits[0]["highlights"][0][0];
  size_t end = hits[0]["highlights"][0][1];
  EXPECT_EQ(snippet.substr(begin, end - begin), "軟體");
}

// Expansion on real documents: the English query finds Chinese ones.
TEST(TranslationCorpusTest, ExpandFindsPublicOpinionDocument) {
  BIDSCOPE_REQUIRE_SHARED();
  fs::path file =
      testing::SharedDir() / "corpus" / "charlotty2026__bid-toolkit" /
      "rfp__samples__real_bids__服务类__上海松江客整所列车库内保洁服务招标文件"
      "HTLF-2025-BJZB006.docx";
  testing::TempDir dir;
  std::string db = (dir.path() / "idx").string();
  CommandResult index = RunBidscope({"index", "--db", db, file.string()});
  ASSERT_EQ(index.exit_code, 0) << index.err;

  CommandResult plain = RunBidscope({"search", "--db", db, "public opinion"});
  EXPECT_EQ(plain.exit_code, 1) << plain.out;
  CommandResult expanded = RunBidscope(
      {"search", "--db", db, "--json", "--expand", "public opinion"});
  EXPECT_EQ(expanded.exit_code, 0) << expanded.err;
  std::vector<json> hits = RecordsOfType(expanded.out, "hit");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_NE(hits[0]["snippet"].get<std::string>().find("舆情"),
            std::string::npos)
      << hits[0].dump();
  std::string topics = hits[0]["topics"].dump();
  EXPECT_NE(topics.find("public-opinion monitoring"), std::string::npos)
      << topics;

  CommandResult topic = RunBidscope(
      {"search", "--db", db, "--topic", "public-opinion monitoring", "舆情"});
  EXPECT_EQ(topic.exit_code, 0) << topic.err;
}

}  // namespace
}  // namespace bidscope
