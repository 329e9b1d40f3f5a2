#include "extract/lexicon_automaton.h"

#include <algorithm>
#include <queue>

namespace bidscope {

int LexiconAutomaton::Child(int node, uint8_t byte) const {
  const auto& children = nodes_[node].children;
  auto it = std::lower_bound(
      children.begin(), children.end(), byte,
      [](const std::pair<uint8_t, int>& c, uint8_t b) { return c.first < b; });
  return (it != children.end() && it->first == byte) ? it->second : -1;
}

size_t LexiconAutomaton::AddPattern(std::string_view pattern) {
  int node = 0;
  for (char ch : pattern) {
    const auto byte = static_cast<uint8_t>(ch);
    int next = Child(node, byte);
    if (next < 0) {
      next = static_cast<int>(nodes_.size());
      nodes_.emplace_back();
      auto& children = nodes_[node].children;
      auto it = std::lower_bound(children.begin(), children.end(), byte,
                                 [](const std::pair<uint8_t, int>& c,
                                    uint8_t b) { return c.first < b; });
      children.insert(it, {byte, next});
    }
    node = next;
  }
  nodes_[node].patterns.push_back(lengths_.size());
  lengths_.push_back(pattern.size());
  return lengths_.size() - 1;
}

void LexiconAutomaton::Build() {
  root_next_.fill(0);
  for (const auto& [byte, child] : nodes_[0].children) {
    root_next_[byte] = child;
  }
  // Breadth-first, so a node's fail target is final before its children.
  std::queue<int> queue;
  for (const auto& [byte, child] : nodes_[0].children) {
    nodes_[child].fail = 0;
    queue.push(child);
  }
  while (!queue.empty()) {
    int node = queue.front();
    queue.pop();
    for (const auto& [byte, child] : nodes_[node].children) {
      int fail = nodes_[node].fail;
      while (fail != 0 && Child(fail, byte) < 0) fail = nodes_[fail].fail;
      int target = Child(fail, byte);
      nodes_[child].fail = (target >= 0 && target != child) ? target : 0;
      int f = nodes_[child].fail;
      nodes_[child].output_link =
          nodes_[f].patterns.empty() ? nodes_[f].output_link : f;
      queue.push(child);
    }
  }
}

int LexiconAutomaton::Step(int node, uint8_t byte) const {
  while (node != 0) {
    int next = Child(node, byte);
    if (next >= 0) return next;
    node = nodes_[node].fail;
  }
  return root_next_[byte];
}

std::vector<LexiconAutomaton::Hit> LexiconAutomaton::FindAll(
    std::string_view text) const {
  std::vector<Hit> hits;
  int node = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    node = Step(node, static_cast<uint8_t>(text[i]));
    for (int out = nodes_[node].patterns.empty() ? nodes_[node].output_link
                                                 : node;
         out >= 0; out = nodes_[out].output_link) {
      for (size_t pattern : nodes_[out].patterns) {
        hits.push_back({pattern, i + 1 - lengths_[pattern], i + 1});
      }
    }
  }
  return hits;
}

}  // namespace bidscope
