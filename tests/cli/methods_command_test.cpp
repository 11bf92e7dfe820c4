// SPDX-License-Identifier: EUPL-1.2
// Runs the real binary, as a facilitator or a script would.
#include "run_binary.hpp"

#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace intervisie::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string shipped = std::string{"--methods-dir '"} + INTERVISIE_METHODS_DIR + "'";

// A directory with one good and one broken method, removed afterwards.
class BrokenMethods : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("intervisie-cli-" +
            std::string{::testing::UnitTest::GetInstance()->current_test_info()->name()} + "-" +
            std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::filesystem::copy_file(std::filesystem::path{INTERVISIE_METHODS_DIR} / "balint.toml",
                               dir_ / "balint.toml");
    std::ofstream{dir_ / "broken.toml"} << "id = \"broken\"\n"
                                           "has_scribe = false\n"
                                           "name = { nl = \"Kapot\", en = \"Broken\" }\n"
                                           "purpose = { nl = \"Niets.\", en = \"Nothing.\" }\n"
                                           "steps = 3\n";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
};

TEST(MethodsCommand, ListsTheMethodsInDutch) {
  const Outcome result = run("methods " + shipped);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.output, HasSubstr("incident"));
  EXPECT_THAT(result.output, HasSubstr("Incidentmethode"));
  EXPECT_THAT(result.output, HasSubstr("9 stappen"));
  EXPECT_THAT(result.output, HasSubstr("fresh-questioning"));
  EXPECT_THAT(result.output, HasSubstr("Balintmethode"));
  EXPECT_THAT(result.output, HasSubstr("5 stappen"));
}

TEST(MethodsCommand, ListsTheMethodsInEnglish) {
  const Outcome result = run("methods --lang en " + shipped);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.output, HasSubstr("Incident method"));
  EXPECT_THAT(result.output, HasSubstr("4 steps"));
}

TEST(MethodsCommand, UsesTheShippedMethodsByDefault) {
  const Outcome result = run("methods");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.output, HasSubstr("Incidentmethode"));
}

TEST(MethodsCommand, ShowsTheIncidentStepsWithTheBranch) {
  const Outcome result = run("methods show incident " + shipped);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.output, HasSubstr("Incidentmethode (incident)"));
  EXPECT_THAT(result.output, HasSubstr("1.  "));
  EXPECT_THAT(result.output, HasSubstr("9.  "));
  EXPECT_THAT(result.output, HasSubstr("Regel: "));
  EXPECT_THAT(result.output, HasSubstr("Luistert: inbrenger"));
  EXPECT_THAT(result.output, HasSubstr("→ stap 6 bij herbenoemen, anders stap 7"));
}

TEST(MethodsCommand, OptionsMayFollowTheMethodId) {
  const Outcome result = run("methods show incident --lang en " + shipped);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.output, HasSubstr("→ step 6 if reframed, otherwise step 7"));
}

TEST(MethodsCommand, JsonListsThreeMethodsWithTheirSteps) {
  const Outcome result = run("methods --json " + shipped);
  ASSERT_EQ(result.exit_code, 0);
  const boost::json::value json = boost::json::parse(result.output);
  const boost::json::array& methods = json.at("methods").as_array();
  ASSERT_EQ(methods.size(), 3U);
  const boost::json::object* incident = nullptr;
  for (const auto& method : methods) {
    if (method.at("id") == "incident") {
      incident = &method.as_object();
    }
  }
  ASSERT_NE(incident, nullptr);
  EXPECT_EQ(incident->at("name").at("nl"), "Incidentmethode");
  const boost::json::array& steps = incident->at("steps").as_array();
  ASSERT_EQ(steps.size(), 9U);
  EXPECT_EQ(steps[0].at("number"), 1);
  EXPECT_EQ(steps[4].at("kind"), "reframe");
  EXPECT_EQ(steps[4].at("branches").at("on_reframe"), "new-question-rounds");
  EXPECT_EQ(steps[4].at("branches").at("on_keep"), "advice");
  EXPECT_EQ(steps[2].at("answer_mode"), "answer");
  EXPECT_FALSE(steps[0].as_object().contains("answer_mode"));
  EXPECT_FALSE(steps[0].as_object().contains("branches"));
}

TEST(MethodsCommand, ShowJsonIsOneMethod) {
  const Outcome result = run("methods show fresh-questioning --json " + shipped);
  ASSERT_EQ(result.exit_code, 0);
  const boost::json::value json = boost::json::parse(result.output);
  EXPECT_EQ(json.at("id"), "fresh-questioning");
  EXPECT_EQ(json.at("has_scribe"), true);
  EXPECT_EQ(json.at("steps").at(1).at("answer_mode"), "rate");
  EXPECT_EQ(json.at("steps").at(1).at("scribe_records"), true);
}

TEST(MethodsCommand, UnknownMethodExitsOneAndListsTheValidIds) {
  const Outcome result = run("methods show nope " + shipped, Capture::err);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.output, HasSubstr("unknown method 'nope'"));
  EXPECT_THAT(result.output, HasSubstr("balint, fresh-questioning, incident"));
}

TEST(MethodsCommand, UnknownLanguageIsRefused) {
  const Outcome result = run("methods --lang de " + shipped, Capture::err);
  EXPECT_NE(result.exit_code, 0);
  EXPECT_THAT(result.output, HasSubstr("--lang"));
}

TEST_F(BrokenMethods, BrokenDirectoryExitsTwoNamingFileAndLine) {
  const Outcome result = run("methods --methods-dir '" + dir_.string() + "'", Capture::err);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.output, HasSubstr((dir_ / "broken.toml").string() + ":5:"));
  EXPECT_THAT(result.output, HasSubstr("'steps' must be an array of tables"));
}

TEST_F(BrokenMethods, ShowRefusesABrokenDirectoryToo) {
  const Outcome result = run("methods show balint --methods-dir '" + dir_.string() + "'");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.output, Not(HasSubstr("Balintmethode")));
}

TEST_F(BrokenMethods, TheEnvironmentVariableChoosesTheDirectory) {
  const Outcome result =
      run("methods", Capture::err, "INTERVISIE_METHODS_DIR='" + dir_.string() + "'");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.output, HasSubstr("broken.toml:5:"));
}

TEST(MethodsCommand, MissingDirectoryExitsTwo) {
  const Outcome result = run("methods --methods-dir /nonexistent/methods", Capture::err);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.output, HasSubstr("/nonexistent/methods"));
}

} // namespace
} // namespace intervisie::cli
