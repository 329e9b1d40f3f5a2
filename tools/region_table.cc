// Writes the division table of data/regions.tsv as C++ arrays, which
// extract/region_compiled.cc compiles into the program. Building the
// table from the TSV file at each start took a third of the instructions
// that the procurement fields of a short `bidscope extract` cost.
//
// Usage: bidscope_region_table REGIONS_TSV OUTPUT
#include <unicode/unistr.h>

#include <cstdio>
#include <exception>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "extract/region_data.h"

namespace {

using bidscope::region_data::Level;

std::string Utf8(std::u16string_view text) {
  std::string out;
  icu::UnicodeString(text.data(), static_cast<int32_t>(text.size()))
      .toUTF8String(out);
  return out;
}

// A string literal's body: the text itself, with quotes, backslashes and
// control characters escaped.
std::string Literal(std::string_view text) {
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\%03o", byte);
      out += escape;
    } else {
      out += c;
    }
  }
  return out;
}

const char* LevelName(Level level) {
  switch (level) {
    case Level::kProvince:
      return "Level::kProvince";
    case Level::kCity:
      return "Level::kCity";
    case Level::kCounty:
      return "Level::kCounty";
  }
  return "";
}

std::string Source(const bidscope::region_data::OwnedTables& tables) {
  std::ostringstream out;
  out << "// Generated from data/regions.tsv by bidscope_region_table.\n"
         "constexpr Division kDivisions[] = {\n";
  for (const auto& d : tables.divisions) {
    out << "    {\"" << Literal(d.code) << "\", " << LevelName(d.level)
        << ", \"" << Literal(d.name) << "\", " << d.parent << "},\n";
  }
  out << "};\nconstexpr Name kNames[] = {\n";
  for (const auto& name : tables.names) {
    out << "    {u\"" << Literal(Utf8(name.text)) << "\", " << name.first
        << ", " << name.count << "},\n";
  }
  out << "};\nconstexpr int32_t kCodes[] = {\n";
  for (int32_t code : tables.codes) out << "    " << code << ",\n";
  out << "};\nconstexpr uint32_t kStarts[] = {\n";
  for (uint32_t start : tables.starts) out << "    " << start << "u,\n";
  out << "};\n";
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s REGIONS_TSV OUTPUT\n", argv[0]);
    return 2;
  }
  try {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) throw std::runtime_error(std::string(argv[1]) + ": read failed");
    std::ostringstream tsv;
    tsv << in.rdbuf();
    bidscope::region_data::OwnedTables tables;
    bidscope::region_data::ParseTsv(tsv.str(), &tables);
    std::ofstream out(argv[2], std::ios::binary);
    out << Source(tables);
    if (!out.flush()) {
      throw std::runtime_error(std::string(argv[2]) + ": write failed");
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bidscope_region_table: %s\n", e.what());
    return 1;
  }
  return 0;
}
