#include "extract/pdf_words.h"

#include <optional>
#include <utility>

#include <Object.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>

#include "extract/code_points.h"
#include "extract/pdf_errors.h"

namespace bidscope {
namespace {

// Returns the word's characters as UTF-8. Surrogates and U+0000, which
// are not text, are dropped.
std::string WordText(const TextWord& word) {
  std::string text;
  text.reserve(static_cast<size_t>(word.getLength()) * 3);
  for (int i = 0; i < word.getLength(); ++i) {
    Unicode c = *word.getChar(i);
    if (c != 0) AppendCodePoint(text, static_cast<UChar32>(c));
  }
  return text;
}

std::string FontName(const TextWord& word) {
  if (word.getLength() == 0) return {};
  const GooString* name = word.getFontName(0);
  return name == nullptr ? std::string() : name->toStr();
}

}  // namespace

CorePdf::CorePdf(std::unique_ptr<PDFDoc> doc) : doc_(std::move(doc)) {}

CorePdf::~CorePdf() = default;

std::unique_ptr<CorePdf> CorePdf::Open(std::string_view bytes,
                                       const std::string& password) {
  InitPoppler();
  // PDFDoc deletes the stream, and the stream does not own the bytes.
  auto* stream = new MemStream(
      bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  std::optional<GooString> secret;
  if (!password.empty()) secret.emplace(password);
  auto doc = std::make_unique<PDFDoc>(stream, secret, secret);
  if (!doc->isOk()) return nullptr;
  // Walks the page tree now, while the caller silences this second open,
  // so that its faults are not reported again when a page is read.
  for (int i = 1; i <= doc->getNumPages(); ++i) doc->getPage(i);
  return std::unique_ptr<CorePdf>(new CorePdf(std::move(doc)));
}

std::vector<PdfWord> CorePdf::PageWords(int index) {
  std::vector<PdfWord> words;
  // These are the settings of poppler-cpp's text_list: reading order, no
  // physical layout, 72 dpi, no rotation, the crop box.
  TextOutputDev output(nullptr, false, 0, false, false);
  if (!output.isOk()) return words;
  doc_->displayPageSlice(&output, index + 1, 72, 72, 0, false, false, false, -1,
                         -1, -1, -1, nullptr, nullptr, nullptr, nullptr, true);
  std::unique_ptr<TextWordList> list = output.makeWordList();
  if (list == nullptr) return words;
  words.reserve(static_cast<size_t>(list->getLength()));
  for (int i = 0; i < list->getLength(); ++i) {
    const TextWord* word = list->get(i);
    PdfWord out;
    out.box.text = WordText(*word);
    word->getBBox(&out.box.left, &out.box.top, &out.box.right, &out.box.bottom);
    out.box.font_size = word->getFontSize();
    out.box.space_after = word->hasSpaceAfter();
    out.font_name = FontName(*word);
    words.push_back(std::move(out));
  }
  return words;
}

}  // namespace bidscope
