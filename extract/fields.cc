#include "extract/fields.h"

#include <optional>

#include "extract/notice_type.h"

namespace bidscope {

namespace {

std::string FirstLine(std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      return std::string(line);
    }
    start = end + 1;
  }
  return "";
}

// Year of the document's own date: the first published date, else the
// first date of any kind. 0 when the text has none.
int ReferenceYear(const std::vector<DateValue>& dates) {
  for (const DateValue& d : dates) {
    if (d.kind == "published") return std::stoi(d.value.substr(0, 4));
  }
  return dates.empty() ? 0 : std::stoi(dates[0].value.substr(0, 4));
}

// Returns the title and the lines of the head that may locate the buyer,
// for a notice whose buyer has no name. Lines about the agency (the line
// with its name or label, and the contact lines after it) and about bank
// accounts are left out, because they give the agency's or bank's city.
std::string RegionText(const std::string& title, std::string_view head,
                       const std::string& agency) {
  constexpr size_t kHeadBytes = 600;
  static const char* const kBuyerLabels[] = {"采购人",   "招标人", "采购单位",
                                             "建设单位", "业主",   "甲方"};
  static const char* const kOtherLabels[] = {"代理", "银行", "开户",
                                             "账号", "帐号", "账户"};
  static const char* const kContactLabels[] = {"地址", "电话", "联系",
                                               "传真", "邮编", "邮政编码",
                                               "邮箱", "名称", "网址"};
  auto contains = [](std::string_view line, const char* word) {
    return line.find(word) != std::string_view::npos;
  };
  std::string out = title;
  bool in_agency = false;
  size_t start = 0;
  while (start < head.size() && start < kHeadBytes) {
    size_t end = head.find('\n', start);
    if (end == std::string_view::npos) end = head.size();
    std::string_view line = head.substr(start, end - start);
    start = end + 1;
    bool buyer = false;
    for (const char* label : kBuyerLabels) buyer |= contains(line, label);
    bool other = !agency.empty() && contains(line, agency.c_str());
    for (const char* label : kOtherLabels) other |= contains(line, label);
    if (other) {
      in_agency = in_agency || contains(line, "代理") ||
                  (!agency.empty() && contains(line, agency.c_str()));
      continue;
    }
    bool contact = false;
    for (const char* label : kContactLabels) contact |= contains(line, label);
    if (in_agency && contact && !buyer) continue;
    in_agency = false;
    out += '\n';
    out += line;
  }
  return out;
}

// Bare 元 means New Taiwan dollars in notices that name 新臺幣 and never
// 人民币.
std::string DefaultCurrency(const std::string& text) {
  bool taiwan = text.find("新臺幣") != std::string::npos ||
                text.find("新台幣") != std::string::npos;
  bool mainland = text.find("人民币") != std::string::npos;
  return taiwan && !mainland ? "TWD" : "CNY";
}

// A bare "$" means Hong Kong dollars in notices that name them (港幣, 港元,
// HK$) and never US dollars.
std::string DollarCurrency(const std::string& text) {
  bool hong_kong = false;
  for (const char* word : {"港幣", "港币", "港元", "HK$", "HKD"}) {
    hong_kong = hong_kong || text.find(word) != std::string::npos;
  }
  bool us = false;
  for (const char* word : {"美元", "美金", "US$", "USD"}) {
    us = us || text.find(word) != std::string::npos;
  }
  return hong_kong && !us ? "HKD" : "USD";
}

// Returns the date column of a scraped record as its published date, which
// the record's text often leaves out, or nothing for other documents.
std::optional<DateValue> RecordDate(const Document& doc) {
  if (doc.format != Format::kRecord || doc.metadata.created.empty()) {
    return std::nullopt;
  }
  DateValue published;
  published.kind = "published";
  published.value = doc.metadata.created;
  auto raw = doc.metadata.extra.find("date");
  published.raw =
      raw == doc.metadata.extra.end() ? published.value : raw->second;
  return published;
}

// Finds the dates of every page. A record's own date comes first, so date
// filters and sorting use it, and it gives its year to dates without one.
void FindDatesInPages(const Document& doc, Fields& fields) {
  std::optional<DateValue> record_date = RecordDate(doc);
  std::vector<DateValue> dated;
  if (record_date) dated.push_back(*record_date);
  std::vector<std::string> warnings;
  int missing_years = 0;
  for (const Page& page : doc.pages) {
    int missing = 0;
    for (DateValue& d :
         FindDates(page.text, page.number, {}, &warnings, &missing)) {
      dated.push_back(d);
    }
    missing_years += missing;
  }

  // Dates without a year take the year of the document's own date. When
  // every date has one, or there is no year to give, a second pass would
  // find the same dates.
  DateOptions options;
  options.reference_year = ReferenceYear(dated);
  if (missing_years == 0 || options.reference_year == 0) {
    fields.dates = std::move(dated);
    for (std::string& warning : warnings) {
      fields.warnings.push_back(std::move(warning));
    }
    return;
  }
  if (record_date) fields.dates.push_back(*record_date);
  for (const Page& page : doc.pages) {
    for (DateValue& d :
         FindDates(page.text, page.number, options, &fields.warnings)) {
      fields.dates.push_back(d);
    }
  }
}

