#include "extract/detect_text.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/csv_parser.h"
#include "extract/records_fields.h"

namespace bidscope {
namespace {

// The HTML sniffs look this far for their markers.
constexpr size_t kHtmlWindow = 2048;
constexpr size_t kFragmentWindow = 8192;

// JSON Lines needs this many object lines, and more of them than lines
// that do not parse, since a scraper killed mid-write or one bad record
// must not turn a dump into plain text. At most kMaxJsonLines are parsed.
constexpr size_t kMinJsonLines = 2;
constexpr size_t kMaxJsonLines = 50;

// CSV consistency is judged over at most this many records.
constexpr size_t kMaxCsvRecords = 30;
constexpr size_t kMinCsvRecords = 3;

// Share of records whose delimiter count must equal the header's.
constexpr double kMinCsvConsistency = 0.8;

char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool HasPrefixNoCase(std::string_view text, size_t pos,
                     std::string_view prefix) {
  if (pos > text.size() || text.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(text[pos + i]) != prefix[i]) return false;
  }
  return true;
}

// True when `tag` ("<html") starts at `pos` and ends there as a name.
bool TagAt(std::string_view text, size_t pos, std::string_view tag) {
  if (!HasPrefixNoCase(text, pos, tag)) return false;
  size_t end = pos + tag.size();
  return end >= text.size() || IsSpace(text[end]) || text[end] == '>' ||
         text[end] == '/';
}

// Position after leading whitespace, comments, processing instructions
// and stray byte order marks.
size_t SkipPrologue(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (IsSpace(text[pos])) {
      ++pos;
    } else if (text.substr(pos).starts_with("\xEF\xBB\xBF")) {
      pos += 3;
    } else if (text.substr(pos).starts_with("<!--")) {
      size_t end = text.find("-->", pos + 4);
      if (end == std::string_view::npos) return text.size();
      pos = end + 3;
    } else if (text.substr(pos).starts_with("<?")) {
      size_t end = text.find("?>", pos + 2);
      if (end == std::string_view::npos) return text.size();
      pos = end + 2;
    } else {
      break;
    }
  }
  return pos;
}

// Accepts any JSON value; records where parsing stopped.
class JsonPrefixChecker : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception&) override {
    error_position_ = position;
    return false;
  }
  size_t error_position() const { return error_position_; }

 private:
  size_t error_position_ = 0;
};

// Replaces the NaN, Infinity and -Infinity literals that Python's json
// module writes, and strict JSON rejects, with null outside strings.
std::string WithoutPythonLiterals(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      result.push_back(c);
      if (c == '\\' && i + 1 < text.size()) {
        result.push_back(text[++i]);
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    in_string = c == '"';
    std::string_view rest = text.substr(i);
    size_t literal = rest.starts_with("NaN")         ? 3
                     : rest.starts_with("Infinity")  ? 8
                     : rest.starts_with("-Infinity") ? 9
                                                     : 0;
    if (literal == 0) {
      result.push_back(c);
      continue;
    }
    result += "null";
    i += literal - 1;
  }
  return result;
}

// True when `text` is JSON, or valid JSON up to its end: the prefix read
// of a longer file, or a dump that a download or a scraper cut short,
// which the JSON reader keeps the complete records of.
bool IsJsonOrPrefix(std::string_view original) {
  std::string text = WithoutPythonLiterals(original);
  JsonPrefixChecker checker;
  bool complete = nlohmann::json::sax_parse(text, &checker);
  if (complete) return true;
  return checker.error_position() + 1 >= text.size();
}

std::vector<std::string_view> Lines(std::string_view text, bool truncated) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      if (!truncated) lines.push_back(text.substr(pos));
      break;
    }
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

bool IsJsonLines(std::string_view text, bool truncated) {
  size_t objects = 0;
  size_t others = 0;
  for (std::string_view line : Lines(text, truncated)) {
    size_t begin = line.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) continue;
    line = line.substr(begin);
    if (line.front() == '{' && nlohmann::json::accept(line)) {
      ++objects;
    } else {
      ++others;
    }
    if (objects + others == kMaxJsonLines) break;
  }
  return objects >= kMinJsonLines && objects > others;
}

