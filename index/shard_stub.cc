#include "index/shard_stub.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "index/commit_journal.h"
#include "index/index.h"

namespace bidscope {
namespace {

// The comment line that marks shards written in parallel only for speed.
// Xapian skips it, as every line starting with '#'.
constexpr char kMergeWhenDoneLine[] =
    "# bidscope: merged into one index when an index run completes";

std::string StubPath(const std::string& dir) {
  return (std::filesystem::path(dir) / kStubFileName).string();
}

// Parses one stub line; Xapian 1.4 also accepts other backends' keywords
// (glass, chert, inmemory), which bidscope never writes.
ShardLocation ParseStubLine(const std::string& dir, int line_number,
                            const std::string& line) {
  std::istringstream words(line);
  std::string keyword;
  std::string target;
  std::string extra;
  words >> keyword >> target;
  bool valid = (keyword == "auto" || keyword == "remote") && !target.empty() &&
               !(words >> extra);
  if (!valid) {
    throw IndexError(StubPath(dir) + ": line " + std::to_string(line_number) +
                     " is invalid: expected \"auto PATH\" or \"remote "
                     "HOST:PORT\", found \"" +
                     line + "\"");
  }
  ShardLocation location{keyword == "remote", target};
  if (location.remote) CheckRemoteAddress(location.target);
  return location;
}

}  // namespace

int64_t ParseShardCommitSequence(const std::string& text) {
  if (text.empty()) return 0;
  try {
    return std::stoll(text);
  } catch (const std::exception&) {
    return 0;
  }
}

std::string ShardDirName(int index) { return "shard-" + std::to_string(index); }

bool IsIndexFileName(const std::string& name) {
  return name == "iamglass" || name == "flintlock" ||
         name.ends_with(".glass") || name == kStubFileName ||
         name == kCommitJournalFileName || name.starts_with("shard-");
}

bool IsShardedIndex(const std::string& dir) {
  std::error_code error;
  return std::filesystem::is_regular_file(StubPath(dir), error);
}

std::vector<ShardLocation> ReadShardStub(const std::string& dir) {
  std::ifstream in(StubPath(dir));
  if (!in) throw IndexError(StubPath(dir) + ": cannot read the shard stub");
  std::vector<ShardLocation> shards;
  std::string line;
  for (int line_number = 1; std::getline(in, line); ++line_number) {
    size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos || line[start] == '#') continue;
    shards.push_back(ParseStubLine(dir, line_number, line));
  }
  if (shards.empty()) {
    throw IndexError(StubPath(dir) + ": the shard stub lists no shards");
  }
  return shards;
}

void WriteShardStub(const std::string& dir,
                    const std::vector<ShardLocation>& shards,
                    bool merge_when_done) {
  std::string final_path = StubPath(dir);
  std::string temp_path = final_path + ".tmp";
  {
    std::ofstream out(temp_path, std::ios::trunc);
    out << "# bidscope shards: line i is shard i. Edit with `bidscope "
           "shards`.\n";
    if (merge_when_done) out << kMergeWhenDoneLine << '\n';
    for (const ShardLocation& shard : shards) {
      out << (shard.remote ? "remote " : "auto ") << shard.target << '\n';
    }
    out.close();
    if (!out) throw IndexError(temp_path + ": cannot write the shard stub");
  }
  if (std::rename(temp_path.c_str(), final_path.c_str()) != 0) {
    throw IndexError(final_path + ": cannot replace the shard stub");
  }
}

bool ShardsMergeWhenDone(const std::string& dir) {
  std::ifstream in(StubPath(dir));
  for (std::string line; std::getline(in, line);) {
    if (line == kMergeWhenDoneLine) return true;
  }
  return false;
}

void CheckRemoteAddress(const std::string& address) {
  size_t colon = address.rfind(':');
  bool valid =
      colon != std::string::npos && colon > 0 && colon + 1 < address.size() &&
      address.find_first_not_of("0123456789", colon + 1) == std::string::npos &&
      address.size() - colon - 1 <= 5;
  if (valid) {
    int port = std::stoi(address.substr(colon + 1));
    valid = port >= 1 && port <= 65535;
  }
  if (!valid) {
    throw IndexError("invalid remote shard address \"" + address +
                     "\": expected HOST:PORT with a port from 1 to 65535");
  }
}

}  // namespace bidscope
