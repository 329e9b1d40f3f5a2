#include "extract/script_convert.h"

#include <opencc/SimpleConverter.hpp>

#include <memory>
#include <stdexcept>

namespace bidscope {
namespace {

constexpr char kToSimplifiedConfig[] = "/usr/share/opencc/tw2sp.json";
constexpr char kToTraditionalConfig[] = "/usr/share/opencc/s2twp.json";

std::unique_ptr<opencc::SimpleConverter> LoadConverter(const char* config) {
  try {
    return std::make_unique<opencc::SimpleConverter>(config);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("cannot load OpenCC configuration ") +
                             config + ": " + e.what());
  }
}

// Converters are built on first use; a SimpleConverter does not change
// after construction.
const opencc::SimpleConverter& Converter(Script script) {
  if (script == Script::kSimplified) {
    static const auto simplified = LoadConverter(kToSimplifiedConfig);
    return *simplified;
  }
  static const auto traditional = LoadConverter(kToTraditionalConfig);
  return *traditional;
}

}  // namespace

std::optional<Script> ParseScript(std::string_view name) {
  if (name == "hans") return Script::kSimplified;
  if (name == "hant") return Script::kTraditional;
  if (name == "original") return Script::kOriginal;
  return std::nullopt;
}

std::string ConvertScript(std::string_view text, Script script) {
  if (script == Script::kOriginal || text.empty()) return std::string(text);
  return Converter(script).Convert(std::string(text));
}

}  // namespace bidscope
