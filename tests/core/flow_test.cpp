// SPDX-License-Identifier: EUPL-1.2
// Moving through a method and keeping time: the facilitator advances steps (hard rules can
// never be skipped, soft rules only with confirmation), adjusts the step's time, pauses and
// resumes; a disturbance stops everything until resolved; a case once started is finished.
#include "session_driver.hpp"

#include <algorithm>
#include <numeric>
#include <set>

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// One command of every kind, with arguments that would make sense in some step.
std::vector<CommandBody> one_of_each_command() {
  return {command::Join{"Zara"},
          command::AssignPresenter{D::anna},
          command::AssignScribe{D::anna},
          command::HandOverFacilitator{D::anna},
          command::Start{},
          command::NextStep{true},
          command::AdjustTime{60},
          command::RaiseDisturbance{"Het brandalarm gaat."},
          command::ResolveDisturbance{},
          command::Pause{},
          command::Resume{},
          command::ProposeIssue{"Ik wil iets."},
          command::WithdrawIssue{CandidateId{1}},
          command::Vote{CandidateId{1}},
          command::ChooseIssue{CandidateId{1}},
          command::SetStatement{"Ik wil iets."},
          command::StartPreparation{},
          command::EndPreparation{},
          command::AskQuestion{"Wat maakt het lastig?"},
          command::Pass{},
          command::AnswerQuestion{"Mijn twijfel."},
          command::DeclineQuestion{},
          command::RateQuestion{std::nullopt, Rating::warm},
          command::CloseRounds{},
          command::AddObservation{"Het werd stil."},
          command::CloseGossip{},
          command::Reflect{"Dat klopt."},
          command::Reframe{"Ik wil iets anders."},
          command::KeepStatement{},
          command::GiveAdvice{"zou ik wachten."},
          command::WriteDraft{"Ik zou wachten."},
          command::ShareAdvice{"Wacht."},
          command::React{"Morgen.", "Later."},
          command::ClosingRemark{"Fijn."},
          command::WritePrivateNote{"Voor mij."},
          command::SetCoachHints{false},
          command::AddParticipant{"Bram"},
          command::AddNote{"Patroon: vrijdag."},
          command::SetContributions{Contributions::written},
          command::NoteKeyPoint{QuestionId{1}, std::nullopt, "De kern."},
          command::RequestReturn{D::anna},
          command::AdmitReturn{ReturnId{1}},
          command::DeclineReturn{ReturnId{1}}};
}

// Arriving and coming back pass every gate but the end: whatever the group is doing.
bool lets_someone_in(const CommandBody& body) {
  return std::holds_alternative<command::Join>(body) ||
         std::holds_alternative<command::AddParticipant>(body) ||
         std::holds_alternative<command::RequestReturn>(body) ||
         std::holds_alternative<command::AdmitReturn>(body) ||
         std::holds_alternative<command::DeclineReturn>(body);
}

TEST(Flow, TheSampleHoldsEveryKindOfCommand) {
  std::set<std::size_t> kinds;
  for (const CommandBody& body : one_of_each_command())
    kinds.insert(body.index());
  EXPECT_EQ(kinds.size(), std::variant_size_v<CommandBody>);
}

SessionDriver started(const std::string& method_id, std::size_t people = 6) {
  SessionDriver s(method_id, people);
  if (method_id != "incident") {
    s.ok(D::fenna, command::AssignPresenter{D::pieter});
    if (method_id == "fresh-questioning")
      s.ok(D::fenna, command::AssignScribe{D::anna});
  }
  s.ok(D::fenna, command::Start{});
  return s;
}

