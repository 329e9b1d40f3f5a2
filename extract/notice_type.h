// Notice type and procurement method of a procurement notice, decided from
// its title first and its first lines second.
#ifndef BIDSCOPE_EXTRACT_NOTICE_TYPE_H_
#define BIDSCOPE_EXTRACT_NOTICE_TYPE_H_

#include <string>
#include <string_view>

namespace bidscope {

// The values of ClassifyNoticeType, "other" last.
inline constexpr std::string_view kNoticeTypes[] = {
    "intention", "prequalification", "tender",    "negotiation", "consultation",
    "rfq",       "single_source",    "amendment", "award",       "termination",
    "contract",  "acceptance",       "other"};

// The values of ClassifyProcurementMethod but "", "other" last.
inline constexpr std::string_view kProcurementMethods[] = {
    "open", "invited",       "negotiation", "consultation",
    "rfq",  "single_source", "framework",   "other"};

// One of intention, prequalification, tender, negotiation, consultation,
// rfq, single_source, amendment, award, termination, contract, acceptance
// or other. `head` is the start of the body (its first lines).
std::string ClassifyNoticeType(std::string_view title, std::string_view head);

// The notice type of a site's category label, as scraped dumps keep it in
// a column: the title rules first, then the short labels that sites use
// (合同, 成交, 需求公示, 预告, 竞谈, 询比, 竞价, 比选) and the TED codes CAN
// (contract award notice), CN (contract notice) and PIN (prior information
// notice). "other" when the label gives none.
std::string ClassifyNoticeCategory(std::string_view label);

// One of open, invited, negotiation, consultation, rfq, single_source,
// framework or other. Empty when neither the 采购方式 label, the title nor
// the head names a method.
std::string ClassifyProcurementMethod(std::string_view method_label,
                                      std::string_view title,
                                      std::string_view head);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_NOTICE_TYPE_H_
