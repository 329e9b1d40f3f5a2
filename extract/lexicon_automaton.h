// Multi-pattern byte matcher for the lexicon. Aho-Corasick is written here
// because none of the libraries the project links (ICU, Xapian, libxml2 and
// the rest) offers dictionary matching over UTF-8.
#ifndef BIDSCOPE_EXTRACT_LEXICON_AUTOMATON_H_
#define BIDSCOPE_EXTRACT_LEXICON_AUTOMATON_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace bidscope {

class LexiconAutomaton {
 public:
  struct Hit {
    size_t pattern = 0;  // index in the order of AddPattern calls
    size_t begin = 0;    // byte range in the searched text
    size_t end = 0;
  };

  // Adds a non-empty pattern; returns its index. Call Build afterwards.
  size_t AddPattern(std::string_view pattern);

  // Computes the failure links. Patterns added later need another Build.
  void Build();

  // Returns every occurrence of every pattern, overlapping ones included,
  // ordered by end offset.
  std::vector<Hit> FindAll(std::string_view text) const;

 private:
  struct Node {
    std::vector<std::pair<uint8_t, int>> children;  // sorted by byte
    int fail = 0;
    int output_link = -1;  // nearest node on the fail chain with patterns
    std::vector<size_t> patterns;  // patterns ending exactly here
  };

  int Child(int node, uint8_t byte) const;
  int Step(int node, uint8_t byte) const;

  std::vector<Node> nodes_ = std::vector<Node>(1);
  std::vector<size_t> lengths_;
  // The root's transition for every byte, 0 where it has no child. Most
  // bytes of a text fall back to the root, where this replaces a search
  // among its children. Filled by Build.
  std::array<int, 256> root_next_{};
};

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_LEXICON_AUTOMATON_H_