// Notice types published before a winner exists: a supplier named in them
// is a form field or a bidder, not a winner.
bool PrecedesAward(const std::string& notice_type) {
  return notice_type == "intention" || notice_type == "prequalification" ||
         notice_type == "tender" || notice_type == "negotiation" ||
         notice_type == "consultation" || notice_type == "rfq" ||
         notice_type == "single_source";
}

// True when the title names a notice of the evaluation or of the
// candidates (评标结果公示, 中标候选人公示): it lists every bidder's offer
// before any contract is awarded.
bool ListsCandidates(const std::string& title) {
  for (const char* word : {"候选人公示", "候選人公示", "评标结果公示",
                           "評標結果公示", "评标结果公告"}) {
    if (title.find(word) != std::string::npos) return true;
  }
  return false;
}

// In an award notice without any amount labelled as an award, the money
// figures of the result table are the awarded amounts. In a notice of the
// candidates, no figure is an award yet, though 中标 (in 中标候选人) labels
// each offer.
void LabelResultAmounts(const std::string& title, Fields& fields) {
  if (fields.notice_type != "award") return;
  if (ListsCandidates(title)) {
    for (Amount& a : fields.amounts) {
      if (a.kind == "award") a.kind = "other";
    }
    return;
  }
  for (const Amount& a : fields.amounts) {
    if (a.kind == "award") return;
  }
  for (Amount& a : fields.amounts) {
    if (a.kind == "other") a.kind = "award";
  }
}

// Returns the notice type that a scraped record's category column gives,
// or "other" when it gives none (ClassifyNoticeCategory).
std::string RecordNoticeType(const Document& doc) {
  if (doc.format != Format::kRecord) return "other";
  auto it = doc.metadata.extra.find("notice_type");
  if (it == doc.metadata.extra.end()) return "other";
  return ClassifyNoticeCategory(it->second);
}

// Replaces `region` with the region of a scraped record's area, city and
// district columns when those name a division inside it (河北省 from the
// buyer's name, 石家庄市 from the city column), or when `region` is empty.
// Columns that name another province are left alone: some scrapers fill
// them from the winner's address.
void NarrowByRecordRegion(const Document& doc, const RegionTable& regions,
                          Region& region) {
  if (doc.format != Format::kRecord) return;
  auto it = doc.metadata.extra.find("region");
  if (it == doc.metadata.extra.end()) return;
  Region columns = regions.Resolve(it->second);
  if (columns.code.empty()) return;
  // GB/T 2260 codes: two digits of province, two of city, two of county,
  // the rest zeros.
  std::string_view prefix = region.code;
  while (!prefix.empty() && prefix.ends_with("00")) prefix.remove_suffix(2);
  if (columns.code.starts_with(prefix) && columns.code != region.code) {
    region = columns;
  }
}

// Takes the parties from a scraped record's columns (extract/records_fields.h)
// in place of what the text gave. A scraper's column has the name alone,
// where the text of a flattened table may run a name into its neighbours
// ("名称供应商(生产厂"). The project number column only fills a gap: some
// scrapers cut it ("70100000202602000045" for SDGP370100000202602000045).
void AddRecordColumns(const Document& doc, Fields& fields) {
  if (doc.format != Format::kRecord) return;
  const std::map<std::string, std::string>& extra = doc.metadata.extra;
  auto column = [&](const char* key) {
    auto it = extra.find(key);
    return it == extra.end() ? std::string() : it->second;
  };
  auto take = [&](const char* key, std::string& field) {
    std::string value = column(key);
    if (!value.empty()) field = std::move(value);
  };
  if (fields.project_number.empty()) {
    fields.project_number = column("project_number");
  }
  take("buyer", fields.buyer);
  take("agency", fields.agency);
  std::string suppliers = column("suppliers");
  if (suppliers.empty()) return;
  fields.suppliers.clear();
  size_t start = 0;
  while (start <= suppliers.size()) {
    size_t end = suppliers.find('\n', start);
    if (end == std::string::npos) end = suppliers.size();
    if (end > start) {
      Supplier supplier;
      supplier.name = suppliers.substr(start, end - start);
      fields.suppliers.push_back(std::move(supplier));
    }
    start = end + 1;
  }
}

