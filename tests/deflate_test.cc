// Deflate resets one stream per thread instead of making a new one for
// every call. Its output must equal a new stream's.
#include "index/deflate.h"

#include <zlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "index/stored_data_dictionaries.h"
#include "tests/test_support.h"

namespace bidscope {
namespace {

// Deflates `data` as the zlib manual describes: a new stream, the dictionary
// set, one call with Z_FINISH.
std::string FreshDeflate(const std::string& data, std::string_view dictionary) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 9,
                         Z_DEFAULT_STRATEGY),
            Z_OK);
  if (!dictionary.empty()) {
    deflateSetDictionary(&stream,
                         reinterpret_cast<const Bytef*>(dictionary.data()),
                         static_cast<uInt>(dictionary.size()));
  }
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::vector<std::string> Inputs() {
  std::vector<std::string> inputs = {
      "x", "{\"notice_type\":\"award\",\"buyer\":\"某某市公安局\"}",
      std::string(100000, 'a')};
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           testing::SourceDir() / "corpus-sample" / "documents")) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      inputs.push_back(testing::ReadFile(entry.path()));
    }
  }
  return inputs;
}

TEST(DeflateTest, MatchesFreshStream) {
  std::vector<std::string_view> dictionaries = {
      StoredJsonDictionary(), StoredTextDictionary(), "", "公告"};
  std::vector<std::string> inputs = Inputs();
  ASSERT_GT(inputs.size(), 3u);
  // Twice round, alternating dictionaries, so that every call after the
  // first reuses the stream.
  for (int round = 0; round < 2; ++round) {
    for (const std::string& data : inputs) {
      for (std::string_view dictionary : dictionaries) {
        std::string deflated = Deflate(data, dictionary);
        EXPECT_EQ(deflated, FreshDeflate(data, dictionary))
            << data.size() << " bytes, dictionary of " << dictionary.size();
        EXPECT_EQ(Inflate(deflated, dictionary, data.size(), "test"), data);
      }
    }
  }
}

TEST(DeflateTest, SameBufferOtherDictionary) {
  // One buffer contains two dictionaries in turn: same size and address,
  // other content.
  std::string dictionary = "中标金额预算金额";
  std::string data = "本项目中标金额为人民币100万元，预算金额120万元。";
  std::string first = Deflate(data, dictionary);
  dictionary.replace(0, dictionary.size(), "采购需求服务期限");
  std::string second = Deflate(data, dictionary);
  EXPECT_EQ(second, FreshDeflate(data, dictionary));
  EXPECT_EQ(Inflate(second, dictionary, data.size(), "test"), data);
  EXPECT_NE(first, second);
}

TEST(DeflateTest, EmptyDataGivesEmptyStream) {
  EXPECT_EQ(Deflate("", StoredTextDictionary()), "");
}

}  // namespace
}  // namespace bidscope
