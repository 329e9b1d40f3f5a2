#include "cli/worker.h"

#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <vector>

#include "cli/fault_injection.h"
#include "cli/frame_io.h"
#include "cli/worker_protocol.h"

namespace bidscope::cli {

using nlohmann::json;

namespace {

void ApplyLimits(const WorkerLimits& limits) {
  rlimit memory{};
  memory.rlim_cur = memory.rlim_max = static_cast<rlim_t>(limits.memory_mib)
                                      << 20;
  setrlimit(RLIMIT_AS, &memory);
  rlimit core{};
  setrlimit(RLIMIT_CORE, &core);
}

// Writes one outcome: a JSON frame listing the documents, then one frame
// per document with its prepared Xapian document.
bool SendOutcome(const std::vector<ExtractedDocument>& docs,
                 const std::string& failure) {
  json list = json::array();
  for (const ExtractedDocument& doc : docs)
    list.push_back(ExtractedToJson(doc));
  json header = {{"failure", failure}, {"documents", list}};
  std::string text =
      header.dump(-1, ' ', false, json::error_handler_t::replace);
  if (!WriteFrame(STDOUT_FILENO, text)) return false;
  for (const ExtractedDocument& doc : docs) {
    if (!WriteFrame(STDOUT_FILENO, doc.prepared)) return false;
  }
  return true;
}

// Crashes the worker with SIGSEGV, hangs it, or makes it allocate until
// the memory limit stops it, when BIDSCOPE_FAULT_INJECTION names `path`
// under crash, hang or oom (cli/fault_injection.h).
void InjectFault(const std::string& path) {
  if (FaultInjected("crash", path)) raise(SIGSEGV);
  if (FaultInjected("hang", path)) {
    for (;;) pause();
  }
  if (FaultInjected("oom", path)) {
    std::vector<std::unique_ptr<char[]>> blocks;
    for (;;) {
      blocks.emplace_back(new char[64 << 20]);
      std::memset(blocks.back().get(), 1, 64 << 20);
    }
  }
}

}  // namespace

int RunWorker() {
  signal(SIGPIPE, SIG_IGN);

  std::optional<std::string> options_frame = ReadFrame(STDIN_FILENO);
  if (!options_frame) return 2;
  ExtractOptions options;
  WorkerLimits limits;
  OptionsFromJson(json::parse(*options_frame), options, limits);
  ApplyLimits(limits);

  while (std::optional<std::string> path = ReadFrame(STDIN_FILENO)) {
    std::vector<ExtractedDocument> docs;
    std::string failure;
    bool exit_after = false;
    try {
      InjectFault(*path);
      docs = PrepareExtracted(ExtractFile(*path, options));
    } catch (const std::bad_alloc&) {
      failure = "memory limit of " + std::to_string(limits.memory_mib) +
                " MiB exceeded";
      docs.clear();
      exit_after = true;  // the heap may be fragmented beyond use
    } catch (const std::exception& e) {
      failure = std::string("extraction failed: ") + e.what();
      docs.clear();
    }
    if (!SendOutcome(docs, failure) || exit_after) break;
  }
  return 0;
}

}  // namespace bidscope::cli
