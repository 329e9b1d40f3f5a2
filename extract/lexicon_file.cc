// Reading and validating lexicon files.
#include <unicode/utf8.h>

#include <fstream>
#include <sstream>
#include <string>

#include "extract/lexicon.h"

namespace bidscope {
namespace {

constexpr size_t kColumnCount = 6;
constexpr std::string_view kHeader =
    "english\tsimplified\ttraditional\tcategory\tnote\tsource";

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool IsValidUtf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(TrimSpaces(line.substr(start, tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

// The problem with a row's fields, or an empty string when it is valid.
std::string RowProblem(const std::vector<std::string_view>& fields) {
  if (fields.size() != kColumnCount) {
    return "expected " + std::to_string(kColumnCount) +
           " tab-separated columns (english, simplified, traditional, "
           "category, note, source), found " +
           std::to_string(fields.size());
  }
  if (fields[0].empty()) return "the english column is empty";
  if (fields[1].empty() && fields[2].empty()) {
    return "both the simplified and the traditional column are empty";
  }
  if (fields[3].empty()) return "the category column is empty";
  if (fields[5].empty()) return "the source column is empty";
  return "";
}

}  // namespace

std::vector<LexiconEntry> ParseLexicon(std::string_view content,
                                       std::string_view origin,
                                       std::vector<std::string>* errors) {
  std::vector<LexiconEntry> entries;
  int line_number = 0;
  size_t start = 0;
  while (start < content.size()) {
    size_t newline = content.find('\n', start);
    if (newline == std::string_view::npos) newline = content.size();
    std::string_view line = content.substr(start, newline - start);
    start = newline + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    // Skip the column names, comments and blank lines.
    if (line_number == 1 && line.starts_with(kHeader)) continue;
    if (TrimSpaces(line).empty() || line.front() == '#') continue;

    auto report = [&](const std::string& problem) {
      errors->push_back(std::string(origin) + ":" +
                        std::to_string(line_number) + ": " + problem);
    };
    if (!IsValidUtf8(line)) {
      report("the line is not valid UTF-8");
      continue;
    }
    std::vector<std::string_view> fields = SplitTabs(line);
    if (std::string problem = RowProblem(fields); !problem.empty()) {
      report(problem);
      continue;
    }
    LexiconEntry entry;
    entry.english = fields[0];
    entry.simplified = fields[1];
    entry.traditional = fields[2];
    entry.category = fields[3];
    entry.note = fields[4];
    entry.source = fields[5];
    entry.origin = origin;
    entry.line = line_number;
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::string DefaultLexiconPath() {
  return std::string(BIDSCOPE_DATA_DIR) + "/lexicon.tsv";
}

LexiconLoadResult LoadLexicon(const LexiconSources& sources) {
  LexiconLoadResult result;
  std::vector<LexiconEntry> entries;
  for (const std::string& path : {sources.shipped_path, sources.user_path}) {
    if (path.empty()) continue;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      result.errors.push_back(path + ": cannot open the lexicon file");
      continue;
    }
    std::ostringstream content;
    content << in.rdbuf();
    std::vector<LexiconEntry> parsed =
        ParseLexicon(content.str(), path, &result.errors);
    entries.insert(entries.end(), std::make_move_iterator(parsed.begin()),
                   std::make_move_iterator(parsed.end()));
  }
  result.lexicon = Lexicon(std::move(entries));
  return result;
}

}  // namespace bidscope
