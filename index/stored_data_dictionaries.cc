#include "index/stored_data_dictionaries.h"

namespace bidscope {
namespace {

#include "stored_data_dictionaries.inc"

std::string_view View(const unsigned char* bytes, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(bytes), size);
}

}  // namespace

std::string_view StoredJsonDictionary() {
  return View(kStoredJsonDictionary1, sizeof kStoredJsonDictionary1);
}

std::string_view StoredTextDictionary() {
  return View(kStoredTextDictionary1, sizeof kStoredTextDictionary1);
}

}  // namespace bidscope