// Records split at newlines outside double quotes.
std::vector<std::string_view> CsvRecords(std::string_view text,
                                         bool truncated) {
  std::vector<std::string_view> records;
  bool quoted = false;
  size_t start = 0;
  for (size_t i = 0; i < text.size() && records.size() < kMaxCsvRecords; ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (text[i] == '\n' && !quoted) {
      records.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (!truncated && start < text.size() && records.size() < kMaxCsvRecords) {
    records.push_back(text.substr(start));
  }
  while (!records.empty() &&
         records.back().find_first_not_of(" \t\r") == std::string_view::npos) {
    records.pop_back();
  }
  return records;
}

size_t CountDelimiters(std::string_view record, char delimiter) {
  size_t count = 0;
  bool quoted = false;
  for (char c : record) {
    if (c == '"') quoted = !quoted;
    if (c == delimiter && !quoted) ++count;
  }
  return count;
}

// True when the first row reads as column names: some field is not a
// number, and no field is longer than a name or contains a labelled value
// or a sentence. A headerless list such as "A01<TAB>预算金额：320000元" is
// text, not a dump whose first record would become its column names.
bool HasNamedField(std::string_view header, char delimiter) {
  constexpr size_t kMaxNameBytes = 64;
  bool named = false;
  size_t pos = 0;
  while (pos <= header.size()) {
    size_t end = std::min(header.find(delimiter, pos), header.size());
    std::string_view field = header.substr(pos, end - pos);
    if (field.size() > kMaxNameBytes) return false;
    for (std::string_view mark : {"：", "。", "，"}) {
      if (field.find(mark) != std::string_view::npos) return false;
    }
    named |=
        field.find_first_not_of("0123456789.-+ \"\r") != std::string_view::npos;
    pos = end + 1;
  }
  return named;
}

}  // namespace

bool LooksLikeHtml(std::string_view text) {
  size_t pos = SkipPrologue(text);
  if (pos >= text.size() || text[pos] != '<') return false;
  if (HasPrefixNoCase(text, pos, "<!doctype")) {
    size_t name = pos + 9;
    while (name < text.size() && IsSpace(text[name])) ++name;
    if (TagAt(text, name, "html")) return true;
  }
  for (std::string_view tag : {"<html", "<head", "<meta", "<body", "<title"}) {
    if (TagAt(text, pos, tag)) return true;
  }
  std::string_view window = text.substr(pos, kHtmlWindow);
  for (size_t i = window.find('<'); i != std::string_view::npos;
       i = window.find('<', i + 1)) {
    if (TagAt(window, i, "<html") || TagAt(window, i, "<head") ||
        TagAt(window, i, "<body")) {
      return true;
    }
  }
  return false;
}

bool LooksLikeXml(std::string_view text) {
  size_t start = 0;
  while (start < text.size() && IsSpace(text[start])) ++start;
  if (text.substr(start).starts_with("<?xml")) return true;
  if (start >= text.size() || text[start] != '<') return false;
  size_t end = text.find('>', start);
  if (end == std::string_view::npos) return false;
  return text.substr(start, end - start).find("xmlns") !=
         std::string_view::npos;
}

Format SniffJson(std::string_view text, bool truncated) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return Format::kUnknown;
  text = text.substr(start);
  if (text.front() != '{' && text.front() != '[') return Format::kUnknown;
  if (text.front() == '{' && IsJsonLines(text, truncated)) {
    return Format::kJsonLines;
  }
  return IsJsonOrPrefix(text) ? Format::kJson : Format::kUnknown;
}

namespace {

// True when `records`, a header and one row, are a dump of one record. The
// header must be named, and the row must have as many fields and give the
// record a title, body or URL by the names of records_fields.cc. Two lines
// of text with commas give no record such a field.
bool IsOneRecordCsv(const std::vector<std::string_view>& records) {
  for (char delimiter : {',', '\t', ';', '|'}) {
    size_t header_count = CountDelimiters(records[0], delimiter);
    if (header_count == 0 ||
        CountDelimiters(records[1], delimiter) != header_count ||
        !HasNamedField(records[0], delimiter)) {
      continue;
    }
    std::string both(records[0]);
    both += '\n';
    both += records[1];
    CsvTable table = ParseCsv(both, delimiter);
    if (table.rows.size() != 2 ||
        table.rows[0].cells.size() != table.rows[1].cells.size()) {
      continue;
    }
    RecordFields fields;
    for (size_t i = 0; i < table.rows[0].cells.size(); ++i) {
      fields.emplace_back(table.rows[0].cells[i], table.rows[1].cells[i]);
    }
    FieldRoles roles = AssignFieldRoles(fields, ExtractOptions{});
    if (roles.title >= 0 || roles.url >= 0 || !roles.text.empty()) return true;
  }
  return false;
}

}  // namespace

