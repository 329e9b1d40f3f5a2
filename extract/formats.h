// Per-format extractors. Each fills pages, metadata, status and warnings of
// one document; the caller sets the id, format and size.
#ifndef BIDSCOPE_EXTRACT_FORMATS_H_
#define BIDSCOPE_EXTRACT_FORMATS_H_

#include <string_view>
#include <vector>

#include "extract/document.h"
#include "extract/extract.h"
#include "extract/frame_text.h"

namespace bidscope {

// PDF through the module bidscope-pdf.so, loaded on the first call; a
// failed document names the module when it cannot be loaded.
Document ExtractPdf(std::string_view bytes, const ExtractOptions& options);
// `declared_charset`, when set, is the charset a container names for the
// page, such as a MIME part's; it is trusted as <meta charset> would be.
// `frame_text` gives the text of the page's frames (HtmlBodyText).
Document ExtractHtml(std::string_view bytes, const ExtractOptions& options,
                     std::string_view declared_charset = {},
                     const FrameText& frame_text = {});
Document ExtractDocx(std::string_view bytes, const ExtractOptions& options);
Document ExtractText(std::string_view bytes, const ExtractOptions& options);

// Extracts bytes that DetectFormat already found to be plain text, without
// ExtractText's second detection (a decode of up to 64 KiB).
// `declared_charset` is as for ExtractHtml.
Document ExtractPlainText(std::string_view bytes,
                          std::string_view declared_charset = {});

// The text content of an XML document; ExtractText routes XML here.
Document ExtractXml(std::string_view bytes, const ExtractOptions& options);

Document ExtractDoc(std::string_view bytes, const ExtractOptions& options);
Document ExtractRtf(std::string_view bytes, const ExtractOptions& options);

// Spreadsheets: one page per sheet, in workbook order, each starting with
// the line "sheet NAME" and then one line per row with cells separated by
// " | ". Not paged.
Document ExtractXlsx(std::string_view bytes, const ExtractOptions& options);
Document ExtractOds(std::string_view bytes, const ExtractOptions& options);

// An OpenDocument text file as one page.
Document ExtractOdt(std::string_view bytes, const ExtractOptions& options);

// Archives and dumps produce the container document followed by one
// document per member or record.
std::vector<Document> ExtractArchive(std::string_view bytes,
                                     const ExtractOptions& options, int depth);
std::vector<Document> ExtractRecords(std::string_view bytes, Format format,
                                     const ExtractOptions& options);

// An e-mail and then one document per attachment, or for kMhtml the saved
// page alone.
std::vector<Document> ExtractMime(std::string_view bytes, Format format,
                                  const ExtractOptions& options, int depth);

// Names the documents below a member as paths inside it: `extracted` is
// the member (locator `locator`) and then its own members, whose locators
// get "locator/" in front ("a.zip" then "x.txt" becomes "a.zip/x.txt").
// Without this, two nested archives with members of the same name would
// give them the same path.
void NestMemberLocators(const std::string& locator,
                        std::vector<Document>& extracted);

// The mailbox, with one page listing its messages, then each message as
// ExtractMime gives it, the message a member of the mailbox.
std::vector<Document> ExtractMbox(std::string_view bytes,
                                  const ExtractOptions& options, int depth);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_FORMATS_H_
