#include "cli/output.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace bidscope::cli {

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }
bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

std::string DumpJson(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void PrintJsonLine(std::string_view type, const nlohmann::json& data) {
  nlohmann::json line = {{"type", type}, {"data", data}};
  std::cout << DumpJson(line) << '\n';
}

void PrintError(std::string_view subject, std::string_view what,
                std::string_view why) {
  if (!subject.empty() && why.size() > subject.size() + 2 &&
      why.substr(0, subject.size()) == subject &&
      why.substr(subject.size(), 2) == ": ") {
    why.remove_prefix(subject.size() + 2);
  }
  if (!what.empty() && why.substr(0, what.size()) == what) what = {};

  std::string line = "bidscope: ";
  if (!subject.empty()) {
    line += subject;
    line += ": ";
  }
  line += what;
  if (!why.empty()) {
    if (!what.empty()) line += ": ";
    line += why;
  }
  line += '\n';
  std::cout.flush();
  std::fputs(line.c_str(), stderr);
}

std::string RunSummaryLine(const nlohmann::json& summary) {
  auto count = [&](const char* key) { return summary.value(key, int64_t{0}); };
  auto counted = [&](const char* key, const char* noun) {
    int64_t n = count(key);
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
  };
  std::string line = counted("files", "file") + ": ";
  const char* statuses[] = {"indexed",   "unchanged",   "duplicate", "failed",
                            "encrypted", "unsupported", "skipped",   "removed"};
  for (size_t i = 0; i < std::size(statuses); ++i) {
    if (i > 0) line += ", ";
    line += std::to_string(count(statuses[i])) + " " + statuses[i];
  }
  line += "; " + counted("documents", "document") + " written";
  // Reports of older runs have no index count.
  if (summary.contains("index_documents")) {
    line += ", " + std::to_string(count("index_documents")) + " in the index";
  }
  if (summary.value("interrupted", false)) {
    line += "; interrupted: run the same command again to finish";
  }
  return line;
}

namespace {

std::string Styled(std::string_view text, const char* code, bool enabled) {
  if (!enabled) return std::string(text);
  return std::string("\x1b[") + code + "m" + std::string(text) + "\x1b[0m";
}

}  // namespace

std::string ResultHeading(std::string_view title, std::string_view first_line,
                          bool color) {
  if (!title.empty()) return Bold(title, color);
  if (!first_line.empty()) return Dim(first_line, color);
  return "(no title)";
}

std::string Bold(std::string_view text, bool enabled) {
  return Styled(text, "1", enabled);
}

std::string HighlightText(std::string_view text, bool enabled) {
  return Styled(text, "1;31", enabled);
}

std::string Dim(std::string_view text, bool enabled) {
  return Styled(text, "2", enabled);
}

}  // namespace bidscope::cli
