// DocumentBuilder must produce, through its serialised form, the document
// that the same calls on a Xapian::Document produce.
#include "index/document_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "extract/document.h"
#include "index/index.h"

namespace bidscope {
namespace {

// Applies the same random calls to a builder and to a Xapian::Document.
struct Twin {
  DocumentBuilder builder;
  Xapian::Document reference;

  void Term(const std::string& term, uint32_t wdf_increment) {
    builder.AddTerm(term, wdf_increment);
    reference.add_term(term, wdf_increment);
  }
  void Posting(const std::string& term, uint32_t position) {
    builder.AddPosting(term, position);
    reference.add_posting(term, position);
  }
  void Value(unsigned slot, const std::string& value) {
    builder.AddValue(slot, value);
    reference.add_value(slot, value);
  }
  void Data(const std::string& data) {
    builder.SetData(data);
    reference.set_data(data);
  }
};

TEST(DocumentBuilderTest, MatchesXapianDocumentForRandomCalls) {
  const std::vector<std::string> terms = {"采",      "购",  "采购",  "Q0a1",
                                          "XTaward", "z",   "ZSfoo", "S招",
                                          "公安局",  "2021"};
  std::mt19937 random(20261204);
  for (int round = 0; round < 200; ++round) {
    Twin twin;
    int calls = static_cast<int>(random() % 60);
    for (int i = 0; i < calls; ++i) {
      const std::string& term = terms[random() % terms.size()];
      switch (random() % 5) {
        case 0:
          twin.Term(term, 1);
          break;
        case 1:
          twin.Term(term, 0);  // a boolean term
          break;
        case 2:
        case 3:
          // Positions repeat and arrive out of order.
          twin.Posting(term, 1 + static_cast<uint32_t>(random() % 300));
          break;
        default:
          twin.Value(static_cast<unsigned>(random() % 25),
                     random() % 4 == 0 ? "" : term);
          break;
      }
    }
    twin.Data(round % 3 == 0 ? "" : "{\"a\":1}\0texts" + std::to_string(round));

    Xapian::Document decoded = DecodePreparedDocument(twin.builder.Serialise());
    EXPECT_EQ(decoded.serialise(), twin.reference.serialise())
        << "round " << round;
  }
}

TEST(DocumentBuilderTest, KeepsLargePositionsAndBinaryData) {
  Twin twin;
  twin.Posting("词", 1);
  twin.Posting("词", 4000000000u);
  twin.Value(3, std::string("\0\xff", 2));
  twin.Data(std::string("head\0\x80\x81", 7));
  EXPECT_EQ(DecodePreparedDocument(twin.builder.Serialise()).serialise(),
            twin.reference.serialise());
}

TEST(DocumentBuilderTest, RejectsMalformedInput) {
  DocumentBuilder builder;
  builder.AddPosting("采购", 3);
  builder.SetData("data");
  std::string good = builder.Serialise();

  EXPECT_THROW(DecodePreparedDocument(""), IndexError);
  EXPECT_THROW(DecodePreparedDocument("X" + good.substr(1)), IndexError);
  // Every cut inside the header and terms is caught. A cut inside the data
  // only shortens the data, which the form cannot tell.
  size_t data_start = good.size() - 4;
  for (size_t cut = 1; cut < data_start; ++cut) {
    EXPECT_THROW(DecodePreparedDocument(good.substr(0, cut)), IndexError)
        << "cut at " << cut;
  }
  EXPECT_THROW(DecodedDocument("\x01"), IndexError);
}

// Terms are serialised in byte order, whatever order they were added in,
// including terms that share their first eight bytes or are shorter.
TEST(DocumentBuilderTest, SerialisesTermsInByteOrder) {
  std::vector<std::string> terms;
  int id = 0;
  for (std::string head : {"abcdefgh", "abcdefg", "\xE4\xB8\xAD\xE6\x96\x87",
                           "Zcode", "\xFF\xFE", "a"}) {
    for (const std::string& tail : std::vector<std::string>{
             "", "1", "\x80", "a1", std::string(1, '\0')}) {
      terms.push_back(head + tail + "|" + std::to_string(id++));
    }
  }
  std::vector<std::string> shuffled = terms;
  std::mt19937 random(7);
  std::shuffle(shuffled.begin(), shuffled.end(), random);
  DocumentBuilder forward;
  DocumentBuilder backward;
  for (const std::string& term : terms) forward.AddTerm(term);
  for (const std::string& term : shuffled) backward.AddTerm(term);
  std::string serialised = forward.Serialise();
  EXPECT_EQ(serialised, backward.Serialise());

  std::sort(terms.begin(), terms.end());
  size_t previous = 0;
  for (const std::string& term : terms) {
    size_t at = serialised.find(term);
    ASSERT_NE(at, std::string::npos) << term;
    EXPECT_GT(at, previous) << term;
    previous = at;
  }
}

TEST(DocumentBuilderTest, PreparedDocumentDecodes) {
  Document doc;
  doc.id = std::string(64, 'a');
  doc.format = Format::kText;
  Page page;
  page.text = "某某市公安局视频监控采购项目中标公告 budget 100";
  doc.pages.push_back(page);
  Xapian::Document decoded = DecodePreparedDocument(PrepareDocument(doc));
  Xapian::TermIterator it = decoded.termlist_begin();
  it.skip_to("Q");
  ASSERT_NE(it, decoded.termlist_end());
  EXPECT_EQ(*it, "Q" + doc.id);
  EXPECT_GT(decoded.termlist_count(), 20u);
  EXPECT_FALSE(decoded.get_data().empty());
}

}  // namespace
}  // namespace bidscope
