// Writes office packages for tests: ZIP archives built with libzip from a
// map of member names to contents, in name order.
#ifndef BIDSCOPE_TESTS_OFFICE_ZIP_H_
#define BIDSCOPE_TESTS_OFFICE_ZIP_H_

#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <string>

#include "tests/test_support.h"

namespace bidscope::testing {

using ZipParts = std::map<std::string, std::string>;

// Returns the bytes of a deflated ZIP archive of `parts`. A member named
// "mimetype" is written first and stored, as ODF requires.
inline std::string WriteOfficeZip(const ZipParts& parts) {
  TempDir dir;
  std::string path = (dir.path() / "package.zip").string();
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr) << "zip_open failed: " << error;
  if (archive == nullptr) return "";
  auto add = [&](const std::string& name, const std::string& data) {
    zip_source_t* source =
        zip_source_buffer(archive, data.data(), data.size(), 0);
    zip_int64_t index =
        zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(index, 0) << zip_strerror(archive);
    if (name == "mimetype" && index >= 0) {
      zip_set_file_compression(archive, index, ZIP_CM_STORE, 0);
    }
  };
  auto mimetype = parts.find("mimetype");
  if (mimetype != parts.end()) add(mimetype->first, mimetype->second);
  for (const auto& [name, data] : parts) {
    if (name != "mimetype") add(name, data);
  }
  EXPECT_EQ(zip_close(archive), 0);
  return ReadFile(path);
}

}  // namespace bidscope::testing

#endif  // BIDSCOPE_TESTS_OFFICE_ZIP_H_
