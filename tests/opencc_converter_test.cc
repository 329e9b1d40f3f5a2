// OpenCC opened at run time: conversion through its C interface and the
// error for a configuration that does not load.
#include "extract/opencc_converter.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace bidscope {
namespace {

TEST(OpenccConverterTest, ConvertsByPhrase) {
  OpenccConverter to_simplified("t2s.json");
  EXPECT_EQ(to_simplified.Convert("政府採購公告"), "政府采购公告");
  EXPECT_EQ(to_simplified.Convert(""), "");
  OpenccConverter to_taiwan("/usr/share/opencc/s2twp.json");
  EXPECT_EQ(to_taiwan.Convert("软件和信息服务"), "軟體和資訊服務");
}

TEST(OpenccConverterTest, MissingConfigurationNamesIt) {
  try {
    OpenccConverter converter("/nonexistent/t2s.json");
    ADD_FAILURE() << "no error for a missing configuration";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(
        std::string(e.what()).rfind(
            "cannot load OpenCC configuration /nonexistent/t2s.json: ", 0),
        0u)
        << e.what();
  }
}

}  // namespace
}  // namespace bidscope
