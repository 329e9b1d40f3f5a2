// Notice type and procurement method of a procurement notice, decided from
// its title first and its first lines second.
#ifndef BIDSCOPE_EXTRACT_NOTICE_TYPE_H_
#define BIDSCOPE_EXTRACT_NOTICE_TYPE_H_

#include <string>
#include <string_view>

namespace bidscope {

// One of intention, prequalification, tender, negotiation, consultation,
// rfq, single_source, amendment, award, termination, contract, acceptance
// or other. `head` is the start of the body (its first lines).
std::string ClassifyNoticeType(std::string_view title, std::string_view head);

// One of open, invited, negotiation, consultation, rfq, single_source,
// framework or other. Empty when neither the 采购方式 label, the title nor
// the head names a method.
std::string ClassifyProcurementMethod(std::string_view method_label,
                                      std::string_view title,
                                      std::string_view head);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_NOTICE_TYPE_H_
