#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"

namespace bidscope::cli {

using nlohmann::json;

int RunReportCommand(const ReportCommandOptions& options) {
  std::string path = options.db + "/" + kRunReportName;
  std::ifstream in(path);
  if (!in) {
    PrintError(path, "no run report",
               "run 'bidscope index --db " + options.db + " ...' first");
    return 2;
  }
  std::string line;
  int listed = 0;
  while (std::getline(in, line)) {
    json record = json::parse(line, nullptr, false);
    if (record.is_discarded()) continue;
    std::string type = record.value("type", "");
    const json& data = record["data"];
    if (type == "file") {
      std::string status = data.value("status", "");
      bool failure = status == "failed" || status == "encrypted";
      if (options.failed_only && !failure) continue;
      auto warnings = data.find("warnings");
      bool warned =
          warnings != data.end() && warnings->is_array() && !warnings->empty();
      if (options.warnings && !warned) continue;
      ++listed;
      if (options.json) {
        std::cout << line << '\n';
        continue;
      }
      std::cout << status << '\t' << data.value("path", "");
      std::string reason = data.value("reason", "");
      if (!reason.empty()) std::cout << '\t' << reason;
      std::cout << '\n';
      if (!options.warnings) continue;
      for (const json& warning : *warnings) {
        if (warning.is_string()) {
          std::cout << "  warning: " << warning.get<std::string>() << '\n';
        }
      }
    } else if (type == "summary") {
      if (options.json) {
        std::cout << line << '\n';
      } else {
        std::cout << "summary: " << RunSummaryLine(data) << '\n';
      }
    }
  }
  return 0;
}

}  // namespace bidscope::cli
