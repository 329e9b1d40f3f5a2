// OcrEngine: Tesseract, built into the module bidscope-ocr.so.
#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <utility>
#include <vector>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include "extract/ocr.h"

namespace bidscope {
namespace {

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

// Orientation confidence below which a page is left as it is. Tesseract's
// documentation calls 15 reasonably confident, but a sideways table scan
// scored 4.2. A low bar is safe because a turned reading is kept only when
// Tesseract is more confident of its text.
constexpr float kMinOrientationConfidence = 1.5F;

struct PixDeleter {
  void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// Shortest dark run taken for a table rule: 1 cm. Pages are rendered so
// that an em of their text is about 44 pixels (pdf_extract.cc), which is
// 0.15 inch at 300 dpi, so strokes of body text are far shorter.
constexpr double kMinRuleInches = 0.4;

// Darkest gray level that counts as white when finding rules.
constexpr int kRuleThreshold = 128;

// Copies `image` into a Leptonica image turned `quarter_turns` times 90
// degrees clockwise.
PixPtr TurnedPix(const GrayImage& image, int quarter_turns) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (pix == nullptr) return nullptr;
  l_uint32* data = pixGetData(pix.get());
  int words_per_line = pixGetWpl(pix.get());
  for (int y = 0; y < image.height; ++y) {
    const unsigned char* row = image.pixels + y * image.bytes_per_line;
    l_uint32* line = data + y * words_per_line;
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  if (quarter_turns == 0) return pix;
  return PixPtr(pixRotateOrth(pix.get(), quarter_turns));
}

// Returns a copy of the gray image `pix` with its table rules (horizontal
// and vertical dark runs of kMinRuleInches or more) painted white.
// Tesseract reads ruled tables badly, taking the rules for characters.
PixPtr WithoutRules(Pix* pix, int dpi) {
  int length = std::max(3, static_cast<int>(dpi * kMinRuleInches));
  PixPtr binary(pixThresholdToBinary(pix, kRuleThreshold));
  if (binary == nullptr) return nullptr;
  PixPtr across(pixOpenBrick(nullptr, binary.get(), length, 1));
  PixPtr down(pixOpenBrick(nullptr, binary.get(), 1, length));
  if (across == nullptr || down == nullptr) return nullptr;
  PixPtr rules(pixOr(nullptr, across.get(), down.get()));
  PixPtr cleaned(pixCopy(nullptr, pix));
  if (rules == nullptr || cleaned == nullptr ||
      pixSetMasked(cleaned.get(), rules.get(), 255) != 0) {
    return nullptr;
  }
  return cleaned;
}

OcrResult ReadText(tesseract::TessBaseAPI& api) {
  OcrResult result;
  std::unique_ptr<char[]> text(api.GetUTF8Text());
  if (text == nullptr) {
    result.error = "Tesseract returned no text";
  } else {
    result.text = RemoveSpacesBetweenCjk(text.get());
    result.confidence = api.MeanTextConf();
  }
  api.Clear();
  return result;
}

}  // namespace

struct OcrEngine::Impl {
  tesseract::TessBaseAPI api;
  std::string languages;  // languages `api` is initialised with, or ""

  // Orientation detection, initialised with the osd data on first use.
  tesseract::TessBaseAPI osd;
  enum class OsdState {
    kUntried,
    kReady,
    kMissing
  } osd_state = OsdState::kUntried;

  // Clockwise quarter turns that make `image` upright, 0 when it is
  // upright, the detection is unsure or the osd data is missing.
  int UprightQuarterTurns(const GrayImage& image) {
    if (osd_state == OsdState::kUntried) {
      LimitOpenMpThreads();
      osd.SetVariable("debug_file", "/dev/null");
      // Orientation detection exists only in the legacy engine.
      bool ready =
          osd.Init(nullptr, "osd", tesseract::OEM_TESSERACT_ONLY, nullptr, 0,
                   &kQuietNames, &kQuietValues, false) == 0;
      osd_state = ready ? OsdState::kReady : OsdState::kMissing;
      if (ready) osd.SetPageSegMode(tesseract::PSM_OSD_ONLY);
    }
    if (osd_state != OsdState::kReady) return 0;
    osd.SetImage(image.pixels, image.width, image.height, 1,
                 image.bytes_per_line);
    osd.SetSourceResolution(image.dpi);
    int degrees = 0;
    float confidence = 0;
    const char* script = nullptr;
    float script_confidence = 0;
    bool found = osd.DetectOrientationScript(&degrees, &confidence, &script,
                                             &script_confidence);
    osd.Clear();
    if (!found || confidence < kMinOrientationConfidence) return 0;
    // `degrees` is how far the image is turned clockwise from upright.
    return ((360 - degrees) % 360) / 90;
  }

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
  result = ReadText(api);
  // A blank page (Tesseract found no word) is not tried again.
  bool blank = result.text.find_first_not_of(" \t\r\n\f") == std::string::npos;
  if (!result.error.empty() || blank ||
      result.confidence >= kMinReliableOcrConfidence) {
    return result;
  }

  // A poor reading is tried again, turned upright if it is not, then
  // without table rules. The reading with the highest confidence wins.
  auto read_pix = [&](Pix* pix) {
    api.SetImage(pix);
    api.SetSourceResolution(image.dpi);
    return ReadText(api);
  };
  auto keep_better = [&](OcrResult candidate) {
    if (candidate.error.empty() && candidate.confidence > result.confidence) {
      result = std::move(candidate);
    }
  };
  int quarter_turns = impl_->UprightQuarterTurns(image);
  PixPtr upright = TurnedPix(image, quarter_turns);
  if (upright == nullptr) return result;
  if (quarter_turns != 0) {
    OcrResult turned = read_pix(upright.get());
    turned.rotation = quarter_turns * 90;
    keep_better(std::move(turned));
  }
  if (result.confidence >= kMinReliableOcrConfidence) return result;
  PixPtr unruled = WithoutRules(upright.get(), image.dpi);
  if (unruled == nullptr) return result;
  OcrResult cleaned = read_pix(unruled.get());
  cleaned.rotation = quarter_turns * 90;
  cleaned.rules_removed = true;
  keep_better(std::move(cleaned));
  return result;
}

}  // namespace bidscope
