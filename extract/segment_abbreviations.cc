// The one table of abbreviations that never end a sentence.
#include <algorithm>
#include <array>
#include <string>

#include "extract/segment_sentences.h"

namespace bidscope::segment_internal {
namespace {

// Lower case, with the final full stop. Months, titles, company forms,
// references (No., Art., Fig.) and Latin abbreviations common in
// procurement notices written in English.
constexpr std::array<std::string_view, 58> kAbbreviations = {
    "no.",     "nos.",  "art.", "arts.", "fig.", "figs.", "sec.",  "para.",
    "p.",      "pp.",   "vol.", "ch.",   "cl.",  "ref.",  "tel.",  "fax.",
    "approx.", "jan.",  "feb.", "mar.",  "apr.", "jun.",  "jul.",  "aug.",
    "sep.",    "sept.", "oct.", "nov.",  "dec.", "mon.",  "tue.",  "wed.",
    "thu.",    "fri.",  "sat.", "sun.",  "mr.",  "mrs.",  "ms.",   "dr.",
    "prof.",   "st.",   "co.",  "corp.", "ltd.", "inc.",  "dept.", "govt.",
    "i.e.",    "e.g.",  "a.m.", "p.m.",  "etc.", "vs.",   "cf.",   "u.s.",
    "u.k.",    "jr.",
};

}  // namespace

bool IsAbbreviation(std::string_view word) {
  std::string lower(word);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), lower) !=
         kAbbreviations.end();
}

}  // namespace bidscope::segment_internal
