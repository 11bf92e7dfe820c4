// SPDX-License-Identifier: EUPL-1.2
// A method read back from method_json's output: how session_created keeps its method.
#include "server/codec/method_from_json.hpp"
#include "server/codec/method_json.hpp"

#include "../core/session_driver.hpp"

#include <gtest/gtest.h>

namespace intervisie::server {
namespace {

boost::json::object incident_json() {
  const auto method = core::testing::shipped_method("incident");
  return to_json(*method).as_object();
}

CodecError error_of(const boost::json::value& json) {
  const auto method = method_from_json(json);
  EXPECT_FALSE(method.has_value()) << "was accepted";
  return method ? CodecError{} : method.error();
}

TEST(CodecMethod, EveryShippedMethodRoundTrips) {
  for (const char* id : {"incident", "fresh-questioning", "balint"}) {
    const auto method = core::testing::shipped_method(id);
    ASSERT_TRUE(method);
    const std::string text = boost::json::serialize(to_json(*method));
    const auto back = method_from_json(boost::json::parse(text));
    ASSERT_TRUE(back.has_value()) << id << ": " << back.error().message;
    EXPECT_EQ(*back, *method) << id;
  }
}

TEST(CodecMethod, ARoundTripKeepsEveryField) {
  core::Method method;
  method.id = "test";
  method.name = {"Proef", "Trial"};
  method.purpose = {"Doel", "Purpose"};
  method.has_scribe = true;
  core::Step questions;
  questions.id = "q";
  questions.kind = core::StepKind::question_rounds;
  questions.title = {"Vragen", "Questions"};
  questions.rule = {"Regel", "Rule"};
  questions.instruction = {"Uitleg", "Explanation"};
  questions.minutes = 20;
  questions.preparation_minutes = 3;
  questions.speakers = {core::Party::advisers, core::Party::scribe};
  questions.listeners = {core::Party::presenter};
  questions.answer_mode = core::AnswerMode::rate;
  questions.open_questions = false;
  questions.scribe_records = true;
  core::Step gossip;
  gossip.id = "g";
  gossip.kind = core::StepKind::gossip;
  gossip.presenter_reflects = true;
  core::Step reframe;
  reframe.id = "r";
  reframe.kind = core::StepKind::reframe;
  reframe.branches = core::StepBranches{"q", "g"};
  core::Step unbranched;
  unbranched.id = "u";
  unbranched.kind = core::StepKind::reframe;
  method.steps = {questions, gossip, reframe, unbranched};

  const auto back = method_from_json(to_json(method));
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(*back, method);
}

TEST(CodecMethod, FieldsOfAnotherStepKindAreUnknown) {
  boost::json::object json = incident_json();
  json["steps"].as_array()[0].as_object()["answer_mode"] = "answer"; // an inventory step
  const CodecError error = error_of(json);
  EXPECT_EQ(error.code, CodecErrorCode::unknown_field);
  EXPECT_EQ(error.field, "method.steps[0].answer_mode");
}

TEST(CodecMethod, ErrorsNameTheirPath) {
  boost::json::object missing = incident_json();
  missing["steps"].as_array()[2].as_object().erase("answer_mode");
  const CodecError absent = error_of(missing);
  EXPECT_EQ(absent.code, CodecErrorCode::missing_field);
  EXPECT_EQ(absent.field, "method.steps[2].answer_mode");
  EXPECT_EQ(absent.message, R"(method: "method.steps[2].answer_mode" is missing)");

  boost::json::object party = incident_json();
  party["steps"].as_array()[1].as_object()["speakers"].as_array()[0] = "everybody";
  const CodecError unknown_party = error_of(party);
  EXPECT_EQ(unknown_party.code, CodecErrorCode::bad_value);
  EXPECT_EQ(unknown_party.field, "method.steps[1].speakers[0]");

  boost::json::object title = incident_json();
  title["name"].as_object()["de"] = "Vorfall";
  const CodecError extra = error_of(title);
  EXPECT_EQ(extra.code, CodecErrorCode::unknown_field);
  EXPECT_EQ(extra.field, "method.name.de");

  boost::json::object kind = incident_json();
  kind["steps"].as_array()[3].as_object()["kind"] = "meditation";
  EXPECT_EQ(error_of(kind).code, CodecErrorCode::bad_value);

  boost::json::object no_steps = incident_json();
  no_steps["steps"] = boost::json::array{};
  EXPECT_EQ(error_of(no_steps).code, CodecErrorCode::bad_value);

  EXPECT_EQ(error_of(boost::json::value("incident")).code, CodecErrorCode::wrong_type);
}

TEST(CodecMethod, DerivedFieldsAreNotChecked) {
  // total_minutes and number are computed when written; a stored method stays readable even
  // if how they are computed changes.
  boost::json::object json = incident_json();
  json["total_minutes"] = 1;
  json["steps"].as_array()[0].as_object()["number"] = 7;
  EXPECT_TRUE(method_from_json(json).has_value());
}

TEST(CodecMethod, TextsOfAMethodAreNotLimited) {
  boost::json::object json = incident_json();
  json["purpose"].as_object()["en"] = std::string(5000, 'a');
  EXPECT_TRUE(method_from_json(json).has_value());
}

} // namespace
} // namespace intervisie::server
