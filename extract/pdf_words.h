// The words of a PDF page as Poppler's text layer finds them, read with
// Poppler's core classes rather than poppler-cpp.
//
// poppler-cpp's page::text_list names the font of each word only by
// scanning every font of the page a second time (FontInfoScanner), which
// took about a quarter of the text layer's instructions (callgrind). The
// core TextWord stores its font, so this reads the same words, boxes,
// sizes and font names without that scan.
#ifndef BIDSCOPE_EXTRACT_PDF_WORDS_H_
#define BIDSCOPE_EXTRACT_PDF_WORDS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/layout.h"

class PDFDoc;

namespace bidscope {

// A word's box and text, with the name of its first character's font
// (empty when the text layer has none).
struct PdfWord {
  LayoutBox box;
  std::string font_name;
};

// A PDF opened with Poppler's core classes over `bytes`, which must outlive
// it. Null when Poppler cannot open it or the password does not unlock it.
// Opening walks the page tree, so messages about it come during Open.
class CorePdf {
 public:
  static std::unique_ptr<CorePdf> Open(std::string_view bytes,
                                       const std::string& password);
  ~CorePdf();
  CorePdf(const CorePdf&) = delete;
  CorePdf& operator=(const CorePdf&) = delete;

  // Words of page `index` (from 0) in Poppler's reading order, as
  // poppler-cpp's text_list gives them at 72 dpi without rotation.
  std::vector<PdfWord> PageWords(int index);

 private:
  explicit CorePdf(std::unique_ptr<PDFDoc> doc);
  std::unique_ptr<PDFDoc> doc_;
};

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_PDF_WORDS_H_
