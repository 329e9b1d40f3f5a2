#include "extract/pdf_metadata.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <string>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/ucnv.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "extract/code_points.h"

namespace bidscope {
namespace {

// PDFDocEncoding code points for bytes 0x80-0xA0 (PDF 32000-1, Annex D).
// Poppler has this table only in its private API, so it is repeated here.
constexpr std::array<char16_t, 33> kPdfDocHigh = {
    0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039,
    0x203A, 0x2212, 0x2030, 0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A,
    0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160, 0x0178, 0x017D, 0x0131,
    0x0142, 0x0153, 0x0161, 0x017E, 0xFFFD, 0x20AC};

// PDFDocEncoding code points for bytes 0x18-0x1F (spacing diacritics).
constexpr std::array<char16_t, 8> kPdfDocLow = {0x02D8, 0x02C7, 0x02C6, 0x02D9,
                                                0x02DD, 0x02DB, 0x02DA, 0x02DC};

std::string Utf16ToUtf8(std::u16string_view units) {
  std::string out;
  for (size_t i = 0; i < units.size();) {
    UChar32 c;
    U16_NEXT(units.data(), i, units.size(), c);
    AppendCodePoint(out, U_IS_SURROGATE(c) ? 0xFFFD : c);
  }
  return out;
}

bool IsValidUtf8(std::string_view bytes) {
  for (int32_t i = 0; i < static_cast<int32_t>(bytes.size());) {
    UChar32 c;
    U8_NEXT(bytes.data(), i, static_cast<int32_t>(bytes.size()), c);
    if (c < 0) return false;
  }
  return true;
}

bool IsChinese(UChar32 c) {
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)) {
    return true;
  }
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

// Decodes `bytes` as GB18030 (a superset of GBK), failing on any invalid
// sequence or when fewer than half of the non-ASCII characters are Chinese.
bool DecodeGbk(std::string_view bytes, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(
      ucnv_open("GB18030", &status));
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr,
                      nullptr, nullptr, &status);
  std::u16string units(bytes.size() + 1, u'\0');
  int32_t length = ucnv_toUChars(
      converter.get(), units.data(), static_cast<int32_t>(units.size()),
      bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  units.resize(length);

  int chinese = 0;
  int other = 0;
  for (size_t i = 0; i < units.size();) {
    UChar32 c;
    U16_NEXT(units.data(), i, units.size(), c);
    if (c < 0x80) continue;
    (IsChinese(c) ? chinese : other)++;
  }
  if (chinese == 0 || chinese < other) return false;
  out = Utf16ToUtf8(units);
  return true;
}

std::string DecodePdfDocEncoding(std::string_view bytes) {
  std::string out;
  for (unsigned char byte : bytes) {
    UChar32 c = byte;
    if (byte >= 0x18 && byte <= 0x1F) c = kPdfDocLow[byte - 0x18];
    if (byte >= 0x80 && byte <= 0xA0) c = kPdfDocHigh[byte - 0x80];
    if (byte == 0x7F || byte == 0xAD) c = 0xFFFD;
    AppendCodePoint(out, c);
  }
  return out;
}

// Reads `count` digits at `pos` into `value`; false when they are absent.
bool ReadDigits(std::string_view s, size_t& pos, size_t count, int& value) {
  if (pos + count > s.size()) return false;
  value = 0;
  for (size_t i = 0; i < count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[pos + i]))) return false;
    value = value * 10 + (s[pos + i] - '0');
  }
  pos += count;
  return true;
}

std::string TwoDigits(int value) {
  return std::string{static_cast<char>('0' + value / 10 % 10),
                     static_cast<char>('0' + value % 10)};
}

// Formats the time zone part of a PDF date ("+08'00'", "Z", "-05'00").
std::string ParseOffset(std::string_view s, size_t pos) {
  if (pos >= s.size()) return "";
  char sign = s[pos++];
  if (sign == 'Z') return "Z";
  if (sign != '+' && sign != '-') return "";
  int hours = 0;
  int minutes = 0;
  if (!ReadDigits(s, pos, 2, hours) || hours > 23) return "";
  if (pos < s.size() && s[pos] == '\'') ++pos;
  if (!ReadDigits(s, pos, 2, minutes) || minutes > 59) minutes = 0;
  return std::string(1, sign) + TwoDigits(hours) + ":" + TwoDigits(minutes);
}

