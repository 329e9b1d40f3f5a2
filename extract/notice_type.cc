#include "extract/notice_type.h"

#include <utility>
#include <vector>

#include "extract/fields_text.h"

namespace bidscope {

using fields_internal::Contains;

namespace {

struct Rule {
  std::u16string_view word;
  const char* value;
};

// Rules are checked in order. An amendment or termination of an award
// notice is an amendment or termination, an acceptance result
// (验收结果公告) is no award, and a single-source result notice is an
// award, so those words come before the method words.
const std::vector<Rule>& TypeRules() {
  static const std::vector<Rule> rules = {
      {u"采购意向", "intention"},
      {u"採購意向", "intention"},
      {u"更正", "amendment"},
      {u"变更", "amendment"},
      {u"變更", "amendment"},
      {u"澄清", "amendment"},
      {u"补遗", "amendment"},
      {u"更改", "amendment"},
      {u"終止", "termination"},
      {u"终止", "termination"},
      {u"废标", "termination"},
      {u"廢標", "termination"},
      {u"流标", "termination"},
      {u"流標", "termination"},
      {u"无效公告", "termination"},
      {u"資格預審", "prequalification"},
      {u"资格预审", "prequalification"},
      {u"合同公告", "contract"},
      {u"合同公示", "contract"},
      {u"契約公告", "contract"},
      {u"验收", "acceptance"},
      {u"驗收", "acceptance"},
      {u"中标", "award"},
      {u"中標", "award"},
      {u"成交公告", "award"},
      {u"成交结果", "award"},
      {u"结果公告", "award"},
      {u"結果公告", "award"},
      {u"决标", "award"},
      {u"決標", "award"},
      {u"得標", "award"},
      {u"批出合約", "award"},
      {u"单一来源", "single_source"},
      {u"單一來源", "single_source"},
      {u"竞争性谈判", "negotiation"},
      {u"競爭性談判", "negotiation"},
      {u"竞争性磋商", "consultation"},
      {u"询价", "rfq"},
      {u"詢價", "rfq"},
      {u"招标公告", "tender"},
      {u"招標公告", "tender"},
      {u"采购公告", "tender"},
      {u"採購公告", "tender"},
      {u"公開招標", "tender"},
      {u"公开招标", "tender"},
      {u"邀请招标", "tender"},
      {u"招标文件", "tender"},
      {u"招標文件", "tender"},
      {u"招标", "tender"},
      {u"招標", "tender"},
  };
  return rules;
}

const std::vector<Rule>& MethodRules() {
  static const std::vector<Rule> rules = {
      {u"框架协议", "framework"},
      {u"框架協議", "framework"},
      {u"单一来源", "single_source"},
      {u"單一來源", "single_source"},
      {u"竞争性谈判", "negotiation"},
      {u"競爭性談判", "negotiation"},
      {u"竞争性磋商", "consultation"},
      {u"询价", "rfq"},
      {u"詢價", "rfq"},
      {u"邀请招标", "invited"},
      {u"選擇性招標", "invited"},
      {u"公开招标", "open"},
      {u"公開招標", "open"},
  };
  return rules;
}

// Value of the first rule whose word occurs in `text`, or "".
std::string FirstRule(const icu::UnicodeString& text,
                      const std::vector<Rule>& rules) {
  for (const Rule& rule : rules) {
    if (Contains(text, rule.word)) return rule.value;
  }
  return "";
}

// The first 600 units of `head`: a notice states its type near the top,
// while a long tender document mentions every other type further down.
// The form heading "谈判小组、询价小组、磋商小组成员名单及单一来源采购人员
// 名单" names every method, so committee words are removed first.
icu::UnicodeString HeadStart(std::string_view head, int32_t max_units) {
  icu::UnicodeString text = fields_internal::NormalizeForFields(head);
  if (text.length() > max_units) text.truncate(max_units);
  static const std::u16string_view kCommittees[] = {
      u"谈判小组", u"询价小组", u"磋商小组", u"单一来源采购人员"};
  for (std::u16string_view word : kCommittees) {
    text.findAndReplace(
        icu::UnicodeString(word.data(), static_cast<int32_t>(word.size())),
        u"");
  }
  return text;
}

// Value of the rule whose word occurs first in `text`, or "".
std::string EarliestRule(const icu::UnicodeString& text,
                         const std::vector<Rule>& rules) {
  int32_t best = -1;
  std::string value;
  for (const Rule& rule : rules) {
    int32_t at = text.indexOf(rule.word.data(),
                              static_cast<int32_t>(rule.word.size()), 0);
    if (at >= 0 && (best < 0 || at < best)) {
      best = at;
      value = rule.value;
    }
  }
  return value;
}

// The type given by the first line of `text` that names one: a notice or a
// tender document states what it is in its heading, while its table of
// contents goes on to name others (招标文件的澄清和修改, 验收). The bare
// 招标 of an agency's name (某某招标有限公司) does not pick a line.
std::string FirstLineRule(const icu::UnicodeString& text,
                          const std::vector<Rule>& rules) {
  int32_t start = 0;
  while (start < text.length()) {
    int32_t end = text.indexOf(u'\n', start);
    if (end < 0) end = text.length();
    icu::UnicodeString line(text, start, end - start);
    for (const Rule& rule : rules) {
      if (rule.word == u"招标" || rule.word == u"招標") continue;
      if (Contains(line, rule.word)) return FirstRule(line, rules);
    }
    start = end + 1;
  }
  return FirstRule(text, rules);
}

}  // namespace

std::string ClassifyNoticeType(std::string_view title, std::string_view head) {
  std::string type =
      FirstRule(fields_internal::NormalizeForFields(title), TypeRules());
  if (!type.empty()) return type;
  type = FirstLineRule(HeadStart(head, 600), TypeRules());
  return type.empty() ? "other" : type;
}

std::string ClassifyProcurementMethod(std::string_view method_label,
                                      std::string_view title,
                                      std::string_view head) {
  if (!method_label.empty()) {
    std::string method = FirstRule(
        fields_internal::NormalizeForFields(method_label), MethodRules());
    return method.empty() ? "other" : method;
  }
  std::string method =
      FirstRule(fields_internal::NormalizeForFields(title), MethodRules());
  if (!method.empty()) return method;
  return EarliestRule(HeadStart(head, 2400), MethodRules());
}

std::string ClassifyNoticeCategory(std::string_view label) {
  if (label == "CAN") return "award";
  if (label == "CN") return "tender";
  if (label == "PIN") return "intention";
  std::string type = ClassifyNoticeType(label, "");
  if (type != "other") return type;
  // Category labels are shorter than titles, so they have words of their
  // own.
  static constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
      {"合同", "contract"},    {"成交", "award"},     {"需求公示", "intention"},
      {"预公告", "intention"}, {"预告", "intention"}, {"竞谈", "negotiation"},
      {"询比", "rfq"},         {"竞价", "tender"},    {"比选", "tender"}};
  for (const auto& [word, word_type] : kLabels) {
    if (label.find(word) != std::string_view::npos) {
      return std::string(word_type);
    }
  }
  return "other";
}

}  // namespace bidscope
