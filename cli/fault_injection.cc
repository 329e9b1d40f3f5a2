#include "cli/fault_injection.h"

#include <cstdlib>

namespace bidscope::cli {

bool FaultInjected(std::string_view kind, const std::string& path) {
  const char* spec = std::getenv("BIDSCOPE_FAULT_INJECTION");
  if (spec == nullptr) return false;
  std::string_view rules = spec;
  while (!rules.empty()) {
    size_t end = rules.find(',');
    std::string_view rule = rules.substr(0, end);
    rules = end == std::string_view::npos ? "" : rules.substr(end + 1);
    size_t eq = rule.find('=');
    if (eq == std::string_view::npos || rule.substr(0, eq) != kind) continue;
    std::string_view needle = rule.substr(eq + 1);
    if (!needle.empty() && path.find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace bidscope::cli
