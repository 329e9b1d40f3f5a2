// Saved searches of an index, kept in DIR/watches.json.
#ifndef BIDSCOPE_CLI_WATCH_STORE_H_
#define BIDSCOPE_CLI_WATCH_STORE_H_

#include <string>
#include <vector>

namespace bidscope::cli {

struct Watch {
  std::string name;
  std::string query;
  std::string topic;    // lexicon category filter; empty for none
  bool expand = false;  // expand English words through the lexicon

  // Seconds since the Unix epoch. A watch that never ran reports the
  // documents indexed after it was created.
  double created = 0;
  double last_run = 0;  // 0 until the first run
};

// Reads DIR/watches.json; none when the file does not exist. Throws
// std::runtime_error naming the file when it is malformed.
std::vector<Watch> ReadWatches(const std::string& db);

// Writes DIR/watches.json through a temporary file renamed into place.
// Throws std::runtime_error when the file cannot be written.
void WriteWatches(const std::string& db, const std::vector<Watch>& watches);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_WATCH_STORE_H_
