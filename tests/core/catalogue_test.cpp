// SPDX-License-Identifier: EUPL-1.2
#include "core/method/catalogue.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace intervisie::core {
namespace {

using ::testing::ElementsAre;
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

std::vector<std::string> ids_of(const Catalogue& catalogue) {
  std::vector<std::string> ids;
  for (const Method& method : catalogue.methods()) {
    ids.push_back(method.id);
  }
  return ids;
}

TEST(Catalogue, KeepsMethodsInTheOrderOfTheirSourceNames) {
  auto catalogue = Catalogue::build({{"c.toml", method_text("first")},
                                     {"a.toml", method_text("second")},
                                     {"b.toml", method_text("third")}});
  ASSERT_TRUE(catalogue.has_value());
  EXPECT_THAT(ids_of(*catalogue), ElementsAre("second", "third", "first"));
}

TEST(Catalogue, FindsAMethodById) {
  auto catalogue =
      Catalogue::build({{"a.toml", method_text("incident")}, {"b.toml", method_text("balint")}});
  ASSERT_TRUE(catalogue.has_value());
  const Method* method = catalogue->find("balint");
  ASSERT_NE(method, nullptr);
  EXPECT_EQ(method->id, "balint");
  EXPECT_EQ(catalogue->find("unknown"), nullptr);
}

TEST(Catalogue, OneBrokenFileRefusesTheWholeCatalogue) {
  auto catalogue = Catalogue::build(
      {{"a.toml", method_text("good")}, {"b.toml", method_text("bad") + "volume = 3\n"}});
  ASSERT_FALSE(catalogue.has_value());
  ASSERT_EQ(catalogue.error().size(), 1U);
  EXPECT_EQ(catalogue.error()[0].source, "b.toml");
  EXPECT_EQ(catalogue.error()[0].line, 14);
  EXPECT_THAT(catalogue.error()[0].message, HasSubstr("unknown key 'volume'"));
}

TEST(Catalogue, ReportsEveryBrokenFile) {
  auto catalogue = Catalogue::build(
      {{"b.toml", "id = "}, {"a.toml", method_text("good")}, {"c.toml", method_text("Bad Id")}});
  ASSERT_FALSE(catalogue.has_value());
  ASSERT_EQ(catalogue.error().size(), 2U);
  EXPECT_EQ(catalogue.error()[0].source, "b.toml");
  EXPECT_EQ(catalogue.error()[1].source, "c.toml");
  EXPECT_EQ(catalogue.error()[1].line, 1);
}

TEST(Catalogue, DuplicateMethodIdNamesBothFiles) {
  auto catalogue = Catalogue::build(
      {{"methods/a.toml", method_text("incident")}, {"methods/b.toml", method_text("incident")}});
  ASSERT_FALSE(catalogue.has_value());
  ASSERT_EQ(catalogue.error().size(), 1U);
  const MethodError& error = catalogue.error()[0];
  EXPECT_EQ(error.source, "methods/b.toml");
  EXPECT_EQ(error.line, 1);
  EXPECT_EQ(error.column, 6);
  EXPECT_THAT(error.message, HasSubstr("method id 'incident' is already used by methods/a.toml"));
}

TEST(Catalogue, NoMethodsIsRefused) {
  auto catalogue = Catalogue::build({});
  ASSERT_FALSE(catalogue.has_value());
  ASSERT_EQ(catalogue.error().size(), 1U);
  EXPECT_THAT(catalogue.error()[0].message, HasSubstr("the catalogue is empty"));
}

} // namespace
} // namespace intervisie::core
