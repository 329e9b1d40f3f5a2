// `bidscope shards`: lists the shards of an index and points a shard at a
// remote server or back at its local directory, by rewriting the stub.
// A command rather than a hand edit of XAPIANDB because the line order is
// the shard number the writer routes documents by, and a wrong line makes
// every search fail.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "index/index.h"
#include "index/shard_stub.h"

namespace bidscope::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

void ListShards(const ShardsCommandOptions& options,
                const std::vector<ShardLocation>& shards) {
  for (size_t i = 0; i < shards.size(); ++i) {
    json data = {{"shard", i},
                 {"kind", shards[i].remote ? "remote" : "auto"},
                 {"target", shards[i].target}};
    if (!shards[i].remote) {
      fs::path path = fs::path(options.db) / shards[i].target;
      data["documents"] = Searcher::Open(path.string())->DocumentCount();
    }
    if (options.json) {
      PrintJsonLine("shard", data);
      continue;
    }
    std::cout << i << '\t' << data["kind"].get<std::string>() << ' '
              << shards[i].target;
    if (data.contains("documents")) {
      std::cout << '\t' << data["documents"].get<uint64_t>() << " documents";
    }
    std::cout << '\n';
  }
}

// Applies set-remote or set-local to `shards`; throws IndexError.
void ChangeShard(const ShardsCommandOptions& options,
                 std::vector<ShardLocation>& shards) {
  if (options.shard < 0 ||
      static_cast<size_t>(options.shard) >= shards.size()) {
    throw IndexError("shard " + std::to_string(options.shard) +
                     " does not exist: the index has shards 0 to " +
                     std::to_string(shards.size() - 1));
  }
  ShardLocation& shard = shards[options.shard];
  if (options.action == "set-remote") {
    CheckRemoteAddress(options.address);
    shard = {true, options.address};
    return;
  }
  std::string name = ShardDirName(options.shard);
  if (!fs::is_directory(fs::path(options.db) / name)) {
    throw IndexError((fs::path(options.db) / name).string() +
                     " is missing: copy the shard's database there first");
  }
  shard = {false, name};
}

}  // namespace

int RunShardsCommand(const ShardsCommandOptions& options) {
  try {
    if (!IsShardedIndex(options.db)) {
      PrintError(options.db, "not a sharded index",
                 "it has no " + std::string(kStubFileName) +
                     " file; create one with 'bidscope index --shards N'");
      return 2;
    }
    std::vector<ShardLocation> shards = ReadShardStub(options.db);
    if (options.action == "list") {
      ListShards(options, shards);
      return 0;
    }
    ChangeShard(options, shards);
    WriteShardStub(options.db, shards);
    return 0;
  } catch (const IndexError& e) {
    PrintError(options.db, "shards " + options.action + " failed", e.what());
    return 2;
  }
}

}  // namespace bidscope::cli