// Does what the current step is for, the short way, so that moving on needs no confirmation.
void do_the_step(SessionDriver& s, bool reframe) {
  const ParticipantId presenter = s.state().presenter.value_or(D::pieter);
  const Step& step = *s.state().current_step();
  switch (step.kind) {
  case StepKind::inventory:
    s.ok(D::pieter, command::ProposeIssue{"Ik wil iets."});
    s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
    break;
  case StepKind::statement:
    s.ok(presenter, command::SetStatement{"Ik wil iets."});
    s.ok(presenter, command::StartPreparation{});
    break;
  case StepKind::question_rounds:
    s.ok(*s.turn(), command::AskQuestion{"Wat maakt het lastig?"});
    if (step.answer_mode == AnswerMode::rate)
      s.ok(presenter, command::RateQuestion{std::nullopt, Rating::warm});
    else
      s.ok(presenter, command::AnswerQuestion{});
    s.ok(D::fenna, command::CloseRounds{});
    break;
  case StepKind::gossip:
    s.ok(D::anna, command::AddObservation{"Het werd stil."});
    s.ok(D::fenna, command::CloseGossip{});
    if (step.presenter_reflects)
      s.ok(presenter, command::Reflect{"Dat klopt."});
    break;
  case StepKind::reframe:
    if (reframe)
      s.ok(presenter, command::Reframe{"Ik wil iets anders."});
    else
      s.ok(presenter, command::KeepStatement{});
    break;
  case StepKind::advice:
    s.ok(D::fenna, command::EndPreparation{});
    while (s.turn())
      s.ok(*s.turn(), command::GiveAdvice{"zou ik wachten."});
    break;
  case StepKind::written_advice:
    for (ParticipantId adviser : s.state().turn_order())
      s.ok(adviser, command::WriteDraft{"Ik zou wachten."});
    break;
  case StepKind::share_advice:
    while (s.turn())
      s.ok(*s.turn(), command::ShareAdvice{"Wacht."});
    break;
  case StepKind::presenter_reaction:
    s.ok(presenter, command::React{"Morgen.", "Later."});
    break;
  case StepKind::presenter_reflection:
    s.ok(presenter, command::Reflect{"Dat zegt me veel."});
    break;
  case StepKind::closing:
    for (const Participant& p : std::vector<Participant>(s.state().participants))
      s.ok(p.id, command::ClosingRemark{"Fijn."});
    break;
  }
}

// --- moving on -------------------------------------------------------------------------------

TEST(Flow, TheSessionStartsAtTheMethodsFirstStep) {
  SessionDriver s("balint", 4);
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  const Events events = s.ok(D::fenna, command::Start{});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<event::SessionStarted>(events[0].body));
  EXPECT_EQ(std::get<event::StepStarted>(events[1].body).step, 0u);
  EXPECT_EQ(s.state().phase, Phase::running);
}

TEST(Flow, NothingHappensBeforeTheStart) {
  SessionDriver s("balint", 4);
  for (const CommandBody& body : one_of_each_command()) {
    const bool lobby_command = lets_someone_in(body) ||
                               std::holds_alternative<command::AssignPresenter>(body) ||
                               std::holds_alternative<command::AssignScribe>(body) ||
                               std::holds_alternative<command::HandOverFacilitator>(body) ||
                               std::holds_alternative<command::Start>(body) ||
                               std::holds_alternative<command::SetCoachHints>(body) ||
                               std::holds_alternative<command::SetContributions>(body) ||
                               std::holds_alternative<command::RaiseDisturbance>(body) ||
                               std::holds_alternative<command::ResolveDisturbance>(body);
    if (!lobby_command) {
      EXPECT_EQ(s.refused(D::fenna, body), RefusalCode::not_started) << "command #" << body.index();
    }
  }
}

TEST(Flow, ASessionStartsOnce) {
  SessionDriver s = started("balint");
  EXPECT_EQ(s.refused(D::fenna, command::Start{}), RefusalCode::already_started);
}

TEST(Flow, OnlyTheFacilitatorMovesOn) {
  SessionDriver s = started("balint");
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  EXPECT_EQ(s.refused(D::pieter, command::NextStep{}), RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::anna, command::NextStep{true}), RefusalCode::not_allowed_for_role);
  s.next();
}

