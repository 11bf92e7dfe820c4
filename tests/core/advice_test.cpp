// SPDX-License-Identifier: EUPL-1.2
// Incident step 7: after a few minutes to think, the advisers give advice in turn, each
// starting "Als ik in jouw schoenen stond, dan…"; nobody discusses it, the presenter listens.
#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;
using std::chrono::minutes;

// An incident session at the start of its advice step (the statement was kept), Pieter
// presenting; the advice order is Fenna, Anna, Bram, Carla, Daan.
SessionDriver at_advice(std::size_t people = 6, bool facilitator_takes_turns = true) {
  SessionDriver s("incident", people, facilitator_takes_turns);
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::ProposeIssue{"Ik wil iets."});
  s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
  s.next();
  s.ok(D::pieter, command::SetStatement{"Ik weet niet hoe ik nee zeg."});
  s.next();
  s.ok(D::fenna, command::CloseRounds{});
  s.next();
  s.ok(D::fenna, command::CloseGossip{});
  s.ok(D::pieter, command::Reflect{""});
  s.next();
  s.ok(D::pieter, command::KeepStatement{});
  s.next();
  EXPECT_EQ(s.state().current_step()->kind, StepKind::advice);
  return s;
}

// Past the time to think.
SessionDriver advising(std::size_t people = 6, bool facilitator_takes_turns = true) {
  SessionDriver s = at_advice(people, facilitator_takes_turns);
  s.ok(D::fenna, command::EndPreparation{});
  return s;
}

TEST(Advice, ThereIsTimeToThinkBeforeTheAdvice) {
  SessionDriver s = at_advice();
  EXPECT_TRUE(s.state().preparing(s.now));
  EXPECT_EQ(s.state().time_left(s.now), minutes{3});
  EXPECT_EQ(s.refused(D::fenna, command::GiveAdvice{"zou ik het gewoon zeggen."}),
            RefusalCode::preparation_running);
  EXPECT_EQ(s.refused(D::fenna, command::Pass{}), RefusalCode::preparation_running);
}

TEST(Advice, TheTimeToThinkEndsByItself) {
  SessionDriver s = at_advice();
  s.now += minutes{3};
  s.ok(D::fenna, command::GiveAdvice{"zou ik het gewoon zeggen."});
}

TEST(Advice, TheFacilitatorMayEndTheTimeToThink) {
  SessionDriver s = at_advice();
  EXPECT_EQ(s.refused(D::anna, command::EndPreparation{}), RefusalCode::not_allowed_for_role);
  s.ok(D::fenna, command::EndPreparation{});
  EXPECT_FALSE(s.state().preparing(s.now));
  s.ok(D::fenna, command::GiveAdvice{"zou ik het gewoon zeggen."});
}

TEST(Advice, TheEngineStartsEachAdviceWithTheOpener) {
  SessionDriver s = advising();
  s.ok(D::fenna, command::GiveAdvice{"Zou ik eerst met mijn leidinggevende praten."});
  ASSERT_EQ(s.state().advice.size(), 1u);
  EXPECT_EQ(s.state().advice[0].text,
            "Als ik in jouw schoenen stond, dan zou ik eerst met mijn leidinggevende praten.");
  EXPECT_EQ(s.state().advice[0].adviser, D::fenna);
}

TEST(Advice, AnAdviceThatStartsWithTheOpenerIsKeptAsItIs) {
  SessionDriver s = advising();
  const std::string written = "Als ik in jouw schoenen stond, dan zou ik nee zeggen.";
  s.ok(D::fenna, command::GiveAdvice{written});
  const std::string lowercase = "als ik in jouw schoenen stond dan zou ik wachten";
  s.ok(D::anna, command::GiveAdvice{lowercase});
  EXPECT_EQ(s.state().advice[0].text, written);
  EXPECT_EQ(s.state().advice[1].text, lowercase);
}

TEST(Advice, AdviceGoesRoundInTurnOnce) {
  SessionDriver s = advising();
  EXPECT_EQ(s.state().step.turns.order,
            (std::vector<ParticipantId>{D::fenna, D::anna, D::bram, D::carla, D::daan}));
  EXPECT_EQ(s.refused(D::anna, command::GiveAdvice{"zou ik wachten."}), RefusalCode::not_your_turn);
  for (ParticipantId adviser : {D::fenna, D::anna, D::bram, D::carla, D::daan}) {
    EXPECT_EQ(s.turn(), adviser);
    s.ok(adviser, command::GiveAdvice{"zou ik wachten."});
  }
  EXPECT_TRUE(s.state().step.turns.closed);
  EXPECT_FALSE(s.turn().has_value());
  EXPECT_EQ(s.refused(D::fenna, command::GiveAdvice{"zou ik toch..."}), RefusalCode::rounds_closed);
  s.next();
  EXPECT_EQ(s.state().current_step()->kind, StepKind::presenter_reaction);
}

