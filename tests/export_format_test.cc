#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "extract/segment.h"
#include "extract/segment_jsonl.h"
#include "extract/segment_language.h"
#include "extract/tmx.h"
#include "extract/xliff.h"

namespace bidscope {
namespace {

// Success when `text` contains `part`; the failure shows both.
::testing::AssertionResult HasText(const std::string& text,
                                   const std::string& part) {
  if (text.find(part) != std::string::npos) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "\"" << part << "\" is not in:\n"
                                       << text;
}

Segment MakeSegment(std::string id, std::string source, int page) {
  Segment segment;
  segment.id = std::move(id);
  segment.doc_id = "d1";
  segment.page = page;
  segment.text = source;
  segment.source = std::move(source);
  segment.end = segment.text.size();
  return segment;
}

SegmentedDocument OneSegmentDocument() {
  SegmentedDocument document;
  document.doc_id = "d1";
  document.path = "notices/a.html";
  document.language = "zh-CN";
  Segment segment = MakeSegment("0123456789abcdef", "采购舆情监测服务。", 2);
  segment.notes.push_back({"glossary", "舆情监测 = public opinion monitoring"});
  document.segments.push_back(segment);
  return document;
}

SegmentedDocument PageDocument(std::string id, std::string_view text) {
  SegmentedDocument document;
  document.doc_id = id;
  document.path = "corpus/" + id + ".pdf";
  document.segments = SegmentPage(text, id, 1);
  document.language = DetectSourceLanguage(document.segments);
  return document;
}

TEST(XliffWriterTest, WritesExpectedDocument) {
  const std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<xliff version=\"2.1\" srcLang=\"zh-CN\" trgLang=\"en\" "
      "xmlns=\"urn:oasis:names:tc:xliff:document:2.0\">\n"
      " <file id=\"d1\" original=\"notices/a.html\">\n"
      "  <unit id=\"0123456789abcdef\">\n"
      "   <notes>\n"
      "    <note category=\"page\">2</note>\n"
      "    <note category=\"kind\">sentence</note>\n"
      "    <note category=\"glossary\">舆情监测 = public opinion "
      "monitoring</note>\n"
      "   </notes>\n"
      "   <segment>\n"
      "    <source>采购舆情监测服务。</source>\n"
      "   </segment>\n"
      "  </unit>\n"
      " </file>\n"
      "</xliff>\n";
  EXPECT_EQ(WriteXliff({OneSegmentDocument()}), expected);
}

TEST(XliffWriterTest, OutputPassesStructureCheck) {
  std::vector<SegmentedDocument> documents = {
      PageDocument("d1", "一、项目概况\n本项目采购舆情监测服务。名称\t数量"),
      PageDocument("d2", "预算金额为3.5万元。请分别报价。")};
  std::string xml = WriteXliff(documents);
  EXPECT_EQ(CheckXliffStructure(xml), (std::vector<std::string>{}));
}

TEST(XliffWriterTest, EscapesMarkupAndDropsControlCharacters) {
  SegmentedDocument document = OneSegmentDocument();
  document.segments[0].source = "A<b> & \"c\"\x01\x1f end \xff";
  std::string xml = WriteXliff({document});
  EXPECT_TRUE(HasText(xml,
                      "<source>A&lt;b&gt; &amp; &quot;c&quot; end \xEF\xBF\xBD"
                      "</source>"));
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_EQ(xml.find('\x1f'), std::string::npos);
  EXPECT_EQ(CheckXliffStructure(xml), (std::vector<std::string>{}));
}

TEST(XliffWriterTest, SkipsDocumentsWithoutSegments) {
  SegmentedDocument empty;
  empty.doc_id = "d0";
  empty.language = "zh-CN";
  std::string xml = WriteXliff({empty, OneSegmentDocument()});
  EXPECT_EQ(xml.find("id=\"d0\""), std::string::npos);
  EXPECT_EQ(CheckXliffStructure(xml), (std::vector<std::string>{}));
}

TEST(XliffWriterTest, RejectsRepeatedDocument) {
  EXPECT_THROW(WriteXliff({OneSegmentDocument(), OneSegmentDocument()}),
               std::invalid_argument);
}

TEST(XliffWriterTest, RejectsMixedLanguagesWithoutOption) {
  SegmentedDocument english = PageDocument("d2", "The bid bond is due.");
  EXPECT_THROW(WriteXliff({OneSegmentDocument(), english}),
               std::invalid_argument);
}

TEST(XliffWriterTest, SourceLanguageOptionWins) {
  SegmentedDocument english = PageDocument("d2", "The bid bond is due.");
  XliffOptions options;
  options.source_language = "zh-CN";
  std::string xml = WriteXliff({OneSegmentDocument(), english}, options);
  EXPECT_TRUE(HasText(xml, "srcLang=\"zh-CN\""));
}

const char kTranslatedXliff[] =
    "<?xml version=\"1.0\"?>\n"
    "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" "
    "srcLang=\"zh-CN\" trgLang=\"en\">\n"
    " <file id=\"d1\">\n"
    "  <unit id=\"u1\"><segment><source>一。</source>"
    "<target>One.</target></segment></unit>\n"
    "  <unit id=\"u2\"><segment><source>二。</source></segment></unit>\n"
    "  <group id=\"g\"><unit id=\"u3\">"
    "<segment><source>三</source><target>Three, </target></segment>"
    "<segment><source>四</source><target>four</target></segment>"
    "</unit></group>\n"
    " </file>\n"
    "</xliff>\n";

TEST(XliffReaderTest, ReadsTargetsInOrder) {
  std::vector<SegmentTranslation> translations =
      ReadXliffTranslations(kTranslatedXliff);
  ASSERT_EQ(translations.size(), 2u);
  EXPECT_EQ(translations[0].id, "u1");
  EXPECT_EQ(translations[0].target, "One.");
  EXPECT_EQ(translations[1].id, "u3");
  EXPECT_EQ(translations[1].target, "Three, four");
}

TEST(XliffReaderTest, TranslatedFilePassesStructureCheck) {
  EXPECT_EQ(CheckXliffStructure(kTranslatedXliff),
            (std::vector<std::string>{}));
}

std::string ReaderError(const std::string& xml) {
  try {
    ReadXliffTranslations(xml);
  } catch (const TranslationFileError& error) {
    return error.what();
  }
  return "";
}

const char kHead[] =
    "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" "
    "srcLang=\"zh-CN\"><file id=\"f\">\n";

TEST(XliffReaderTest, RejectsMalformedXmlWithLine) {
  EXPECT_TRUE(HasText(
      ReaderError(std::string(kHead) + "<unit id=\"a\">\n</file>"), "line 3"));
}

TEST(XliffReaderTest, RejectsOtherRoot) {
  EXPECT_TRUE(HasText(ReaderError("<tmx version=\"1.4\"/>"),
                      "root element is not <xliff>"));
}

TEST(XliffReaderTest, RejectsXliffOne) {
  EXPECT_TRUE(HasText(
      ReaderError("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
                  "version=\"1.2\"/>"),
      "version \"1.2\""));
}

TEST(XliffReaderTest, RejectsUnitWithoutId) {
  EXPECT_TRUE(HasText(ReaderError(std::string(kHead) +
                                  "<unit><segment><source>a</source></segment>"
                                  "</unit></file></xliff>"),
                      "element <unit> at line 2 has no id"));
}

TEST(XliffReaderTest, RejectsRepeatedUnitId) {
  EXPECT_TRUE(
      HasText(ReaderError(std::string(kHead) +
                          "<unit id=\"a\"><segment><source>a</source>"
                          "</segment></unit>\n<unit id=\"a\"><segment>"
                          "<source>b</source></segment></unit></file></xliff>"),
              "line 3 repeats unit id a"));
}

struct StructureCase {
  const char* name;
  const char* body;      // placed inside <file id="f">
  const char* expected;  // substring of the first problem
};

const StructureCase kStructureCases[] = {
    {"UnitWithoutSegment", "<unit id=\"a\"></unit>", "has no <segment>"},
    {"TargetBeforeSource",
     "<unit id=\"a\"><segment><target>x</target><source>y</source>"
     "</segment></unit>",
     "out of order"},
    {"TwoSources",
     "<unit id=\"a\"><segment><source>x</source><source>y</source>"
     "</segment></unit>",
     "exactly one <source>"},
    {"RepeatedUnitId",
     "<unit id=\"a\"><segment><source>x</source></segment></unit>"
     "<unit id=\"a\"><segment><source>y</source></segment></unit>",
     "repeats the id a"},
    {"EmptyNotes",
     "<unit id=\"a\"><notes/><segment><source>x</source></segment></unit>",
     "has no <note>"},
    {"UnknownElement",
     "<unit id=\"a\"><segment><source>x</source><extra/></segment></unit>",
     "not allowed"},
    {"EmptyFile", "", "has no <unit> or <group>"},
};

class XliffStructureTest : public ::testing::TestWithParam<StructureCase> {};

TEST_P(XliffStructureTest, ReportsProblem) {
  std::string xml =
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
      "version=\"2.1\" srcLang=\"zh-CN\" trgLang=\"en\"><file id=\"f\">" +
      std::string(GetParam().body) + "</file></xliff>";
  std::vector<std::string> problems = CheckXliffStructure(xml);
  ASSERT_FALSE(problems.empty());
  EXPECT_TRUE(HasText(problems[0], GetParam().expected));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, XliffStructureTest, ::testing::ValuesIn(kStructureCases),
    [](const ::testing::TestParamInfo<StructureCase>& info) {
      return std::string(info.param.name);
    });

TEST(XliffStructureTest, ReportsMissingSourceLanguage) {
  std::vector<std::string> problems = CheckXliffStructure(
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
      "version=\"2.1\"><file id=\"f\"><unit id=\"a\"><segment><source>x"
      "</source></segment></unit></file></xliff>");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(HasText(problems[0], "srcLang"));
}

TEST(XliffStructureTest, ReportsRepeatedFileId) {
  std::vector<std::string> problems = CheckXliffStructure(
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
      "version=\"2.1\" srcLang=\"en\">"
      "<file id=\"f\"><unit id=\"a\"><segment><source>x</source></segment>"
      "</unit></file><file id=\"f\"><unit id=\"a\"><segment><source>x"
      "</source></segment></unit></file></xliff>");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(HasText(problems[0], "repeats the file id f"));
}

TEST(TmxWriterTest, WritesExpectedDocument) {
  const std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<tmx version=\"1.4\">\n"
      " <header creationtool=\"bidscope\" creationtoolversion=\"0.1.0\" "
      "segtype=\"sentence\" o-tmf=\"bidscope\" adminlang=\"en\" "
      "srclang=\"zh-CN\" datatype=\"plaintext\"/>\n"
      " <body>\n"
      "  <tu tuid=\"0123456789abcdef\">\n"
      "   <prop type=\"x-doc\">d1</prop>\n"
      "   <prop type=\"x-page\">2</prop>\n"
      "   <prop type=\"x-kind\">sentence</prop>\n"
      "   <note>glossary: 舆情监测 = public opinion monitoring</note>\n"
      "   <tuv xml:lang=\"zh-CN\">\n"
      "    <seg>采购舆情监测服务。</seg>\n"
      "   </tuv>\n"
      "   <tuv xml:lang=\"en\">\n"
      "    <seg>Procurement of public opinion monitoring.</seg>\n"
      "   </tuv>\n"
      "  </tu>\n"
      " </body>\n"
      "</tmx>\n";
  EXPECT_EQ(WriteTmx({OneSegmentDocument()},
                     {{"0123456789abcdef",
                       "Procurement of public opinion monitoring."}}),
            expected);
}

TEST(TmxRoundTripTest, KeepsUnitsPropsAndVariants) {
  std::vector<SegmentedDocument> documents = {
      PageDocument("d1", "预算金额为3.5万元。请分别报价。")};
  const std::string first_id = documents[0].segments[0].id;
  std::string tmx =
      WriteTmx(documents, {{first_id, "The budget is 35,000 yuan."}});

  TmxDocument back = ReadTmx(tmx);
  EXPECT_EQ(back.header["srclang"], "zh-CN");
  EXPECT_EQ(back.header["segtype"], "sentence");
  EXPECT_EQ(back.header["o-tmf"], "bidscope");
  EXPECT_EQ(back.header["adminlang"], "en");
  EXPECT_EQ(back.header["datatype"], "plaintext");
  ASSERT_EQ(back.units.size(), 2u);
  EXPECT_EQ(back.units[0].tuid, first_id);
  EXPECT_EQ(back.units[0].props["x-doc"], "d1");
  EXPECT_EQ(back.units[0].props["x-page"], "1");
  EXPECT_EQ(back.units[0].variants["zh-CN"], "预算金额为3.5万元。");
  EXPECT_EQ(back.units[0].variants["en"], "The budget is 35,000 yuan.");
  EXPECT_EQ(back.units[1].tuid, documents[0].segments[1].id);
  EXPECT_EQ(back.units[1].variants.size(), 1u);
  EXPECT_EQ(back.units[1].variants["zh-CN"], "请分别报价。");
}

TEST(TmxReaderTest, RejectsMalformedXml) {
  EXPECT_THROW(ReadTmx("<tmx version=\"1.4\"><header/><body><tu>"),
               TranslationFileError);
}

TEST(TmxReaderTest, RejectsUnitWithoutVariant) {
  try {
    ReadTmx(
        "<tmx version=\"1.4\"><header srclang=\"zh-CN\"/><body>\n"
        "<tu tuid=\"a\"/></body></tmx>");
    FAIL() << "no exception";
  } catch (const TranslationFileError& error) {
    EXPECT_TRUE(HasText(error.what(), "element <tu> at line 2"));
  }
}

TEST(TmxReaderTest, RejectsMissingHeader) {
  EXPECT_THROW(ReadTmx("<tmx version=\"1.4\"><body/></tmx>"),
               TranslationFileError);
}

TEST(SegmentJsonlTest, WritesExpectedLine) {
  const std::string expected =
      "{\"id\":\"0123456789abcdef\",\"doc_id\":\"d1\",\"path\":"
      "\"notices/a.html\",\"page\":2,\"kind\":\"sentence\",\"begin\":0,"
      "\"end\":27,\"source\":\"采购舆情监测服务。\",\"notes\":[{\"category\":"
      "\"glossary\",\"text\":\"舆情监测 = public opinion monitoring\"}],"
      "\"target\":\"\"}\n";
  EXPECT_EQ(WriteSegmentJsonl({OneSegmentDocument()}), expected);
}

TEST(SegmentJsonlTest, RoundTripReadsFilledTargets) {
  std::vector<SegmentedDocument> documents = {
      PageDocument("d1", "预算金额为3.5万元。请分别报价。")};
  std::string jsonl = WriteSegmentJsonl(documents);

  // Translate the first line only, as a translator would.
  std::string first_line = jsonl.substr(0, jsonl.find('\n'));
  nlohmann::json record = nlohmann::json::parse(first_line);
  record["target"] = "The budget is 35,000 yuan.";
  std::string translated = record.dump() + jsonl.substr(jsonl.find('\n'));

  std::vector<SegmentTranslation> back =
      ReadSegmentJsonlTranslations(translated);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].id, documents[0].segments[0].id);
  EXPECT_EQ(back[0].target, "The budget is 35,000 yuan.");
}

