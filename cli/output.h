// Output conventions of the command line: results on stdout, errors on
// stderr as "bidscope: PATH: what failed: why", JSON Lines in one envelope.
#ifndef BIDSCOPE_CLI_OUTPUT_H_
#define BIDSCOPE_CLI_OUTPUT_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace bidscope::cli {

bool StdoutIsTerminal();
bool StderrIsTerminal();

// Serialises JSON; invalid UTF-8 in strings becomes U+FFFD rather than
// aborting the output.
std::string DumpJson(const nlohmann::json& value);

// Prints {"type": type, "data": data} and a newline on stdout.
void PrintJsonLine(std::string_view type, const nlohmann::json& data);

// Prints "bidscope: SUBJECT: WHAT: WHY" on stderr. An empty subject or why
// is left out.
void PrintError(std::string_view subject, std::string_view what,
                std::string_view why);

// ANSI styling, applied only when `enabled` (stdout is a terminal).
std::string Bold(std::string_view text, bool enabled);
std::string HighlightText(std::string_view text, bool enabled);
std::string Dim(std::string_view text, bool enabled);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_OUTPUT_H_
