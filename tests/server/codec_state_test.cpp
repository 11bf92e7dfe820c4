// SPDX-License-Identifier: EUPL-1.2
// The state a client renders, written for one viewer from their own view.
#include "server/codec/state_json.hpp"

#include "../core/session_driver.hpp"

#include <gtest/gtest.h>

namespace intervisie::server {
namespace {

using core::CandidateId;
using core::ParticipantId;
using D = core::testing::SessionDriver;

boost::json::object viewed_by(const D& driver, ParticipantId viewer) {
  return state_to_json(core::view(driver.state(), viewer), viewer, driver.now);
}

// Four people: a small group. Pieter's issue is chosen; Anna has asked the first question.
D small_incident_session() {
  D s("incident", 4);
  s.ok(D::fenna, core::command::Start{});
  s.ok(D::pieter, core::command::ProposeIssue{"Ik weet niet hoe ik een collega aanspreek."});
  s.ok(D::anna, core::command::ProposeIssue{"Ik wil minder overwerken."});
  s.ok(D::anna, core::command::Vote{CandidateId{1}});
  s.ok(D::bram, core::command::Vote{CandidateId{1}});
  s.ok(D::pieter, core::command::Vote{CandidateId{2}});
  s.ok(D::fenna, core::command::ChooseIssue{});
  s.next();
  s.ok(D::pieter, core::command::SetStatement{"Ik weet niet hoe ik hem aanspreek."});
  s.next();
  return s;
}

TEST(CodecState, TheLobby) {
  D s("incident", 3);
  const boost::json::object json = viewed_by(s, D::anna);
  EXPECT_EQ(json.at("phase").as_string(), "lobby");
  EXPECT_EQ(json.at("title").as_string(), "Dinsdaggroep");
  EXPECT_EQ(json.at("method").at("id").as_string(), "incident");
  EXPECT_EQ(json.at("method").at("steps").as_array().size(), 9u);
  EXPECT_TRUE(json.at("step").is_null());
  EXPECT_TRUE(json.at("timer").is_null());
  EXPECT_EQ(json.at("participants").as_array().size(), 3u);
  EXPECT_EQ(json.at("facilitator").to_number<std::int64_t>(), 1);
  EXPECT_TRUE(json.at("presenter").is_null());
  EXPECT_EQ(json.at("warnings"), (boost::json::array{"small_group"}));
  EXPECT_FALSE(json.at("finished").as_bool());
  EXPECT_EQ(json.at("you"),
            (boost::json::object{{"id", 3}, {"roles", boost::json::array{}}, {"vote", nullptr}}));
}

TEST(CodecState, ASmallSessionInTheQuestionRounds) {
  D s = small_incident_session();
  const ParticipantId asker = *s.turn();
  s.ok(asker, core::command::AskQuestion{"Wat maakt het lastig?"});

  const boost::json::object json = viewed_by(s, D::anna);
  EXPECT_EQ(json.at("phase").as_string(), "running");
  EXPECT_EQ(json.at("version").to_number<std::uint64_t>(), s.state().version);
  EXPECT_EQ(json.at("warnings"), (boost::json::array{"small_group"}));

  const boost::json::object& step = json.at("step").as_object();
  EXPECT_EQ(step.at("index").to_number<std::uint64_t>(), 2u);
  EXPECT_EQ(step.at("number").to_number<std::uint64_t>(), 3u);
  EXPECT_EQ(step.at("id").as_string(), "question-rounds");
  EXPECT_EQ(step.at("kind").as_string(), "question_rounds");
  EXPECT_EQ(step.at("answer_mode").as_string(), "answer");
  EXPECT_FALSE(step.at("title").at("nl").as_string().empty());
  EXPECT_FALSE(step.at("rule").at("en").as_string().empty());
  EXPECT_EQ(json.at("visited_steps"), (boost::json::array{0, 1, 2}));

  EXPECT_EQ(json.at("presenter").to_number<std::int64_t>(), D::pieter.value);
  const boost::json::array& participants = json.at("participants").as_array();
  ASSERT_EQ(participants.size(), 4u);
  EXPECT_EQ(
      participants[0],
      (boost::json::object{
          {"id", 1}, {"name", "Fenna"}, {"device", true}, {"roles", {"facilitator", "adviser"}}}));
  EXPECT_EQ(participants[1].at("roles"), (boost::json::array{"presenter"}));
  EXPECT_EQ(json.at("you"), (boost::json::object{{"id", 3}, {"roles", {"adviser"}}, {"vote", 1}}));

  const boost::json::object& turn = json.at("turn").as_object();
  EXPECT_EQ(turn.at("holder").to_number<std::int64_t>(), asker.value);
  EXPECT_EQ(turn.at("round").to_number<std::int64_t>(), 1);
  EXPECT_EQ(turn.at("awaiting_question").to_number<std::int64_t>(), 1);
  EXPECT_FALSE(turn.at("closed").as_bool());
  EXPECT_EQ(turn.at("order").as_array().size(), s.state().step.turns.order.size());

  const boost::json::object& timer = json.at("timer").as_object();
  EXPECT_EQ(timer.at("planned_ms").to_number<std::int64_t>(), s.state().step.timer.planned.count());
  EXPECT_EQ(timer.at("left_ms").to_number<std::int64_t>(),
            s.state().step.timer.left(s.now).count());
  EXPECT_TRUE(timer.at("running").as_bool());
  EXPECT_FALSE(timer.at("preparing").as_bool());
  EXPECT_TRUE(timer.at("preparation_left_ms").is_null());
  EXPECT_TRUE(json.at("disturbance").is_null());
  EXPECT_FALSE(json.at("paused").as_bool());

  const boost::json::object& chart = json.at("flip_chart").as_object();
  const boost::json::array& candidates = chart.at("candidates").as_array();
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0].at("votes").to_number<std::int64_t>(), 2);
  EXPECT_EQ(candidates[1].at("votes").to_number<std::int64_t>(), 1);
  EXPECT_EQ(chart.at("chosen").to_number<std::int64_t>(), 1);
  EXPECT_EQ(chart.at("statement").as_string(), "Ik weet niet hoe ik hem aanspreek.");
  const boost::json::array& questions = chart.at("questions").as_array();
  ASSERT_EQ(questions.size(), 1u);
  EXPECT_EQ(questions[0], (boost::json::object{{"id", 1},
                                               {"step", 2},
                                               {"round", 1},
                                               {"asker", asker.value},
                                               {"recorded_by", nullptr},
                                               {"text", "Wat maakt het lastig?"},
                                               {"outcome", "pending"},
                                               {"rating", nullptr},
                                               {"rating_recorded_by", nullptr},
                                               {"key_point", nullptr},
                                               {"key_point_by", nullptr}}));
  EXPECT_TRUE(chart.at("reaction").is_null());
  EXPECT_TRUE(chart.at("private_notes").as_array().empty());
}

