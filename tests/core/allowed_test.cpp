// SPDX-License-Identifier: EUPL-1.2
// What the server tells each participant they may do now, the floor, the facilitator's
// readiness to move on and who is next: all asked of the rules themselves.
#include "core/session/allowed.hpp"
#include "core/session/floor.hpp"
#include "core/session/readiness.hpp"
#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;
namespace cmd = command;

template <class Kind> bool may(const SessionDriver& s, ParticipantId viewer) {
  return allowed(s.state(), viewer, s.now, s.away).test(kind_index<Kind>);
}
template <class Kind>
bool may_for(const SessionDriver& s, ParticipantId viewer, ParticipantId who) {
  return allowed_for(s.state(), viewer, who, s.now, s.away).test(kind_index<Kind>);
}

// Incident, six people, in the question rounds after the statement: Fenna holds the first turn.
SessionDriver question_rounds() {
  SessionDriver s("incident");
  s.to_question_rounds();
  return s;
}

Floor floor_of(const SessionDriver& s) {
  return floor(s.state(), s.now);
}

TEST(May, TheTurnHolderMayAskOrPassAndTheOthersMayNot) {
  const SessionDriver s = question_rounds();
  EXPECT_TRUE(may<cmd::AskQuestion>(s, D::fenna));
  EXPECT_TRUE(may<cmd::Pass>(s, D::fenna));
  EXPECT_FALSE(may<cmd::AskQuestion>(s, D::anna));
  EXPECT_FALSE(may<cmd::AnswerQuestion>(s, D::pieter)) << "nothing on the table yet";
  EXPECT_TRUE(may<cmd::NextStep>(s, D::fenna)) << "past the open rounds, once confirmed";
  EXPECT_FALSE(may<cmd::NextStep>(s, D::anna));
  EXPECT_FALSE(may<cmd::Join>(s, D::anna)) << "joining is HTTP's, never a command";
  EXPECT_FALSE(may<cmd::RequestReturn>(s, D::anna));
}

TEST(May, ThePresenterMayAnswerWhileAQuestionIsOnTheTable) {
  SessionDriver s = question_rounds();
  s.ok(D::fenna, cmd::AskQuestion{""});
  EXPECT_TRUE(may<cmd::AnswerQuestion>(s, D::pieter));
  EXPECT_TRUE(may<cmd::DeclineQuestion>(s, D::pieter));
  EXPECT_FALSE(may<cmd::Pass>(s, D::anna));
  EXPECT_TRUE(may<cmd::NoteKeyPoint>(s, D::fenna)) << "her own question, asked out loud";
  EXPECT_FALSE(may<cmd::NoteKeyPoint>(s, D::bram));
  EXPECT_FALSE(may<cmd::NextStep>(s, D::fenna)) << "a hard rule: the answer first";
}

TEST(May, ACommandRefusedOnlyForItsTextStillCounts) {
  EXPECT_TRUE(accepts(std::unexpected(Refusal{RefusalCode::text_empty})));
  EXPECT_TRUE(accepts(std::unexpected(Refusal{RefusalCode::question_declined_before})));
  EXPECT_TRUE(accepts(std::unexpected(Refusal{RefusalCode::key_point_too_long})));
  EXPECT_FALSE(accepts(std::unexpected(Refusal{RefusalCode::not_your_turn})));
}

TEST(May, NothingAfterTheEndAndNeverForTheSharedScreen) {
  SessionDriver s("balint");
  EXPECT_TRUE(allowed(s.state(), ParticipantId{0}, s.now).none());
  s.ok(D::fenna, cmd::AssignPresenter{D::pieter});
  s.ok(D::fenna, cmd::Start{});
  s.ok(D::pieter, cmd::SetStatement{"Ik wil iets."});
  while (s.state().phase != Phase::finished)
    s.next(true);
  EXPECT_TRUE(allowed(s.state(), D::fenna, s.now).none());
}

TEST(MayFor, TheFacilitatorMayPassForSomeoneAwayButNotForSomeoneHere) {
  SessionDriver s = question_rounds();
  s.ok(D::fenna, cmd::Pass{});
  EXPECT_FALSE(may_for<cmd::Pass>(s, D::fenna, D::anna));
  s.away.add(D::anna);
  EXPECT_TRUE(may_for<cmd::Pass>(s, D::fenna, D::anna));
  EXPECT_FALSE(may_for<cmd::Pass>(s, D::fenna, D::bram)) << "not Bram's turn";
  EXPECT_FALSE(may_for<cmd::Pass>(s, D::bram, D::anna)) << "only the facilitator";
  EXPECT_TRUE(allowed_for(s.state(), D::fenna, D::fenna, s.now, s.away).none());
}