TEST(Flow, AHardRuleOfTheStepCannotBeConfirmedAway) {
  SessionDriver s = started("incident");
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{true}), RefusalCode::step_not_complete);
  do_the_step(s, false);
  s.next();
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{true}), RefusalCode::statement_required);
  do_the_step(s, false);
  s.next();
  s.ok(D::fenna, command::AskQuestion{"Wat?"});
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{true}), RefusalCode::answer_pending);
  s.ok(D::pieter, command::AnswerQuestion{});
  s.next(true);
  s.next(true);
  ASSERT_EQ(s.step_id(), "reframe");
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{true}), RefusalCode::step_not_complete);
}

TEST(Flow, ASoftRuleOfTheStepNeedsTheFacilitatorsConfirmation) {
  SessionDriver s = started("balint");
  do_the_step(s, false);
  s.next();
  ASSERT_EQ(s.state().current_step()->kind, StepKind::question_rounds);
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{false}), RefusalCode::step_rule_not_met);
  s.ok(D::fenna, command::NextStep{true});
  EXPECT_EQ(s.state().current_step()->kind, StepKind::written_advice);
}

TEST(Flow, TheStepsFollowTheMethodInOrder) {
  for (const std::string method_id : {"balint", "fresh-questioning"}) {
    SessionDriver s = started(method_id);
    while (s.state().phase == Phase::running) {
      do_the_step(s, false);
      s.next();
    }
    std::vector<std::size_t> expected(s.state().method->steps.size());
    std::iota(expected.begin(), expected.end(), 0u);
    EXPECT_EQ(s.state().visited_steps, expected) << method_id;
  }
}

// --- time ------------------------------------------------------------------------------------

TEST(Flow, EveryStepStartsWithItsSuggestedTime) {
  for (const bool reframe : {true, false}) {
    SessionDriver s = started("incident");
    while (s.state().phase == Phase::running) {
      const Step& step = *s.state().current_step();
      EXPECT_EQ(s.state().step.timer.started_at, s.now) << step.id;
      // The suggested minutes of the step, its time to prepare included.
      EXPECT_EQ(s.state().step.timer.planned, minutes{step.minutes + step.preparation_minutes})
          << step.id;
      EXPECT_GT(step.minutes, 0) << step.id;
      do_the_step(s, reframe);
      s.next();
    }
  }
}

TEST(Flow, TimeLeftIsComputedFromNow) {
  SessionDriver s = started("balint");
  const Instant start = s.now;
  const Duration planned = s.state().step.timer.planned;
  EXPECT_EQ(s.state().step.timer.started_at, start);
  EXPECT_EQ(s.state().time_left(start), planned);
  EXPECT_EQ(s.state().time_left(start + minutes{2}), planned - minutes{2});
  // The timer helps; it never forces: past the time the step simply goes on.
  EXPECT_EQ(s.state().time_left(start + planned + minutes{2}), minutes{-2});
  s.now = start + planned + minutes{2};
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  s.next();
}

TEST(Flow, TheFacilitatorExtendsOrShortensTheStep) {
  SessionDriver s = started("balint");
  const Duration planned = s.state().step.timer.planned;
  s.ok(D::fenna, command::AdjustTime{300});
  EXPECT_EQ(s.state().step.timer.planned, planned + minutes{5});
  s.ok(D::fenna, command::AdjustTime{-120});
  EXPECT_EQ(s.state().step.timer.planned, planned + minutes{3});
  EXPECT_EQ(s.state().time_left(s.state().step.timer.started_at + minutes{1}),
            planned + minutes{2});
}

TEST(Flow, OnlyTheFacilitatorAdjustsTheTime) {
  SessionDriver s = started("balint");
  EXPECT_EQ(s.refused(D::anna, command::AdjustTime{60}), RefusalCode::not_allowed_for_role);
}

