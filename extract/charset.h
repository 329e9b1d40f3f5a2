// Character set handling for text formats: WHATWG encoding labels, byte
// order marks, the HTML <meta> and XML declaration prescans, detection of
// undeclared encodings and decoding to UTF-8 through ICU.
#ifndef BIDSCOPE_EXTRACT_CHARSET_H_
#define BIDSCOPE_EXTRACT_CHARSET_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace bidscope {

// Encoding names recorded in Metadata::encoding.
inline constexpr std::string_view kUtf8 = "UTF-8";
inline constexpr std::string_view kUtf16Le = "UTF-16LE";
inline constexpr std::string_view kUtf16Be = "UTF-16BE";
inline constexpr std::string_view kGb18030 = "GB18030";
inline constexpr std::string_view kBig5Hkscs = "Big5-HKSCS";

// Maps a WHATWG encoding label ("gb2312", "cn-big5", " UTF8 ", ...) to the
// encoding name bidscope records ("GB18030", "Big5-HKSCS", "UTF-8", ...).
// Labels are matched case-insensitively after trimming ASCII whitespace.
// Returns an empty string for labels outside the table. The GB2312 and GBK
// labels map to GB18030 because real pages labelled gb2312 use GBK and
// GB18030 characters, and GB18030 is a superset of both.
std::string EncodingForLabel(std::string_view label);

// Encoding named by a byte order mark at the start of `bytes` (UTF-8,
// UTF-16LE, UTF-16BE), or empty. Stores the BOM length in `bom_length`
// when it is not null.
std::string_view SniffBom(std::string_view bytes, size_t* bom_length);

// Label declared by the first <meta charset> or <meta content="...;
// charset=..."> in the first 4096 bytes, skipping comments. Tolerates
// misspelt attribute names (httpequiv, ContentType) because only the
// charset= parameter is read. Returns the raw label or an empty string.
std::string PrescanHtmlCharset(std::string_view bytes);

// Label in an XML declaration (<?xml version="1.0" encoding="GBK"?>), or
// an empty string.
std::string PrescanXmlEncoding(std::string_view bytes);

// Guesses the encoding of bytes that declare none. ASCII and valid UTF-8
// give "UTF-8". Enough multi-byte text goes to ICU's detector first, and
// otherwise GB18030 and Big5-HKSCS are compared by how plausible their Han
// readings are. Text with rare invalid sequences gets the multi-byte
// encoding with the fewest. Returns "windows-1252" when nothing fits.
std::string DetectEncoding(std::string_view bytes);

// Origin of the encoding used for decoding.
enum class EncodingSource {
  kBom,       // a byte order mark
  kDeclared,  // DecodeOptions::declared_label
  kMarkup,    // the HTML <meta> or XML declaration prescan
  kDetected,  // DetectEncoding
  kDefault,   // DecodeOptions::default_encoding
};

struct DecodeOptions {
  // Label from outside the bytes (an HTTP header a crawler stored). Empty
  // when there is none.
  std::string declared_label;

  // Kind of in-document declaration to prescan for.
  enum class Markup { kNone, kHtml, kXml };
  Markup markup = Markup::kNone;

  // Encoding used when detection cannot decide. Empty lets detection's
  // own fallback stand.
  std::string default_encoding;
};

struct DecodedText {
  // The text in UTF-8, without the byte order mark.
  std::string utf8;

  // Encoding used, as EncodingForLabel names it.
  std::string encoding;

  EncodingSource source = EncodingSource::kDefault;

  // Byte sequences invalid in `encoding`, each replaced by U+FFFD.
  size_t invalid_sequences = 0;

  // Reason a declared label was not used, or empty.
  std::string note;
};

// Decodes `bytes` to UTF-8 with the priority BOM > declared label > markup
// declaration > detection > default. A declared or markup label is not
// used when its decoding has invalid sequences and the detected encoding
// decodes the bytes without any, and `note` then gives the reason.
DecodedText DecodeToUtf8(std::string_view bytes,
                         const DecodeOptions& options = {});

// Converts `bytes` from `encoding` (a name EncodingForLabel returns, or any
// ICU converter name) to UTF-8. Invalid sequences become U+FFFD and are
// counted in `invalid_sequences` when it is not null. Throws
// std::invalid_argument when ICU has no converter for `encoding`, and
// std::runtime_error when ICU reports a conversion failure.
std::string ConvertToUtf8(std::string_view bytes, std::string_view encoding,
                          size_t* invalid_sequences = nullptr);

// True when `bytes` is well-formed UTF-8 (no overlong forms, surrogates or
// code points above U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

// Removes the NUL bytes of decoded text, which browsers and editors do not
// show and libxml2 takes for the end of its input. Returns a warning that
// counts them, or an empty string when there were none.
std::string DropNulBytes(std::string& utf8);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_CHARSET_H_
