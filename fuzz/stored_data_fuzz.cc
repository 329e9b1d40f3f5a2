// The readers of stored document data and of prepared documents must
// accept any bytes: data read back either parses or IndexError gives the
// reason. Data that parses also survives a round trip through the writer's
// serialiser and its paths replacement.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/document_builder.h"
#include "index/index.h"
#include "index/stored_data.h"

namespace {

void CheckStoredData(std::string_view input) {
  nlohmann::json object;
  try {
    bidscope::ParseStoredHit(input);
    bidscope::StoredPaths(input);
    object = bidscope::ParseStoredJson(input);
  } catch (const bidscope::IndexError&) {
    return;
  }
  // Strings the serialiser cannot write as UTF-8 are the caller's input,
  // not a reader's fault.
  std::string data;
  try {
    data = bidscope::SerializeStoredData(object);
  } catch (const nlohmann::json::exception&) {
    return;
  }
  std::string replaced = bidscope::ReplaceStoredPaths(data, {"/fuzz/a.txt"});
  if (bidscope::StoredPaths(replaced) !=
      std::vector<std::string>{"/fuzz/a.txt"})
    std::abort();
}

void CheckPreparedDocument(std::string_view input) {
  try {
    bidscope::DecodePreparedDocument(input);
  } catch (const bidscope::IndexError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckStoredData(input);
  CheckPreparedDocument(input);
  return 0;
}
