// Administrative region (province, city, county) with its GB/T 2260 code,
// resolved from names in a buyer's name or the text.
#ifndef BIDSCOPE_EXTRACT_REGION_H_
#define BIDSCOPE_EXTRACT_REGION_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace bidscope {

struct Region {
  std::string province;  // 安徽省
  std::string city;  // 合肥市; empty for municipalities and their districts
  std::string county;  // 蜀山区
  std::string code;    // six digits of the most specific division found
};

// The division table of data/regions.tsv (code, level, name, parent).
class RegionTable {
 public:
  // Parses the TSV text. Lines starting with '#' and the header are
  // skipped. Throws std::runtime_error naming the line on a malformed row.
  static RegionTable FromTsv(std::string_view tsv);

  // The table at $BIDSCOPE_DATA_DIR/regions.tsv, or at the source tree's
  // data/ when that variable is unset. Loaded once. Empty when the file
  // cannot be read, with load_error() saying why.
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

  size_t size() const { return entries_.size(); }
  const std::string& load_error() const { return load_error_; }

 private:
  enum class Level { kProvince, kCity, kCounty };
  struct Entry {
    std::string code;
    Level level;
    std::string name;
    int parent;  // index into entries_, -1 for provinces
  };
  struct Mention {
    std::vector<int> entries;
    // Per entry: named by the short form of a county's name.
    std::vector<bool> short_county;
  };

  void AddName(const std::u16string& name, int index, bool short_form);
  std::vector<Mention> FindMentions(std::string_view text) const;
  bool IsAncestorOrSelf(int ancestor, int entry) const;
  bool IsOrganWord(const std::vector<int>& coded, const std::u16string& text,
                   size_t end) const;
  bool IsStreetOrTimeZone(const std::vector<int>& coded,
                          const std::u16string& text, size_t end) const;
  Region ToRegion(int entry) const;

  // Hash of a name, which lets names_ be searched by a view into a text.
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::u16string_view name) const {
      return std::hash<std::u16string_view>{}(name);
    }
  };

  std::vector<Entry> entries_;
  // Full and short names to entry indexes. A short form is marked by a
  // negative index (-1 - index).
  std::unordered_map<std::u16string, std::vector<int>, NameHash,
                     std::equal_to<>>
      names_;
  // The first two code units of every name, packed as (first << 16) |
  // second. Most positions of a text start no name, and this set rules
  // them out with one lookup instead of one per name length.
  std::unordered_set<uint32_t> name_starts_;
  std::string load_error_;
};

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_REGION_H_