TEST(NextStepReadiness, SaysWhatIsMissingInWords) {
  SessionDriver s("incident");
  s.ok(D::fenna, cmd::Start{});
  EXPECT_EQ(next_step_readiness(s.state(), s.now),
            (NextStepReadiness{.ready = false, .missing = RefusalCode::issue_not_chosen}));
  s.ok(D::pieter, cmd::ProposeIssue{"Ik zeg te vaak ja."});
  s.ok(D::fenna, cmd::ChooseIssue{CandidateId{1}});
  EXPECT_EQ(next_step_readiness(s.state(), s.now), (NextStepReadiness{.ready = true}));
  s.next();
  EXPECT_EQ(next_step_readiness(s.state(), s.now).missing, RefusalCode::statement_required);
  s.ok(D::pieter, cmd::SetStatement{"Ik wil vaker nee zeggen."});
  s.next();
  EXPECT_EQ(next_step_readiness(s.state(), s.now),
            (NextStepReadiness{
                .ready = false, .missing = RefusalCode::rounds_still_open, .confirm = true}));
  s.ok(D::fenna, cmd::AskQuestion{""});
  EXPECT_EQ(next_step_readiness(s.state(), s.now),
            (NextStepReadiness{.ready = false, .missing = RefusalCode::answer_pending}));
  s.ok(D::fenna, cmd::Pause{});
  EXPECT_EQ(next_step_readiness(s.state(), s.now).missing, RefusalCode::session_paused);
}

TEST(NextStepReadiness, NamesTheSoftRuleOfEveryStep) {
  SessionDriver s = question_rounds();
  s.ok(D::fenna, cmd::CloseRounds{});
  s.next();
  EXPECT_EQ(next_step_readiness(s.state(), s.now).missing, RefusalCode::gossip_still_open);
  s.ok(D::fenna, cmd::CloseGossip{});
  EXPECT_EQ(next_step_readiness(s.state(), s.now).missing, RefusalCode::reflection_missing);
  s.ok(D::pieter, cmd::Reflect{});
  s.next();
  EXPECT_EQ(next_step_readiness(s.state(), s.now).missing, RefusalCode::reframe_undecided);
  EXPECT_FALSE(next_step_readiness(s.state(), s.now).confirm);
  s.ok(D::pieter, cmd::KeepStatement{});
  s.next();
  EXPECT_EQ(next_step_readiness(s.state(), s.now).missing, RefusalCode::turns_remaining);
  s.next(true);
  EXPECT_EQ(next_step_readiness(s.state(), s.now).missing, RefusalCode::reaction_missing);
  s.next(true);
  EXPECT_EQ(next_step_readiness(s.state(), s.now).missing, RefusalCode::closing_remarks_missing);
}

