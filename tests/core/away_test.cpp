// SPDX-License-Identifier: EUPL-1.2
// While someone is away from their phone (no live connection), the facilitator acts for them: a
// flat battery must not stop the round. Only the facilitator, only while they are away, and never
// in what is private to them.
#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

// Incident, six people, in the question rounds; Fenna passed her first turn.
SessionDriver after_fenna_passed() {
  SessionDriver s("incident");
  s.to_question_rounds();
  s.ok(D::fenna, command::Pass{});
  return s;
}

TEST(Away, TheFacilitatorPassesForAnnaWhileHerPhoneIsOff) {
  SessionDriver s = after_fenna_passed();
  ASSERT_EQ(s.turn(), D::anna);
  s.away.add(D::anna);
  const Events passed = s.ok(D::fenna, command::Pass{D::anna});
  const auto& event = std::get<event::TurnPassed>(passed.front().body);
  EXPECT_EQ(event.participant, D::anna);
  EXPECT_EQ(event.recorded_by, D::fenna);
  EXPECT_EQ(s.turn(), D::bram) << "the round goes on";
}

TEST(Away, NotWhileAnnaIsConnected) {
  SessionDriver s = after_fenna_passed();
  EXPECT_EQ(s.refused(D::fenna, command::Pass{D::anna}), RefusalCode::has_own_device);
  s.away.add(D::bram);
  EXPECT_EQ(s.refused(D::fenna, command::Pass{D::anna}), RefusalCode::has_own_device)
      << "only the one who is away";
}

TEST(Away, TheFacilitatorAsksAQuestionAnnaSaidOutLoudFromAnotherSeat) {
  SessionDriver s = after_fenna_passed();
  s.away.add(D::anna);
  s.ok(D::fenna, command::AskQuestion{"", D::anna});
  EXPECT_EQ(s.state().questions.back().asker, D::anna);
  EXPECT_EQ(s.state().questions.back().recorded_by, D::fenna);
}

TEST(Away, OnlyTheFacilitatorActsForSomeoneAway) {
  SessionDriver s = after_fenna_passed();
  s.away.add(D::anna);
  EXPECT_EQ(s.refused(D::bram, command::Pass{D::anna}), RefusalCode::not_allowed_to_record);
}

TEST(Away, OnlyWhoFacilitatesNowActsForSomeoneAway) {
  SessionDriver s("balint");
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::SetStatement{"Ik wil vaker nee zeggen."});
  s.next();
  s.ok(D::fenna, command::Pass{});
  s.ok(D::fenna, command::HandOverFacilitator{D::bram});
  s.away.add(D::anna);
  EXPECT_EQ(s.refused(D::fenna, command::Pass{D::anna}), RefusalCode::not_allowed_to_record);
  s.ok(D::bram, command::Pass{D::anna});
}

TEST(Away, TheScribeKeepsOnlyItsOwnRights) {
  SessionDriver s("fresh-questioning");
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::AssignScribe{D::anna});
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::SetStatement{"Ik wil vaker nee zeggen."});
  s.next(); // the questions, on the scribe's flip chart
  s.away.add(D::bram);
  s.ok(D::fenna, command::Pass{});
  s.ok(D::anna, command::Pass{}); // the scribe's own turn
  ASSERT_EQ(s.turn(), D::bram);
  s.ok(D::anna, command::AskQuestion{"Wat wil je?", D::bram}); // the flip chart, as before
  s.ok(D::pieter, command::RateQuestion{std::nullopt, Rating::warm});
  s.next(true); // the reflection of the advisers: nothing more for the scribe
  EXPECT_EQ(s.refused(D::anna, command::AddObservation{"Viel op.", D::bram}),
            RefusalCode::has_own_device);
  s.ok(D::fenna, command::AddObservation{"Viel op.", D::bram});
}

TEST(Away, TheFacilitatorSpeaksForAPresenterWhoIsAway) {
  SessionDriver s("incident");
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::ProposeIssue{"Ik zeg te vaak ja."});
  s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
  s.next();
  EXPECT_EQ(s.refused(D::fenna, command::SetStatement{"Ik wil vaker nee zeggen."}),
            RefusalCode::not_allowed_for_role);
  s.away.add(D::pieter);
  s.ok(D::fenna, command::SetStatement{"Ik wil vaker nee zeggen."});
  EXPECT_EQ(s.state().statement(), "Ik wil vaker nee zeggen.");
  EXPECT_EQ(s.refused(D::fenna, command::WritePrivateNote{"Van mij."}),
            RefusalCode::not_allowed_for_role)
      << "the presenter's own notes stay theirs";
}

TEST(Away, ADraftOfSomeoneAwayStaysTheirs) {
  SessionDriver s("balint");
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::SetStatement{"Ik wil vaker nee zeggen."});
  s.next(true);
  s.ok(D::fenna, command::CloseRounds{});
  s.next(true); // written advice
  s.ok(D::anna, command::WriteDraft{"Mijn advies."});
  s.away.add(D::anna);
  EXPECT_EQ(s.refused(D::fenna, command::WriteDraft{"Iets anders.", D::anna}),
            RefusalCode::has_own_device);
  s.next(true); // sharing, in turn: Fenna first, then Anna
  s.ok(D::fenna, command::Pass{});
  ASSERT_EQ(s.turn(), D::anna);
  EXPECT_EQ(s.refused(D::fenna, command::ShareAdvice{"De kern.", D::anna}),
            RefusalCode::has_own_device)
      << "sharing would hand over a draft only Anna has seen";
  s.ok(D::fenna, command::Pass{D::anna});
}

} // namespace
} // namespace intervisie::core::testing
