#include "extract/pinyin.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <memory>
#include <stdexcept>

namespace bidscope {
namespace {

// ICU transliterators are not thread-safe, so each thread keeps its own.
icu::Transliterator& HanLatin() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator;
  if (!transliterator) {
    UErrorCode status = U_ZERO_ERROR;
    transliterator.reset(icu::Transliterator::createInstance(
        "Han-Latin", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !transliterator) {
      transliterator.reset();
      throw std::runtime_error(
          std::string("cannot create the ICU Han-Latin transliterator: ") +
          u_errorName(status));
    }
  }
  return *transliterator;
}

}  // namespace

std::string ToPinyin(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  HanLatin().transliterate(unicode);
  std::string pinyin;
  unicode.toUTF8String(pinyin);
  return pinyin;
}

}  // namespace bidscope
