// SPDX-License-Identifier: EUPL-1.2
// Naming the issue: the presenter sets and may edit the statement; a preparation pause
// follows, in which the advisers think of their questions.
#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;
using std::chrono::minutes;
using std::chrono::seconds;

// A Balint session in its statement step, Pieter presenting.
SessionDriver at_statement(const std::string& method_id = "balint") {
  SessionDriver s(method_id, 5);
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  if (method_id == "fresh-questioning")
    s.ok(D::fenna, command::AssignScribe{D::anna});
  s.ok(D::fenna, command::Start{});
  return s;
}

TEST(Statement, ThePresenterNamesTheIssue) {
  SessionDriver s = at_statement();
  EXPECT_EQ(s.state().current_step()->kind, StepKind::statement);
  EXPECT_FALSE(s.state().statement().has_value());
  s.ok(D::pieter, command::SetStatement{"Ik wil beter omgaan met een boze ouder."});
  EXPECT_EQ(s.state().statement(), "Ik wil beter omgaan met een boze ouder.");
}

TEST(Statement, OnlyThePresenterNamesTheIssue) {
  SessionDriver s = at_statement();
  EXPECT_EQ(s.refused(D::anna, command::SetStatement{"Ik wil iets."}),
            RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::fenna, command::SetStatement{"Ik wil iets."}),
            RefusalCode::not_allowed_for_role);
}

TEST(Statement, ThePresenterMayEditTheStatement) {
  SessionDriver s = at_statement();
  s.ok(D::pieter, command::SetStatement{"Ik wil beter omgaan met een ouder."});
  s.ok(D::pieter, command::SetStatement{"Ik weet niet hoe ik een boze ouder kalmeer."});
  EXPECT_EQ(s.state().statements.size(), 1u);
  EXPECT_EQ(s.state().statement(), "Ik weet niet hoe ik een boze ouder kalmeer.");
}

TEST(Statement, TheStatementIsNamedOnlyInItsStep) {
  SessionDriver s = at_statement();
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  s.next();
  EXPECT_EQ(s.refused(D::pieter, command::SetStatement{"Ik wil iets anders."}),
            RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(D::pieter, command::StartPreparation{}), RefusalCode::wrong_step);
}

TEST(Statement, NoQuestionsBeforeTheIssueIsNamed) {
  SessionDriver s = at_statement();
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{}), RefusalCode::statement_required);
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{true}), RefusalCode::statement_required);
}

TEST(Statement, APreparationPauseFollowsTheStatement) {
  SessionDriver s = at_statement();
  EXPECT_EQ(s.refused(D::pieter, command::StartPreparation{}), RefusalCode::statement_required);
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  EXPECT_FALSE(s.state().preparing(s.now));
  s.ok(D::pieter, command::StartPreparation{});
  EXPECT_TRUE(s.state().preparing(s.now));
  EXPECT_EQ(s.state().time_left(s.now), minutes{3});
  EXPECT_EQ(s.state().time_left(s.now + seconds{50}), seconds{130});
}

TEST(Statement, ThePresenterOrTheFacilitatorStartsThePreparation) {
  SessionDriver s = at_statement();
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  EXPECT_EQ(s.refused(D::anna, command::StartPreparation{}), RefusalCode::not_allowed_for_role);
  s.ok(D::fenna, command::StartPreparation{});
  EXPECT_TRUE(s.state().preparing(s.now));
}

TEST(Statement, OnePreparationAtATime) {
  SessionDriver s = at_statement();
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  s.ok(D::pieter, command::StartPreparation{});
  EXPECT_EQ(s.refused(D::fenna, command::StartPreparation{}), RefusalCode::preparation_running);
}

TEST(Statement, ThePresenterMayEditDuringThePreparation) {
  SessionDriver s = at_statement();
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  s.ok(D::pieter, command::StartPreparation{});
  s.ok(D::pieter, command::SetStatement{"Ik wil iets anders."});
  EXPECT_EQ(s.state().statement(), "Ik wil iets anders.");
  EXPECT_TRUE(s.state().preparing(s.now));
}

TEST(Statement, TheFacilitatorMayEndThePreparationEarly) {
  SessionDriver s = at_statement();
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  EXPECT_EQ(s.refused(D::fenna, command::EndPreparation{}), RefusalCode::not_preparing);
  s.ok(D::pieter, command::StartPreparation{});
  EXPECT_EQ(s.refused(D::pieter, command::EndPreparation{}), RefusalCode::not_allowed_for_role);
  s.ok(D::fenna, command::EndPreparation{});
  EXPECT_FALSE(s.state().preparing(s.now));
  EXPECT_EQ(s.refused(D::fenna, command::EndPreparation{}), RefusalCode::not_preparing);
}

TEST(Statement, ThePreparationEndsByItselfWhenItsTimeIsUp) {
  SessionDriver s = at_statement();
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  s.ok(D::pieter, command::StartPreparation{});
  s.now += minutes{3};
  EXPECT_FALSE(s.state().preparing(s.now));
  // Once over, it can be started again.
  s.ok(D::fenna, command::StartPreparation{});
  EXPECT_TRUE(s.state().preparing(s.now));
}

TEST(Statement, EveryMethodNamesTheIssueFirst) {
  for (const std::string method_id : {"balint", "fresh-questioning"}) {
    SessionDriver s = at_statement(method_id);
    EXPECT_EQ(s.state().current_step()->kind, StepKind::statement) << method_id;
  }
  SessionDriver incident("incident");
  incident.ok(D::fenna, command::Start{});
  incident.ok(D::pieter, command::ProposeIssue{"Ik wil iets."});
  incident.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
  incident.next();
  EXPECT_EQ(incident.state().current_step()->kind, StepKind::statement);
}

TEST(Statement, TheStatementNeedsText) {
  SessionDriver s = at_statement();
  EXPECT_EQ(s.refused(D::pieter, command::SetStatement{"  "}), RefusalCode::text_empty);
}

} // namespace
} // namespace intervisie::core::testing
