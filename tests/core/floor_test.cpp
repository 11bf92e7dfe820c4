// Who has the word: every screen says it, so it must be true at every moment of a method.
#include "core/session/floor.hpp"

#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;
using Who = Floor::Who;
using Doing = Floor::Doing;

Floor floor_of(const SessionDriver& s) {
  return floor(s.state(), s.now);
}

// Incident, six people: the issue chosen, Pieter presents; the session at the statement step.
SessionDriver at_statement() {
  SessionDriver s("incident");
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::ProposeIssue{"Ik zeg te vaak ja."});
  s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
  s.next();
  return s;
}

TEST(Floor, NobodyHasTheWordBeforeTheStart) {
  SessionDriver s("incident");
  EXPECT_EQ(floor_of(s).doing, Doing::gathering);
  EXPECT_EQ(floor_of(s).who, Who::nobody);
}

TEST(Floor, EveryoneCollectsIssuesUntilOneIsChosen) {
  SessionDriver s("incident");
  s.ok(D::fenna, command::Start{});
  EXPECT_EQ(floor_of(s), (Floor{Who::everyone, std::nullopt, Doing::collecting}));
  s.ok(D::pieter, command::ProposeIssue{"Ik zeg te vaak ja."});
  s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
  EXPECT_EQ(floor_of(s).doing, Doing::done);
}

TEST(Floor, ThePresenterNamesTheIssue) {
  SessionDriver s = at_statement();
  EXPECT_EQ(floor_of(s), (Floor{Who::presenter, D::pieter, Doing::naming}));
}

TEST(Floor, DuringTheTimeToThinkNobodySpeaks) {
  SessionDriver s = at_statement();
  s.ok(D::pieter, command::SetStatement{"Ik wil vaker nee zeggen."});
  s.ok(D::pieter, command::StartPreparation{});
  EXPECT_EQ(floor_of(s), (Floor{Who::advisers, std::nullopt, Doing::preparing}))
      << "the presenter has said it; now everyone thinks";
  s.ok(D::fenna, command::EndPreparation{});
  EXPECT_EQ(floor_of(s).doing, Doing::done);
}

TEST(Floor, TheTurnHolderAsksAndThePresenterAnswers) {
  SessionDriver s = at_statement();
  s.ok(D::pieter, command::SetStatement{"Ik wil vaker nee zeggen."});
  s.next();
  EXPECT_EQ(floor_of(s), (Floor{Who::participant, D::fenna, Doing::asking}));
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  EXPECT_EQ(floor_of(s), (Floor{Who::presenter, D::pieter, Doing::answering}));
  s.ok(D::pieter, command::AnswerQuestion{});
  EXPECT_EQ(floor_of(s), (Floor{Who::participant, D::anna, Doing::asking}));
  s.ok(D::fenna, command::CloseRounds{});
  EXPECT_EQ(floor_of(s).doing, Doing::done);
}

TEST(Floor, AfterTheGossipTheWordIsThePresenters) {
  SessionDriver s = at_statement();
  s.ok(D::pieter, command::SetStatement{"Ik wil vaker nee zeggen."});
  s.next();
  s.next(true);
  ASSERT_EQ(s.step_id(), "gossip");
  EXPECT_EQ(floor_of(s), (Floor{Who::advisers, std::nullopt, Doing::discussing}));
  s.ok(D::fenna, command::CloseGossip{});
  EXPECT_EQ(floor_of(s), (Floor{Who::presenter, D::pieter, Doing::reflecting}));
  s.ok(D::pieter, command::Reflect{"Het klopt."});
  EXPECT_EQ(floor_of(s).doing, Doing::done);
}

TEST(Floor, ADisturbanceAndAPauseHoldTheWord) {
  SessionDriver s = at_statement();
  s.ok(D::anna, command::RaiseDisturbance{""});
  EXPECT_EQ(floor_of(s).doing, Doing::disturbance);
  s.ok(D::fenna, command::ResolveDisturbance{});
  s.ok(D::fenna, command::Pause{});
  EXPECT_EQ(floor_of(s).doing, Doing::paused);
}

TEST(Floor, NextInLineGoesRoundInQuestionRoundsAndOnceInAdvice) {
  SessionDriver s = at_statement();
  s.ok(D::pieter, command::SetStatement{"Ik wil vaker nee zeggen."});
  s.next();
  EXPECT_EQ(next_turn(s.state()), D::anna);
  for (const ParticipantId who : {D::fenna, D::anna, D::bram, D::carla})
    s.ok(who, command::Pass{});
  ASSERT_EQ(s.turn(), D::daan);
  EXPECT_EQ(next_turn(s.state()), D::fenna) << "the next round begins with the first again";
  s.ok(D::fenna, command::CloseRounds{});
  EXPECT_EQ(next_turn(s.state()), std::nullopt);
}

} // namespace
} // namespace intervisie::core::testing