TEST(Floor, IsTrueAtEveryMomentOfTheIncidentMethod) {
  SessionDriver s("incident");
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::everyone, std::nullopt, Activity::gathering}));
  s.ok(D::fenna, cmd::Start{});
  EXPECT_EQ(floor_of(s).doing, Activity::collecting);
  s.ok(D::pieter, cmd::ProposeIssue{"Ik zeg te vaak ja."});
  s.ok(D::fenna, cmd::ChooseIssue{CandidateId{1}});
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::nobody, std::nullopt, Activity::done}));
  s.next();
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::presenter, D::pieter, Activity::naming}));
  s.ok(D::pieter, cmd::SetStatement{"Ik wil vaker nee zeggen."});
  s.ok(D::pieter, cmd::StartPreparation{});
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::advisers, std::nullopt, Activity::preparing}))
      << "advisers think; nobody speaks";
  s.ok(D::fenna, cmd::EndPreparation{});
  EXPECT_EQ(floor_of(s).doing, Activity::done);
  s.next();
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::participant, D::fenna, Activity::asking}));
  s.ok(D::fenna, cmd::AskQuestion{""});
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::presenter, D::pieter, Activity::answering}));
  s.ok(D::pieter, cmd::AnswerQuestion{});
  s.ok(D::fenna, cmd::CloseRounds{});
  EXPECT_EQ(floor_of(s).doing, Activity::done);
  s.next();
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::advisers, std::nullopt, Activity::discussing}));
  s.ok(D::fenna, cmd::CloseGossip{});
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::presenter, D::pieter, Activity::reflecting}))
      << "after the gossip the presenter has the word";
  s.ok(D::pieter, cmd::Reflect{});
  EXPECT_EQ(floor_of(s).doing, Activity::done);
  s.next();
  EXPECT_EQ(floor_of(s).doing, Activity::naming);
  s.ok(D::pieter, cmd::KeepStatement{});
  s.next();
  EXPECT_EQ(floor_of(s).doing, Activity::preparing);
  s.ok(D::fenna, cmd::EndPreparation{});
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::participant, D::fenna, Activity::advising}));
  s.ok(D::fenna, cmd::Pause{});
  EXPECT_EQ(floor_of(s).doing, Activity::paused);
  s.ok(D::anna, cmd::RaiseDisturbance{"Brand."});
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::everyone, std::nullopt, Activity::disturbance}));
  s.ok(D::fenna, cmd::ResolveDisturbance{});
  s.ok(D::fenna, cmd::Resume{});
  s.next(true);
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::presenter, D::pieter, Activity::reacting}));
  s.next(true);
  EXPECT_EQ(floor_of(s).doing, Activity::closing);
  s.next(true);
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::nobody, std::nullopt, Activity::finished}));
}

TEST(Floor, BalintAdvisersWriteThenShareInTurn) {
  SessionDriver s("balint", 3);
  s.ok(D::fenna, cmd::AssignPresenter{D::pieter});
  s.ok(D::fenna, cmd::Start{});
  s.ok(D::pieter, cmd::SetStatement{"Ik wil iets."});
  s.next(true);
  s.next(true); // written advice
  if (s.state().preparing(s.now))
    s.ok(D::fenna, cmd::EndPreparation{});
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::advisers, std::nullopt, Activity::writing}));
  s.ok(D::fenna, cmd::WriteDraft{"Mijn advies."});
  s.ok(D::anna, cmd::WriteDraft{"Het hare."});
  EXPECT_EQ(floor_of(s).doing, Activity::done);
  s.next();
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::participant, D::fenna, Activity::sharing}));
}

TEST(Floor, FreshQuestioningRatesTheQuestion) {
  SessionDriver s("fresh-questioning", 4);
  s.ok(D::fenna, cmd::AssignPresenter{D::pieter});
  s.ok(D::fenna, cmd::AssignScribe{D::anna});
  s.ok(D::fenna, cmd::Start{});
  s.ok(D::pieter, cmd::SetStatement{"Ik wil iets."});
  s.next();
  s.ok(D::fenna, cmd::AskQuestion{"Wat wil je?"});
  EXPECT_EQ(floor_of(s), (Floor{FloorHolder::presenter, D::pieter, Activity::rating}));
}

TEST(TurnNext, WrapsInQuestionRoundsAndEndsAfterTheLastAdvice) {
  SessionDriver s = question_rounds();
  EXPECT_EQ(s.state().next_turn_holder(), D::anna);
  for (int i = 0; i < 4; ++i) {
    s.ok(*s.turn(), cmd::AskQuestion{""});
    s.ok(D::pieter, cmd::AnswerQuestion{});
  }
  EXPECT_EQ(s.turn(), D::daan);
  EXPECT_EQ(s.state().next_turn_holder(), D::fenna) << "round and round";
  s.ok(D::fenna, cmd::CloseRounds{});
  EXPECT_FALSE(s.state().next_turn_holder().has_value());
  s.next();
  s.ok(D::fenna, cmd::CloseGossip{});
  s.next(true);
  s.ok(D::pieter, cmd::KeepStatement{});
  s.next();
  s.ok(D::fenna, cmd::EndPreparation{});
  for (int i = 0; i < 4; ++i)
    s.ok(*s.turn(), cmd::Pass{});
  EXPECT_EQ(s.turn(), D::daan);
  EXPECT_FALSE(s.state().next_turn_holder().has_value()) << "advice goes round once";
}

} // namespace
} // namespace intervisie::core::testing
