// SPDX-License-Identifier: EUPL-1.2
// The shape of GET /api/methods: per-kind fields only on the steps of that kind.
#include "server/codec/method_json.hpp"
#include "server/codec/pretty_json.hpp"

#include "core/method/catalogue.hpp"

#include <gtest/gtest.h>

#include <string>

namespace intervisie::server {
namespace {

core::Step step(std::string id, core::StepKind kind) {
  core::Step result;
  result.id = std::move(id);
  result.kind = kind;
  result.title = {"Titel", "Title"};
  result.rule = {"Regel.", "Rule."};
  result.instruction = {"Uitleg.", "Explanation."};
  result.minutes = 10;
  result.speakers = {core::Party::presenter};
  result.listeners = {core::Party::advisers};
  return result;
}

core::Method sample() {
  core::Method method;
  method.id = "sample";
  method.name = {"Voorbeeld", "Sample"};
  method.purpose = {"Doel.", "Purpose."};
  method.has_scribe = true;
  method.steps.push_back(step("statement", core::StepKind::statement));
  method.steps.back().preparation_minutes = 3;
  method.steps.push_back(step("questions", core::StepKind::question_rounds));
  method.steps.back().answer_mode = core::AnswerMode::rate;
  method.steps.back().scribe_records = true;
  method.steps.push_back(step("gossip", core::StepKind::gossip));
  method.steps.back().presenter_reflects = true;
  method.steps.push_back(step("reframe", core::StepKind::reframe));
  method.steps.back().branches = core::StepBranches{"more", "advice"};
  return method;
}

TEST(MethodJson, CarriesTheMethodAndItsTotal) {
  const boost::json::object json = to_json(sample()).as_object();
  EXPECT_EQ(json.at("id"), "sample");
  EXPECT_EQ(json.at("name").at("nl"), "Voorbeeld");
  EXPECT_EQ(json.at("purpose").at("en"), "Purpose.");
  EXPECT_EQ(json.at("has_scribe"), true);
  EXPECT_EQ(json.at("total_minutes"), 43);
  EXPECT_EQ(json.at("steps").as_array().size(), 4U);
}

TEST(MethodJson, StepsAreNumberedFromOne) {
  const boost::json::value json = to_json(sample());
  EXPECT_EQ(json.at("steps").at(0).at("number"), 1);
  EXPECT_EQ(json.at("steps").at(3).at("number"), 4);
}

TEST(MethodJson, EveryStepHasTheCommonFields) {
  const boost::json::object first = to_json(sample()).at("steps").at(0).as_object();
  EXPECT_EQ(first.at("id"), "statement");
  EXPECT_EQ(first.at("kind"), "statement");
  EXPECT_EQ(first.at("title").at("en"), "Title");
  EXPECT_EQ(first.at("rule").at("nl"), "Regel.");
  EXPECT_EQ(first.at("instruction").at("en"), "Explanation.");
  EXPECT_EQ(first.at("minutes"), 10);
  EXPECT_EQ(first.at("preparation_minutes"), 3);
  EXPECT_EQ(first.at("speakers"), (boost::json::array{"presenter"}));
  EXPECT_EQ(first.at("listeners"), (boost::json::array{"advisers"}));
  for (const char* key :
       {"answer_mode", "open_questions", "scribe_records", "presenter_reflects", "branches"}) {
    EXPECT_FALSE(first.contains(key)) << key;
  }
}

TEST(MethodJson, QuestionRoundsCarryTheirRules) {
  const boost::json::object questions = to_json(sample()).at("steps").at(1).as_object();
  EXPECT_EQ(questions.at("answer_mode"), "rate");
  EXPECT_EQ(questions.at("open_questions"), true);
  EXPECT_EQ(questions.at("scribe_records"), true);
  EXPECT_FALSE(questions.contains("presenter_reflects"));
}

TEST(MethodJson, GossipCarriesOnlyPresenterReflects) {
  const boost::json::object gossip = to_json(sample()).at("steps").at(2).as_object();
  EXPECT_EQ(gossip.at("presenter_reflects"), true);
  EXPECT_FALSE(gossip.contains("answer_mode"));
}

TEST(MethodJson, ReframeCarriesItsBranches) {
  const boost::json::object reframe = to_json(sample()).at("steps").at(3).as_object();
  EXPECT_EQ(reframe.at("branches").at("on_reframe"), "more");
  EXPECT_EQ(reframe.at("branches").at("on_keep"), "advice");
}

TEST(PrettyJson, ReadsBackAsTheSameValue) {
  const boost::json::value json = to_json(sample());
  const std::string text = pretty_json(json);
  EXPECT_EQ(boost::json::parse(text), json);
  EXPECT_NE(text.find("\n  \"id\": \"sample\""), std::string::npos);
  EXPECT_EQ(pretty_json(boost::json::object{}), "{}\n");
  EXPECT_EQ(pretty_json(boost::json::array{}), "[]\n");
}

} // namespace
} // namespace intervisie::server
