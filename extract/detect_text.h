// Sniffs of the text formats, applied by DetectFormat to the leading bytes
// once they are decoded to UTF-8.
#ifndef BIDSCOPE_EXTRACT_DETECT_TEXT_H_
#define BIDSCOPE_EXTRACT_DETECT_TEXT_H_

#include <string_view>

#include "extract/document.h"

namespace bidscope {

// True when the text, after whitespace, comments and processing
// instructions (<?xml ...?>, a <?php exit;?> guard), opens with
// <!doctype html>, <html>, <head>, <meta>, <body> or <title>, or opens with
// a tag and has <html>, <head> or <body> near the start.
bool LooksLikeHtml(std::string_view text);

// True when the text opens with an XML declaration or with a root element
// that declares a namespace.
bool LooksLikeXml(std::string_view text);

// kJsonLines when the first lines are each a JSON object, kJson when the
// text is one JSON object or array, else kUnknown. `truncated` means the
// text is a prefix, so a value cut off at its end still counts.
Format SniffJson(std::string_view text, bool truncated);

// True when the first records have the same number of delimiters (comma,
// tab, semicolon or vertical bar, outside double quotes) as a header row
// with at least one field that is not a number. A header and one record
// count only when the record has a title, body or URL column.
bool LooksLikeCsv(std::string_view text, bool truncated);

// Returns the format of text that opens with a block of RFC 5322 header
// lines with MIME-Version or Content-Type. That is kMhtml for a saved page
// (multipart/related, or a Snapshot-Content-Location header), or kEmail
// when the block also has From, Subject, Date or Received. Other text
// gives kUnknown.
Format SniffMime(std::string_view text);

// Returns kMbox for text that opens with an mbox separator line ("From "
// and the sender) followed by the header block of an e-mail (From,
// Subject, Date, Received or Message-ID), else kUnknown.
Format SniffMbox(std::string_view text);

// True for HTML without a document prologue (an editor's saved fragment):
// several different common HTML tags near the start.
bool LooksLikeHtmlFragment(std::string_view text);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_DETECT_TEXT_H_