// Adds a scraped record's amount columns (extract/records_amounts.h). The
// record's text has each column as a "name: value" line, where the amount
// patterns find a figure with a unit but not its kind: such a figure takes
// the column's kind instead of being reported twice.
void AddRecordAmounts(const Document& doc, Fields& fields) {
  if (doc.format != Format::kRecord) return;
  auto it = doc.metadata.extra.find("amounts");
  if (it == doc.metadata.extra.end()) return;
  std::string_view lines = it->second;
  while (!lines.empty()) {
    size_t end = std::min(lines.find('\n'), lines.size());
    std::string_view line = lines.substr(0, end);
    lines.remove_prefix(std::min(end + 1, lines.size()));
    std::string_view parts[4];
    for (int i = 0; i < 3; ++i) {
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) break;
      parts[i] = line.substr(0, tab);
      line.remove_prefix(tab + 1);
    }
    parts[3] = line;
    if (parts[2].empty()) continue;  // damaged stored data

    Amount column;
    column.kind = parts[0];
    column.value = parts[1];
    column.currency = parts[2];
    column.raw = parts[3];
    bool merged = false;
    for (Amount& found : fields.amounts) {
      if (found.value != column.value || found.currency != column.currency ||
          (found.kind != "other" && found.kind != column.kind)) {
        continue;
      }
      found.kind = column.kind;
      merged = true;
      break;
    }
    if (!merged) fields.amounts.push_back(std::move(column));
  }
}

// The place of a branch named after its parent organisation: 上海 in
// 厦门国际银行股份有限公司上海分行, where the name's other place, 厦门, is
// the parent's. Empty when `buyer` names no branch.
std::string BranchPlace(const std::string& buyer) {
  static const std::string_view kBranches[] = {"分行", "支行", "分公司",
                                               "分院", "分校", "分中心"};
  static const std::string_view kParents[] = {"公司", "银行", "集团",
                                              "医院", "大学", "学院"};
  size_t branch = std::string::npos;
  for (std::string_view word : kBranches) {
    branch = std::min(branch, buyer.rfind(word));
  }
  if (branch == std::string::npos) return "";
  size_t after_parent = 0;
  for (std::string_view word : kParents) {
    size_t at = buyer.rfind(word, branch);
    if (at != std::string::npos && at + word.size() <= branch) {
      after_parent = std::max(after_parent, at + word.size());
    }
  }
  if (after_parent == 0) return "";
  return buyer.substr(after_parent, branch - after_parent);
}

}  // namespace

Fields ExtractFields(const Document& doc) {
  Fields fields;
  std::string text;
  for (const Page& page : doc.pages) {
    if (!text.empty()) text += "\n";
    text += page.text;
  }
  std::string title =
      doc.metadata.title.empty() ? FirstLine(text) : doc.metadata.title;
  std::string_view head =
      std::string_view(text).substr(0, std::min<size_t>(text.size(), 2400));

  // Identifiers and parties come from labelled lines over the whole text.
  Parties parties = FindParties(text);
  fields.project_number = parties.project_number;
  fields.plan_number = parties.plan_number;
  fields.project_name = parties.project_name;
  fields.lot = parties.lot;
  fields.buyer = parties.buyer;
  fields.agency = parties.agency;
  fields.suppliers = parties.suppliers;
  AddRecordColumns(doc, fields);

  fields.notice_type = ClassifyNoticeType(title, head);
  if (fields.notice_type == "other") {
    fields.notice_type = RecordNoticeType(doc);
  }
  fields.procurement_method =
      ClassifyProcurementMethod(parties.method_label, title, head);
  if (PrecedesAward(fields.notice_type)) fields.suppliers.clear();

  // Amounts and dates are read page by page to keep their page numbers.
  AmountOptions amount_options;
  amount_options.default_currency = DefaultCurrency(text);
  amount_options.dollar_currency = DollarCurrency(text);
  for (const Page& page : doc.pages) {
    for (Amount& a : FindAmounts(page.text, page.number, amount_options,
                                 &fields.warnings)) {
      fields.amounts.push_back(a);
    }
  }
  AddRecordAmounts(doc, fields);
  LabelResultAmounts(title, fields);
  FindDatesInPages(doc, fields);

  // The buyer's name locates the notice best. The title and head are the
  // fallback.
  const RegionTable& regions = RegionTable::Default();
  fields.region = regions.Resolve(BranchPlace(fields.buyer));
  if (fields.region.code.empty()) fields.region = regions.Resolve(fields.buyer);
  if (fields.region.code.empty()) {
    fields.region = regions.Resolve(RegionText(title, head, fields.agency));
  }
  NarrowByRecordRegion(doc, regions, fields.region);
  return fields;
}

Fields ExtractFieldsFromText(std::string_view text) {
  Document doc;
  Page page;
  page.text = std::string(text);
  doc.pages.push_back(page);
  return ExtractFields(doc);
}

}  // namespace bidscope
