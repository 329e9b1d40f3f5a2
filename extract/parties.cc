#include "extract/parties.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "extract/credit_code.h"
#include "extract/fields_text.h"
#include "extract/parties_phrases.h"
#include "extract/region.h"

namespace bidscope {

using fields_internal::ToUtf8;

namespace {

enum class Role {
  kNone,
  kProjectNumber,
  kPlanNumber,
  kProjectName,
  kLot,
  kBuyer,
  kAgency,
  kSupplier,
  kMethod,
  kName,        // 名称 under a heading: the heading decides the role
  kAddress,     // 地址
  kCreditCode,  // 统一社会信用代码
};

struct LabelKey {
  std::u16string_view label;
  Role role;
};

// Label stems, longest first so that 采购代理机构 wins over 采购人.
// A stem also matches when followed by 名称, 全称 or 编号.
const std::vector<LabelKey>& LabelKeys() {
  static const std::vector<LabelKey> keys = [] {
    std::vector<LabelKey> k = {
        {u"采购计划编号", Role::kPlanNumber},
        {u"采购计划备案号", Role::kPlanNumber},
        {u"计划编号", Role::kPlanNumber},
        {u"采购项目编号", Role::kProjectNumber},
        {u"招标项目编号", Role::kProjectNumber},
        {u"项目编号", Role::kProjectNumber},
        {u"招标编号", Role::kProjectNumber},
        {u"招标公告编号", Role::kProjectNumber},
        {u"竞价编号", Role::kProjectNumber},
        {u"项目号", Role::kProjectNumber},
        {u"采购编号", Role::kProjectNumber},
        {u"標案案號", Role::kProjectNumber},
        {u"标案案号", Role::kProjectNumber},
        {u"案號", Role::kProjectNumber},
        {u"案号", Role::kProjectNumber},
        {u"采购项目名称", Role::kProjectName},
        {u"招标项目名称", Role::kProjectName},
        {u"项目名称", Role::kProjectName},
        {u"採購名稱", Role::kProjectName},
        {u"标案名称", Role::kProjectName},
        {u"標案名稱", Role::kProjectName},
        {u"工程名称", Role::kProjectName},
        {u"包号", Role::kLot},
        {u"包组", Role::kLot},
        {u"标段", Role::kLot},
        {u"标包", Role::kLot},
        {u"采购代理机构", Role::kAgency},
        {u"招标代理机构", Role::kAgency},
        {u"集中采购机构", Role::kAgency},
        {u"代理机构", Role::kAgency},
        {u"招标代理", Role::kAgency},
        {u"中标供应商", Role::kSupplier},
        {u"成交供应商", Role::kSupplier},
        {u"中标人", Role::kSupplier},
        {u"中标单位", Role::kSupplier},
        {u"成交单位", Role::kSupplier},
        {u"中标候选人", Role::kSupplier},
        {u"得標廠商", Role::kSupplier},
        // A contract names its parties 甲方 (the buyer) and 乙方 (the
        // supplier), often after 供应商 or 采购人: "供应商（乙方）".
        {u"供应商", Role::kSupplier},
        {u"乙方", Role::kSupplier},
        {u"甲方", Role::kBuyer},
        {u"決標廠商", Role::kSupplier},
        {u"采购人", Role::kBuyer},
        {u"采购单位", Role::kBuyer},
        {u"招标人", Role::kBuyer},
        {u"招标单位", Role::kBuyer},
        {u"项目法人", Role::kBuyer},
        {u"项目业主", Role::kBuyer},
        {u"采购执行方", Role::kBuyer},
        {u"建设单位", Role::kBuyer},
        {u"机关名称", Role::kBuyer},
        {u"機關名稱", Role::kBuyer},
        {u"招標機關", Role::kBuyer},
        {u"采购方式", Role::kMethod},
        {u"招标方式", Role::kMethod},
        {u"发包方式", Role::kMethod},
        {u"招標方式", Role::kMethod},
        {u"统一社会信用代码", Role::kCreditCode},
        {u"社会信用代码", Role::kCreditCode},
        {u"名称", Role::kName},
        {u"全称", Role::kName},
        {u"单位名称", Role::kName},
        {u"供应商名称", Role::kName},
        {u"地址", Role::kAddress},
        {u"联系地址", Role::kAddress},
        {u"通讯地址", Role::kAddress},
        {u"供应商地址", Role::kAddress},
        {u"中标供应商地址", Role::kAddress},
        {u"成交供应商地址", Role::kAddress},
        {u"中标人地址", Role::kAddress},
        {u"地點", Role::kAddress},
    };
    std::stable_sort(k.begin(), k.end(), [](const auto& a, const auto& b) {
      return a.label.size() > b.label.size();
    });
    return k;
  }();
  return keys;
}

// Headings that open a block of generic 名称/地址 lines.
struct Heading {
  std::u16string_view word;
  Role role;
};

const std::vector<Heading>& Headings() {
  static const std::vector<Heading> headings = {
      {u"采购人信息", Role::kBuyer},
      {u"采购单位信息", Role::kBuyer},
      {u"招标人信息", Role::kBuyer},
      {u"采购代理机构信息", Role::kAgency},
      {u"代理机构信息", Role::kAgency},
      {u"中标人信息", Role::kSupplier},
      {u"供应商信息", Role::kSupplier},
      {u"中标信息", Role::kSupplier},
      {u"成交信息", Role::kSupplier},
      {u"中标结果", Role::kSupplier},
      {u"成交结果", Role::kSupplier},
      {u"中标(成交)信息", Role::kSupplier},
      {u"项目信息", Role::kNone},
      {u"联系方式", Role::kNone},
      // The body that oversees the purchase, named among the contacts.
      {u"监管机构", Role::kNone},
      {u"监管部门", Role::kNone},
      {u"监督部门", Role::kNone},
  };
  return headings;
}

bool IsSpace(char16_t c) {
  return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == 0x3000;
}

bool IsLabelStop(char16_t c) {
  return IsSpace(c) || c == u',' || c == u'，' || c == u'。' || c == u';' ||
         c == u'；' || c == u':' || c == u'|';
}

bool IsValueStop(char16_t c) {
  return IsSpace(c) || c == u',' || c == u'，' || c == u'。' || c == u';' ||
         c == u'；' || c == u'|';
}

// The Chinese numerals of list numbering, 一 to 十, in order.
constexpr char16_t kListNumerals[] = u"一二三四五六七八九十";

// True for the Chinese numerals of list numbering, 一 to 十.
bool IsListNumeral(char16_t c) { return u_strchr(kListNumerals, c) != nullptr; }

// `label` without an unclosed opening bracket, bracketed asides and list
// numbering.
icu::UnicodeString CleanLabel(icu::UnicodeString label) {
  // Keep what follows an unclosed bracket: "（项目编号" -> "项目编号".
  int32_t open = std::max(label.lastIndexOf(u'('), label.lastIndexOf(u'【'));
  if (open >= 0 && label.indexOf(u')', open) < 0) label.remove(0, open + 1);

  // Drop bracketed asides: "中标(成交)供应商名称" -> "中标供应商名称".
  for (int32_t o = label.indexOf(u'('); o >= 0; o = label.indexOf(u'(')) {
    int32_t c = label.indexOf(u')', o);
    if (c < 0) break;
    label.remove(o, c - o + 1);
  }

  // Drop list numbering: "1.", "一、", "(一)", "3、".
  int32_t i = 0;
  while (i < label.length() &&
         (u_isdigit(label.charAt(i)) || IsListNumeral(label.charAt(i)))) {
    ++i;
  }
  if (i > 0 && i < label.length() &&
      (label.charAt(i) == u'、' || label.charAt(i) == u'.')) {
    label.remove(0, i + 1);
  }
  return label;
}

bool IsKnownLabel(const icu::UnicodeString& label);

bool IsCodeCharacter(char16_t c) {
  return (c < 0x80 && u_isalnum(c)) || c == u'-' || c == u'_';
}

// Most characters a letter-spaced label has: "采   购   代   理   机   构".
constexpr int kMaxSpacedCharacters = 8;

// The label that starts at `pos` when it is letter-spaced and its first
// character is run into the text before it, "采购人" in "…-XM002采 购 人：",
// where a form's cells stood too close. Empty when the text at `pos` is not
// such a label, or the label is known without its first character.
icu::UnicodeString GluedSpacedLabel(const icu::UnicodeString& text,
                                    int32_t pos) {
  if (pos <= 0 || pos >= text.length() ||
      !u_hasBinaryProperty(text.char32At(pos), UCHAR_IDEOGRAPHIC)) {
    return {};
  }
  icu::UnicodeString label(text.charAt(pos));
  int32_t i = pos + 1;
  while (label.length() <= kMaxSpacedCharacters) {
    // Spaces apart, or a line end where a table cell wrapped the label.
    int32_t spaces = 0;
    while (i + spaces < text.length() && (text.charAt(i + spaces) == u' ' ||
                                          text.charAt(i + spaces) == u'\n'))
      ++spaces;
    if (i + spaces >= text.length()) return {};
    char16_t next = text.charAt(i + spaces);
    if (next == u':') break;
    if (spaces == 0 || IsLabelStop(next)) return {};
    label.append(next);
    i += spaces + 1;
  }
  if (label.length() < 2 || !IsKnownLabel(label) ||
      IsKnownLabel(icu::UnicodeString(label, 1))) {
    return {};
  }
  return label;
}

// Label text before the separator at `sep`, with list numbering, an
// unclosed opening bracket and bracketed asides removed, and a label
// spaced out as "名 称" joined.
icu::UnicodeString LabelBefore(const icu::UnicodeString& text, int32_t sep) {
  int32_t end = sep;
  while (end > 0 && text.charAt(end - 1) == u' ') --end;
  int32_t start = end;
  while (start > 0 && end - start < 24 && !IsLabelStop(text.charAt(start - 1)))
    --start;
  // Letter-spaced labels, "名 称" and "采   购   人": single characters
  // apart, each after spaces or at the start of its line, or the first run
  // into the value before it.
  if (end - start == 1) {
    for (int n = 1; n < kMaxSpacedCharacters; ++n) {
      int32_t before = start;
      while (before > 0 && text.charAt(before - 1) == u' ') --before;
      if (before == start || before == 0) break;
      int32_t character = before - 1;
      if (IsLabelStop(text.charAt(character))) break;
      if (character > 0 && !IsLabelStop(text.charAt(character - 1))) {
        if (!GluedSpacedLabel(text, character).isEmpty()) start = character;
        break;
      }
      start = character;
    }
  }
  icu::UnicodeString label(text, start, end - start);
  label.findAndReplace(u" ", u"");
  // A line that starts with the end of a code cut by the line end above:
  // "BFFFZ01583采购人" below "项目编号： 2024". The label follows the code.
  int32_t code = 0;
  while (code < label.length() && IsCodeCharacter(label.charAt(code))) ++code;
  bool after_code = start >= 2 && text.charAt(start - 1) == u'\n' &&
                    IsCodeCharacter(text.charAt(start - 2));
  if (after_code && code >= 4 && code < label.length() &&
      u_hasBinaryProperty(label.char32At(code), UCHAR_IDEOGRAPHIC)) {
    label.remove(0, code);
  }
  return CleanLabel(label);
}

Role RoleOfLabel(icu::UnicodeString label) {
  // "项目编号/包号" labels the first of two values written together.
  if (int32_t slash = label.indexOf(u'/'); slash > 0) label.truncate(slash);
  // 第一中标候选人 is the winner-to-be and 拟中标人 the proposed winner;
  // the second and third candidates are not suppliers.
  if (label.startsWith(u"第一")) label.remove(0, 2);
  if (label.startsWith(u"拟")) label.remove(0, 1);
  for (const LabelKey& key : LabelKeys()) {
    int32_t n = static_cast<int32_t>(key.label.size());
    if (label.compare(0, n, key.label.data(), 0, n) != 0) continue;
    icu::UnicodeString rest(label, n);
    // A heading run into its first line: "采购人信息名称：" from
    // "1.采购人信息" above "名称：" once a page's line break is dropped.
    if (rest.startsWith(u"信息") && rest.length() > 2) rest.remove(0, 2);
    if (rest.isEmpty() || rest.startsWith(u"名称") ||
        rest.startsWith(u"全称") || rest.startsWith(u"名稱") ||
        rest.startsWith(u"、")) {
      return key.role;
    }
  }
  return Role::kNone;
}

bool HasOrganisationSuffix(const icu::UnicodeString& name);

// True when a value under `label` cannot be a party. The bare contract
// labels 供应商, 甲方 and 乙方 also head definitions ("乙方：是指…",
// "甲方：招标人或其委托的…"), so their value must be the name of one
// organisation.
bool IsNoContractParty(const icu::UnicodeString& label,
                       const icu::UnicodeString& value) {
  if (label != u"供应商" && label != u"甲方" && label != u"乙方") return false;
  return !HasOrganisationSuffix(value) || value.startsWith(u"指") ||
         value.startsWith(u"是指") || value.indexOf(u'或') >= 0;
}

// Returns the start of the value after the separator at `sep`.
int32_t ValueStart(const icu::UnicodeString& text, int32_t sep) {
  int32_t start = sep + 1;
  while (start < text.length() && text.charAt(start) == u' ') ++start;
  return start;
}

// Returns the rest of `value` that a PDF's line end moved to the start of
// the next line, at `next`, or nothing when the value looks whole. Two
// kinds go on there. One is a code whose first part is only digits or ends
// in a hyphen, "2024" above "BFFFZ01583采购人：…". The other is the short
// Han prefix of a document number above its year, "商政采" above
// "〔2025〕837 号".
icu::UnicodeString LineWrappedRest(const icu::UnicodeString& text,
                                   const icu::UnicodeString& value,
                                   int32_t next) {
  if (value.isEmpty()) return {};
  bool digits = true;
  bool code = true;
  bool han = value.length() <= 8;
  for (int32_t i = 0; i < value.length(); ++i) {
    char16_t c = value.charAt(i);
    digits = digits && u_isdigit(c) && c < 0x80;
    code = code && IsCodeCharacter(c);
    han = han && u_hasBinaryProperty(value.char32At(i), UCHAR_IDEOGRAPHIC);
  }
  char16_t last = value.charAt(value.length() - 1);
  int32_t end = next;
  if (code && (digits || last == u'-' || last == u'_')) {
    bool letter = false;
    bool digit = false;
    while (end < text.length() && IsCodeCharacter(text.charAt(end))) {
      char16_t c = text.charAt(end++);
      letter = letter || u_isalpha(c);
      digit = digit || u_isdigit(c);
    }
    // What follows is a label or the end of the line, not more text.
    bool whole = end == text.length() || IsSpace(text.charAt(end)) ||
                 u_hasBinaryProperty(text.char32At(end), UCHAR_IDEOGRAPHIC);
    if (letter && digit && whole) return {text, next, end - next};
    return {};
  }
  if (han && next + 6 <= text.length() && text.charAt(next) == u'〔' &&
      text.charAt(next + 5) == u'〕') {
    end = next + 6;
    for (int32_t i = next + 1; i < next + 5; ++i) {
      if (!u_isdigit(text.charAt(i))) return {};
    }
    while (end < text.length() && u_isdigit(text.charAt(end))) ++end;
    if (end < text.length() && text.charAt(end) == u'号') ++end;
    return {text, next, end - next};
  }
  return {};
}

// True when `text` has a line end at `end` and the next line starts with
// a label ("buyer: …", "采购人：…"), so that it cannot be the rest of a
// wrapped value.
bool StartsLabelLine(const icu::UnicodeString& text, int32_t end) {
  if (end >= text.length() || text.charAt(end) != u'\n') return false;
  constexpr int32_t kMaxLabel = 24;
  for (int32_t i = end + 1; i < text.length() && i <= end + kMaxLabel; ++i) {
    char16_t c = text.charAt(i);
    if (c == u':' || c == u'：') return i > end + 1;
    if (c == u'\n') return false;
  }
  return false;
}

// Drops the numeral of the next item from the end of `value`, where a
// scraper cut the text short before its "、": "二、项目名称：…货物采购三".
// `value` starts at `start` and ends `text` or a line before a label. The
// numeral is taken for numbering only when the item before it ("二、")
// comes earlier in the text, and not after 第, as in "第三".
void DropNextItemNumeral(const icu::UnicodeString& text, int32_t start,
                         icu::UnicodeString* value) {
  int32_t length = value->length();
  if (length < 4 || IsListNumeral(value->charAt(length - 2)) ||
      value->charAt(length - 2) == u'第') {
    return;
  }
  const char16_t* numeral = u_strchr(kListNumerals, value->charAt(length - 1));
  if (numeral == nullptr || numeral == kListNumerals) return;
  const char16_t previous[] = {numeral[-1], u'、'};
  if (text.indexOf(previous, 2, 0, start) >= 0) value->truncate(length - 1);
}

// Value after the separator at `sep`: up to a space, clause mark or an
// unbalanced closing bracket, at most 80 units, with the rest of a value
// that a line end cut. With `spaced_words`, for names, a space between a
// Latin word or a number and Han does not end the value.
icu::UnicodeString ValueAfter(const icu::UnicodeString& text, int32_t sep,
                              bool spaced_words) {
  int32_t start = ValueStart(text, sep);
  int32_t end = start;
  int depth = 0;
  int32_t outer_open = -1;  // the outermost bracket open at `end`
  while (end < text.length() && end - start < 80) {
    char16_t c = text.charAt(end);
    // "16A5421,16A5420": an ASCII comma between identifiers continues.
    bool list_comma =
        c == u',' && end > start && end + 1 < text.length() &&
        u_isalnum(text.charAt(end - 1)) && text.charAt(end - 1) < 0x80 &&
        u_isalnum(text.charAt(end + 1)) && text.charAt(end + 1) < 0x80;
    // "CASHL 期刊", "2024 年度": one space after a Latin word or a number,
    // before Han, stays in a name.
    bool word_space =
        spaced_words && c == u' ' && end > start && end + 1 < text.length() &&
        u_isalnum(text.charAt(end - 1)) && text.charAt(end - 1) < 0x80 &&
        u_hasBinaryProperty(text.char32At(end + 1), UCHAR_IDEOGRAPHIC);
    if (IsValueStop(c) && !list_comma && !word_space) break;
    if (c == u'(' || c == u'【' || c == u'[') {
      if (depth++ == 0) outer_open = end;
    }
    if (c == u')' || c == u'】' || c == u']') {
      if (depth == 0) break;
      --depth;
    }
    ++end;
  }
  // A bracket left open where the value stopped, as at the space in
  // "TAHP-ZB-2023-1790（1-12 包）", opens an aside: the value ends before it.
  if (depth > 0 && outer_open - start >= 2) end = outer_open;
  // The numbering of the next item, left when a scraper cut the text
  // short: "SXWS20240101四、".
  if (end - start > 2 && text.charAt(end - 1) == u'、') {
    int32_t numbering = end - 1;
    while (numbering > start + 2 && numbering > end - 3 &&
           IsListNumeral(text.charAt(numbering - 1))) {
      --numbering;
    }
    end = numbering;
  }
  // The first character of a letter-spaced label run into the value:
  // "…-XM002采 购 人：", "敖汉旗新惠中学地    址：", "…有限公司地" above
  // "址：".
  if (end - start > 2 && end < text.length() &&
      (text.charAt(end) == u' ' || text.charAt(end) == u'\n') &&
      !GluedSpacedLabel(text, end - 1).isEmpty()) {
    --end;
  }
  icu::UnicodeString value(text, start, end - start);
  if (end < text.length() && text.charAt(end) == u'\n' && depth == 0) {
    icu::UnicodeString rest = LineWrappedRest(text, value, end + 1);
    if (!rest.isEmpty()) return value.append(rest);
  }
  if (end == text.length() || StartsLabelLine(text, end)) {
    DropNextItemNumeral(text, start, &value);
  }
  return value;
}

// Labels that follow a value on the same form line without naming a
// party, project or number: contact details ("联系电话", with the party
// first "采购人地址", "单位名称") and the project's other facts ("建设地点",
// "资金来源").
bool IsDetailLabel(icu::UnicodeString label) {
  static const std::u16string_view kParties[] = {
      u"采购人",   u"采购单位", u"采购代理机构", u"代理机构", u"招标人",
      u"招标代理", u"供应商",   u"中标人",       u"单位"};
  static const std::u16string_view kDetails[] = {
      u"联系电话", u"联系人",   u"联系方式", u"电话",         u"聯絡電話",
      u"聯絡人",   u"電話",     u"传真",     u"傳真",         u"邮编",
      u"邮政编码", u"手机",     u"电子邮箱", u"邮箱",         u"地址",
      u"联系地址", u"名称",     u"全称",     u"地点",         u"建设地点",
      u"实施地点", u"交货地点", u"服务地点", u"资金来源",     u"公告期限",
      u"施工范围", u"工期",     u"施工工期", u"服务期",       u"服务期限",
      u"交货期",   u"质量要求", u"质保期",   u"预算金额",     u"采购预算",
      u"最高限价", u"项目概况", u"采购需求", u"项目主要内容", u"编制单位",
      u"编制日期"};
  for (std::u16string_view party : kParties) {
    if (label.startsWith(party.data(), static_cast<int32_t>(party.size()))) {
      label.remove(0, static_cast<int32_t>(party.size()));
      break;
    }
  }
  for (std::u16string_view w : kDetails) {
    if (label == icu::UnicodeString(w.data(), static_cast<int32_t>(w.size()))) {
      return true;
    }
  }
  return false;
}

// True when `label` names a party or one of its details.
bool IsKnownLabel(const icu::UnicodeString& label) {
  // An aside closes the value before the label: "项目(二次)资金来源".
  if (label.startsWith(u"(") || label.startsWith(u"【")) return false;
  icu::UnicodeString clean = CleanLabel(label);
  return IsDetailLabel(clean) || RoleOfLabel(clean) != Role::kNone;
}

// Results of RunOnLabelStart for a value that runs into no label, and for
// one that runs into a label not known.
constexpr int32_t kNoLabel = -1;
constexpr int32_t kUnknownLabel = -2;

// False when a label starting at `s` would begin with list numbering that
// is the end of the value before it: the "22" of "G2024-0422二、项目名称"
// or the "1" of "2640号-1二、". Numbering is one or two Arabic digits or
// Chinese numerals, not both, right before 、 or ".", and does not
// continue a run of its own kind.
bool IsNumberingStart(const icu::UnicodeString& value, int32_t s) {
  auto kind = [&](int32_t i) {
    char16_t c = value.charAt(i);
    if (c >= u'0' && c <= u'9') return 1;
    return IsListNumeral(c) ? 2 : 0;
  };
  int first = kind(s);
  if (first == 0) return true;
  if (s > 0 && kind(s - 1) == first) return false;
  int32_t end = s;
  while (end < value.length() && kind(end) == first) ++end;
  return end - s <= 2 && end < value.length() &&
         (value.charAt(end) == u'、' || value.charAt(end) == u'.');
}

// Returns the start of the next label of its line that a value runs into:
// "示例县公安局联系电话：0999-…", where a form's two cells stood too close
// for the layout to keep them apart, or text whose line breaks a scraper
// dropped. The value ends there. Returns kNoLabel when the value has no
// label colon, and kUnknownLabel when its label is not known, so that
// where the value ends is not known either. A colon after a Latin letter
// or a digit ends no label, nor one inside brackets ("(一期:主楼)") unless
// a known label opens the brackets ("（统一社会信用代码：…）").
int32_t RunOnLabelStart(const icu::UnicodeString& value) {
  constexpr int32_t kMinValue = 2;
  constexpr int32_t kMaxLabel = 12;
  int depth = 0;
  int32_t open = -1;  // the outermost open bracket
  for (int32_t colon = 0; colon < value.length(); ++colon) {
    char16_t c = value.charAt(colon);
    if (c == u'(' || c == u'【' || c == u'[') {
      if (depth++ == 0) open = colon;
      continue;
    }
    if ((c == u')' || c == u'】' || c == u']') && depth > 0) {
      --depth;
      continue;
    }
    if (c != u':' || colon == 0) continue;
    if (depth > 0) {
      if (open >= kMinValue &&
          IsKnownLabel(icu::UnicodeString(value, open + 1, colon - open - 1))) {
        return open;
      }
      continue;
    }
    // Labels are Chinese words: a colon after a Latin letter or a digit
    // belongs to the value ("ZB:2024-01", 10:30).
    char16_t before = value.charAt(colon - 1);
    if (before < 0x80 && u_isalnum(before)) continue;
    // The earliest start is the longest label: 采购代理机构 before 代理机构.
    for (int32_t s = std::max(kMinValue, colon - kMaxLabel); s + 2 <= colon;
         ++s) {
      if (IsNumberingStart(value, s) &&
          IsKnownLabel(icu::UnicodeString(value, s, colon - s))) {
        return s;
      }
    }
    return kUnknownLabel;
  }
  return kNoLabel;
}

// Cuts `value` at `cut`, the start of the label it ran into, dropping
// what belongs to that label: the bracket of an aside ("（统一社会信用代码：")
// and list numbering ("四、项目名称："), and a numbered heading run into the
// value ("…维保服务三、中标信息").
void CutBeforeLabel(icu::UnicodeString& value, int32_t cut) {
  value.truncate(cut);
  auto is_numeral = [](char16_t c) { return u_isdigit(c) || IsListNumeral(c); };
  for (int32_t i = 2; i < value.length(); ++i) {
    char16_t c = value.charAt(i);
    bool decimal_point =
        c == u'.' && i + 1 < value.length() && u_isdigit(value.charAt(i + 1));
    if ((c != u'、' && c != u'.') || decimal_point ||
        !is_numeral(value.charAt(i - 1))) {
      continue;
    }
    int32_t start = i - 1;
    while (start > 0 && is_numeral(value.charAt(start - 1))) --start;
    // Numbering follows a name's last character, not a letter or digit of
    // an identifier ("GH-2025.1").
    if (start >= 2 &&
        u_hasBinaryProperty(value.char32At(start - 1), UCHAR_IDEOGRAPHIC)) {
      value.truncate(start);
      break;
    }
  }
  // Bracketed numbering of the next item: "…全部内容(4)交货期：".
  if (value.endsWith(u")")) {
    int32_t open = value.lastIndexOf(u'(');
    bool numbering = open >= 2 && value.length() - open <= 4;
    for (int32_t i = open + 1; numbering && i + 1 < value.length(); ++i) {
      char16_t c = value.charAt(i);
      numbering = u_isdigit(c) || IsListNumeral(c);
    }
    if (numbering) value.truncate(open);
  }
  while (!value.isEmpty()) {
    char16_t c = value.charAt(value.length() - 1);
    if (c != u'(' && c != u'【' && c != u'[' && c != u' ' && c != u'-' &&
        c != u'/' && c != u'、') {
      break;
    }
    value.truncate(value.length() - 1);
  }
}

// Cuts a party's name before a date run into it: "上海国际招标有限公司
// 二○二六年四月", where a letter's date followed its signature.
void CutBeforeDate(icu::UnicodeString& name) {
  constexpr int32_t kYearDigits = 4;
  auto is_digit = [](char16_t c) {
    return u_isdigit(c) || c == u'〇' || c == u'○' || c == u'零' ||
           u_strchr(u"一二三四五六七八九", c) != nullptr;
  };
  for (int32_t i = 2; i + kYearDigits < name.length(); ++i) {
    int32_t run = 0;
    while (i + run < name.length() && is_digit(name.charAt(i + run))) ++run;
    if (run == kYearDigits && name.charAt(i + run) == u'年' &&
        !is_digit(name.charAt(i - 1))) {
      name.truncate(i);
      return;
    }
    i += run;
  }
}

// Cuts a name before the numbering of the next item that a line end kept
// apart from its label: "…期刊采购项目三、采购预" above "算：991 万元".
void CutBeforeNumbering(icu::UnicodeString& name) {
  auto han = [&](int32_t i) {
    return u_hasBinaryProperty(name.char32At(i), UCHAR_IDEOGRAPHIC) &&
           !IsListNumeral(name.charAt(i));
  };
  for (int32_t i = 2; i + 2 < name.length(); ++i) {
    if (IsListNumeral(name.charAt(i)) && name.charAt(i + 1) == u'、' &&
        name.charAt(i - 1) != u'第' && han(i - 1) && han(i + 2)) {
      name.truncate(i);
      return;
    }
  }
}

// Values that only point elsewhere: 见公告, 详见附件, 无, "/".
bool IsPlaceholder(const icu::UnicodeString& value) {
  if (value.isEmpty()) return true;
  // The blank of a form: "________".
  bool blank = true;
  for (int32_t i = 0; i < value.length() && blank; ++i) {
    blank = u_strchr(u"_-—. ", value.charAt(i)) != nullptr;
  }
  if (blank) return true;

  // The field of a contract template, "[合同中心-供应商名称]": Han text in
  // brackets first. A code such as "[350703]FJZHJS[GK]2025003" is a value.
  if (value.startsWith(u"[") || value.startsWith(u"【")) {
    int32_t close = value.indexOf(value.charAt(0) == u'[' ? u']' : u'】');
    if (close < 0) close = value.length();  // cut before its end
    for (int32_t i = 1; i < close; ++i) {
      if (u_hasBinaryProperty(value.char32At(i), UCHAR_IDEOGRAPHIC)) {
        return true;
      }
    }
  }

  // Column headers of a flattened table are not values either.
  static const std::u16string_view kHeaders[] = {
      u"序号", u"名称", u"地址", u"金额", u"联系", u"电话", u"资质"};
  for (std::u16string_view w : kHeaders) {
    if (fields_internal::Contains(value, w)) return true;
  }
  // Headers of item tables ("名称 | 数量 | 单价"), which may also occur
  // inside names, so only as the whole value.
  static const std::u16string_view kItemHeaders[] = {
      u"数量", u"单价", u"总价", u"规格", u"型号",
      u"品牌", u"单位", u"品目", u"备注", u"数量及单位"};
  for (std::u16string_view w : kItemHeaders) {
    if (value == icu::UnicodeString(w.data(), static_cast<int32_t>(w.size()))) {
      return true;
    }
  }
  static const std::u16string_view kWords[] = {u"见", u"詳見", u"详见", u"/"};
  for (std::u16string_view w : kWords) {
    if (value.startsWith(w.data(), static_cast<int32_t>(w.size()))) {
      return true;
    }
  }
  // Blanks of a form: "(盖单位公章)", "(签字)", or the next label.
  static const std::u16string_view kFormWords[] = {u"盖章", u"公章", u"签字",
                                                   u"签名"};
  for (std::u16string_view w : kFormWords) {
    if (fields_internal::Contains(value, w)) return true;
  }
  if (value.endsWith(u":")) return true;

  // 无 and 略 (none, omitted) also begin place names: 无锡市, 无为市, 无棣县
  // and 略阳县 are divisions of the region table, so a value that starts
  // with one names a party. 无此项 and 无（流标） do not.
  if (value.startsWith(u"无") || value.startsWith(u"略")) {
    if (value.length() == 1 ||
        !u_hasBinaryProperty(value.char32At(1), UCHAR_IDEOGRAPHIC)) {
      return true;
    }
    std::string head = ToUtf8(icu::UnicodeString(value, 0, 6));
    return RegionTable::Default().Resolve(head).code.empty();
  }
  return false;
}

Role SectionAt(const icu::UnicodeString& text, int32_t pos) {
  int32_t best = -1;
  Role role = Role::kNone;
  for (const Heading& h : Headings()) {
    int32_t found = text.lastIndexOf(
        h.word.data(), static_cast<int32_t>(h.word.size()), 0, pos);
    if (found > best) {
      best = found;
      role = h.role;
    }
  }
  return role;
}

// Keeps the first value, unless a later one is the same name written in
// full (上海市奉贤区… after 奉贤区…).
void SetOnce(std::string& field, const icu::UnicodeString& value) {
  std::string text = ToUtf8(value);
  if (field.empty() || (text.size() > field.size() && text.ends_with(field))) {
    field = text;
  }
}

void AddSupplier(Parties& parties, const icu::UnicodeString& value) {
  std::string name = ToUtf8(value);
  for (const Supplier& s : parties.suppliers) {
    if (s.name == name) return;
  }
  parties.suppliers.push_back(Supplier{name, "", "", false});
}

// Assigns one label-value pair. `last` is the role the previous pair
// filled, so that 地址 after a supplier name goes to that supplier.
Role Assign(Parties& parties, Role role, Role section, Role last,
            const icu::UnicodeString& value) {
  if (role == Role::kName) role = section;
  switch (role) {
    case Role::kProjectNumber:
      SetOnce(parties.project_number, value);
      return role;
    case Role::kPlanNumber:
      SetOnce(parties.plan_number, value);
      return role;
    case Role::kProjectName:
      SetOnce(parties.project_name, value);
      return role;
    case Role::kLot:
      SetOnce(parties.lot, value);
      return role;
    case Role::kBuyer:
      SetOnce(parties.buyer, value);
      return role;
    case Role::kAgency:
      SetOnce(parties.agency, value);
      return role;
    case Role::kSupplier:
      AddSupplier(parties, value);
      return role;
    case Role::kMethod:
      SetOnce(parties.method_label, value);
      return role;
    case Role::kAddress:
      if ((last == Role::kSupplier || section == Role::kSupplier) &&
          !parties.suppliers.empty() &&
          parties.suppliers.back().address.empty()) {
        parties.suppliers.back().address = ToUtf8(value);
      }
      return last;
    case Role::kCreditCode:
      if ((last == Role::kSupplier || section == Role::kSupplier) &&
          !parties.suppliers.empty() &&
          parties.suppliers.back().credit_code.empty()) {
        Supplier& s = parties.suppliers.back();
        s.credit_code = ToUtf8(value);
        s.credit_code_valid = IsValidCreditCode(s.credit_code);
      }
      return last;
    default:
      return last;
  }
}

// True for names ending in a legal form or body: 公司, 学院, 中心, 厂.
bool HasOrganisationSuffix(const icu::UnicodeString& name) {
  static const std::u16string_view kSuffixes[] = {
      u"公司", u"院",   u"所", u"中心", u"厂", u"社", u"部", u"行",
      u"室",   u"集团", u"局", u"站",   u"队", u"店", u"会", u"校"};
  for (std::u16string_view suffix : kSuffixes) {
    if (name.endsWith(suffix.data(), static_cast<int32_t>(suffix.size()))) {
      return true;
    }
  }
  return false;
}

// Lines of `text` with spaces removed, and where each starts.
struct Line {
  icu::UnicodeString text;
  int32_t start;
};

std::vector<Line> SplitLines(const icu::UnicodeString& text) {
  std::vector<Line> lines;
  int32_t start = 0;
  while (start <= text.length()) {
    int32_t end = text.indexOf(u'\n', start);
    if (end < 0) end = text.length();
    icu::UnicodeString line(text, start, end - start);
    line.findAndReplace(u" ", u"").findAndReplace(u"\t", u"");
    line.findAndReplace(u"\r", u"");
    if (!line.isEmpty()) lines.push_back(Line{line, start});
    start = end + 1;
  }
  return lines;
}

// A pipe-table row of column headers above numbered rows:
//   序号 | 采购项目名称 | 预算金额（万元）
//   1 | 网络舆情分析服务 | 32
// Three or more short cells without digits, one of them a label, with a
// row of as many cells below that starts with a number. Its values are in
// the rows below, not in the next cell.
bool IsHeaderRow(const std::vector<icu::UnicodeString>& cells,
                 const std::vector<icu::UnicodeString>& below) {
  constexpr int32_t kMaxHeaderCell = 16;
  if (cells.size() < 3 || below.size() != cells.size()) return false;
  if (below[0].isEmpty() || !u_isdigit(below[0].charAt(0))) return false;
  bool labelled = false;
  for (const icu::UnicodeString& cell : cells) {
    if (cell.isEmpty() || cell.length() > kMaxHeaderCell) return false;
    for (int32_t i = 0; i < cell.length(); ++i) {
      if (u_isdigit(cell.charAt(i))) return false;
    }
    labelled |= RoleOfLabel(CleanLabel(cell)) != Role::kNone;
  }
  return labelled;
}

// The cells of the line that ends at `end` and of the line below it.
struct RowPair {
  std::vector<icu::UnicodeString> cells;
  std::vector<icu::UnicodeString> below;
};

RowPair RowAndBelow(const icu::UnicodeString& text, int32_t start,
                    int32_t end) {
  RowPair rows;
  rows.cells = parties_internal::SplitCells(
      icu::UnicodeString(text, start, end - start));
  if (end < text.length()) {
    int32_t below_end = text.indexOf(u'\n', end + 1);
    if (below_end < 0) below_end = text.length();
    rows.below = parties_internal::SplitCells(
        icu::UnicodeString(text, end + 1, below_end - end - 1));
  }
  return rows;
}

// The first row under each header row of a pipe table gives the project,
// buyer and agency of the columns so headed.
void FillFromHeaderRows(const icu::UnicodeString& text, Parties& parties) {
  int32_t start = 0;
  while (start < text.length()) {
    int32_t end = text.indexOf(u'\n', start);
    if (end < 0) end = text.length();
    int32_t line_start = start;
    start = end + 1;
    if (text.indexOf(u'|', line_start, end - line_start) < 0) continue;
    RowPair rows = RowAndBelow(text, line_start, end);
    if (!IsHeaderRow(rows.cells, rows.below)) continue;
    const std::vector<icu::UnicodeString>& values = rows.below;
    for (size_t i = 0; i < rows.cells.size(); ++i) {
      Role role = RoleOfLabel(CleanLabel(rows.cells[i]));
      bool named = role == Role::kProjectName || role == Role::kProjectNumber ||
                   role == Role::kPlanNumber || role == Role::kBuyer ||
                   role == Role::kAgency;
      if (!named || IsPlaceholder(values[i]) || values[i].length() < 2) {
        continue;
      }
      Assign(parties, role, Role::kNone, Role::kNone, values[i]);
    }
  }
}

// Tables flattened one cell per line: a line that is only a label (or a
// label broken over several one- or two-character lines, "拟中 / 标 / 人")
// takes the next line as its value.
void FillFromLabelLines(const icu::UnicodeString& text, Parties& parties) {
  std::vector<Line> lines = SplitLines(text);
  Role last = Role::kNone;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    icu::UnicodeString label = lines[i].text;
    size_t next = i + 1;
    while (label.length() <= 3 && next + 1 < lines.size() &&
           lines[next].text.length() <= 2) {
      label.append(lines[next].text);
      ++next;
    }
    if (label.endsWith(u":")) label.truncate(label.length() - 1);
    if (label.length() > 16) continue;
    label = CleanLabel(label);
    Role role = RoleOfLabel(label);
    if (role == Role::kNone) continue;
    const icu::UnicodeString& value = lines[next].text;
    if (IsPlaceholder(value) || value.length() < 2 ||
        value.indexOf(u':') >= 0 || value.indexOf(u'|') >= 0 ||
        RoleOfLabel(CleanLabel(value)) != Role::kNone) {
      continue;
    }
    if (role == Role::kSupplier && !HasOrganisationSuffix(value)) continue;
    if (IsNoContractParty(label, value)) continue;
    last = Assign(parties, role, SectionAt(text, lines[i].start), last, value);
    i = next;
  }
}

}  // namespace

