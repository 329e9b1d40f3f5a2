// Faults injected by the tests of worker isolation and of a failing
// index writer. Active only when the variable BIDSCOPE_FAULT_INJECTION is
// set, as "crash=bad.pdf,hang=slow.pdf,oom=big.pdf,write=c.txt".
#ifndef BIDSCOPE_CLI_FAULT_INJECTION_H_
#define BIDSCOPE_CLI_FAULT_INJECTION_H_

#include <string>
#include <string_view>

namespace bidscope::cli {

// True when a rule `kind=text` of BIDSCOPE_FAULT_INJECTION names a text
// that `path` contains.
bool FaultInjected(std::string_view kind, const std::string& path);

}  // namespace bidscope::cli

#endif  // BIDSCOPE_CLI_FAULT_INJECTION_H_
