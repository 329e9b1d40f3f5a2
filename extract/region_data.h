// The division table in flat, sorted arrays: read from data/regions.tsv at
// build time into a generated source, or from any TSV text at run time.
// RegionTable (region.h) looks names up in these arrays.
#ifndef BIDSCOPE_EXTRACT_REGION_DATA_H_
#define BIDSCOPE_EXTRACT_REGION_DATA_H_

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bidscope::region_data {

enum class Level : uint8_t { kProvince, kCity, kCounty };

struct Division {
  std::string_view code;  // six digits
  Level level;
  std::string_view name;  // 合肥市
  int32_t parent;         // index into the divisions, -1 for provinces
};

// One name and the divisions it names: codes[first, first + count). A
// code is a division's index, or -1 - index when the name is the short
// form (合肥 for 合肥市).
struct Name {
  std::u16string_view text;
  uint32_t first;
  uint32_t count;
};

struct Tables {
  std::span<const Division> divisions;
  std::span<const Name> names;     // sorted by text, code unit by code unit
  std::span<const int32_t> codes;  // in the order the names were added
  // The first two code units of every name, packed as (first << 16) |
  // second, sorted. Most positions of a text start no name, and this
  // rules them out with one search instead of one per name length.
  std::span<const uint32_t> starts;
};

// Tables read from TSV text, with the storage their views point into.
// Not copyable or movable, so that no view outlives its storage.
struct OwnedTables {
  OwnedTables() = default;
  OwnedTables(const OwnedTables&) = delete;
  OwnedTables& operator=(const OwnedTables&) = delete;

  Tables View() const;

  std::deque<std::string> strings;
  std::deque<std::u16string> texts;
  std::vector<Division> divisions;
  std::vector<Name> names;
  std::vector<int32_t> codes;
  std::vector<uint32_t> starts;
};

// Parses "code\tlevel\tname\tparent" lines into `out`. Lines starting
// with '#' and the header are skipped. Cells after the fourth are ignored.
// Each division is named by its full name, its short name (安徽 for
// 安徽省) and, for an autonomous division, by the place before its ethnic
// groups (酉阳县, 酉阳 for 酉阳土家族苗族自治县). Throws
// std::runtime_error naming the line when a parent is not listed above it.
void ParseTsv(std::string_view tsv, OwnedTables* out);

// Returns the table of data/regions.tsv that the build compiled in.
const Tables& Compiled();

// Converts `utf8` to UTF-16. Invalid bytes become U+FFFD.
std::u16string ToUtf16(std::string_view utf8);

// Packs the two code units of `text` at `i` as (first << 16) | second.
inline uint32_t NameStart(std::u16string_view text, size_t i) {
  return (static_cast<uint32_t>(text[i]) << 16) | text[i + 1];
}

}  // namespace bidscope::region_data

#endif  // BIDSCOPE_EXTRACT_REGION_DATA_H_