TEST(Flow, TimeIsAdjustedWithinReason) {
  SessionDriver s = started("balint");
  const int planned =
      static_cast<int>(std::chrono::duration_cast<seconds>(s.state().step.timer.planned).count());
  EXPECT_EQ(s.refused(D::fenna, command::AdjustTime{0}), RefusalCode::time_out_of_range);
  EXPECT_EQ(s.refused(D::fenna, command::AdjustTime{4 * 3600 + 1}), RefusalCode::time_out_of_range);
  EXPECT_EQ(s.refused(D::fenna, command::AdjustTime{-4 * 3600 - 1}),
            RefusalCode::time_out_of_range);
  EXPECT_EQ(s.refused(D::fenna, command::AdjustTime{-planned - 1}), RefusalCode::time_out_of_range);
  s.ok(D::fenna, command::AdjustTime{-planned}); // down to nothing is possible
  s.ok(D::fenna, command::AdjustTime{4 * 3600});
  s.ok(D::fenna, command::AdjustTime{4 * 3600}); // eight hours in all
  EXPECT_EQ(s.refused(D::fenna, command::AdjustTime{1}), RefusalCode::time_out_of_range);
}

TEST(Flow, MoreTimeToThinkNeverTakesTimeFromTheConversation) {
  SessionDriver s = started("balint");
  const Duration planned = s.state().step.timer.planned;
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  s.ok(D::pieter, command::StartPreparation{});
  s.ok(D::fenna, command::AdjustTime{60});
  EXPECT_EQ(s.state().step.preparation->planned, minutes{4});
  EXPECT_EQ(s.state().step.timer.planned, planned + minutes{1});
  EXPECT_EQ(s.state().time_left(s.now), minutes{4} - seconds{10});
}

TEST(Flow, APauseStopsTheTimerAndResumingStartsIt) {
  SessionDriver s = started("balint");
  const Instant start = s.now;
  const Duration planned = s.state().step.timer.planned;
  s.ok(D::fenna, command::Pause{});
  const Instant paused_at = s.now;
  EXPECT_EQ(s.state().paused_since, paused_at);
  EXPECT_FALSE(s.state().step.timer.running());
  EXPECT_EQ(s.state().time_left(paused_at + hours{1}), planned - (paused_at - start));
  s.now = paused_at + hours{1} - seconds{10};
  s.ok(D::fenna, command::Resume{});
  EXPECT_FALSE(s.state().paused_since.has_value());
  EXPECT_TRUE(s.state().step.timer.running());
  EXPECT_EQ(s.state().time_left(s.now + minutes{1}), planned - minutes{1} - (paused_at - start));
}

TEST(Flow, WhilePausedOnlyResumingOrADisturbanceIsPossible) {
  SessionDriver s = started("balint");
  s.ok(D::fenna, command::Pause{});
  for (const CommandBody& body : one_of_each_command()) {
    // A late arrival may be added by name while the group waits, as they may join.
    if (lets_someone_in(body) || std::holds_alternative<command::Pause>(body) ||
        std::holds_alternative<command::Resume>(body) ||
        std::holds_alternative<command::RaiseDisturbance>(body) ||
        std::holds_alternative<command::ResolveDisturbance>(body))
      continue;
    for (ParticipantId actor : {D::fenna, D::pieter, D::anna})
      EXPECT_EQ(s.refused(actor, body), RefusalCode::session_paused)
          << "command #" << body.index() << " by " << actor.value;
  }
  s.ok(D::fenna, command::Resume{});
}

TEST(Flow, PausingAPausedSessionIsRefusedAsAlreadyPaused) {
  SessionDriver s = started("balint");
  s.ok(D::fenna, command::Pause{});
  EXPECT_EQ(s.refused(D::fenna, command::Pause{}), RefusalCode::already_paused);
}

TEST(Flow, ResumingNeedsAPause) {
  SessionDriver s = started("balint");
  EXPECT_EQ(s.refused(D::fenna, command::Resume{}), RefusalCode::not_paused);
}

TEST(Flow, OnlyTheFacilitatorPausesAndResumes) {
  SessionDriver s = started("balint");
  EXPECT_EQ(s.refused(D::anna, command::Pause{}), RefusalCode::not_allowed_for_role);
  s.ok(D::fenna, command::Pause{});
  EXPECT_EQ(s.refused(D::pieter, command::Resume{}), RefusalCode::not_allowed_for_role);
}

