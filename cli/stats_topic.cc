// `bidscope stats --by topic`: documents per lexicon category.
#include <iostream>

#include "cli/output.h"
#include "cli/translation_commands.h"
#include "index/index.h"
#include "index/topic_terms.h"

namespace bidscope::cli {

int RunTopicStats(const TopicStatsOptions& options) {
  std::vector<TopicCount> counts;
  try {
    counts = CountTopics(options.db);
  } catch (const IndexError& e) {
    PrintError(options.db, "cannot count topics", e.what());
    return 2;
  }
  for (const TopicCount& count : counts) {
    if (options.json) {
      PrintJsonLine("group", {{"by", "topic"},
                              {"key", count.category},
                              {"documents", count.documents}});
    } else {
      std::cout << count.documents << '\t' << count.category << '\n';
    }
  }
  return 0;
}

}  // namespace bidscope::cli
