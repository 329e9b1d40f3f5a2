#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/credit_code.h"
#include "extract/fields.h"
#include "extract/notice_type.h"
#include "extract/parties.h"

namespace bidscope {
namespace {

TEST(CreditCodeTest, ValidatesCheckCharacter) {
  struct Row {
    const char* code;
    bool valid;
  };
  const Row kRows[] = {
      {"91350100M000100Y43", true},  {"91500230MA5U3XGR29", true},
      {"91130828MA0F2U281M", true},  {"91130682MA091YFW0B", true},
      {"91350100M000100Y44", false}, {"91350100M000100Y4", false},
      {"91350100I000100Y43", false}, {"", false},
  };
  for (const Row& row : kRows) {
    EXPECT_EQ(IsValidCreditCode(row.code), row.valid) << row.code;
  }
}

TEST(CreditCodeTest, ComputesCheckCharacter) {
  EXPECT_EQ(CreditCodeCheckCharacter("91350100M000100Y4"), '3');
  EXPECT_EQ(CreditCodeCheckCharacter("91130828MA0F2U281"), 'M');
  EXPECT_EQ(CreditCodeCheckCharacter("9135010"), std::nullopt);
}

TEST(NoticeTypeTest, ClassifiesTitles) {
  struct Row {
    const char* title;
    const char* type;
  };
  const Row kRows[] = {
      {"某市2024年1月政府采购意向", "intention"},
      {"某医院设备采购资格预审公告", "prequalification"},
      {"某局监控设备公开招标公告", "tender"},
      {"某局监控设备采购公告", "tender"},
      {"某局保洁服务竞争性谈判公告", "negotiation"},
      {"某局物业服务竞争性磋商公告", "consultation"},
      {"某校电脑询价公告", "rfq"},
      {"某馆数据库单一来源公示", "single_source"},
      {"某局监控设备中标结果更正公告", "amendment"},
      {"某局监控设备招标文件澄清", "amendment"},
      {"某局监控设备中标公告", "award"},
      {"某校电脑成交公告", "award"},
      {"某局监控设备废标公告", "termination"},
      {"某局监控设备项目终止公告", "termination"},
      {"某局监控设备合同公告", "contract"},
      {"某局监控设备验收结果公告", "acceptance"},
      {"臺北市政府警察局監視器決標公告", "award"},
      {"臺北市政府警察局監視器公開招標公告", "tender"},
      {"会议通知", "other"},
  };
  for (const Row& row : kRows) {
    EXPECT_EQ(ClassifyNoticeType(row.title, ""), row.type) << row.title;
  }
}

TEST(NoticeTypeTest, FallsBackToFirstLines) {
  EXPECT_EQ(ClassifyNoticeType("", "第一章 招标公告\n一、项目基本情况"),
            "tender");
  // A tender document's contents name other types further down.
  EXPECT_EQ(ClassifyNoticeType("",
                               "某海关辅助服务采购项目招标文件\n目录\n"
                               "第二章 招标文件的澄清和修改\n第五章 验收"),
            "tender");
  // An agency's name does not make a notice a tender.
  EXPECT_EQ(ClassifyNoticeType("", "某某招标有限公司\n某局监控设备中标公告"),
            "award");
  EXPECT_EQ(ClassifyNoticeType("", "关于某项目招标文件的更正公告\n一、"),
            "amendment");
}

TEST(ProcurementMethodTest, PrefersLabelThenTitle) {
  EXPECT_EQ(ClassifyProcurementMethod("竞争性磋商", "公开招标公告", ""),
            "consultation");
  EXPECT_EQ(ClassifyProcurementMethod("", "某局框架协议采购公告", ""),
            "framework");
  EXPECT_EQ(ClassifyProcurementMethod("", "某局邀请招标公告", ""), "invited");
  EXPECT_EQ(ClassifyProcurementMethod("电子竞价", "", ""), "other");
  EXPECT_EQ(ClassifyProcurementMethod(
                "", "",
                "谈判小组、询价小组、磋商小组成员名单及单一来源采购"
                "人员名单：张三\n现进行了询价采购"),
            "rfq");
  EXPECT_EQ(ClassifyProcurementMethod("", "", ""), "");
}

TEST(PartiesTest, ReadsLabelledLines) {
  Parties p = FindParties(
      "项目编号：HBAYX[2016]030号\n项目名称：警营影院改造工程\n"
      "采购计划编号：2016-0088\n包号：1\n"
      "采购人：枝江市公安消防大队\n采购代理机构：湖北安永信工程咨询管理有限责任"
      "公司\n中标供应商：湖北乡友建设有限公司\n地址：枝江市安福寺镇花园大道196"
      "号\n"
      "统一社会信用代码：91350100M000100Y43\n");
  EXPECT_EQ(p.project_number, "HBAYX[2016]030号");
  EXPECT_EQ(p.project_name, "警营影院改造工程");
  EXPECT_EQ(p.plan_number, "2016-0088");
  EXPECT_EQ(p.lot, "1");
  EXPECT_EQ(p.buyer, "枝江市公安消防大队");
  EXPECT_EQ(p.agency, "湖北安永信工程咨询管理有限责任公司");
  ASSERT_EQ(p.suppliers.size(), 1u);
  EXPECT_EQ(p.suppliers[0].name, "湖北乡友建设有限公司");
  EXPECT_EQ(p.suppliers[0].address, "枝江市安福寺镇花园大道196号");
  EXPECT_EQ(p.suppliers[0].credit_code, "91350100M000100Y43");
  EXPECT_TRUE(p.suppliers[0].credit_code_valid);
}

TEST(PartiesTest, ReadsBlocksUnderHeadings) {
  Parties p = FindParties(
      "1.采购人信息\n名 称：围场县旅游和文化广电局\n地址：围场镇\n"
      "2.采购代理机构信息\n名称：围场县政府采购中心\n");
  EXPECT_EQ(p.buyer, "围场县旅游和文化广电局");
  EXPECT_EQ(p.agency, "围场县政府采购中心");

  // The heading run into its first line, as a page's source wrap gives it.
  Parties joined = FindParties(
      "1.采购人信息名称：围场县旅游和文化广电局\n地址：围场镇\n"
      "2.采购代理机构信息名称：围场县政府采购中心\n");
  EXPECT_EQ(joined.buyer, "围场县旅游和文化广电局");
  EXPECT_EQ(joined.agency, "围场县政府采购中心");
}

TEST(PartiesTest, CutsValueAtNextLabel) {
  // Two cells of a form line that the layout joined.
  Parties p = FindParties(
      "七、采购人：示例县公安局联系电话：0999-5550101\n"
      "采购代理机构：示例县公共资源交易中心传真：0999-5550102\n"
      "中标供应商：示例科技有限公司地址：示例市高新区创新路18号\n");
  EXPECT_EQ(p.buyer, "示例县公安局");
  EXPECT_EQ(p.agency, "示例县公共资源交易中心");
  ASSERT_EQ(p.suppliers.size(), 1u);
  EXPECT_EQ(p.suppliers[0].name, "示例科技有限公司");
  EXPECT_EQ(p.suppliers[0].address, "示例市高新区创新路18号");

  // Two parties on one line.
  Parties two = FindParties("采购人：某市财政局采购代理机构：某招标有限公司\n");
  EXPECT_EQ(two.buyer, "某市财政局");
  EXPECT_EQ(two.agency, "某招标有限公司");

  // A colon in brackets stays unless a known label opens the brackets.
  Parties aside = FindParties("项目名称：某局会议室改造(一期:主楼)\n");
  EXPECT_EQ(aside.project_name, "某局会议室改造(一期:主楼)");
  Parties period = FindParties("项目名称：某局会议室改造(工期:30天)\n");
  EXPECT_EQ(period.project_name, "某局会议室改造");

  // Nor does one after a Latin letter or a digit.
  Parties code = FindParties("项目编号：ZB:2024-01\n开标时间：10:30\n");
  EXPECT_EQ(code.project_number, "ZB:2024-01");
}

TEST(PartiesTest, ReadsLetterSpacedLabelRunIntoValue) {
  // The first character of a letter-spaced label stuck to the value before.
  Parties p = FindParties(
      "项目编号/包号：11000025210200159640-XM002采 购 人：示例国家级自然保护区"
      "管理处\n");
  EXPECT_EQ(p.project_number, "11000025210200159640-XM002");
  EXPECT_EQ(p.buyer, "示例国家级自然保护区管理处");

  // A two-character label, also when the cell wrapped it.
  Parties spaced =
      FindParties("联系方式招 标 人：示例县新惠中学地    址：示例镇\n");
  EXPECT_EQ(spaced.buyer, "示例县新惠中学");
  Parties wrapped = FindParties(
      "招标代理机构：示例项目管理有限公司地\n址：示例市高新区创业大厦\n");
  EXPECT_EQ(wrapped.agency, "示例项目管理有限公司");

  // A name that ends in the label's first character keeps it.
  Parties whole = FindParties("采购人：示例县林业基地 电话：0999-5550101\n");
  EXPECT_EQ(whole.buyer, "示例县林业基地");
}

TEST(PartiesTest, JoinsCodeCutByLineEnd) {
  Parties p =
      FindParties("项目编号： 2024\nBFFFZ01583采购人：示例市公安局示例分局\n");
  EXPECT_EQ(p.project_number, "2024BFFFZ01583");
  EXPECT_EQ(p.buyer, "示例市公安局示例分局");
  Parties hyphen = FindParties("项目编号：SCZC-2025-\nGK0131\n");
  EXPECT_EQ(hyphen.project_number, "SCZC-2025-GK0131");
  Parties document = FindParties("招标编号：商政采\n〔2025〕837 号。\n");
  EXPECT_EQ(document.project_number, "商政采〔2025〕837");

  // A whole code, and numbering or a date on the next line, stay apart.
  Parties whole = FindParties("项目编号：ZB2024-01\nA3 楼\n");
  EXPECT_EQ(whole.project_number, "ZB2024-01");
  Parties numbered =
      FindParties("项目编号：2024\n1.项目名称：某局会议室改造\n");
  EXPECT_EQ(numbered.project_number, "2024");
  Parties dated = FindParties("项目编号：2024-\n2025年6月\n");
  EXPECT_EQ(dated.project_number, "2024-");
}

TEST(PartiesTest, NameKeepsSpaceBetweenScripts) {
  EXPECT_EQ(
      FindParties("项目名称：北京大学图书馆CASHL 期刊采购项目\n").project_name,
      "北京大学图书馆CASHL 期刊采购项目");
  EXPECT_EQ(FindParties("项目名称：示例市2024 年度舆情监测服务\n").project_name,
            "示例市2024 年度舆情监测服务");
  // A label not known after the space leaves the name before it.
  EXPECT_EQ(FindParties("项目名称：某局会议系统ABC 备注：无\n").project_name,
            "某局会议系统ABC");
  // Numbers stop at the space.
  EXPECT_EQ(FindParties("项目编号：ZB2024-01 第二包\n").project_number,
            "ZB2024-01");
}

TEST(PartiesTest, NameEndsBeforeNextItemNumbering) {
  // The label 采购预算 was cut by a line end, so only its numbering shows
  // where the name ends.
  EXPECT_EQ(
      FindParties("二、项目名称：示例期刊采购项目三、采购预\n算：991 万元\n")
          .project_name,
      "示例期刊采购项目");
  EXPECT_EQ(FindParties("项目名称：示例路改造工程第一、二标段\n").project_name,
            "示例路改造工程第一、二标段");
}

TEST(PartiesTest, NameDropsNumeralOfCutItem) {
  // A scraper cut the text after the next item's numeral, before its "、".
  EXPECT_EQ(FindParties("一、项目编号：XY-0692二、项目名称：示例医院手术室"
                        "配套设施货物采购三\nbuyer: 示例医院\n")
                .project_name,
            "示例医院手术室配套设施货物采购");
  EXPECT_EQ(FindParties("二、项目名称：示例医院手术室配套设施货物采购三")
                .project_name,
            "示例医院手术室配套设施货物采购");
  // Without the item before it, or after 第, the numeral is the name's.
  EXPECT_EQ(
      FindParties("项目名称：示例医院手术室配套设施货物采购三\n").project_name,
      "示例医院手术室配套设施货物采购三");
  EXPECT_EQ(FindParties("二、项目名称：示例路改造工程第三\n").project_name,
            "示例路改造工程第三");
  // Before a line that could be the rest of a wrapped name (三期), the
  // numeral is kept.
  EXPECT_EQ(FindParties("二、项目名称：示例新区管网工程三\n期采购项目\n")
                .project_name,
            "示例新区管网工程三");
}

TEST(PartiesTest, ContractNamesItsParties) {
  Parties contract = FindParties(
      "政府采购合同公告\n采购人（甲方）：示例市财政局\n"
      "供应商（乙方）：北京信息软件有限公司\n合同金额：48万元\n");
  EXPECT_EQ(contract.buyer, "示例市财政局");
  ASSERT_EQ(contract.suppliers.size(), 1u);
  EXPECT_EQ(contract.suppliers[0].name, "北京信息软件有限公司");

  Parties bare = FindParties("甲方：示例市财政局\n乙方：示例科技有限公司\n");
  EXPECT_EQ(bare.buyer, "示例市财政局");
  ASSERT_EQ(bare.suppliers.size(), 1u);
  EXPECT_EQ(bare.suppliers[0].name, "示例科技有限公司");

  // Definitions and the blanks of a contract template name no party.
  Parties definitions = FindParties(
      "甲方：招标人或招标人依法成立的项目公司\n乙方：是指中标的供应商\n"
      "甲方：[合同中心-采购单位名称] "
      "乙方：[合同中心-供应商名称]法人：[合同中心-"
      "供应商法人姓名]\n");
  EXPECT_EQ(definitions.buyer, "");
  EXPECT_TRUE(definitions.suppliers.empty()) << definitions.suppliers[0].name;
}

TEST(PartiesTest, SplitsRunTogetherText) {
  // A scraper's text: numbered items run together.
  Parties p = FindParties(
      "一、项目编号：JSZC-320591-G2024-0422二、项目名称：智慧手术室升级改造项目"
      "(二次)三、采购方式：公开招标四、采购人：某市人民医院2024年5月6日");
  EXPECT_EQ(p.project_number, "JSZC-320591-G2024-0422");
  EXPECT_EQ(p.project_name, "智慧手术室升级改造项目(二次)");
  EXPECT_EQ(p.buyer, "某市人民医院");

  // A value that runs into a label not known is left out, not guessed.
  Parties unknown =
      FindParties("项目名称：某某体育馆建设项目监理备案编码：ABC123\n");
  EXPECT_EQ(unknown.project_name, "");

  // The blank of a form, an unclosed aside and a cut-off next item.
  Parties form = FindParties(
      "项目名称：________________\n"
      "项目编号：TAHP-ZB-2023-1790（1-12 包）\n"
      "采购人：某县人民医院二、\n");
  EXPECT_EQ(form.project_name, "");
  EXPECT_EQ(form.project_number, "TAHP-ZB-2023-1790");
  EXPECT_EQ(form.buyer, "某县人民医院");
}

TEST(PartiesTest, ReadsColumnsOfNumberedRows) {
  Parties p = FindParties(
      "序号 | 采购项目名称 | 采购需求概况 | 预算金额（万元） | 预计采购时间\n"
      "1 | 网络舆情分析服务 | 对本市网络舆论进行监看、分析 | 32 | 2024年5月\n"
      "2 | 户外宣传栏制作安装 | 全市主要街道宣传栏更新 | 18.5 | 2024年6月\n"
      "采购单位：中共示例市委宣传部（统一社会信用代码：11990100MB1701220L）\n");
  EXPECT_EQ(p.project_name, "网络舆情分析服务");
  EXPECT_EQ(p.buyer, "中共示例市委宣传部");

  // A row of labels and values is no header row.
  Parties pairs = FindParties(
      "采购单位 | 贺州学院 | 联系人 | 张老师\n"
      "代理机构 | 贺州市公共资源交易中心 | 联系人 | 李老师\n");
  EXPECT_EQ(pairs.buyer, "贺州学院");
  EXPECT_EQ(pairs.agency, "贺州市公共资源交易中心");
}

TEST(PartiesTest, ReadsTableRows) {
  Parties p = FindParties(
      "采购单位 | 贺州学院\n代理机构名称 | 贺州市公共资源交易中心\n"
      "供应商名称 | 供应商地址 | 统一社会信用代码\n"
      "承德发金商贸有限公司 | 围场镇河东村6组 | 91130828MA0F2U281M\n"
      "河北泰鸿体育设施有限公司 | 定州经济开发区 | 91130682MA091YFW0C\n\n");
  EXPECT_EQ(p.buyer, "贺州学院");
  EXPECT_EQ(p.agency, "贺州市公共资源交易中心");
  ASSERT_EQ(p.suppliers.size(), 2u);
  EXPECT_EQ(p.suppliers[0].name, "承德发金商贸有限公司");
  EXPECT_EQ(p.suppliers[0].address, "围场镇河东村6组");
  EXPECT_TRUE(p.suppliers[0].credit_code_valid);
  EXPECT_EQ(p.suppliers[1].name, "河北泰鸿体育设施有限公司");
  EXPECT_FALSE(p.suppliers[1].credit_code_valid);
}

TEST(PartiesTest, ReadsOneCellPerLineTables) {
  Parties p = FindParties(
      "招标公告编号\n070832\n招标人\n酉阳县偏柏乡中心小学校\n招标代理机构\n"
      "达华工程管理(集团)有限公司\n第二中标候选人\n某建筑公司\n拟 中\n标\n人\n"
      "重庆市北恒建筑工程有限公司\n");
  EXPECT_EQ(p.project_number, "070832");
  EXPECT_EQ(p.buyer, "酉阳县偏柏乡中心小学校");
  EXPECT_EQ(p.agency, "达华工程管理(集团)有限公司");
  ASSERT_EQ(p.suppliers.size(), 1u);
  EXPECT_EQ(p.suppliers[0].name, "重庆市北恒建筑工程有限公司");
}

TEST(PartiesTest, ReadsEntrustmentSentence) {
  Parties p = FindParties(
      "巴林左旗公共资源交易中心受巴林左旗农牧业局的委托，就信息网络采购组织采"
      "购");
  EXPECT_EQ(p.agency, "巴林左旗公共资源交易中心");
  EXPECT_EQ(p.buyer, "巴林左旗农牧业局");
}

TEST(PartiesTest, SkipsPlaceholderValues) {
  Parties p = FindParties("成交供应商名称、地址及成交金额：见公告原文\n");
  EXPECT_TRUE(p.suppliers.empty());
}

TEST(PartiesTest, KeepsPlaceNamesThatLookLikePlaceholders) {
  struct Case {
    const char* text;
    const char* buyer;
  };
  const Case kCases[] = {
      {"采购人：无锡市公安局\n", "无锡市公安局"},
      {"采购人：无为市教育局\n", "无为市教育局"},
      {"采购人：无棣县公安局\n", "无棣县公安局"},
      {"采购人：略阳县人民医院\n", "略阳县人民医院"},
      {"采购人：无\n", ""},
      {"采购人：无（见附件）\n", ""},
      {"采购人：无此项\n", ""},
      {"采购人：略\n", ""},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(FindParties(c.text).buyer, c.buyer) << c.text;
  }
  EXPECT_EQ(FindParties("采购代理机构：无锡市政府采购中心\n").agency,
            "无锡市政府采购中心");
}

TEST(PartiesTest, ReadsLetterSpacedLabels) {
  Parties p = FindParties(
      "采   购   人：四川星海视听新媒体有限公司\n"
      "代 理 机 构：某某招标代理有限公司\n"
      "供应商名称：(盖单位公章)\n"
      "供应商：协商日期:\n");
  EXPECT_EQ(p.buyer, "四川星海视听新媒体有限公司");
  EXPECT_EQ(p.agency, "某某招标代理有限公司");
  EXPECT_TRUE(p.suppliers.empty()) << p.suppliers[0].name;
  // A word before a label is not part of it.
  EXPECT_EQ(FindParties("A 采购人：某市公安局\n").buyer, "某市公安局");
}

TEST(PartiesTest, SupplierAfterLinkingVerb) {
  Parties p =
      FindParties("本项目中标供应商为杭州某某科技有限公司，金额100万元。");
  ASSERT_EQ(p.suppliers.size(), 1u);
  EXPECT_EQ(p.suppliers[0].name, "杭州某某科技有限公司");
}

TEST(PartiesTest, ItemTableHeaderIsNoSupplier) {
  Parties p = FindParties(
      "三、中标（成交）信息\n供应商名称：中国电信股份有限公司某县分公司\n"
      "四、主要标的信息\n名称 | 数量 | 单价\n高清摄像机 | 200 | 1200\n");
  ASSERT_EQ(p.suppliers.size(), 1u);
  EXPECT_EQ(p.suppliers[0].name, "中国电信股份有限公司某县分公司");
}

TEST(FieldsTest, BareDollarInHongKongIsHkd) {
  Fields hk = ExtractFieldsFromText(
      "拍賣結果（港幣/元）\n拍賣品編號 C-403 成交價 $96,000.00\n");
  ASSERT_EQ(hk.amounts.size(), 1u);
  EXPECT_EQ(hk.amounts[0].currency, "HKD");
  Fields us = ExtractFieldsFromText("合同金额：$96,000.00（美元）\n");
  ASSERT_EQ(us.amounts.size(), 1u);
  EXPECT_EQ(us.amounts[0].currency, "USD");
}

TEST(FieldsTest, ExtractsFromText) {
  Fields f = ExtractFieldsFromText(
      "合肥市公安局瑶海分局监控运维服务中标公告\n"
      "发布日期：2024年5月6日\n采购人：合肥市公安局瑶海分局\n"
      "中标供应商：安徽某某科技有限公司\n中标金额：人民币壹佰万元整（¥1,000,"
      "000.00）\n"
      "签订日期：5月20日\n");
  EXPECT_EQ(f.notice_type, "award");
  EXPECT_EQ(f.buyer, "合肥市公安局瑶海分局");
  ASSERT_EQ(f.amounts.size(), 1u);
  EXPECT_EQ(f.amounts[0].kind, "award");
  EXPECT_EQ(f.amounts[0].value, "1000000");
  ASSERT_EQ(f.dates.size(), 2u);
  EXPECT_EQ(f.dates[1].kind, "contract");
  EXPECT_EQ(f.dates[1].value, "2024-05-20");
  EXPECT_EQ(f.region.province, "安徽省");
  EXPECT_EQ(f.region.city, "合肥市");
  EXPECT_EQ(f.region.county, "瑶海区");
  EXPECT_EQ(f.region.code, "340102");
  EXPECT_TRUE(f.warnings.empty());
}

TEST(FieldsTest, RegionIgnoresAgencyAndBank) {
  // Without a buyer's name, the region comes from the head, but not from
  // the agency's address or the bank's branch.
  Fields f = ExtractFieldsFromText(
      "办公设备采购项目竞争性磋商公告\n项目编号：ZB-2024-01\n"
      "采购代理机构：浙江某某招标咨询有限公司\n地址：杭州市西湖区文三路100号\n"
      "联系电话：0571-88888888\n开户银行：中国银行宁波分行\n"
      "项目地点：温州市鹿城区\n");
  EXPECT_EQ(f.buyer, "");
  EXPECT_EQ(f.region.code, "330302");

  Fields agency_only = ExtractFieldsFromText(
      "办公设备采购项目竞争性磋商公告\n"
      "采购代理机构：浙江某某招标咨询有限公司\n地址：杭州市西湖区文三路100号\n"
      "开户银行：中国银行宁波分行\n");
  EXPECT_EQ(agency_only.region.code, "");
}

TEST(FieldsTest, BranchBuyerGivesBranchPlace) {
  // The parent's city in the name is not where the branch buys.
  Fields bank = ExtractFieldsFromText(
      "零售业务劳务外包服务采购项目招标公告\n"
      "采购人：厦门国际银行股份有限公司上海分行\n");
  EXPECT_EQ(bank.region.code, "310000");
  Fields branch = ExtractFieldsFromText(
      "网点装修采购公告\n采购人：中国工商银行股份有限公司北京朝阳支行\n");
  EXPECT_EQ(branch.region.code, "110105");
  // A branch without a place of its own takes the parent's.
  Fields plain = ExtractFieldsFromText(
      "设备采购公告\n采购人：厦门某某科技有限公司软件分公司\n");
  EXPECT_EQ(plain.region.code, "350200");
}

TEST(FieldsTest, KeepsPageNumbers) {
  Document doc;
  doc.metadata.title = "某局设备招标公告";
  Page first;
  first.number = 1;
  first.text = "项目编号：ZB-01";
  Page second;
  second.number = 2;
  second.text = "预算金额：32万元";
  doc.pages = {first, second};
  Fields f = ExtractFields(doc);
  EXPECT_EQ(f.notice_type, "tender");
  EXPECT_EQ(f.project_number, "ZB-01");
  ASSERT_EQ(f.amounts.size(), 1u);
  EXPECT_EQ(f.amounts[0].page, 2);
  EXPECT_EQ(f.amounts[0].value, "320000");
}

TEST(FieldsTest, CandidateOffersStayOther) {
  Document doc;
  Page page;
  page.number = 1;
  page.text =
      "第一中标候选人：某建设有限公司 | 投标报价 | 9017.71万元\n"
      "第二中标候选人：某工程有限公司 | 投标报价 | 9120.00万元\n";
  doc.pages = {page};

  // A final result's figures are its awards.
  doc.metadata.title = "某小学建设项目中标结果公告";
  Fields result = ExtractFields(doc);
  EXPECT_EQ(result.notice_type, "award");
  ASSERT_EQ(result.amounts.size(), 2u);
  EXPECT_EQ(result.amounts[0].kind, "award");

  // The candidates' offers are no awards yet.
  doc.metadata.title = "某小学建设项目中标候选人公示";
  Fields candidates = ExtractFields(doc);
  EXPECT_EQ(candidates.notice_type, "award");
  ASSERT_EQ(candidates.amounts.size(), 2u);
  EXPECT_EQ(candidates.amounts[0].kind, "other");
  EXPECT_EQ(candidates.amounts[1].kind, "other");
}

TEST(FieldsJsonTest, RoundTripKeepsEveryField) {
  Fields f;
  f.notice_type = "award";
  f.procurement_method = "open";
  f.project_number = "ZB-01";
  f.plan_number = "P-9";
  f.project_name = "监控设备";
  f.lot = "2";
  f.buyer = "某局";
  f.agency = "某代理公司";
  f.suppliers = {Supplier{"某公司", "某路1号", "91350100M000100Y43", true}};
  f.amounts = {
      Amount{"award", "9665.18", "CNY", "玖仟陆佰陆拾伍圆壹角捌分", 3, ""},
      Amount{"budget", "12000", "CNY", "1.2万元", 1, "corrected"}};
  f.dates = {
      DateValue{"opening", "2021-12-31T09:30", "2021年12月31日9时30分", 2}};
  f.region = Region{"安徽省", "合肥市", "", "340100"};
  f.warnings = {"page 1: invalid date"};

  nlohmann::json json = FieldsToJson(f);
  EXPECT_EQ(json.at("suppliers").at(0).at("credit_code_valid"), true);
  EXPECT_EQ(json.at("amounts").at(0).at("page"), 3);
  EXPECT_FALSE(json.at("amounts").at(0).contains("revision"));
  EXPECT_EQ(json.at("amounts").at(1).at("revision"), "corrected");
  EXPECT_EQ(json.at("region").at("code"), "340100");
  EXPECT_EQ(FieldsToJson(FieldsFromJson(json)), json);
}

}  // namespace
}  // namespace bidscope
