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
  std::string line = "bidscope: ";
  if (!subject.empty()) {
    line += subject;
    line += ": ";
  }
  line += what;
  if (!why.empty()) {
    line += ": ";
    line += why;
  }
  line += '\n';
  std::cout.flush();
  std::fputs(line.c_str(), stderr);
}

namespace {

std::string Styled(std::string_view text, const char* code, bool enabled) {
  if (!enabled) return std::string(text);
  return std::string("\x1b[") + code + "m" + std::string(text) + "\x1b[0m";
}

}  // namespace

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
