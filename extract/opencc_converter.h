// OpenCC converters, loaded from OpenCC's shared library when the first one
// is made.
#ifndef BIDSCOPE_EXTRACT_OPENCC_CONVERTER_H_
#define BIDSCOPE_EXTRACT_OPENCC_CONVERTER_H_

#include <string>

namespace bidscope {

// A converter of one OpenCC configuration (t2s.json, s2twp.json...).
// Linking OpenCC made every process load and relocate OpenCC and marisa at
// start-up, each search included, though most never convert. So the
// library is opened with dlopen and used through its C interface.
class OpenccConverter {
 public:
  // Loads `config`, a configuration file name or path. Throws
  // std::runtime_error naming the configuration and the reason when
  // OpenCC or the configuration cannot be loaded.
  explicit OpenccConverter(const std::string& config);
  ~OpenccConverter();
  OpenccConverter(const OpenccConverter&) = delete;
  OpenccConverter& operator=(const OpenccConverter&) = delete;

  // Converts UTF-8 `text`. Throws std::runtime_error when OpenCC fails.
  std::string Convert(const std::string& text) const;

 private:
  void* converter_;  // OpenCC's opencc_t
};

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_OPENCC_CONVERTER_H_