Parties FindParties(std::string_view text) {
  icu::UnicodeString normalized = fields_internal::NormalizeForFields(text);
  Parties parties;
  Role last = Role::kNone;

  // Every ':' or '|' separates a label from its value. A value cut where
  // the next label of its line begins leaves that label's start and
  // separator here.
  int32_t joined_label = -1;
  int32_t joined_sep = -1;
  // The line of the last '|' seen, and whether it is a header row.
  int32_t line_end = -1;
  bool header_row = false;
  for (int32_t i = 0; i < normalized.length(); ++i) {
    char16_t c = normalized.charAt(i);
    if (c != u':' && c != u'|') continue;
    if (c == u'|') {
      if (i > line_end) {
        int32_t line_start = normalized.lastIndexOf(u'\n', 0, i) + 1;
        line_end = normalized.indexOf(u'\n', i);
        if (line_end < 0) line_end = normalized.length();
        RowPair rows = RowAndBelow(normalized, line_start, line_end);
        header_row = IsHeaderRow(rows.cells, rows.below);
      }
      if (header_row) continue;
    }
    icu::UnicodeString label =
        i == joined_sep ? CleanLabel(icu::UnicodeString(
                              normalized, joined_label, i - joined_label))
                        : LabelBefore(normalized, i);
    Role role = RoleOfLabel(label);
    if (role == Role::kNone) continue;
    icu::UnicodeString value =
        ValueAfter(normalized, i, role == Role::kProjectName);
    int32_t cut = RunOnLabelStart(value);
    // A label not known after a space: the name before the space, alone.
    if (cut == kUnknownLabel && role == Role::kProjectName) {
      value = ValueAfter(normalized, i, false);
      cut = RunOnLabelStart(value);
    }
    if (cut == kUnknownLabel) continue;
    if (cut == kNoLabel && role == Role::kProjectName)
      CutBeforeNumbering(value);
    if (cut >= 0) {
      int32_t start = ValueStart(normalized, i);
      joined_label = start + cut;
      joined_sep = start + value.indexOf(u':', cut);
      // A bracket opened the label: its label starts after it.
      if (value.charAt(cut) == u'(' || value.charAt(cut) == u'【' ||
          value.charAt(cut) == u'[') {
        ++joined_label;
      }
      CutBeforeLabel(value, cut);
    }
    if (role == Role::kBuyer || role == Role::kAgency ||
        role == Role::kSupplier || role == Role::kName) {
      CutBeforeDate(value);
    }
    if (IsPlaceholder(value) || (value.length() < 2 && role != Role::kLot) ||
        IsNoContractParty(label, value)) {
      continue;
    }
    last = Assign(parties, role, SectionAt(normalized, i), last, value);
  }
  FillFromHeaderRows(normalized, parties);
  FillFromLabelLines(normalized, parties);
  parties_internal::FillFromPhrases(normalized, parties);
  return parties;
}

}  // namespace bidscope
