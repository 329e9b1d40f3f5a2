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
// is left out. Errors from the index and extract libraries name their file
// themselves, so a why that starts with "SUBJECT: " loses that prefix, and
// WHAT is left out when the rest of why starts with it.
void PrintError(std::string_view subject, std::string_view what,
                std::string_view why);

// Formats the summary record of an index run as "3 files: 2 indexed, ...,
// 0 removed; 2 documents written, 5 in the index".
std::string RunSummaryLine(const nlohmann::json& summary);

// Returns the heading of a result: `title` in bold, or else the first line
// of the text dimmed, so that it does not pass for a title, or else
// "(no title)".
std::string ResultHeading(std::string_view title, std::string_view first_line,
                          bool color);

// ANSI styling, applied only when `enabled` (stdout is a terminal).
std::string Bold(std::string_view text, bool enabled);
std::string HighlightText(std::string_view text, bool enabled);
std::string Dim(std::string_view text, bool enabled);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_OUTPUT_H_
