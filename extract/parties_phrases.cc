// Parties stated in running text rather than in labelled lines: the
// "代理机构受采购人的委托" sentence and supplier tables whose header row
// carries the label and whose next row carries the name.
#include <unicode/regex.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

#include "extract/parties_phrases.h"

#include "extract/anchored_search.h"
#include "extract/credit_code.h"
#include "extract/fields_text.h"

namespace bidscope::parties_internal {

namespace {

constexpr char kEntrustPattern[] =
    "(?<agency>[\\p{Han}A-Za-z0-9()]{4,40}?)受(?:采购人)?"
    "(?<buyer>[\\p{Han}A-Za-z0-9()]{2,40}?)的?委托";

// Characters of a party name in the patterns below.
constexpr char kNameMembers[] = "[\\p{Han}A-Za-z0-9()]";

// Every entrustment match has a 受 at most 40 units after its start.
constexpr char kEntrustAnchors[] = "[受]";
constexpr int32_t kEntrustMaxLead = 40;

// "项目业主为某某公司", "招标人为某某公司".
constexpr char kOwnerPattern[] =
    "(?:项目业主|招标人|采购人|建设单位)为(?<buyer>[\\p{Han}A-Za-z0-9()]{4,40}"
    ")";

// Every owner match has the 为 after its four-character role word.
constexpr char kOwnerAnchors[] = "[为]";
constexpr int32_t kOwnerMaxLead = 4;

constexpr char kSupplierHeaderPattern[] =
    "(?:中标|成交)(?:供应商|人|单位)(?:名称)?|得標廠商";

// Names of organisations by their legal-form suffix.
constexpr char kOrganisationPattern[] =
    "[\\p{Han}A-Za-z0-9()]{2,40}?(?:有限责任公司|股份有限公司|有限公司|公司|"
    "研究院|研究所|事务所|集团|厂|合作社|经营部|商行|工作室)";

// Every organisation match has one of its suffixes at most 40 units after
// its start.
constexpr char kOrganisationAnchors[] =
    "有限责任公司|股份有限公司|有限公司|公司|研究院|研究所|事务所|集团|厂|"
    "合作社|"
    "经营部|商行|工作室";
constexpr int32_t kOrganisationMaxLead = 40;

std::unique_ptr<icu::RegexPattern> Compile(const char* pattern) {
  return fields_internal::CompilePattern(pattern, "party");
}

}  // namespace
}  // namespace bidscope::parties_internal

namespace bidscope::fields_internal {

const AnchoredPattern& EntrustmentPattern() {
  static const AnchoredPattern pattern{
      CompilePattern(parties_internal::kEntrustPattern, "party"),
      MakeAnchorHints(parties_internal::kEntrustAnchors,
                      parties_internal::kNameMembers,
                      parties_internal::kEntrustMaxLead)};
  return pattern;
}

const AnchoredPattern& OwnerPattern() {
  static const AnchoredPattern pattern{
      CompilePattern(parties_internal::kOwnerPattern, "party"),
      MakeAnchorHints(parties_internal::kOwnerAnchors,
                      parties_internal::kNameMembers,
                      parties_internal::kOwnerMaxLead)};
  return pattern;
}

const AnchoredPattern& OrganisationPattern() {
  static const AnchoredPattern pattern{
      CompilePattern(parties_internal::kOrganisationPattern, "party"),
      MakeWordAnchorHints(parties_internal::kOrganisationAnchors,
                          parties_internal::kNameMembers,
                          parties_internal::kOrganisationMaxLead)};
  return pattern;
}

}  // namespace bidscope::fields_internal