bool LooksLikeCsv(std::string_view text, bool truncated) {
  std::vector<std::string_view> records = CsvRecords(text, truncated);
  if (records.size() == 2 && !truncated) return IsOneRecordCsv(records);
  if (records.size() < kMinCsvRecords) return false;
  // The last row of a whole file does not count against it, since a dump
  // cut short ends in a short row, which the CSV reader keeps and reports.
  size_t judged = records.size() > kMinCsvRecords && !truncated
                      ? records.size() - 1
                      : records.size();
  for (char delimiter : {',', '\t', ';', '|'}) {
    size_t header_count = CountDelimiters(records.front(), delimiter);
    if (header_count == 0) continue;
    size_t consistent = std::count_if(
        records.begin(), records.begin() + judged,
        [&](std::string_view record) {
          return CountDelimiters(record, delimiter) == header_count;
        });
    double share = static_cast<double>(consistent) / judged;
    if (share >= kMinCsvConsistency &&
        HasNamedField(records.front(), delimiter)) {
      return true;
    }
  }
  return false;
}

bool LooksLikeHtmlFragment(std::string_view text) {
  static constexpr std::array<std::string_view, 20> kCommonTags = {
      "p",      "div", "span", "table", "tr", "td",   "br",
      "strong", "b",   "a",    "img",   "ul", "li",   "h1",
      "h2",     "h3",  "font", "em",    "th", "tbody"};
  std::string_view window = text.substr(0, kFragmentWindow);
  std::set<std::string_view> seen;
  size_t total = 0;
  for (size_t i = window.find('<'); i != std::string_view::npos;
       i = window.find('<', i + 1)) {
    size_t name = i + 1;
    if (name < window.size() && window[name] == '/') ++name;
    for (std::string_view tag : kCommonTags) {
      if (TagAt(window, name, tag)) {
        seen.insert(tag);
        ++total;
        break;
      }
    }
  }
  return seen.size() >= 3 && total >= 6;
}

namespace {

// Facts read from the header block at the start of a text.
struct HeaderBlock {
  bool valid = false;       // at least two well-formed header lines
  bool mime = false;        // MIME-Version or Content-Type
  bool mail = false;        // From, Subject, Date, Received or Message-ID
  bool saved_page = false;  // multipart/related or Snapshot-Content-Location
};

HeaderBlock ReadHeaderBlock(std::string_view text) {
  constexpr size_t kMaxHeaderLines = 200;
  HeaderBlock block;
  size_t lines = 0;
  size_t pos = 0;
  while (pos < text.size() && lines < kMaxHeaderLines) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    if (line.empty()) break;  // the end of the header block
    ++lines;
    if (line.front() == ' ' || line.front() == '\t') {
      if (lines == 1) return {};
      std::string folded(line);
      for (char& c : folded) c = Lower(c);
      if (folded.find("multipart/related") != std::string::npos) {
        block.saved_page = true;
      }
      continue;
    }
    // A field name is printable ASCII without spaces, then a colon.
    size_t colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos) return {};
    std::string name(line.substr(0, colon));
    for (char& c : name) {
      if (c <= ' ' || c > '~') return {};
      c = Lower(c);
    }
    std::string value(line.substr(colon + 1));
    for (char& c : value) c = Lower(c);
    if (name == "mime-version") block.mime = true;
    if (name == "content-type") {
      block.mime = true;
      if (value.find("multipart/related") != std::string::npos) {
        block.saved_page = true;
      }
    }
    if (name == "snapshot-content-location") block.saved_page = true;
    if (name == "from" || name == "subject" || name == "date" ||
        name == "received" || name == "message-id") {
      block.mail = true;
    }
  }
  block.valid = lines >= 2;
  return block;
}

}  // namespace

Format SniffMime(std::string_view text) {
  HeaderBlock block = ReadHeaderBlock(text);
  if (!block.valid || !block.mime) return Format::kUnknown;
  if (block.saved_page) return Format::kMhtml;
  return block.mail ? Format::kEmail : Format::kUnknown;
}

Format SniffMbox(std::string_view text) {
  if (!text.starts_with("From ")) return Format::kUnknown;
  size_t end = text.find('\n');
  if (end == std::string_view::npos) return Format::kUnknown;
  // Messages in a mailbox often predate MIME, so its headers are not
  // required.
  HeaderBlock block = ReadHeaderBlock(text.substr(end + 1));
  return block.valid && block.mail ? Format::kMbox : Format::kUnknown;
}

}  // namespace bidscope