const xmlNode* FindDcTitle(const xmlNode* node) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    bool is_dc =
        node->ns != nullptr && node->ns->href != nullptr &&
        std::string_view(reinterpret_cast<const char*>(node->ns->href)) ==
            "http://purl.org/dc/elements/1.1/";
    if (is_dc && xmlStrEqual(node->name, BAD_CAST "title")) return node;
    if (const xmlNode* found = FindDcTitle(node->children)) return found;
  }
  return nullptr;
}

const xmlNode* FindFirstLi(const xmlNode* node) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (xmlStrEqual(node->name, BAD_CAST "li")) return node;
    if (const xmlNode* found = FindFirstLi(node->children)) return found;
  }
  return nullptr;
}

std::string Trim(std::string text) {
  const char* kSpace = " \t\r\n";
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

}  // namespace

DecodedPdfString DecodePdfInfoString(std::u16string_view units) {
  bool raw_bytes = std::all_of(units.begin(), units.end(),
                               [](char16_t unit) { return unit <= 0xFF; });
  if (!raw_bytes) return {Utf16ToUtf8(units), false};

  std::string bytes(units.begin(), units.end());
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);  // PDF 2.0 UTF-8
  if (IsValidUtf8(bytes)) return {bytes, false};
  std::string gbk;
  if (DecodeGbk(bytes, gbk)) return {gbk, true};
  return {DecodePdfDocEncoding(bytes), false};
}

// PDF dates have a format of their own (PDF 32000-1, 7.9.4) that no
// library here parses with its offset, so it is read by hand.
std::string PdfDateToIso8601(std::string_view raw) {
  std::string_view s = raw;
  if (s.starts_with("D:")) s.remove_prefix(2);
  size_t pos = 0;
  int year = 0;
  if (!ReadDigits(s, pos, 4, year)) return "";
  std::string out = std::to_string(year);

  // Month, day, hour, minute and second are each optional in turn.
  int parts[5] = {0, 0, 0, 0, 0};
  const char* separators[5] = {"-", "-", "T", ":", ":"};
  const int limits[5] = {12, 31, 23, 59, 59};
  int read = 0;
  while (read < 5 && ReadDigits(s, pos, 2, parts[read])) {
    if (parts[read] > limits[read]) return "";
    if ((read == 0 || read == 1) && parts[read] == 0) return "";
    ++read;
  }
  for (int i = 0; i < read; ++i) out += separators[i] + TwoDigits(parts[i]);
  // A time is written to the second, as most ISO 8601 readers expect.
  if (read == 3) out += ":00:00";
  if (read == 4) out += ":00";
  if (read >= 3) out += ParseOffset(s, pos);
  return out;
}

std::string XmpTitle(std::string_view xmp) {
  if (xmp.empty()) return "";
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xmp.data(), static_cast<int>(xmp.size()), nullptr, "UTF-8",
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      &xmlFreeDoc);
  if (doc == nullptr) return "";
  const xmlNode* title = FindDcTitle(xmlDocGetRootElement(doc.get()));
  if (title == nullptr) return "";
  const xmlNode* li = FindFirstLi(title->children);
  xmlChar* content = xmlNodeGetContent(li != nullptr ? li : title);
  if (content == nullptr) return "";
  std::string text(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return Trim(std::move(text));
}

bool IsFileNameTitle(std::string_view title) {
  static constexpr std::string_view kExtensions[] = {
      ".doc", ".docx", ".pdf", ".wps", ".rtf", ".xls", ".xlsx", ".odt", ".txt"};
  std::string lower(title);
  while (!lower.empty() &&
         std::isspace(static_cast<unsigned char>(lower.back()))) {
    lower.pop_back();
  }
  std::transform(
      lower.begin(), lower.end(), lower.begin(),
      [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::any_of(
      std::begin(kExtensions), std::end(kExtensions),
      [&](std::string_view ext) { return lower.ends_with(ext); });
}

}  // namespace bidscope
