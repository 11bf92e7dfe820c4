// SPDX-License-Identifier: EUPL-1.2
// `intervisie coach`: the wording coach's verdict as JSON, for a text or for each line of input.
#include "run_binary.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace intervisie::cli {
namespace {

// A file of input lines, removed afterwards.
class InputLines : public ::testing::Test {
protected:
  std::string write(const std::string& lines) {
    path_ = std::filesystem::temp_directory_path() /
            ("intervisie-coach-" + std::to_string(::getpid()) + ".txt");
    std::ofstream(path_) << lines;
    return "'" + path_.string() + "'";
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::filesystem::path path_;
};

TEST(CoachCommand, ATextGetsItsVerdictAsJson) {
  const Outcome outcome = run("coach 'Heb je al eens geprobeerd om het gewoon te zeggen?'");
  ASSERT_EQ(outcome.exit_code, 0);
  const boost::json::value verdict = boost::json::parse(outcome.output);
  EXPECT_EQ(verdict.at("kind"), "question") << "guessed from the question mark";
  EXPECT_EQ(verdict.at("checks").at("question_form"), "closed");
  EXPECT_EQ(verdict.at("checks").at("hidden_advice"), true);
}

TEST(CoachCommand, TheKindCanBeSaidAndBalintDoesNotJudgeOpenOrClosed) {
  const Outcome outcome =
      run("coach --kind question --closed-questions-fine --json 'Ben je boos?'");
  ASSERT_EQ(outcome.exit_code, 0);
  const boost::json::value verdict = boost::json::parse(outcome.output);
  EXPECT_FALSE(verdict.at("checks").as_object().contains("question_form"));
  EXPECT_EQ(run("coach --kind poem 'x'").exit_code, 105) << "CLI11's exit code for a bad value";
}

TEST_F(InputLines, EachLineOfInputGetsOneJsonObjectAndAnUnreadableLineAnError) {
  const std::string input = write("Ik worstel met de roosters\nMijn collega komt te laat\n\xff\n");
  const Outcome outcome = run("coach --kind statement < " + input);
  EXPECT_EQ(outcome.exit_code, 1) << "a line it could not read";
  std::istringstream lines(outcome.output);
  std::string line;
  std::vector<boost::json::value> verdicts;
  while (std::getline(lines, line))
    verdicts.push_back(boost::json::parse(line));
  ASSERT_EQ(verdicts.size(), 3u);
  EXPECT_EQ(verdicts[0].at("checks").at("statement"), "ok");
  EXPECT_EQ(verdicts[1].at("checks").at("statement"), "about_someone_else");
  EXPECT_EQ(verdicts[2].at("error"), "invalid_text");
}

TEST(CoachCommand, WithoutTheDictionaryItSaysWhatIsMissing) {
  const Outcome outcome = run("coach --dictionary /nonexistent/nl 'Ik wil'", Capture::err);
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.output.find("hunspell-nl"), std::string::npos) << outcome.output;
}

} // namespace
} // namespace intervisie::cli