// --- a case once started is finished ---------------------------------------------------------

// At the start and at the end of every step, no command from anyone ends the session,
// except the facilitator moving on from the last step.
void expect_no_way_out(const SessionDriver& s, bool last_step_done) {
  const SessionState& state = s.state();
  const bool at_last_step = state.step.index + 1 == state.method->steps.size();
  std::vector<ParticipantId> actors;
  for (const Participant& p : state.participants)
    actors.push_back(p.id);
  actors.push_back(ParticipantId{99});
  for (const CommandBody& body : one_of_each_command()) {
    for (ParticipantId actor : actors) {
      const auto decided = decide(state, Command{actor, body}, s.now + seconds{1});
      if (!decided)
        continue;
      const bool finishes = std::ranges::any_of(*decided, [](const Event& e) {
        return std::holds_alternative<event::SessionFinished>(e.body);
      });
      const bool moving_on_from_the_end =
          at_last_step && std::holds_alternative<command::NextStep>(body);
      EXPECT_TRUE(!finishes || moving_on_from_the_end)
          << "command #" << body.index() << " by " << actor.value << " ended the session at step "
          << s.step_id() << (last_step_done ? " (done)" : " (begun)");
    }
  }
}

TEST(Flow, NoCommandAbandonsAStartedSession) {
  for (const std::string method_id : {"incident", "balint", "fresh-questioning"}) {
    for (const bool reframe : {true, false}) {
      SessionDriver s = started(method_id);
      while (s.state().phase == Phase::running) {
        expect_no_way_out(s, false);
        do_the_step(s, reframe);
        expect_no_way_out(s, true);
        s.next();
      }
      EXPECT_EQ(s.state().phase, Phase::finished) << method_id;
    }
  }
}

TEST(Flow, AFinishedSessionRefusesEverything) {
  SessionDriver s = started("balint");
  while (s.state().phase == Phase::running) {
    do_the_step(s, false);
    s.next();
  }
  for (const CommandBody& body : one_of_each_command())
    for (ParticipantId actor : {D::fenna, D::pieter, D::anna, ParticipantId{99}})
      EXPECT_EQ(s.refused(actor, body), RefusalCode::session_finished)
          << "command #" << body.index() << " by " << actor.value;
  EXPECT_EQ(s.refused(std::nullopt, command::Join{"Zara"}), RefusalCode::session_finished);
}

TEST(Flow, AFinishedSessionKeepsItsTime) {
  SessionDriver s = started("balint");
  while (s.state().phase == Phase::running) {
    do_the_step(s, false);
    s.next();
  }
  const Duration left = s.state().time_left(s.now);
  EXPECT_EQ(s.state().time_left(s.now + hours{3}), left);
}

// --- disturbances ----------------------------------------------------------------------------

TEST(Disturbance, AnyoneMayRaiseOneAtAnyTime) {
  SessionDriver s("balint", 4);
  s.ok(D::anna, command::RaiseDisturbance{"Ik moet zo weg."}); // even before the start
  s.ok(D::fenna, command::ResolveDisturbance{});
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::RaiseDisturbance{""}); // the reason may stay unspoken
  ASSERT_TRUE(s.state().disturbance.has_value());
  EXPECT_EQ(s.state().disturbance->raised_by, D::pieter);
  EXPECT_EQ(s.state().disturbance->at, s.now);
}

TEST(Disturbance, RaisedWithoutANameNamesNobody) {
  D s("balint");
  const Events raised = s.ok(D::anna, command::RaiseDisturbance{"Ik voel me niet veilig.", true});
  ASSERT_EQ(raised.size(), 1u);
  EXPECT_FALSE(raised.front().actor.has_value()) << "not even the stored event knows";
  ASSERT_TRUE(s.state().disturbance.has_value());
  EXPECT_FALSE(s.state().disturbance->raised_by.has_value());
  EXPECT_EQ(s.state().disturbance->text, "Ik voel me niet veilig.");
  EXPECT_EQ(s.refused(D::bram, command::RaiseDisturbance{"Nog een.", true}),
            RefusalCode::disturbance_open);
  s.ok(D::fenna, command::ResolveDisturbance{});
}