std::string JsonlError(const std::string& jsonl) {
  try {
    ReadSegmentJsonlTranslations(jsonl);
  } catch (const TranslationFileError& error) {
    return error.what();
  }
  return "";
}

TEST(SegmentJsonlTest, RejectsInvalidJsonNamingLine) {
  EXPECT_EQ(JsonlError("{\"id\":\"a\",\"target\":\"x\"}\n{\"id\":\n"),
            "line 2: not a JSON object");
}

TEST(SegmentJsonlTest, RejectsMissingId) {
  EXPECT_EQ(JsonlError("\n{\"target\":\"x\"}\n"),
            "line 2: missing a string \"id\"");
}

TEST(SegmentJsonlTest, RejectsTargetThatIsNotString) {
  EXPECT_EQ(JsonlError("{\"id\":\"a\",\"target\":3}\n"),
            "line 1: \"target\" is not a string");
}

TEST(SegmentJsonlTest, RejectsRepeatedId) {
  EXPECT_EQ(JsonlError("{\"id\":\"a\",\"target\":\"x\"}\n"
                       "{\"id\":\"a\",\"target\":\"y\"}\n"),
            "line 2: repeats the id a");
}

struct LanguageCase {
  const char* text;
  const char* expected;
};

TEST(SegmentLanguageTest, DetectsSourceLanguage) {
  const LanguageCase cases[] = {
      {"本项目采购舆情监测服务。", "zh-CN"},
      {"本項目採購輿情監測服務與監視器。", "zh-TW"},
      {"The bid bond is due before Friday.", "en"},
      {"12345", "zh-CN"},
  };
  for (const LanguageCase& c : cases) {
    EXPECT_EQ(DetectSourceLanguage(c.text), c.expected) << c.text;
  }
}

}  // namespace
}  // namespace bidscope
