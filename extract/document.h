// The data model every stage shares: a document as extraction produces it,
// with its pages, metadata and the reasons anything went wrong.
#ifndef BIDSCOPE_EXTRACT_DOCUMENT_H_
#define BIDSCOPE_EXTRACT_DOCUMENT_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace bidscope {

// File formats, detected from the bytes rather than the file name.
enum class Format {
  kUnknown,
  kPdf,
  kHtml,
  kXml,
  kDocx,
  kXlsx,
  kOdt,
  kOds,
  kDoc,  // Word 97-2003 binary (OLE compound file)
  kRtf,
  kText,
  kCsv,
  kJson,       // a JSON array or object of records
  kJsonLines,  // one JSON record per line
  kZip,
  kRar,
  kSevenZip,
  kImage,
  kRecord,  // one record of a CSV or JSON dump
  kEmail,   // a MIME e-mail message (.eml), attachments as members
  kMhtml,   // a web page saved as one MIME file (.mht, .mhtml)
  kMbox,    // a mailbox of e-mails, each message as a member
};

// The last Format, for loops over all of them.
inline constexpr Format kLastFormat = Format::kMbox;

// Lower-case names used in JSON output and the index ("pdf", "html", ...).
std::string_view FormatName(Format format);

// Outcome of extracting one document.
enum class ExtractStatus {
  kOk,
  kEncrypted,    // a password is required to read the text
  kUnsupported,  // a format bidscope does not read
  kFailed,  // damaged or hostile input, with the reason in `Document::error`
  kEmpty,   // no text at all: no bytes, or only whitespace and markup
};

// The last ExtractStatus, for loops over all of them.
inline constexpr ExtractStatus kLastExtractStatus = ExtractStatus::kEmpty;

std::string_view ExtractStatusName(ExtractStatus status);

// Source of a page's text.
enum class TextOrigin {
  kTextLayer,  // a PDF's text layer
  kOcr,        // Tesseract on a rendered page image
  kMarkup,     // HTML, XML or an office document's markup
  kPlain,      // plain text, CSV or a scraped record
  kNone,       // no usable text (for example garbage that was not indexed)
};

std::string_view TextOriginName(TextOrigin origin);

// Byte range [begin, end) of a page's text.
struct TextRange {
  size_t begin = 0;
  size_t end = 0;
};

struct Page {
  // 1-based page number. Formats without pages have a single page 1.
  int number = 1;

  // Text as extracted, in reading order, UTF-8. Display and snippets use
  // this; matching uses its normalised form.
  std::string text;

  TextOrigin origin = TextOrigin::kPlain;

  // Share of plausible characters in the text layer, from 0 to 1.
  double quality = 1.0;

  // Mean Tesseract word confidence (0-100) when origin is kOcr, else -1.
  double ocr_confidence = -1;

  // Degrees the page image was turned clockwise to read it upright (90,
  // 180 or 270), 0 when read as rendered or not read by OCR.
  int ocr_rotation = 0;

  // True when OCR read the page image with its table rules removed.
  bool ocr_rules_removed = false;

  // False when the text is judged garbage and must not be indexed.
  bool reliable = true;

  // Page-level problems, such as a font without a Unicode mapping.
  std::vector<std::string> warnings;

  // Lines of `text` recognised as running headers and footers (page
  // numbers, running titles) by MarkPageFurniture, in increasing order,
  // each without its line break. The text keeps them; snippets skip them.
  std::vector<TextRange> furniture;
};

struct Metadata {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string creator;
  std::string producer;

  // ISO 8601, with the time zone offset when the source gives one.
  std::string created;
  std::string modified;

  int page_count = 0;

  // Character set the bytes were decoded from, for text formats
  // ("UTF-8", "GB18030", "Big5-HKSCS", ...). Empty for binary formats.
  std::string encoding;

  // Format-specific facts such as PDF permissions or a record's URL. A
  // record also keeps the columns that give its fields: "buyer", "agency",
  // "suppliers" (one per line) and "amounts" (one per line: kind, value,
  // currency and "column: text", separated by tabs).
  std::map<std::string, std::string> extra;
};

struct Document {
  // SHA-256 of the document's bytes, lower-case hex: the document id.
  // A record of a dump or a member of an archive hashes its own bytes.
  std::string id;

  // Id of the containing file for archive members and dump records.
  std::string parent_id;

  // Position inside the parent: an archive member path or "record 12".
  std::string locator;

  Format format = Format::kUnknown;
  ExtractStatus status = ExtractStatus::kOk;

  // Reason extraction did not succeed, in the library's own words where one
  // reported it (Poppler's message for a damaged PDF).
  std::string error;

  // True when page numbers are meaningful (PDF); false for formats that
  // have one logical page (HTML, text, records).
  bool paged = false;

  Metadata metadata;
  std::vector<Page> pages;
  std::vector<std::string> warnings;
  size_t size_bytes = 0;
};

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_DOCUMENT_H_
