// SPDX-License-Identifier: EUPL-1.2
// Complete sessions of all three methods, start to finish, as a group would run them.
#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

StepKind kind(const SessionDriver& driver) {
  return driver.state().current_step()->kind;
}

// Everyone in the turn order asks once (answered by the presenter), then everyone passes.
void one_round_of_questions_then_all_pass(SessionDriver& s, bool rate) {
  const auto order = s.state().step.turns.order;
  for (ParticipantId adviser : order) {
    ASSERT_EQ(s.turn(), adviser);
    s.ok(adviser, command::AskQuestion{"Wat maakt dit voor jou zo lastig?"});
    if (rate)
      s.ok(*s.state().presenter, command::RateQuestion{std::nullopt, Rating::warm});
    else
      s.ok(*s.state().presenter, command::AnswerQuestion{});
  }
  for (ParticipantId adviser : order)
    s.ok(adviser, command::Pass{});
  EXPECT_TRUE(s.state().step.turns.closed);
}

void advice_round(SessionDriver& s) {
  s.ok(s.state().facilitator, command::EndPreparation{});
  for (ParticipantId adviser : s.state().step.turns.order)
    s.ok(adviser, command::GiveAdvice{"zou ik eerst met mijn leidinggevende praten."});
  EXPECT_TRUE(s.state().step.turns.closed);
}

void run_incident(bool reframe) {
  SessionDriver s("incident");
  s.ok(D::fenna, command::Start{});
  EXPECT_EQ(kind(s), StepKind::inventory);
  s.ok(D::pieter, command::ProposeIssue{"Ik weet niet hoe ik een collega aanspreek."});
  s.ok(D::anna, command::ProposeIssue{"Ik wil minder overwerken."});
  s.ok(D::bram, command::Vote{CandidateId{1}});
  s.ok(D::carla, command::Vote{CandidateId{1}});
  s.ok(D::daan, command::Vote{CandidateId{2}});
  s.ok(D::fenna, command::ChooseIssue{});
  EXPECT_EQ(s.state().presenter, D::pieter);
  s.next();

  EXPECT_EQ(kind(s), StepKind::statement);
  s.ok(D::pieter,
       command::SetStatement{"Ik weet niet hoe ik mijn collega aanspreek op te laat komen."});
  s.ok(D::pieter, command::StartPreparation{});
  s.next();

  EXPECT_EQ(kind(s), StepKind::question_rounds);
  one_round_of_questions_then_all_pass(s, false);
  s.next();

  EXPECT_EQ(kind(s), StepKind::gossip);
  s.ok(D::anna, command::AddObservation{"Het bleef even stil bij de vraag over de teamleider."});
  s.ok(D::fenna, command::CloseGossip{});
  s.ok(D::pieter, command::Reflect{"Dat klopt, daar zit iets."});
  s.next();

  EXPECT_EQ(kind(s), StepKind::reframe);
  if (reframe)
    s.ok(D::pieter, command::Reframe{"Ik wil leren grenzen stellen zonder de sfeer te verliezen."});
  else
    s.ok(D::pieter, command::KeepStatement{});
  s.next();

  if (reframe) {
    EXPECT_EQ(kind(s), StepKind::question_rounds);
    one_round_of_questions_then_all_pass(s, false);
    s.next();
  }

  EXPECT_EQ(kind(s), StepKind::advice);
  advice_round(s);
  s.next();

  EXPECT_EQ(kind(s), StepKind::presenter_reaction);
  s.ok(D::pieter, command::React{"Morgen spreek ik hem aan.", "Hoe ik dat volhoud."});
  s.next();

  EXPECT_EQ(kind(s), StepKind::closing);
  for (const Participant& p : s.state().participants)
    s.ok(p.id, command::ClosingRemark{"Fijn gedaan."});
  s.next();

  EXPECT_EQ(s.state().phase, Phase::finished);
  EXPECT_EQ(s.state().statements.size(), reframe ? 2u : 1u);
  EXPECT_EQ(s.state().visited_steps.size(), reframe ? 9u : 8u);
  EXPECT_EQ(replay(s.history()), s.state());
  for (const Advice& advice : s.state().advice)
    EXPECT_TRUE(advice.text.starts_with("Als ik in jouw schoenen stond, dan zou ik"));
}

TEST(RunThrough, IncidentMethodWithReframe) {
  run_incident(true);
}
TEST(RunThrough, IncidentMethodKeepingTheStatement) {
  run_incident(false);
}

TEST(RunThrough, FreshQuestioning) {
  SessionDriver s("fresh-questioning");
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::AssignScribe{D::anna});
  s.ok(D::fenna, command::Start{});
  EXPECT_EQ(kind(s), StepKind::statement);
  s.ok(D::pieter, command::SetStatement{"Ik heb er last van dat ik altijd ja zeg."});
  s.next();

  EXPECT_EQ(kind(s), StepKind::question_rounds);
  one_round_of_questions_then_all_pass(s, true);
  s.next();

  EXPECT_EQ(kind(s), StepKind::gossip);
  s.ok(D::bram, command::AddObservation{"De warme vragen gingen allemaal over zijn team."});
  s.next(true);

  EXPECT_EQ(kind(s), StepKind::presenter_reflection);
  s.ok(D::pieter, command::Reflect{"Het gaat dus over mijn team, niet over mij."});
  s.next();
  EXPECT_EQ(s.state().phase, Phase::finished);
  EXPECT_EQ(replay(s.history()), s.state());
}

TEST(RunThrough, Balint) {
  SessionDriver s("balint");
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::SetStatement{"Ik wil beter omgaan met een boze ouder."});
  s.next();

  EXPECT_EQ(kind(s), StepKind::question_rounds);
  one_round_of_questions_then_all_pass(s, false);
  s.next();

  EXPECT_EQ(kind(s), StepKind::written_advice);
  for (ParticipantId adviser : s.state().turn_order())
    s.ok(adviser, command::WriteDraft{"Ik zou het gesprek samen met een collega voeren."});
  s.next();

  EXPECT_EQ(kind(s), StepKind::share_advice);
  for (ParticipantId adviser : s.state().step.turns.order)
    s.ok(adviser, command::ShareAdvice{"Samen sta je sterker."});
  s.next();

  EXPECT_EQ(kind(s), StepKind::presenter_reaction);
  s.ok(D::pieter, command::React{"Ik vraag Anna mee.", ""});
  s.next();
  EXPECT_EQ(s.state().phase, Phase::finished);
  EXPECT_EQ(replay(s.history()), s.state());
}

} // namespace
} // namespace intervisie::core::testing
