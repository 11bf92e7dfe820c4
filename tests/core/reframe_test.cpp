// SPDX-License-Identifier: EUPL-1.2
// Incident step 5: the presenter reframes the issue (then step 6, new question rounds by the
// same rules) or keeps it (then straight to the advice of step 7).
#include "session_driver.hpp"

#include <algorithm>

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

constexpr std::string_view first_statement = "Ik weet niet hoe ik nee zeg.";
constexpr std::string_view new_statement = "Ik wil mijn grenzen bewaken zonder ruzie.";

// An incident session at its reframe step. In the first question rounds Fenna's question
// was declined.
SessionDriver at_reframe() {
  SessionDriver s("incident");
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::ProposeIssue{"Ik wil iets."});
  s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
  s.next();
  s.ok(D::pieter, command::SetStatement{std::string(first_statement)});
  s.next();
  s.ok(D::fenna, command::AskQuestion{"Waarom ben je bang voor ruzie?"});
  s.ok(D::pieter, command::DeclineQuestion{});
  s.ok(D::fenna, command::CloseRounds{});
  s.next();
  s.ok(D::fenna, command::CloseGossip{});
  s.ok(D::pieter, command::Reflect{"Dat raakt me."});
  s.next();
  EXPECT_EQ(s.step_id(), "reframe");
  return s;
}

TEST(Reframe, AReframedIssueLeadsToNewQuestionRounds) {
  SessionDriver s = at_reframe();
  s.ok(D::pieter, command::Reframe{std::string(new_statement)});
  EXPECT_EQ(s.state().statement(), new_statement);
  EXPECT_EQ(s.state().statements,
            (std::vector<std::string>{std::string(first_statement), std::string(new_statement)}));
  s.next();
  EXPECT_EQ(s.step_id(), "new-question-rounds");
  EXPECT_EQ(s.state().current_step()->kind, StepKind::question_rounds);
  EXPECT_EQ(s.turn(), D::fenna);
  s.ok(D::fenna, command::CloseRounds{});
  s.next();
  EXPECT_EQ(s.step_id(), "advice");
}

TEST(Reframe, AKeptIssueLeadsStraightToAdvice) {
  SessionDriver s = at_reframe();
  s.ok(D::pieter, command::KeepStatement{});
  EXPECT_EQ(s.state().statements, std::vector<std::string>{std::string(first_statement)});
  s.next();
  EXPECT_EQ(s.step_id(), "advice");
  EXPECT_EQ(std::ranges::count(s.state().visited_steps,
                               *s.state().method->step_index("new-question-rounds")),
            0);
}

TEST(Reframe, ThePresenterMustChooseBeforeMovingOn) {
  SessionDriver s = at_reframe();
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{}), RefusalCode::step_not_complete);
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{true}), RefusalCode::step_not_complete);
}

TEST(Reframe, OnlyThePresenterReframes) {
  SessionDriver s = at_reframe();
  EXPECT_EQ(s.refused(D::anna, command::Reframe{"Ik wil iets anders."}),
            RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::fenna, command::KeepStatement{}), RefusalCode::not_allowed_for_role);
}

TEST(Reframe, ThePresenterMayChangeTheirMindWithinTheStep) {
  SessionDriver s = at_reframe();
  s.ok(D::pieter, command::Reframe{"Ik wil iets anders."});
  s.ok(D::pieter, command::Reframe{std::string(new_statement)});
  EXPECT_EQ(s.state().statements.size(), 2u);
  EXPECT_EQ(s.state().statement(), new_statement);
  s.ok(D::pieter, command::KeepStatement{});
  EXPECT_EQ(s.state().statements, std::vector<std::string>{std::string(first_statement)});
  s.ok(D::pieter, command::Reframe{std::string(new_statement)});
  EXPECT_EQ(s.state().statements.size(), 2u);
  s.next();
  EXPECT_EQ(s.step_id(), "new-question-rounds");
}

TEST(Reframe, ReframingBelongsToItsStep) {
  SessionDriver s("incident");
  s.ok(D::fenna, command::Start{});
  EXPECT_EQ(s.refused(D::pieter, command::Reframe{"Ik wil iets."}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(D::pieter, command::KeepStatement{}), RefusalCode::wrong_step);
}

TEST(Reframe, ANewStatementNeedsText) {
  SessionDriver s = at_reframe();
  EXPECT_EQ(s.refused(D::pieter, command::Reframe{"\t"}), RefusalCode::text_empty);
}

TEST(Reframe, NewQuestionRoundsFollowTheSameRules) {
  SessionDriver s = at_reframe();
  s.ok(D::pieter, command::Reframe{std::string(new_statement)});
  s.next();
  EXPECT_EQ(s.state().step.turns.order,
            (std::vector<ParticipantId>{D::fenna, D::anna, D::bram, D::carla, D::daan}));
  // A boundary set in the first rounds still holds.
  EXPECT_EQ(s.refused(D::fenna, command::AskQuestion{"Waarom ben je bang voor ruzie?"}),
            RefusalCode::question_declined_before);
  s.ok(D::fenna, command::AskQuestion{"Wat betekent ruzie voor jou?"});
  // Answered at once; a follow-up waits for your next turn.
  EXPECT_EQ(s.refused(D::anna, command::AskQuestion{"Wanneer?"}), RefusalCode::not_your_turn);
  s.ok(D::pieter, command::AnswerQuestion{});
  EXPECT_EQ(s.refused(D::fenna, command::AskQuestion{"En dan?"}), RefusalCode::not_your_turn);
  for (ParticipantId adviser : {D::anna, D::bram, D::carla, D::daan})
    s.ok(adviser, command::Pass{});
  EXPECT_FALSE(s.state().step.turns.closed);
  for (ParticipantId adviser : {D::fenna, D::anna, D::bram, D::carla, D::daan})
    s.ok(adviser, command::Pass{});
  EXPECT_TRUE(s.state().step.turns.closed);
  EXPECT_EQ(s.state().questions.back().step, s.state().step.index);
  s.next();
  EXPECT_EQ(s.step_id(), "advice");
}

} // namespace
} // namespace intervisie::core::testing
