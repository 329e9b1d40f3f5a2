#include "extract/region.h"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace bidscope {
namespace {

std::string Describe(const Region& r) {
  return r.province + "|" + r.city + "|" + r.county + "|" + r.code;
}

TEST(RegionTableTest, CoversEveryProvinceAndCity) {
  const RegionTable& table = RegionTable::Default();
  EXPECT_GT(table.size(), 3000u);
}

TEST(RegionTableTest, ListsEveryDivisionOfAName) {
  const RegionTable& table = RegionTable::Default();
  EXPECT_EQ(table.CodesNamed("普陀区"),
            (std::vector<std::string>{"310107", "330903"}));
  EXPECT_EQ(table.CodesNamed("合肥市"), std::vector<std::string>{"340100"});
  EXPECT_TRUE(table.CodesNamed("无此地区名").empty());
}

TEST(RegionTest, ResolvesNames) {
  struct Row {
    const char* text;
    const char* expected;
  };
  const Row kRows[] = {
      {"合肥市", "安徽省|合肥市||340100"},
      {"北京市海淀区", "北京市||海淀区|110108"},
      {"海淀区", "北京市||海淀区|110108"},
      {"北京市朝阳区卫生健康委员会", "北京市||朝阳区|110105"},
      {"长春市朝阳区教育局", "吉林省|长春市|朝阳区|220104"},
      {"朝阳区教育局", "|||"},
      {"枝江市公安消防大队", "湖北省|宜昌市|枝江市|420583"},
      {"巴林左旗农牧业局", "内蒙古自治区|赤峰市|巴林左旗|150422"},
      {"酉阳县偏柏乡中心小学校", "重庆市||酉阳土家族苗族自治县|500242"},
      {"贺州学院", "广西壮族自治区|贺州市||451100"},
      {"上海嘉定汽车客运场站管理有限公司", "上海市||嘉定区|310114"},
      {"广东省教育厅", "广东省|||440000"},
      {"偏柏乡中心小学", "|||"},
      {"示例市公安局", "|||"},
      {"示例市公安局网络舆情监测服务，采购人：示例市公安局", "|||"},
      {"荆州市公安局", "湖北省|荆州市||421000"},
      {"湖北省荆州市公安县人民医院", "湖北省|荆州市|公安县|421022"},
      {"某某有限公司", "|||"},
      // A province's short name that is also a county's (Tianjin's 河北区)
      // still names the province.
      {"河北医科大学第四医院", "河北省|||130000"},
      {"天津市河北区教育局", "天津市||河北区|120105"},
      {"海南医学院第二附属医院", "海南省|||460000"},
      {"西安电子科技大学校医院", "陕西省|西安市||610100"},
      // Streets named after other places are not those places.
      {"地址：上海市南京东路100号", "上海市|||310000"},
      {"地址：中山北路88号，杭州", "浙江省|杭州市||330100"},
      {"地址：广州市北京路100号", "广东省|广州市||440100"},
      {"银滩大道（广东路—蓝剑路）标线工程，广西某公司",
       "广西壮族自治区|||450000"},
      {"北京路", "|||"},
      {"临沂第九中学本部及西安路校区", "山东省|临沂市||371300"},
      {"广州市某项目（海南立交、增滘立交）", "广东省|广州市||440100"},
      {"渚河办滏河南大街小区改造", "|||"},
      {"开标时间：2021年12月31日9时30分（北京时间）", "|||"},
      {"上海市某局，开标时间为北京时间9时30分", "上海市|||310000"},
      {"投标截止时间为北京\n时间2021年12月31日", "|||"},
      // A street word inside a longer word leaves the place.
      {"深圳路桥建设集团有限公司", "广东省|深圳市||440300"},
      {"上海路政管理处", "上海市|||310000"},
      // A county short form before a street word still counts beside its
      // city: 越秀北路 is in 越秀区.
      {"广州市越秀北路311号", "广东省|广州市|越秀区|440104"},
  };
  const RegionTable& table = RegionTable::Default();
  for (const Row& row : kRows) {
    EXPECT_EQ(Describe(table.Resolve(row.text)), row.expected) << row.text;
  }
}

std::string ReadRegionsFile() {
  std::ifstream in(std::string(BIDSCOPE_DATA_DIR) + "/regions.tsv",
                   std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The name cell of every division row.
std::vector<std::string> DivisionNames(const std::string& tsv) {
  std::vector<std::string> names;
  std::istringstream lines(tsv);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#' || line.starts_with("code\t")) continue;
    size_t first = line.find('\t');
    size_t second = line.find('\t', first + 1);
    size_t third = line.find('\t', second + 1);
    names.push_back(line.substr(second + 1, third - second - 1));
  }
  return names;
}

// The compiled table gives the same results as the data file read at run
// time, so a stale or wrongly written table fails here.
TEST(RegionTableTest, CompiledTableMatchesDataFile) {
  std::string tsv = ReadRegionsFile();
  ASSERT_FALSE(tsv.empty()) << "cannot read data/regions.tsv";
  RegionTable from_file = RegionTable::FromTsv(tsv);
  const RegionTable& compiled = RegionTable::Default();
  ASSERT_EQ(compiled.size(), from_file.size());
  std::vector<std::string> names = DivisionNames(tsv);
  ASSERT_EQ(names.size(), from_file.size());
  for (const std::string& name : names) {
    EXPECT_EQ(compiled.CodesNamed(name), from_file.CodesNamed(name)) << name;
    EXPECT_FALSE(compiled.CodesNamed(name).empty()) << name;
    std::string short_name = name.substr(0, name.size() - 3);  // one Han
    EXPECT_EQ(compiled.CodesNamed(short_name), from_file.CodesNamed(short_name))
        << short_name;
    std::string text =
        "采购人：" + name + "人民政府，地址：" + name + "中心路1号";
    EXPECT_EQ(Describe(compiled.Resolve(text)),
              Describe(from_file.Resolve(text)))
        << text;
  }
}

TEST(RegionTableTest, CopyOutlivesItsSource) {
  std::optional<RegionTable> copy;
  {
    RegionTable table = RegionTable::FromTsv(
        "340000\tprovince\t安徽省\t\n340100\tcity\t合肥市\t340000\n");
    copy = table;
  }
  EXPECT_EQ(Describe(copy->Resolve("合肥市")), "安徽省|合肥市||340100");
  EXPECT_EQ(copy->CodesNamed("合肥"), std::vector<std::string>{"340100"});
}

TEST(RegionTableTest, RejectsRowWithUnknownParent) {
  EXPECT_THROW(RegionTable::FromTsv("340100\tcity\t合肥市\t340000\n"),
               std::runtime_error);
}

}  // namespace
}  // namespace bidscope