TEST(CodecState, TheAnswerNoteIsWrittenOnlyWhenTheViewHoldsIt) {
  D s = small_incident_session();
  s.ok(*s.turn(), core::command::AskQuestion{"Wat maakt het lastig?"});
  s.ok(D::pieter, core::command::AnswerQuestion{"Hier wil ik nog over nadenken."});
  s.ok(D::pieter, core::command::WritePrivateNote{"Bel Anna."});

  const boost::json::object presenter = viewed_by(s, D::pieter);
  const auto& own_question = presenter.at("flip_chart").at("questions").as_array()[0];
  EXPECT_EQ(own_question.at("outcome").as_string(), "answered");
  EXPECT_EQ(own_question.at("answer_note").as_string(), "Hier wil ik nog over nadenken.");
  EXPECT_EQ(presenter.at("flip_chart").at("private_notes"), (boost::json::array{"Bel Anna."}));

  const boost::json::object adviser = viewed_by(s, D::anna);
  EXPECT_FALSE(
      adviser.at("flip_chart").at("questions").as_array()[0].as_object().contains("answer_note"));
  EXPECT_TRUE(adviser.at("flip_chart").at("private_notes").as_array().empty());
}

TEST(CodecState, PreparationDisturbanceAndPause) {
  D s("incident", 6);
  s.ok(D::fenna, core::command::Start{});
  s.ok(D::pieter, core::command::ProposeIssue{"Ik wil minder overwerken."});
  s.ok(D::fenna, core::command::ChooseIssue{CandidateId{1}});
  s.next();
  s.ok(D::pieter, core::command::SetStatement{"Ik wil minder overwerken."});
  s.ok(D::pieter, core::command::StartPreparation{});
  boost::json::object json = viewed_by(s, D::anna);
  EXPECT_TRUE(json.at("warnings").as_array().empty());
  EXPECT_TRUE(json.at("timer").at("preparing").as_bool());
  EXPECT_GT(json.at("timer").at("preparation_left_ms").to_number<std::int64_t>(), 0);

  s.ok(D::anna, core::command::RaiseDisturbance{"Er wordt gebeld."});
  json = viewed_by(s, D::anna);
  EXPECT_EQ(json.at("disturbance"), (boost::json::object{
                                        {"raised_by", 3},
                                        {"text", "Er wordt gebeld."},
                                        {"at", s.now.time_since_epoch().count()},
                                    }));
  s.ok(D::fenna, core::command::ResolveDisturbance{});
  s.ok(D::fenna, core::command::Pause{});
  json = viewed_by(s, D::anna);
  EXPECT_TRUE(json.at("paused").as_bool());
  EXPECT_EQ(json.at("paused_since").to_number<std::int64_t>(), s.now.time_since_epoch().count());
  EXPECT_FALSE(json.at("timer").at("running").as_bool());
}

} // namespace
} // namespace intervisie::server
