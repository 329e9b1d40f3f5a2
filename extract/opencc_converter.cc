#include "extract/opencc_converter.h"

#include <dlfcn.h>
#include <opencc/opencc.h>

#include <mutex>
#include <stdexcept>

namespace bidscope {
namespace {

// The functions of OpenCC's C interface that a converter uses.
struct OpenccLibrary {
  decltype(&opencc_open) open = nullptr;
  decltype(&opencc_close) close = nullptr;
  decltype(&opencc_convert_utf8) convert = nullptr;
  decltype(&opencc_convert_utf8_free) free = nullptr;
  decltype(&opencc_error) error = nullptr;
  std::string load_error;  // why the library could not be loaded
};

template <typename Function>
bool Bind(void* handle, const char* name, Function* function) {
  *function = reinterpret_cast<Function>(dlsym(handle, name));
  return *function != nullptr;
}

// Opens OpenCC once per process. The handle stays open until exit, as
// the converters made from it may live in static variables.
const OpenccLibrary& Library() {
  static OpenccLibrary library;
  static std::once_flag loaded;
  std::call_once(loaded, [] {
    void* handle = dlopen(BIDSCOPE_OPENCC_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      library.load_error = dlerror();
      return;
    }
    if (!Bind(handle, "opencc_open", &library.open) ||
        !Bind(handle, "opencc_close", &library.close) ||
        !Bind(handle, "opencc_convert_utf8", &library.convert) ||
        !Bind(handle, "opencc_convert_utf8_free", &library.free) ||
        !Bind(handle, "opencc_error", &library.error)) {
      library.load_error = std::string(BIDSCOPE_OPENCC_LIBRARY) +
                           ": a function of OpenCC's C interface is missing";
      library.open = nullptr;
    }
  });
  return library;
}

}  // namespace

OpenccConverter::OpenccConverter(const std::string& config) {
  const OpenccLibrary& library = Library();
  if (library.open == nullptr) {
    throw std::runtime_error("cannot load OpenCC configuration " + config +
                             ": " + library.load_error);
  }
  converter_ = library.open(config.c_str());
  if (converter_ == reinterpret_cast<opencc_t>(-1)) {
    throw std::runtime_error("cannot load OpenCC configuration " + config +
                             ": " + library.error());
  }
}

OpenccConverter::~OpenccConverter() { Library().close(converter_); }

std::string OpenccConverter::Convert(const std::string& text) const {
  const OpenccLibrary& library = Library();
  char* converted = library.convert(converter_, text.data(), text.size());
  if (converted == nullptr) {
    throw std::runtime_error(std::string("OpenCC conversion failed: ") +
                             library.error());
  }
  std::string result(converted);
  library.free(converted);
  return result;
}

}  // namespace bidscope