namespace bidscope::parties_internal {
namespace {

using fields_internal::EntrustmentPattern;
using fields_internal::Group;
using fields_internal::OrganisationPattern;
using fields_internal::OwnerPattern;

// Role words that the entrustment sentence may name instead of a party:
// "受招标人的委托".
bool IsRoleWord(const icu::UnicodeString& name) {
  return name == u"招标人" || name == u"采购人" || name == u"建设单位" ||
         name == u"业主";
}

// Longest match of kEntrustPattern before its 委托, in UTF-16 units: 40 +
// 受 + 采购人 + 40 + 的, with room to spare.
constexpr int32_t kEntrustReach = 100;

// Finds the first entrustment sentence. The pattern's lazy name groups make
// ICU try every start position with up to 40 characters each, which cost
// more than the rest of field extraction, so the pattern runs only on the
// stretch before each 委托. The lazy groups end a match at the first 委托
// after its 受, at most kEntrustReach units after its start, so this finds
// what a search of the whole text finds unless 受 is right before 委托.
bool FindEntrustment(const icu::UnicodeString& text, icu::RegexMatcher& m) {
  const fields_internal::AnchorHints& hints = EntrustmentPattern().hints;
  int32_t at = text.indexOf(u"委托", 2, 0);
  while (at >= 0) {
    int32_t end = at + 2;
    if (fields_internal::FindAnchored(m, text, end - kEntrustReach - 2, end,
                                      hints)) {
      return true;
    }
    at = text.indexOf(u"委托", 2, end);
  }
  return false;
}

void FillFromEntrustment(const icu::UnicodeString& text, Parties& parties) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(
      EntrustmentPattern().regex->matcher(text, status));
  if (U_SUCCESS(status) && FindEntrustment(text, *m)) {
    if (parties.agency.empty()) {
      parties.agency = fields_internal::ToUtf8(Group(*m, "agency"));
    }
    icu::UnicodeString buyer = Group(*m, "buyer");
    if (parties.buyer.empty() && !IsRoleWord(buyer)) {
      parties.buyer = fields_internal::ToUtf8(buyer);
    }
  }
  if (!parties.buyer.empty()) return;
  const fields_internal::AnchoredPattern& owner = OwnerPattern();
  std::unique_ptr<icu::RegexMatcher> o(owner.regex->matcher(text, status));
  if (U_SUCCESS(status) &&
      fields_internal::FindAnchored(*o, text, 0, text.length(), owner.hints)) {
    parties.buyer = fields_internal::ToUtf8(Group(*o, "buyer"));
  }
}

// The first organisation name within 200 units after each supplier column
// header, for tables flattened to "名称 地址 金额 1 某某有限公司 …".
void FillFromSupplierTable(const icu::UnicodeString& text, Parties& parties) {
  static const std::unique_ptr<icu::RegexPattern> header =
      Compile(kSupplierHeaderPattern);
  const fields_internal::AnchoredPattern& organisation = OrganisationPattern();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> h(header->matcher(text, status));
  std::unique_ptr<icu::RegexMatcher> org(
      organisation.regex->matcher(text, status));
  if (U_FAILURE(status)) return;
  while (h->find()) {
    int32_t from = static_cast<int32_t>(h->end(status));
    // "中标供应商为某某公司": the verb is not part of the name.
    if (from < text.length() &&
        (text.charAt(from) == u'为' || text.charAt(from) == u'是')) {
      ++from;
    }
    if (!fields_internal::FindAnchored(*org, text, from, from + 200,
                                       organisation.hints)) {
      continue;
    }
    std::string name = fields_internal::ToUtf8(org->group(status));
    bool known = false;
    for (const Supplier& s : parties.suppliers) known = known || s.name == name;
    if (!known) parties.suppliers.push_back(Supplier{name, "", "", false});
  }
}

// "供应商名称 | 地址 | …" header rows followed by one row per supplier.
void FillFromPipeTable(const icu::UnicodeString& text, Parties& parties) {
  static const std::u16string_view kHeaders[] = {
      u"供应商名称", u"中标供应商名称", u"成交供应商名称", u"中标人名称",
      u"中标供应商", u"成交供应商",     u"中标人"};
  int32_t column = -1;
  int32_t address_column = -1;
  int32_t code_column = -1;
  size_t width = 0;
  int32_t start = 0;
  while (start < text.length()) {
    int32_t end = text.indexOf(u'\n', start);
    if (end < 0) end = text.length();
    icu::UnicodeString line(text, start, end - start);
    start = end + 1;
    if (line.indexOf(u'|') < 0) {
      if (!parties.suppliers.empty()) return;
      column = -1;
      continue;
    }
    std::vector<icu::UnicodeString> cells = SplitCells(line);
    if (column >= 0 && cells.size() == width) {
      const icu::UnicodeString& name = cells[column];
      if (name.length() < 4) continue;
      Supplier supplier{fields_internal::ToUtf8(name), "", "", false};
      if (address_column >= 0) {
        supplier.address = fields_internal::ToUtf8(cells[address_column]);
      }
      if (code_column >= 0) {
        supplier.credit_code = fields_internal::ToUtf8(cells[code_column]);
        supplier.credit_code_valid = IsValidCreditCode(supplier.credit_code);
      }
      parties.suppliers.push_back(supplier);
      continue;
    }
    if (!parties.suppliers.empty()) return;
    column = -1;
    address_column = -1;
    code_column = -1;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (fields_internal::Contains(cells[i], u"地址")) {
        address_column = static_cast<int32_t>(i);
      }
      if (fields_internal::Contains(cells[i], u"代码")) {
        code_column = static_cast<int32_t>(i);
      }
    }
    for (size_t i = 0; i < cells.size() && column < 0; ++i) {
      for (std::u16string_view header : kHeaders) {
        if (cells[i] == icu::UnicodeString(header.data(), static_cast<int32_t>(
                                                              header.size()))) {
          column = static_cast<int32_t>(i);
          width = cells.size();
          break;
        }
      }
    }
  }
}

}  // namespace

std::vector<icu::UnicodeString> SplitCells(const icu::UnicodeString& line) {
  std::vector<icu::UnicodeString> cells;
  int32_t start = 0;
  while (true) {
    int32_t bar = line.indexOf(u'|', start);
    int32_t end = bar < 0 ? line.length() : bar;
    icu::UnicodeString cell(line, start, end - start);
    cell.trim();
    cells.push_back(cell);
    if (bar < 0) return cells;
    start = bar + 1;
  }
}

void FillFromPhrases(const icu::UnicodeString& text, Parties& parties) {
  if (parties.buyer.empty() || parties.agency.empty()) {
    FillFromEntrustment(text, parties);
  }
  if (parties.suppliers.empty()) FillFromPipeTable(text, parties);
  if (parties.suppliers.empty()) FillFromSupplierTable(text, parties);
}

}  // namespace bidscope::parties_internal
