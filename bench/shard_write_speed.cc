// Measures how fast the index writer stores prepared documents into 1 or
// more shards, without extraction: the part of `bidscope index` that
// shards run in parallel.
//
// Build (after building bidscope_index in BUILD):
//   g++ -std=c++20 -O2 -I. bench/shard_write_speed.cc \
//     BUILD/index/libbidscope_index.a BUILD/extract/libbidscope_extract.a \
//     $(pkg-config --libs xapian-core icu-uc icu-i18n opencc poppler-cpp \
//       libxml-2.0 libzip tesseract lept libarchive) -lcrypto -lfmt \
//     -o /tmp/shard_write_speed
// Run:
//   /tmp/shard_write_speed TEXT_DIR COPIES SHARDS OUTPUT_DIR
// Every *.txt file under TEXT_DIR is extracted as bidscope extracts it
// (UTF-8 or GB18030). Its first page becomes COPIES documents, each with
// a copy number appended so that no two are the same.
// Documents are prepared first, untimed; the time covers Put for every
// document and a Commit every 500 of them and at the end.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "index/index.h"
#include "index/sharded_writer.h"

namespace {

constexpr int kCommitEvery = 500;

struct Prepared {
  std::string id;
  std::string data;
  std::string path;
};

std::vector<Prepared> PrepareAll(const std::string& text_dir, int copies) {
  std::vector<Prepared> prepared;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(text_dir)) {
    if (entry.path().extension() != ".txt") continue;
    // Extracted, so that GB18030 files are decoded as in a real run.
    std::vector<bidscope::Document> extracted =
        bidscope::ExtractFile(entry.path().string(), {});
    if (extracted.empty() || extracted[0].pages.empty()) continue;
    std::string text = extracted[0].pages[0].text;
    for (int copy = 0; copy < copies; ++copy) {
      bidscope::Document doc;
      bidscope::Page page;
      page.number = 1;
      page.text = text + "\n第" + std::to_string(copy) + "份";
      doc.id = bidscope::Sha256Hex(page.text);
      doc.format = bidscope::Format::kText;
      doc.pages.push_back(page);
      doc.metadata.page_count = 1;
      prepared.push_back({doc.id, bidscope::PrepareDocument(doc),
                          entry.path().string() + "#" + std::to_string(copy)});
    }
  }
  return prepared;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(
        stderr, "usage: shard_write_speed TEXT_DIR COPIES SHARDS OUTPUT_DIR\n");
    return 2;
  }
  std::vector<Prepared> docs = PrepareAll(argv[1], std::stoi(argv[2]));
  size_t bytes = 0;
  for (const Prepared& doc : docs) bytes += doc.data.size();

  auto start = std::chrono::steady_clock::now();
  auto writer = bidscope::OpenIndexWriter(argv[4], std::stoi(argv[3]));
  for (size_t i = 0; i < docs.size(); ++i) {
    writer->Put(docs[i].id, docs[i].data, docs[i].path);
    if ((i + 1) % kCommitEvery == 0) writer->Commit();
  }
  writer->Commit();
  writer.reset();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf(
      "shards=%s documents=%zu prepared_mib=%.1f seconds=%.2f "
      "docs_per_second=%.0f\n",
      argv[3], docs.size(), bytes / 1048576.0, seconds, docs.size() / seconds);
  return 0;
}
