// SPDX-License-Identifier: EUPL-1.2
// The gossip round: the presenter turns their back and only listens while the advisers share
// what they noticed; once it is closed the presenter reflects briefly. In Fresh Questioning
// the advisers' reflection works the same way, without the presenter's word afterwards.
#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

// Pieter presents; one question was asked and answered (or rated), then the rounds closed.
SessionDriver at_gossip(const std::string& method_id = "incident") {
  SessionDriver s(method_id);
  if (method_id == "incident") {
    s.ok(D::fenna, command::Start{});
    s.ok(D::pieter, command::ProposeIssue{"Ik wil iets."});
    s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
    s.next();
  } else {
    s.ok(D::fenna, command::AssignPresenter{D::pieter});
    s.ok(D::fenna, command::AssignScribe{D::anna});
    s.ok(D::fenna, command::Start{});
  }
  s.ok(D::pieter, command::SetStatement{"Ik wil leren nee zeggen."});
  s.next();
  s.ok(D::fenna, command::AskQuestion{"Wat gebeurt er als je ja zegt?"});
  if (method_id == "incident")
    s.ok(D::pieter, command::AnswerQuestion{});
  else
    s.ok(D::pieter, command::RateQuestion{std::nullopt, Rating::warm});
  s.ok(D::fenna, command::CloseRounds{});
  s.next();
  EXPECT_EQ(s.state().current_step()->kind, StepKind::gossip);
  return s;
}

TEST(Gossip, AdvisersShareWhatTheyNoticed) {
  SessionDriver s = at_gossip();
  s.ok(D::anna, command::AddObservation{"Het werd stil bij de vraag over zijn team."});
  s.ok(D::bram, command::AddObservation{"Hij keek weg toen het over thuis ging."});
  s.ok(D::anna, command::AddObservation{"Hij zei vaak 'moeten'."});
  ASSERT_EQ(s.state().observations.size(), 3u);
  EXPECT_EQ(s.state().observations[1].author, D::bram);
  EXPECT_EQ(s.state().observations[1].step, s.state().step.index);
}

TEST(Gossip, ThePresenterOnlyListens) {
  SessionDriver s = at_gossip();
  EXPECT_EQ(s.refused(D::pieter, command::AddObservation{"Dat klopt niet!"}),
            RefusalCode::presenter_listens);
  // Nothing else lets the presenter join in while the round is open.
  EXPECT_EQ(s.refused(D::pieter, command::AnswerQuestion{"Maar..."}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(D::pieter, command::Reflect{"Maar..."}), RefusalCode::gossip_still_open);
}

TEST(Gossip, ThePresenterReflectsBrieflyAfterTheRound) {
  SessionDriver s = at_gossip();
  s.ok(D::anna, command::AddObservation{"Het werd stil bij de vraag over zijn team."});
  s.ok(D::fenna, command::CloseGossip{});
  s.ok(D::pieter, command::Reflect{"Dat van die stilte herken ik."});
  ASSERT_EQ(s.state().reflections.size(), 1u);
  EXPECT_EQ(s.state().reflections[0].text, "Dat van die stilte herken ik.");
  EXPECT_TRUE(s.state().step.reflected);
  s.next();
  EXPECT_EQ(s.state().current_step()->kind, StepKind::reframe);
}

TEST(Gossip, OnlyThePresenterReflects) {
  SessionDriver s = at_gossip();
  s.ok(D::fenna, command::CloseGossip{});
  EXPECT_EQ(s.refused(D::anna, command::Reflect{"Ik vond het mooi."}),
            RefusalCode::not_allowed_for_role);
}

TEST(Gossip, OnlyTheFacilitatorClosesTheRound) {
  SessionDriver s = at_gossip();
  EXPECT_EQ(s.refused(D::anna, command::CloseGossip{}), RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::pieter, command::CloseGossip{}), RefusalCode::not_allowed_for_role);
}

TEST(Gossip, AClosedRoundTakesNoMoreObservations) {
  SessionDriver s = at_gossip();
  s.ok(D::fenna, command::CloseGossip{});
  EXPECT_EQ(s.refused(D::anna, command::AddObservation{"Nog iets."}), RefusalCode::gossip_closed);
  EXPECT_EQ(s.refused(D::fenna, command::CloseGossip{}), RefusalCode::gossip_closed);
}

TEST(Gossip, MovingOnWhileTheRoundIsOpenNeedsConfirmationAndClosesIt) {
  SessionDriver s = at_gossip();
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{}), RefusalCode::step_rule_not_met);
  const Events events = s.ok(D::fenna, command::NextStep{true});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<event::GossipClosed>(events[0].body));
  EXPECT_TRUE(std::holds_alternative<event::StepStarted>(events[1].body));
}

TEST(Gossip, MovingOnBeforeThePresenterReflectedNeedsConfirmation) {
  SessionDriver s = at_gossip();
  s.ok(D::fenna, command::CloseGossip{});
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{}), RefusalCode::step_rule_not_met);
  const Events events = s.ok(D::fenna, command::NextStep{true});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<event::StepStarted>(events[0].body));
}

TEST(Gossip, ObservationsBelongToTheGossipRound) {
  SessionDriver s("balint", 4);
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  EXPECT_EQ(s.refused(D::anna, command::AddObservation{"Iets."}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(D::fenna, command::CloseGossip{}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(D::pieter, command::Reflect{"Iets."}), RefusalCode::wrong_step);
}

TEST(Gossip, AnObservationNeedsText) {
  SessionDriver s = at_gossip();
  EXPECT_EQ(s.refused(D::anna, command::AddObservation{""}), RefusalCode::text_empty);
}

TEST(Gossip, InFreshQuestioningTheAdvisersReflectAndThePresenterListens) {
  SessionDriver s = at_gossip("fresh-questioning");
  s.ok(D::bram, command::AddObservation{"De warme vragen gingen over zijn team."});
  s.ok(D::anna, command::AddObservation{"Koud was alles over vroeger."});
  EXPECT_EQ(s.refused(D::pieter, command::AddObservation{"Klopt."}),
            RefusalCode::presenter_listens);
  s.ok(D::fenna, command::CloseGossip{});
  // The presenter's word comes in the last step, not here.
  EXPECT_EQ(s.refused(D::pieter, command::Reflect{"Klopt."}), RefusalCode::wrong_step);
  s.next();
  EXPECT_EQ(s.state().current_step()->kind, StepKind::presenter_reflection);
}

} // namespace
} // namespace intervisie::core::testing
