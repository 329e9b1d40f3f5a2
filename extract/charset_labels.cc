#include "extract/charset_labels.h"

#include <algorithm>
#include <array>

#include "extract/charset.h"

namespace bidscope {
namespace {

struct Label {
  std::string_view label;
  std::string_view encoding;
};

// Labels from the WHATWG Encoding Standard for the encodings found in
// Chinese procurement material, plus the Windows and ICU names such pages
// also use (cp936, windows-950, big5hkscs). WHATWG decodes the GBK labels
// with its GBK decoder, which accepts GB18030 four-byte sequences, so they
// all map to GB18030 here.
constexpr std::array kLabels = {
    Label{"unicode-1-1-utf-8", kUtf8},
    Label{"unicode11utf8", kUtf8},
    Label{"unicode20utf8", kUtf8},
    Label{"utf-8", kUtf8},
    Label{"utf8", kUtf8},
    Label{"x-unicode20utf8", kUtf8},

    Label{"chinese", kGb18030},
    Label{"csgb2312", kGb18030},
    Label{"csiso58gb231280", kGb18030},
    Label{"gb2312", kGb18030},
    Label{"gb_2312", kGb18030},
    Label{"gb_2312-80", kGb18030},
    Label{"gbk", kGb18030},
    Label{"iso-ir-58", kGb18030},
    Label{"x-gbk", kGb18030},
    Label{"gb18030", kGb18030},
    Label{"cp936", kGb18030},
    Label{"ms936", kGb18030},
    Label{"windows-936", kGb18030},
    Label{"euc-cn", kGb18030},

    Label{"big5", kBig5Hkscs},
    Label{"big5-hkscs", kBig5Hkscs},
    Label{"cn-big5", kBig5Hkscs},
    Label{"csbig5", kBig5Hkscs},
    Label{"x-x-big5", kBig5Hkscs},
    Label{"big5hkscs", kBig5Hkscs},
    Label{"cp950", kBig5Hkscs},
    Label{"windows-950", kBig5Hkscs},

    Label{"csshiftjis", "Shift_JIS"},
    Label{"ms932", "Shift_JIS"},
    Label{"ms_kanji", "Shift_JIS"},
    Label{"shift-jis", "Shift_JIS"},
    Label{"shift_jis", "Shift_JIS"},
    Label{"sjis", "Shift_JIS"},
    Label{"windows-31j", "Shift_JIS"},
    Label{"x-sjis", "Shift_JIS"},

    Label{"cseucpkdfmtjapanese", "EUC-JP"},
    Label{"euc-jp", "EUC-JP"},
    Label{"x-euc-jp", "EUC-JP"},

    Label{"cseuckr", "EUC-KR"},
    Label{"csksc56011987", "EUC-KR"},
    Label{"euc-kr", "EUC-KR"},
    Label{"iso-ir-149", "EUC-KR"},
    Label{"korean", "EUC-KR"},
    Label{"ks_c_5601-1987", "EUC-KR"},
    Label{"ks_c_5601-1989", "EUC-KR"},
    Label{"ksc5601", "EUC-KR"},
    Label{"ksc_5601", "EUC-KR"},
    Label{"windows-949", "EUC-KR"},

    Label{"csunicode", kUtf16Le},
    Label{"iso-10646-ucs-2", kUtf16Le},
    Label{"ucs-2", kUtf16Le},
    Label{"unicode", kUtf16Le},
    Label{"unicodefeff", kUtf16Le},
    Label{"utf-16", kUtf16Le},
    Label{"utf-16le", kUtf16Le},
    Label{"unicodefffe", kUtf16Be},
    Label{"utf-16be", kUtf16Be},

    Label{"ansi_x3.4-1968", "windows-1252"},
    Label{"ascii", "windows-1252"},
    Label{"cp1252", "windows-1252"},
    Label{"cp819", "windows-1252"},
    Label{"csisolatin1", "windows-1252"},
    Label{"ibm819", "windows-1252"},
    Label{"iso-8859-1", "windows-1252"},
    Label{"iso-ir-100", "windows-1252"},
    Label{"iso8859-1", "windows-1252"},
    Label{"iso88591", "windows-1252"},
    Label{"iso_8859-1", "windows-1252"},
    Label{"iso_8859-1:1987", "windows-1252"},
    Label{"l1", "windows-1252"},
    Label{"latin1", "windows-1252"},
    Label{"us-ascii", "windows-1252"},
    Label{"windows-1252", "windows-1252"},
    Label{"x-cp1252", "windows-1252"},
};

// ICU 72 converter names. Big5-HKSCS is ibm-1375_P100-2008 (ICU's
// "big5-hkscs" alias is ambiguous and names another table); WHATWG's
// Shift_JIS and EUC-KR are Microsoft's windows-31j and windows-949.
constexpr std::array<Label, 8> kIcuNames = {{
    {kUtf8, "UTF-8"},
    {kUtf16Le, "UTF-16LE"},
    {kUtf16Be, "UTF-16BE"},
    {kGb18030, "gb18030"},
    {kBig5Hkscs, "ibm-1375_P100-2008"},
    {"Shift_JIS", "windows-31j"},
    {"EUC-JP", "EUC-JP"},
    {"EUC-KR", "windows-949"},
}};

}  // namespace

std::string EncodingForLabel(std::string_view label) {
  size_t begin = label.find_first_not_of(" \t\n\r\f");
  if (begin == std::string_view::npos) return "";
  size_t end = label.find_last_not_of(" \t\n\r\f");
  std::string key(label.substr(begin, end - begin + 1));
  std::transform(key.begin(), key.end(), key.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  for (const Label& entry : kLabels) {
    if (entry.label == key) return std::string(entry.encoding);
  }
  return "";
}

std::string_view IcuConverterName(std::string_view encoding) {
  for (const Label& entry : kIcuNames) {
    if (entry.label == encoding) return entry.encoding;
  }
  return encoding;
}

bool IsMultiByteEncoding(std::string_view encoding) {
  return encoding == kUtf8 || encoding == kGb18030 || encoding == kBig5Hkscs ||
         encoding == "Shift_JIS" || encoding == "EUC-JP" ||
         encoding == "EUC-KR";
}

}  // namespace bidscope
