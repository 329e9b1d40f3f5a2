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
  return PixPtr(pixRotateOrth(pix.get(), quarter_turns));
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
  if (!result.error.empty() || result.confidence >= kMinReliableOcrConfidence) {
    return result;
  }

  int quarter_turns = impl_->UprightQuarterTurns(image);
  if (quarter_turns == 0) return result;
  PixPtr turned = TurnedPix(image, quarter_turns);
  if (turned == nullptr) return result;
  api.SetImage(turned.get());
  api.SetSourceResolution(image.dpi);
  OcrResult upright = ReadText(api);
  if (!upright.error.empty() || upright.confidence <= result.confidence) {
    return result;
  }
  upright.rotation = quarter_turns * 90;
  return upright;
}

}  // namespace bidscope
