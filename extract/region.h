// Administrative region (province, city, county) with its GB/T 2260 code,
// resolved from names in a buyer's name or the text.
#ifndef BIDSCOPE_EXTRACT_REGION_H_
#define BIDSCOPE_EXTRACT_REGION_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/region_data.h"

namespace bidscope {

struct Region {
  std::string province;  // 安徽省
  std::string city;  // 合肥市; empty for municipalities and their districts
  std::string county;  // 蜀山区
  std::string code;    // six digits of the most specific division found
};

// The division table of data/regions.tsv (code, level, name, parent).
// Copies share the table.
class RegionTable {
 public:
  // Parses the TSV text. Lines starting with '#' and the header are
  // skipped. Throws std::runtime_error naming the line on a malformed row.
  static RegionTable FromTsv(std::string_view tsv);

  // The table of data/regions.tsv as it was when the program was built.
  // It is compiled in: building it from the file at each start took a
  // third of the instructions of a short extraction's fields.
  static const RegionTable& Default();

  // Region named in `text`: the most specific division whose ancestors
  // agree with the other names found. 合肥市 alone gives 安徽省 合肥市
  // 340100. A county name that exists in several provinces (朝阳区) is
  // used only when a province or city name picks one. Short forms (安徽,
  // 合肥, 嘉定) count for provinces and cities, and for counties only
  // beside their province or city.
  Region Resolve(std::string_view text) const;

  // Codes of every division named exactly `name`, in full or in short
  // form: 普陀区 gives Shanghai's and Zhoushan's. Empty when none is.
  std::vector<std::string> CodesNamed(std::string_view name) const;

  size_t size() const { return tables_.divisions.size(); }

 private:
  using Level = region_data::Level;
  using Codes = std::span<const int32_t>;
  struct Mention {
    std::vector<int> entries;
    // Per entry: named by the short form of a county's name.
    std::vector<bool> short_county;
  };

  explicit RegionTable(region_data::Tables tables,
                       std::shared_ptr<const region_data::OwnedTables> owned)
      : tables_(tables), owned_(std::move(owned)) {}

  // Returns the codes of `name`, or none when no division has that name.
  Codes Find(std::u16string_view name) const;
  std::vector<Mention> FindMentions(std::string_view text) const;
  bool IsAncestorOrSelf(int ancestor, int entry) const;
  bool IsOrganWord(Codes coded, const std::u16string& text, size_t end) const;
  bool IsStreetOrTimeZone(Codes coded, const std::u16string& text,
                          size_t end) const;
  Region ToRegion(int entry) const;
  const region_data::Division& Entry(int index) const {
    return tables_.divisions[static_cast<size_t>(index)];
  }

  region_data::Tables tables_;
  // Storage of a table read from TSV text, which tables_ points into.
  std::shared_ptr<const region_data::OwnedTables> owned_;
};

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_REGION_H_
