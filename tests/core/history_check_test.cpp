// SPDX-License-Identifier: EUPL-1.2
// A restore folds only what fits the history before it (history_check.hpp): a store damaged or
// edited by hand gives a reason, never a state that breaks.
#include "core/session/history_check.hpp"
#include "session_driver.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace intervisie::core::testing {
namespace {

using ::testing::HasSubstr;

Event at_start(EventBody body) {
  return Event{at_minute(0), ParticipantId{1}, std::move(body)};
}

TEST(HistoryCheck, AHistoryTheEngineWroteFitsEventByEvent) {
  SessionDriver session("incident");
  session.ok(SessionDriver::fenna, command::Start{});
  SessionState state;
  for (const Event& event : session.history()) {
    EXPECT_TRUE(fits(state, event).has_value()) << kind_name(event.body);
    apply(state, event);
  }
}

TEST(HistoryCheck, AHistoryStartsWithTheSessionAndItsMethod) {
  const auto fit = fits(SessionState{}, at_start(event::PreparationStarted{}));
  ASSERT_FALSE(fit.has_value());
  EXPECT_THAT(fit.error(), HasSubstr("session_created"));
}

TEST(HistoryCheck, ASessionIsCreatedOnce) {
  SessionDriver session("balint");
  EXPECT_FALSE(
      fits(session.state(), at_start(event::SessionCreated{shipped_method("balint"), "Nog eens"}))
          .has_value());
}

TEST(HistoryCheck, AStepTheMethodLacksIsRefused) {
  SessionDriver session("balint");
  const std::size_t steps = session.state().method->steps.size();
  EXPECT_TRUE(fits(session.state(), at_start(event::StepStarted{steps - 1})).has_value());
  EXPECT_FALSE(fits(session.state(), at_start(event::StepStarted{steps})).has_value());
}

TEST(HistoryCheck, AnAnswerToAQuestionNobodyAskedIsRefused) {
  SessionDriver session("incident");
  const auto fit = fits(session.state(), at_start(event::QuestionAnswered{QuestionId{9}, ""}));
  ASSERT_FALSE(fit.has_value());
  EXPECT_THAT(fit.error(), HasSubstr("question 9"));
}

TEST(HistoryCheck, ANewItemTakesTheNextId) {
  SessionDriver session("incident");
  EXPECT_TRUE(fits(session.state(), at_start(event::QuestionAsked{QuestionId{1}, ParticipantId{2}}))
                  .has_value());
  EXPECT_FALSE(
      fits(session.state(), at_start(event::QuestionAsked{QuestionId{2}, ParticipantId{2}}))
          .has_value());
  EXPECT_FALSE(fits(session.state(), at_start(event::IssueWithdrawn{CandidateId{1}})).has_value());
}

TEST(HistoryCheck, SomeoneJoinsUnderAnIdNobodyHas) {
  SessionDriver session("incident", 3);
  EXPECT_FALSE(fits(session.state(), at_start(event::ParticipantJoined{ParticipantId{2}, "Eva"}))
                   .has_value());
  EXPECT_FALSE(fits(session.state(), at_start(event::ParticipantJoined{ParticipantId{0}, "Eva"}))
                   .has_value());
}

} // namespace
} // namespace intervisie::core::testing
