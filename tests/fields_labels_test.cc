// Scores field extraction against hand-made labels of real notices in the
// shared corpus, read through the real extractors.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/fields.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

constexpr double kMinScore = 0.95;

std::string Nfkc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString out =
      nfkc->normalize(icu::UnicodeString::fromUTF8(text), status);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::vector<std::string> SplitList(const std::string& value) {
  std::vector<std::string> items;
  std::stringstream in(value);
  std::string item;
  while (std::getline(in, item, ';')) {
    if (!item.empty()) items.push_back(Nfkc(item));
  }
  return items;
}

// The document carrying the notice: a record of a dump when the file is
// one, else the file itself.
const Document* NoticeDocument(const std::vector<Document>& docs) {
  const Document* chosen = nullptr;
  for (const Document& doc : docs) {
    if (!doc.pages.empty()) chosen = &doc;
  }
  return chosen;
}

std::vector<std::string> AmountValues(const Fields& fields,
                                      const std::string& kind) {
  std::vector<std::string> values;
  for (const Amount& a : fields.amounts) {
    if (a.kind == kind) values.push_back(a.value);
  }
  return values;
}

// True when the extracted fields agree with the label. Names and numbers
// compare whole in NFKC form. Suppliers must match as a set. An amount
// label passes when each labelled value is among the amounts of that
// kind, and an empty amount label passes when no amount has that kind.
bool Agrees(const Fields& fields, const std::string& field,
            const std::string& expected) {
  std::string want = Nfkc(expected);
  if (field == "notice_type") return fields.notice_type == want;
  if (field == "project_number") return Nfkc(fields.project_number) == want;
  if (field == "buyer") return Nfkc(fields.buyer) == want;
  if (field == "agency") return Nfkc(fields.agency) == want;
  if (field == "suppliers") {
    std::set<std::string> got;
    for (const Supplier& s : fields.suppliers) got.insert(Nfkc(s.name));
    std::vector<std::string> list = SplitList(expected);
    return got == std::set<std::string>(list.begin(), list.end());
  }
  std::vector<std::string> got = AmountValues(fields, field);
  std::vector<std::string> list = SplitList(expected);
  if (list.empty()) return got.empty();
  for (const std::string& value : list) {
    if (std::find(got.begin(), got.end(), value) == got.end()) return false;
  }
  return true;
}

std::string Describe(const Fields& fields, const std::string& field) {
  nlohmann::json json = FieldsToJson(fields);
  if (field == "budget" || field == "award") {
    std::string out;
    for (const std::string& v : AmountValues(fields, field)) out += v + ";";
    return out;
  }
  return json.at(field).dump();
}

struct Score {
  int right = 0;
  int total = 0;
  std::string misses;
};

TEST(FieldsLabelsTest, ScoresAtLeastNinetyFivePercentPerField) {
  BIDSCOPE_REQUIRE_SHARED();
  std::istringstream labels(testing::ReadFile(testing::SourceDir() / "tests" /
                                              "data" / "fields-labels.tsv"));
  std::map<std::string, Fields> extracted;
  std::map<std::string, Score> scores;
  std::string line;
  while (std::getline(labels, line)) {
    if (line.empty() || line[0] == '#' || line.starts_with("file\t")) continue;
    std::stringstream row(line);
    std::string file, field, value;
    std::getline(row, file, '\t');
    std::getline(row, field, '\t');
    std::getline(row, value);

    if (!extracted.count(file)) {
      std::vector<Document> docs = ExtractFile(
          (testing::SharedDir() / "corpus" / file).string(), ExtractOptions{});
      const Document* doc = NoticeDocument(docs);
      ASSERT_NE(doc, nullptr) << file << ": no document with text";
      extracted[file] = ExtractFields(*doc);
    }
    Score& score = scores[field];
    ++score.total;
    if (Agrees(extracted[file], field, value)) {
      ++score.right;
    } else {
      score.misses += "\n  " + file + ": expected \"" + value + "\", got " +
                      Describe(extracted[file], field);
    }
  }

  ASSERT_EQ(scores.size(), 7u);
  for (const auto& [field, score] : scores) {
    double share = static_cast<double>(score.right) / score.total;
    std::cout << "fields score " << field << ": " << score.right << "/"
              << score.total << score.misses << "\n";
    EXPECT_GE(share, kMinScore)
        << field << ": " << score.right << "/" << score.total << score.misses;
  }
}

}  // namespace
}  // namespace bidscope
