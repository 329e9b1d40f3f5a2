// JSON and JSON Lines dumps through nlohmann-json.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "extract/records_source.h"

namespace bidscope {

namespace {

using nlohmann::json;

std::string ScalarText(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Flattens nested objects and arrays into dotted keys: {"a": {"b": 1}}
// gives "a.b", and element 2 of an array under "c" gives "c.2".
void Flatten(const json& value, const std::string& prefix,
             RecordFields* fields) {
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      Flatten(child, prefix.empty() ? key : prefix + "." + key, fields);
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      Flatten(value[i], prefix + "." + std::to_string(i), fields);
    }
  } else {
    fields->emplace_back(prefix, ScalarText(value));
  }
}

bool IsArrayOfObjects(const json& value) {
  return value.is_array() && !value.empty() &&
         std::all_of(value.begin(), value.end(),
                     [](const json& item) { return item.is_object(); });
}

// The largest array of objects anywhere inside `value`, or nullptr.
const json* LargestObjectArray(const json& value) {
  const json* best = IsArrayOfObjects(value) ? &value : nullptr;
  if (!value.is_structured()) return best;
  for (const auto& child : value) {
    const json* inner = LargestObjectArray(child);
    if (inner != nullptr && (best == nullptr || inner->size() > best->size())) {
      best = inner;
    }
  }
  return best;
}

// True when an object's own string fields give it both a title and a body,
// which marks a single notice even if it contains arrays of attachments or
// articles. A title alone is not enough: API responses such as
// {"title": "搜索结果", "data": [...]} name the list they wrap.
bool LooksLikeNotice(const json& object) {
  RecordFields own;
  for (const auto& [key, child] : object.items()) {
    if (child.is_string()) own.emplace_back(key, child.get<std::string>());
  }
  FieldRoles roles = AssignFieldRoles(own, ExtractOptions{});
  return roles.title >= 0 && !roles.text.empty();
}

RecordFields ToRecord(const json& object) {
  RecordFields fields;
  Flatten(object, "", &fields);
  return fields;
}

// 1-based line of byte offset `offset`, for parse error messages.
int LineOf(std::string_view bytes, size_t offset) {
  offset = std::min(offset, bytes.size());
  return 1 + int(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

// Python's json module writes NaN, Infinity and -Infinity, which JSON
// forbids. Replaces them outside strings with null and counts them.
std::string NullNonFiniteLiterals(std::string_view text, int* replaced) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) out += text[++i];
      if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    bool replaced_here = false;
    for (std::string_view literal : {"-Infinity", "Infinity", "NaN"}) {
      if (!replaced_here && text.substr(i).starts_with(literal)) {
        out += "null";
        i += literal.size() - 1;
        ++*replaced;
        replaced_here = true;
      }
    }
    if (!replaced_here) out += c;
  }
  return out;
}

// Parses `text`, retrying once with NaN and Infinity read as null.
json ParseLenient(std::string_view text, std::vector<std::string>* warnings) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error&) {
    int replaced = 0;
    std::string patched = NullNonFiniteLiterals(text, &replaced);
    if (replaced == 0) throw;
    json value = json::parse(patched);
    warnings->push_back(fmt::format(
        "{} NaN or Infinity literals, which JSON forbids, read as null",
        replaced));
    return value;
  }
}

// Returns JSON cut short inside its records as valid JSON: cut after the
// last complete element of the outermost array that has one, then closed.
// Returns nothing when no element is complete. nlohmann-json reads no
// partial input, so the brackets are tracked here.
std::optional<std::string> CloseCutJson(std::string_view text) {
  std::string open;  // the brackets open at the current byte
  bool in_string = false;
  size_t cut = 0;
  std::string cut_open;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '{' || c == '[') open.push_back(c);
    if ((c == '}' || c == ']') && !open.empty()) {
      open.pop_back();
      // An element of an array just ended. The shallowest array wins, so
      // that a record's own list of attachments is not taken for it.
      bool element = !open.empty() && open.back() == '[';
      if (element && (cut == 0 || open.size() <= cut_open.size())) {
        cut = i + 1;
        cut_open = open;
      }
    }
  }
  if (cut == 0) return std::nullopt;
  std::string closed(text.substr(0, cut));
  for (auto it = cut_open.rbegin(); it != cut_open.rend(); ++it) {
    closed.push_back(*it == '[' ? ']' : '}');
  }
  return closed;
}

}  // namespace

RecordSet ReadJsonRecords(std::string_view bytes) {
  RecordSet set;
  json root;
  bool cut_short = false;
  try {
    root = ParseLenient(bytes, &set.warnings);
  } catch (const json::parse_error& e) {
    // A dump that ends inside a record, as a download or a scraper that
    // stopped leaves it, keeps the records before the cut.
    std::optional<std::string> closed;
    if (e.byte + 1 >= bytes.size()) closed = CloseCutJson(bytes);
    try {
      if (!closed) throw;
      root = ParseLenient(*closed, &set.warnings);
      cut_short = true;
    } catch (const json::parse_error&) {
      set.error = fmt::format("line {}: invalid JSON: {}",
                              LineOf(bytes, e.byte), e.what());
      return set;
    }
  }

  const json* records = nullptr;
  if (root.is_object() && !LooksLikeNotice(root)) {
    records = LargestObjectArray(root);
  } else if (root.is_array()) {
    records = &root;
  }
  if (root.is_object() && records == nullptr) {
    set.records.push_back({.number = 1, .fields = ToRecord(root)});
    return set;
  }
  if (records == nullptr) {
    set.error = "JSON contains no object records";
    return set;
  }
  for (size_t i = 0; i < records->size(); ++i) {
    const json& item = (*records)[i];
    if (!item.is_object()) {
      set.warnings.push_back(fmt::format(
          "record {}: {} is not an object; skipped", i + 1, item.type_name()));
      continue;
    }
    set.records.push_back({.number = int(i + 1), .fields = ToRecord(item)});
  }
  if (cut_short) {
    set.warnings.push_back(fmt::format(
        "the file ends inside record {}, cut short: that record is lost and "
        "the {} before it are kept",
        records->size() + 1, records->size()));
  }
  return set;
}

RecordSet ReadJsonLinesRecords(std::string_view bytes) {
  RecordSet set;
  int line_number = 0;
  int record_number = 0;
  size_t start = 0;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    ++record_number;

    try {
      json item = ParseLenient(line, &set.warnings);
      if (!item.is_object()) {
        set.warnings.push_back(
            fmt::format("line {}: {} is not an object; skipped", line_number,
                        item.type_name()));
        continue;
      }
      set.records.push_back(
          {.number = record_number, .fields = ToRecord(item)});
    } catch (const json::parse_error& e) {
      set.warnings.push_back(
          fmt::format("line {}: invalid JSON: {}", line_number, e.what()));
    }
  }
  return set;
}

}  // namespace bidscope
