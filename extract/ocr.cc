#include "extract/ocr.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <utility>
#include <vector>

#include <opencc/opencc.h>
#include <tesseract/baseapi.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace bidscope {
namespace {

// Share of Han characters OpenCC t2s must change for a Traditional text.
constexpr double kTraditionalShare = 0.1;
// Only this many bytes of a sample are converted.
constexpr size_t kMaxSampleBytes = 8192;

bool IsCjk(UChar32 c) {
  if (c < 0x2E80) return false;
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)) {
    return true;
  }
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  return U_SUCCESS(status) &&
         (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
          script == USCRIPT_KATAKANA);
}

std::vector<UChar32> CodePoints(std::string_view text) {
  std::vector<UChar32> out;
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    UChar32 c;
    U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
    out.push_back(c < 0 ? 0xFFFD : c);
  }
  return out;
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, c, error);
  if (!error) out.append(buffer, length);
}

std::vector<std::string> SplitLanguages(const std::string& languages) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= languages.size()) {
    size_t end = languages.find('+', start);
    if (end == std::string::npos) end = languages.size();
    if (end > start) out.push_back(languages.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Keeps Tesseract's OpenMP loops on one thread. libgomp reads
// OMP_THREAD_LIMIT when it is loaded, which is before main when Tesseract
// links it, so setting the variable here only reaches child processes and
// late loads. omp_set_max_active_levels(0) makes every later parallel
// region run on one thread. It is looked up at run time because libgomp
// comes in only as Tesseract's dependency.
void LimitOpenMpThreads() {
  static std::once_flag once;
  std::call_once(once, [] {
    setenv("OMP_THREAD_LIMIT", "1", 1);
    using SetLevels = void (*)(int);
    auto set_levels = reinterpret_cast<SetLevels>(
        dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"));
    if (set_levels != nullptr) set_levels(0);
  });
}

const std::vector<std::string> kQuietNames = {"debug_file"};
const std::vector<std::string> kQuietValues = {"/dev/null"};

}  // namespace

struct OcrEngine::Impl {
  tesseract::TessBaseAPI api;
  std::string languages;  // languages `api` is initialised with, or ""

  // Initialises for `requested` and returns an error message on failure.
  std::string Init(const std::string& requested) {
    if (requested == languages) return "";
    LimitOpenMpThreads();
    api.End();
    languages.clear();
    api.SetVariable("debug_file", "/dev/null");
    if (api.Init(nullptr, requested.c_str(), tesseract::OEM_LSTM_ONLY, nullptr,
                 0, &kQuietNames, &kQuietValues, false) != 0) {
      return DescribeInitFailure(requested);
    }

    // Init succeeds when at least the first language loads; the others
    // are skipped silently, so each one is checked.
    std::string missing = FindMissingLanguage(requested);
    if (!missing.empty()) {
      api.End();
      return MissingDataMessage(missing);
    }
    languages = requested;
    return "";
  }

  std::string FindMissingLanguage(const std::string& requested) {
    std::vector<std::string> loaded;
    api.GetLoadedLanguagesAsVector(&loaded);
    for (const std::string& language : SplitLanguages(requested)) {
      if (std::find(loaded.begin(), loaded.end(), language) == loaded.end()) {
        return language;
      }
    }
    return "";
  }

  static std::string MissingDataMessage(const std::string& language) {
    return "OCR language data " + language +
           " not found: install the Debian package " +
           TesseractLanguagePackage(language);
  }

  // Finds the language whose data is missing by initialising each alone.
  std::string DescribeInitFailure(const std::string& requested) {
    for (const std::string& language : SplitLanguages(requested)) {
      tesseract::TessBaseAPI probe;
      probe.SetVariable("debug_file", "/dev/null");
      if (probe.Init(nullptr, language.c_str(), tesseract::OEM_LSTM_ONLY,
                     nullptr, 0, &kQuietNames, &kQuietValues, false) != 0) {
        return MissingDataMessage(language);
      }
    }
    return "Tesseract failed to initialise for languages " + requested;
  }
};

OcrEngine::OcrEngine() : impl_(std::make_unique<Impl>()) {}
OcrEngine::~OcrEngine() = default;
OcrEngine::OcrEngine(OcrEngine&&) noexcept = default;
OcrEngine& OcrEngine::operator=(OcrEngine&&) noexcept = default;

OcrResult OcrEngine::Recognize(const GrayImage& image,
                               const std::string& languages) {
  OcrResult result;
  if (image.pixels == nullptr || image.width <= 0 || image.height <= 0) {
    result.error = "OCR skipped: empty page image";
    return result;
  }
  result.error = impl_->Init(languages);
  if (!result.error.empty()) return result;

  tesseract::TessBaseAPI& api = impl_->api;
  api.SetImage(image.pixels, image.width, image.height, 1,
               image.bytes_per_line);
  api.SetSourceResolution(image.dpi);
  std::unique_ptr<char[]> text(api.GetUTF8Text());
  if (text == nullptr) {
    result.error = "Tesseract returned no text";
    api.Clear();
    return result;
  }
  result.text = RemoveSpacesBetweenCjk(text.get());
  result.confidence = api.MeanTextConf();
  api.Clear();
  return result;
}

std::string RemoveSpacesBetweenCjk(std::string_view text) {
  std::vector<UChar32> chars = CodePoints(text);
  std::string out;
  for (size_t i = 0; i < chars.size(); ++i) {
    if (chars[i] == ' ' && !out.empty()) {
      size_t next = i;
      while (next < chars.size() && chars[next] == ' ') ++next;
      size_t previous = i - 1;
      if (next < chars.size() && IsCjk(chars[previous]) && IsCjk(chars[next])) {
        i = next - 1;
        continue;
      }
    }
    AppendUtf8(out, chars[i]);
  }
  return out;
}

// OpenCC's t2s converter, or null when its configuration is missing.
const opencc::SimpleConverter* TraditionalToSimplified() {
  static const std::unique_ptr<opencc::SimpleConverter> converter =
      []() -> std::unique_ptr<opencc::SimpleConverter> {
    try {
      return std::make_unique<opencc::SimpleConverter>("t2s.json");
    } catch (const std::exception&) {
      return nullptr;
    }
  }();
  return converter.get();
}

std::string ChooseOcrLanguages(std::string_view sample) {
  const opencc::SimpleConverter* converter = TraditionalToSimplified();
  if (converter == nullptr) return "chi_sim+eng";
  if (sample.size() > kMaxSampleBytes) {
    size_t cut = kMaxSampleBytes;
    while (cut > 0 &&
           (static_cast<unsigned char>(sample[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    sample = sample.substr(0, cut);
  }
  std::vector<UChar32> original = CodePoints(sample);
  std::vector<UChar32> simplified =
      CodePoints(converter->Convert(std::string(sample)));

  // t2s maps characters one to one, so positions line up. When the length
  // changes, the comparison is not meaningful and Simplified is assumed.
  if (original.size() != simplified.size()) return "chi_sim+eng";
  int han = 0;
  int changed = 0;
  for (size_t i = 0; i < original.size(); ++i) {
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(original[i], &status) != USCRIPT_HAN) continue;
    ++han;
    if (original[i] != simplified[i]) ++changed;
  }
  bool traditional = han > 0 && changed >= kTraditionalShare * han;
  return traditional ? "chi_tra+eng" : "chi_sim+eng";
}

std::string TesseractLanguagePackage(std::string_view language) {
  std::string package = "tesseract-ocr-";
  for (char c : language) package += c == '_' ? '-' : c;
  return package;
}

}  // namespace bidscope
