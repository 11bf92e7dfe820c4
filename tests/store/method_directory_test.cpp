// SPDX-License-Identifier: EUPL-1.2
#include "store/method_directory.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace intervisie::store {
namespace {

using ::testing::HasSubstr;

std::string method_text(std::string_view id) {
  return "id = \"" + std::string{id} +
         "\"\n"
         "has_scribe = false\n"
         "name = { nl = \"Naam\", en = \"Name\" }\n"
         "purpose = { nl = \"Doel.\", en = \"Purpose.\" }\n"
         "[[steps]]\n"
         "id = \"statement\"\n"
         "kind = \"statement\"\n"
         "minutes = 5\n"
         "speakers = [\"presenter\"]\n"
         "listeners = [\"advisers\"]\n"
         "title = { nl = \"Titel\", en = \"Title\" }\n"
         "rule = { nl = \"Regel.\", en = \"Rule.\" }\n"
         "instruction = { nl = \"Uitleg.\", en = \"Explanation.\" }\n";
}

// A fresh directory per test, removed afterwards: tests never share files.
class MethodDirectory : public ::testing::Test {
protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("intervisie-" + std::string{test->name()} + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) const {
    std::ofstream{dir_ / name, std::ios::binary} << text;
  }

  std::filesystem::path dir_;
};

TEST_F(MethodDirectory, LoadsEveryTomlFileInNameOrder) {
  write("b.toml", method_text("second"));
  write("a.toml", method_text("first"));
  write("notes.txt", "not a method");
  write(".hidden.toml", "not = \"a method\"");
  std::filesystem::create_directories(dir_ / "old.toml");
  auto catalogue = load_catalogue(dir_);
  ASSERT_TRUE(catalogue.has_value()) << catalogue.error()[0].describe();
  ASSERT_EQ(catalogue->methods().size(), 2U);
  EXPECT_EQ(catalogue->methods()[0].id, "first");
  EXPECT_EQ(catalogue->methods()[1].id, "second");
}

TEST_F(MethodDirectory, LoadsTheShippedMethods) {
  auto catalogue = load_catalogue(INTERVISIE_METHODS_DIR);
  ASSERT_TRUE(catalogue.has_value()) << catalogue.error()[0].describe();
  EXPECT_NE(catalogue->find("incident"), nullptr);
  EXPECT_NE(catalogue->find("fresh-questioning"), nullptr);
  EXPECT_NE(catalogue->find("balint"), nullptr);
}

TEST_F(MethodDirectory, ABrokenFileFailsTheWholeLoadNamingFileAndLine) {
  write("a.toml", method_text("good"));
  std::string broken = method_text("broken");
  broken.replace(broken.find("kind = \"statement\""), 18, "kind = \"statment\"");
  write("b.toml", broken);
  auto catalogue = load_catalogue(dir_);
  ASSERT_FALSE(catalogue.has_value());
  ASSERT_EQ(catalogue.error().size(), 1U);
  const core::MethodError& error = catalogue.error()[0];
  EXPECT_EQ(error.source, (dir_ / "b.toml").string());
  EXPECT_EQ(error.line, 7);
  EXPECT_THAT(error.describe(), HasSubstr("b.toml:7:8: step 1 ('statement'): unknown step kind "
                                          "'statment'; did you mean 'statement'?"));
}

TEST_F(MethodDirectory, AMissingDirectoryIsAnError) {
  auto catalogue = load_catalogue(dir_ / "nowhere");
  ASSERT_FALSE(catalogue.has_value());
  EXPECT_THAT(catalogue.error()[0].describe(), HasSubstr("cannot read the methods directory"));
}

TEST_F(MethodDirectory, ADirectoryWithoutMethodsIsAnError) {
  write("readme.txt", "nothing here");
  auto catalogue = load_catalogue(dir_);
  ASSERT_FALSE(catalogue.has_value());
  EXPECT_THAT(catalogue.error()[0].describe(), HasSubstr("no method files (*.toml)"));
}

TEST_F(MethodDirectory, AnUnreadableFileIsAnErrorAndTheOthersAreStillChecked) {
  write("a.toml", method_text("good"));
  // A dangling link looks like a method file but cannot be opened.
  std::filesystem::create_symlink(dir_ / "gone.toml", dir_ / "b.toml");
  write("c.toml", method_text("also-good") + "extra = 1\n");
  auto catalogue = load_catalogue(dir_);
  ASSERT_FALSE(catalogue.has_value());
  ASSERT_EQ(catalogue.error().size(), 2U);
  EXPECT_EQ(catalogue.error()[0].describe(),
            (dir_ / "b.toml").string() + ": cannot open the file for reading");
  EXPECT_EQ(catalogue.error()[1].source, (dir_ / "c.toml").string());
  EXPECT_EQ(catalogue.error()[1].line, 14);
}

} // namespace
} // namespace intervisie::store
