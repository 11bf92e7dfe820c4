// SPDX-License-Identifier: EUPL-1.2
// The presenter's reaction (what to apply tomorrow, what to think over), the closing round
// in which each participant looks back, the presenter's last word in Fresh Questioning, and
// the presenter's private notes.
#include "session_driver.hpp"

#include <algorithm>

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

// An incident session at the presenter's reaction (statement kept, no advice given).
SessionDriver at_reaction() {
  SessionDriver s("incident");
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::ProposeIssue{"Ik wil iets."});
  s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
  s.next();
  s.ok(D::pieter, command::SetStatement{"Ik weet niet hoe ik nee zeg."});
  s.next();
  s.next(true);
  s.next(true);
  s.ok(D::pieter, command::KeepStatement{});
  s.next();
  s.next(true);
  EXPECT_EQ(s.state().current_step()->kind, StepKind::presenter_reaction);
  return s;
}

SessionDriver at_closing() {
  SessionDriver s = at_reaction();
  s.ok(D::pieter, command::React{"Morgen zeg ik een keer nee.", "Waarom het zo moeilijk is."});
  s.next();
  EXPECT_EQ(s.state().current_step()->kind, StepKind::closing);
  return s;
}

TEST(Closing, ThePresenterSaysWhatTomorrowBringsAndWhatToThinkOver) {
  SessionDriver s = at_reaction();
  s.ok(D::pieter, command::React{"Morgen zeg ik een keer nee.", "Waarom het zo moeilijk is."});
  ASSERT_TRUE(s.state().reaction.has_value());
  EXPECT_EQ(s.state().reaction->tomorrow, "Morgen zeg ik een keer nee.");
  EXPECT_EQ(s.state().reaction->think_over, "Waarom het zo moeilijk is.");
  s.ok(D::pieter, command::React{"Morgen zeg ik twee keer nee.", ""});
  EXPECT_EQ(s.state().reaction->tomorrow, "Morgen zeg ik twee keer nee.");
  EXPECT_EQ(s.state().reaction->think_over, "");
}

TEST(Closing, OnlyThePresenterReacts) {
  SessionDriver s = at_reaction();
  EXPECT_EQ(s.refused(D::anna, command::React{"Ik zou...", ""}), RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::fenna, command::React{"Ik zou...", ""}),
            RefusalCode::not_allowed_for_role);
}

TEST(Closing, MovingOnBeforeThePresenterReactedNeedsConfirmation) {
  SessionDriver s = at_reaction();
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{}), RefusalCode::step_rule_not_met);
  s.next(true);
  EXPECT_EQ(s.state().current_step()->kind, StepKind::closing);
}

TEST(Closing, EachParticipantLooksBack) {
  SessionDriver s = at_closing();
  for (const Participant& p : std::vector<Participant>(s.state().participants))
    s.ok(p.id, command::ClosingRemark{"Wat ik meeneem: " + p.name});
  EXPECT_EQ(s.state().closing_remarks.size(), s.state().participants.size());
  // A second remark replaces the first.
  s.ok(D::anna, command::ClosingRemark{"Toch iets anders."});
  EXPECT_EQ(s.state().closing_remarks.size(), s.state().participants.size());
  const auto anna = std::ranges::find(s.state().closing_remarks, D::anna, &ClosingRemark::author);
  EXPECT_EQ(anna->text, "Toch iets anders.");
  s.next();
  EXPECT_EQ(s.state().phase, Phase::finished);
}

TEST(Closing, MovingOnBeforeEveryoneLookedBackNeedsConfirmation) {
  SessionDriver s = at_closing();
  s.ok(D::anna, command::ClosingRemark{"Fijn."});
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{}), RefusalCode::step_rule_not_met);
  s.next(true);
  EXPECT_EQ(s.state().phase, Phase::finished);
}

TEST(Closing, TheClosingStepEndsTheSession) {
  SessionDriver s = at_closing();
  const Events events = s.ok(D::fenna, command::NextStep{true});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<event::SessionFinished>(events[0].body));
  EXPECT_EQ(s.state().phase, Phase::finished);
  EXPECT_EQ(s.state().finished_at, s.now);
  EXPECT_EQ(s.state().current_step(), nullptr);
}

TEST(Closing, ClosingRemarksBelongToTheClosing) {
  SessionDriver s = at_reaction();
  EXPECT_EQ(s.refused(D::anna, command::ClosingRemark{"Fijn."}), RefusalCode::wrong_step);
  SessionDriver closing = at_closing();
  EXPECT_EQ(closing.refused(D::pieter, command::React{"Toch nog iets.", ""}),
            RefusalCode::wrong_step);
}

TEST(Closing, InFreshQuestioningThePresenterHasTheLastWord) {
  SessionDriver s("fresh-questioning");
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::AssignScribe{D::anna});
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  s.next();
  s.next(true);
  s.next(true);
  ASSERT_EQ(s.state().current_step()->kind, StepKind::presenter_reflection);
  EXPECT_EQ(s.refused(D::anna, command::Reflect{"Ik vond..."}), RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{}), RefusalCode::step_rule_not_met);
  s.ok(D::pieter, command::Reflect{"Dit zegt me dat het om mijn team gaat."});
  s.next();
  EXPECT_EQ(s.state().phase, Phase::finished);
}

TEST(Closing, OnlyThePresenterKeepsPrivateNotes) {
  SessionDriver s = at_reaction();
  s.ok(D::pieter, command::WritePrivateNote{"Bel maandag mijn coach."});
  EXPECT_EQ(s.state().private_notes, std::vector<std::string>{"Bel maandag mijn coach."});
  EXPECT_EQ(s.refused(D::anna, command::WritePrivateNote{"Iets."}),
            RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::fenna, command::WritePrivateNote{"Iets."}),
            RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::pieter, command::WritePrivateNote{" "}), RefusalCode::text_empty);
}

} // namespace
} // namespace intervisie::core::testing