TEST(Advice, ThePresenterHearsTheSameWhateverTheyTryInATurn) {
  // One turn rule for every command of a turn: who you are is said before whether the round is
  // still open, so passing and advising get the same answer.
  SessionDriver s = advising();
  EXPECT_EQ(s.refused(D::pieter, command::Pass{}), RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::pieter, command::GiveAdvice{"zou ik..."}),
            RefusalCode::not_allowed_for_role);
  for (ParticipantId adviser : {D::fenna, D::anna, D::bram, D::carla, D::daan})
    s.ok(adviser, command::Pass{});
  ASSERT_TRUE(s.state().step.turns.closed);
  EXPECT_EQ(s.refused(D::pieter, command::Pass{}), RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::pieter, command::GiveAdvice{"zou ik..."}),
            RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::anna, command::Pass{}), RefusalCode::rounds_closed);
  EXPECT_EQ(s.refused(D::anna, command::GiveAdvice{"zou ik..."}), RefusalCode::rounds_closed);
}

TEST(Advice, AnAdviserMayPass) {
  SessionDriver s = advising();
  s.ok(D::fenna, command::Pass{});
  EXPECT_EQ(s.turn(), D::anna);
  EXPECT_TRUE(s.state().advice.empty());
}

TEST(Advice, NoDiscussionOfTheAdvice) {
  SessionDriver s = advising();
  s.ok(D::fenna, command::GiveAdvice{"zou ik wachten."});
  // Whoever gave advice cannot add to it or react to the next one.
  EXPECT_EQ(s.refused(D::fenna, command::GiveAdvice{"en bovendien..."}),
            RefusalCode::not_your_turn);
  EXPECT_EQ(s.refused(D::bram, command::GiveAdvice{"daar ben ik het niet mee eens"}),
            RefusalCode::not_your_turn);
  EXPECT_EQ(s.refused(D::bram, command::AddObservation{"daar ben ik het niet mee eens"}),
            RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(D::bram, command::AskQuestion{"Waarom zou je wachten?"}),
            RefusalCode::wrong_step);
}

TEST(Advice, ThePresenterHasNoWayToRespond) {
  SessionDriver s = advising();
  s.ok(D::fenna, command::GiveAdvice{"zou ik wachten."});
  const ParticipantId presenter = D::pieter;
  EXPECT_EQ(s.refused(presenter, command::GiveAdvice{"Nee hoor."}),
            RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(presenter, command::Pass{}), RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(presenter, command::AnswerQuestion{"Nee hoor."}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(presenter, command::DeclineQuestion{}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(presenter, command::RateQuestion{std::nullopt, Rating::cold}),
            RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(presenter, command::AskQuestion{"Echt?"}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(presenter, command::AddObservation{"Nee hoor."}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(presenter, command::Reflect{"Nee hoor."}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(presenter, command::React{"Nee hoor.", ""}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(presenter, command::ShareAdvice{"Nee hoor."}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(presenter, command::ClosingRemark{"Nee hoor."}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(presenter, command::SetStatement{"Nee hoor."}), RefusalCode::wrong_step);
  // What the presenter may do is keep a private note.
  s.ok(presenter, command::WritePrivateNote{"Wachten past niet bij mij."});
}

TEST(Advice, MovingOnBeforeEveryoneHadATurnNeedsConfirmation) {
  SessionDriver s = advising();
  s.ok(D::fenna, command::GiveAdvice{"zou ik wachten."});
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{}), RefusalCode::step_rule_not_met);
  s.ok(D::fenna, command::NextStep{true});
  EXPECT_EQ(s.state().current_step()->kind, StepKind::presenter_reaction);
}

TEST(Advice, AnExternalFacilitatorGivesNoAdvice) {
  SessionDriver s = advising(5, false);
  EXPECT_EQ(s.turn(), D::anna);
  EXPECT_EQ(s.refused(D::fenna, command::GiveAdvice{"zou ik wachten."}),
            RefusalCode::not_allowed_for_role);
}

TEST(Advice, AdviceBelongsToTheAdviceStep) {
  SessionDriver s("incident");
  s.ok(D::fenna, command::Start{});
  EXPECT_EQ(s.refused(D::fenna, command::GiveAdvice{"zou ik wachten."}), RefusalCode::wrong_step);
}

TEST(Advice, AWrittenAdviceNeedsTextAnAdviceGivenOutLoudDoesNot) {
  SessionDriver s = advising();
  s.ok(D::fenna, command::SetContributions{Contributions::written});
  EXPECT_EQ(s.refused(D::fenna, command::GiveAdvice{"  "}), RefusalCode::text_empty);
  s.ok(D::fenna, command::SetContributions{Contributions::spoken});
  s.ok(D::fenna, command::GiveAdvice{"  "});
  EXPECT_EQ(s.state().advice.back().text, "") << "no opener in front of nothing";
}

} // namespace
} // namespace intervisie::core::testing
