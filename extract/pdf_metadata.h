// Decoding of PDF document information: text strings in any of the
// encodings producers write, dates with their time zone, and XMP titles.
#ifndef BIDSCOPE_EXTRACT_PDF_METADATA_H_
#define BIDSCOPE_EXTRACT_PDF_METADATA_H_

#include <string>
#include <string_view>

namespace bidscope {

struct DecodedPdfString {
  std::string text;          // UTF-8
  bool guessed_gbk = false;  // the bytes were not Unicode and read as GBK
};

// Decodes an Info dictionary string as poppler-cpp returns it: UTF-16 code
// units when the string had a byte order mark, otherwise one unit per raw
// byte. Raw bytes are read as UTF-8 when valid, then as GBK (GB18030) when
// they decode to Chinese, then as PDFDocEncoding.
DecodedPdfString DecodePdfInfoString(std::u16string_view units);

// Converts a PDF date such as "D:20211231093000+08'00'" to ISO 8601
// ("2021-12-31T09:30:00+08:00"), keeping the offset when one is given and
// the precision of the source. Returns "" when `raw` is not a PDF date.
std::string PdfDateToIso8601(std::string_view raw);

// Returns the dc:title of an XMP packet, or "" when it has none or the
// packet is not well-formed XML.
std::string XmpTitle(std::string_view xmp);

// True when a title is a file name such as "招标文件.docx" rather than a
// real title, as word processors write into the Info dictionary.
bool IsFileNameTitle(std::string_view title);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_PDF_METADATA_H_