TEST(Disturbance, PausesTheTimerUntilTheFacilitatorResolvesIt) {
  SessionDriver s = started("balint");
  const Instant start = s.now;
  const Duration planned = s.state().step.timer.planned;
  s.ok(D::bram, command::RaiseDisturbance{"Er is iets gebeurd in mijn klas."});
  const Instant raised = s.now;
  EXPECT_FALSE(s.state().step.timer.running());
  const Duration left = s.state().time_left(raised);
  EXPECT_EQ(left, planned - (raised - start));
  EXPECT_EQ(s.state().time_left(raised + hours{2}), left);
  EXPECT_EQ(s.refused(D::bram, command::ResolveDisturbance{}), RefusalCode::not_allowed_for_role);
  s.now = raised + minutes{20};
  s.ok(D::fenna, command::ResolveDisturbance{});
  EXPECT_FALSE(s.state().disturbance.has_value());
  EXPECT_TRUE(s.state().step.timer.running());
  EXPECT_EQ(s.state().time_left(s.now), left);
  EXPECT_EQ(s.state().time_left(s.now + minutes{1}), left - minutes{1});
}

TEST(Disturbance, StopsThePreparationToo) {
  SessionDriver s = started("balint");
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  s.ok(D::pieter, command::StartPreparation{});
  s.ok(D::anna, command::RaiseDisturbance{"Telefoon."});
  EXPECT_TRUE(s.state().preparing(s.now + hours{1}));
  EXPECT_EQ(s.state().time_left(s.now + hours{1}), minutes{3} - seconds{10});
}

TEST(Disturbance, BlocksEverythingButResolvingIt) {
  SessionDriver s = started("balint");
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  s.ok(D::anna, command::RaiseDisturbance{"Het brandalarm gaat."});
  for (const CommandBody& body : one_of_each_command()) {
    if (lets_someone_in(body) || std::holds_alternative<command::ResolveDisturbance>(body))
      continue;
    for (ParticipantId actor : {D::fenna, D::pieter, D::anna})
      EXPECT_EQ(s.refused(actor, body), RefusalCode::disturbance_open)
          << "command #" << body.index() << " by " << actor.value;
  }
  s.ok(D::fenna, command::ResolveDisturbance{});
  s.next();
}

TEST(Disturbance, OneAtATime) {
  SessionDriver s = started("balint");
  s.ok(D::anna, command::RaiseDisturbance{"Eén."});
  EXPECT_EQ(s.refused(D::bram, command::RaiseDisturbance{"Twee."}), RefusalCode::disturbance_open);
}

TEST(Disturbance, OnlyAnOpenDisturbanceIsResolved) {
  SessionDriver s = started("balint");
  EXPECT_EQ(s.refused(D::fenna, command::ResolveDisturbance{}), RefusalCode::no_disturbance);
}

// Disturbances take priority, also during a pause: the facilitator can always resolve one,
// and the session can always be resumed afterwards.
TEST(Disturbance, TakesPriorityEvenDuringAPause) {
  SessionDriver s = started("balint");
  s.ok(D::fenna, command::Pause{});
  s.ok(D::anna, command::RaiseDisturbance{"Mijn kind is ziek."});
  s.ok(D::fenna, command::ResolveDisturbance{});
  s.ok(D::fenna, command::Resume{});
  EXPECT_TRUE(s.state().step.timer.running());
}

TEST(Disturbance, TheTimerRunsAgainAfterADisturbanceAndAfterAPause) {
  SessionDriver s = started("balint");
  s.ok(D::anna, command::RaiseDisturbance{"Lawaai."});
  s.ok(D::fenna, command::ResolveDisturbance{});
  s.ok(D::fenna, command::Pause{});
  EXPECT_FALSE(s.state().step.timer.running());
  s.ok(D::fenna, command::Resume{});
  EXPECT_TRUE(s.state().step.timer.running());
}

} // namespace
} // namespace intervisie::core::testing
