// SPDX-License-Identifier: EUPL-1.2
// Question rounds: a fixed turn order over the advisers; one question or a pass per turn;
// the presenter answers (or in Fresh Questioning rates) before the next turn; a follow-up
// waits; a declined question is a boundary; a round in which everyone passes ends it all.
#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

// Six people: Fenna facilitates and takes turns, Pieter presents, Anna (the scribe in Fresh
// Questioning), Bram, Carla and Daan advise. The turn order is Fenna, Anna, Bram, Carla, Daan.
SessionDriver at_questions(const std::string& method_id = "incident") {
  SessionDriver s(method_id);
  if (method_id == "incident") {
    s.ok(D::fenna, command::Start{});
    s.ok(D::pieter, command::ProposeIssue{"Ik wil iets."});
    s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
    s.next();
  } else {
    s.ok(D::fenna, command::AssignPresenter{D::pieter});
    if (method_id == "fresh-questioning")
      s.ok(D::fenna, command::AssignScribe{D::anna});
    s.ok(D::fenna, command::Start{});
  }
  s.ok(D::pieter, command::SetStatement{"Ik weet niet hoe ik nee zeg tegen mijn leidinggevende."});
  s.next();
  EXPECT_EQ(s.state().current_step()->kind, StepKind::question_rounds);
  return s;
}

const std::vector<ParticipantId> advisers{D::fenna, D::anna, D::bram, D::carla, D::daan};

void everyone_after_fenna_passes(SessionDriver& s) {
  for (ParticipantId adviser : {D::anna, D::bram, D::carla, D::daan})
    s.ok(adviser, command::Pass{});
}

TEST(QuestionRounds, TurnsFollowAFixedOrderOfTheAdvisers) {
  SessionDriver s = at_questions();
  EXPECT_EQ(s.state().step.turns.order, advisers);
  EXPECT_EQ(s.turn(), D::fenna);
  for (std::size_t i = 0; i < advisers.size(); ++i) {
    EXPECT_EQ(s.turn(), advisers[i]);
    s.ok(advisers[i], command::AskQuestion{"Wat gebeurt er dan precies?"});
    s.ok(D::pieter, command::AnswerQuestion{});
  }
  EXPECT_EQ(s.turn(), D::fenna); // round two begins where round one began
  EXPECT_EQ(s.state().step.turns.round, 2);
}

TEST(QuestionRounds, OnlyTheTurnHolderAsks) {
  SessionDriver s = at_questions();
  EXPECT_EQ(s.refused(D::bram, command::AskQuestion{"Wat wil je?"}), RefusalCode::not_your_turn);
  EXPECT_EQ(s.refused(D::bram, command::Pass{}), RefusalCode::not_your_turn);
}

TEST(QuestionRounds, ThePresenterDoesNotAskQuestions) {
  SessionDriver s = at_questions();
  EXPECT_EQ(s.refused(D::pieter, command::AskQuestion{"Wat wil ik?"}),
            RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::pieter, command::Pass{}), RefusalCode::not_allowed_for_role);
}

TEST(QuestionRounds, ThePresenterAnswersAtOnceBeforeTheNextTurn) {
  SessionDriver s = at_questions();
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  EXPECT_EQ(s.state().step.turns.awaiting, QuestionId{1});
  EXPECT_EQ(s.turn(), D::fenna);
  EXPECT_EQ(s.refused(D::anna, command::AskQuestion{"Wie beslist er?"}),
            RefusalCode::not_your_turn);
  s.ok(D::pieter, command::AnswerQuestion{"Mijn eigen twijfel."});
  EXPECT_EQ(s.state().questions[0].outcome, QuestionOutcome::answered);
  EXPECT_EQ(s.state().questions[0].answer_note, "Mijn eigen twijfel.");
  EXPECT_FALSE(s.state().step.turns.awaiting.has_value());
  EXPECT_EQ(s.turn(), D::anna);
}

TEST(QuestionRounds, AnAnswerPendingBlocksTheFloor) {
  SessionDriver s = at_questions();
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  EXPECT_EQ(s.refused(D::fenna, command::AskQuestion{"En verder?"}), RefusalCode::answer_pending);
  EXPECT_EQ(s.refused(D::fenna, command::Pass{}), RefusalCode::answer_pending);
  EXPECT_EQ(s.refused(D::fenna, command::CloseRounds{}), RefusalCode::answer_pending);
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{}), RefusalCode::answer_pending);
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{true}), RefusalCode::answer_pending);
  s.ok(D::pieter, command::AnswerQuestion{});
  s.ok(D::fenna, command::CloseRounds{});
}

TEST(QuestionRounds, FollowUpWaitsForYourNextTurn) {
  SessionDriver s = at_questions();
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  s.ok(D::pieter, command::AnswerQuestion{});
  EXPECT_EQ(s.refused(D::fenna, command::AskQuestion{"En wat doe je dan?"}),
            RefusalCode::not_your_turn);
  everyone_after_fenna_passes(s);
  EXPECT_EQ(s.turn(), D::fenna);
  s.ok(D::fenna, command::AskQuestion{"En wat doe je dan?"});
  EXPECT_EQ(s.state().questions.back().round, 2);
}

TEST(QuestionRounds, YouMayPass) {
  SessionDriver s = at_questions();
  s.ok(D::fenna, command::Pass{});
  EXPECT_EQ(s.turn(), D::anna);
  EXPECT_TRUE(s.state().questions.empty());
}

TEST(QuestionRounds, ARoundInWhichSomeoneAskedGoesOn) {
  SessionDriver s = at_questions();
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  s.ok(D::pieter, command::AnswerQuestion{});
  everyone_after_fenna_passes(s);
  EXPECT_FALSE(s.state().step.turns.closed);
  EXPECT_EQ(s.state().step.turns.round, 2);
}

TEST(QuestionRounds, ARoundInWhichEveryonePassesEndsTheRounds) {
  SessionDriver s = at_questions();
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  s.ok(D::pieter, command::AnswerQuestion{});
  everyone_after_fenna_passes(s);
  s.ok(D::fenna, command::Pass{});
  s.ok(D::anna, command::Pass{});
  s.ok(D::bram, command::Pass{});
  s.ok(D::carla, command::Pass{});
  EXPECT_FALSE(s.state().step.turns.closed);
  const Events last = s.ok(D::daan, command::Pass{});
  EXPECT_TRUE(s.state().step.turns.closed);
  EXPECT_FALSE(s.turn().has_value());
  ASSERT_EQ(last.size(), 2u);
  EXPECT_EQ(std::get<event::RoundsClosed>(last[1].body).reason,
            RoundsClosedReason::everyone_passed);
  // With the rounds over, moving on needs no confirmation.
  s.next();
  EXPECT_EQ(s.state().current_step()->kind, StepKind::gossip);
}

TEST(QuestionRounds, TheFacilitatorMayCloseTheRounds) {
  SessionDriver s = at_questions();
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  s.ok(D::pieter, command::AnswerQuestion{});
  const Events closed = s.ok(D::fenna, command::CloseRounds{});
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(std::get<event::RoundsClosed>(closed[0].body).reason, RoundsClosedReason::facilitator);
  EXPECT_TRUE(s.state().step.turns.closed);
  s.next();
}

TEST(QuestionRounds, OnlyTheFacilitatorClosesTheRounds) {
  SessionDriver s = at_questions();
  EXPECT_EQ(s.refused(D::anna, command::CloseRounds{}), RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::pieter, command::CloseRounds{}), RefusalCode::not_allowed_for_role);
}

TEST(QuestionRounds, ClosedRoundsTakeNoMoreQuestions) {
  SessionDriver s = at_questions();
  s.ok(D::fenna, command::CloseRounds{});
  EXPECT_EQ(s.refused(D::fenna, command::AskQuestion{"Nog eentje?"}), RefusalCode::rounds_closed);
  EXPECT_EQ(s.refused(D::anna, command::Pass{}), RefusalCode::rounds_closed);
  EXPECT_EQ(s.refused(D::fenna, command::CloseRounds{}), RefusalCode::rounds_closed);
}

TEST(QuestionRounds, MovingOnWhileTheRoundsAreOpenNeedsConfirmation) {
  SessionDriver s = at_questions();
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{}), RefusalCode::step_rule_not_met);
  const Events events = s.ok(D::fenna, command::NextStep{true});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(std::get<event::RoundsClosed>(events[0].body).reason, RoundsClosedReason::facilitator);
  EXPECT_TRUE(std::holds_alternative<event::StepStarted>(events[1].body));
}

TEST(QuestionRounds, NoAnswerWithoutAQuestion) {
  SessionDriver s = at_questions();
  EXPECT_EQ(s.refused(D::pieter, command::AnswerQuestion{}), RefusalCode::no_question_pending);
  EXPECT_EQ(s.refused(D::pieter, command::DeclineQuestion{}), RefusalCode::no_question_pending);
}

TEST(QuestionRounds, OnlyThePresenterAnswers) {
  SessionDriver s = at_questions();
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  EXPECT_EQ(s.refused(D::anna, command::AnswerQuestion{}), RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::anna, command::DeclineQuestion{}), RefusalCode::not_allowed_for_role);
}

TEST(QuestionRounds, TheFacilitatorMayTapTheAnswerForThePresenter) {
  // One laptop on a beamer: the facilitator records that the presenter answered.
  SessionDriver s = at_questions();
  s.ok(D::fenna, command::Pass{});
  s.ok(D::anna, command::AskQuestion{"Wat maakt het lastig?"});
  s.ok(D::fenna, command::AnswerQuestion{});
  EXPECT_EQ(s.state().questions[0].outcome, QuestionOutcome::answered);
  EXPECT_EQ(s.turn(), D::bram);
}

TEST(QuestionRounds, ThePresenterMayDeclineAQuestion) {
  SessionDriver s = at_questions();
  s.ok(D::fenna, command::AskQuestion{"Waarom ben je eigenlijk zo bang voor hem?"});
  s.ok(D::pieter, command::DeclineQuestion{});
  const Question& declined = s.state().questions[0];
  EXPECT_EQ(declined.outcome, QuestionOutcome::declined);
  EXPECT_TRUE(declined.answer_note.empty());
  EXPECT_EQ(s.turn(), D::anna);
}

TEST(QuestionRounds, TheSameAdviserMayNotAskADeclinedQuestionAgain) {
  SessionDriver s = at_questions();
  s.ok(D::fenna, command::AskQuestion{"Waarom ben je zo bang voor hem?"});
  s.ok(D::pieter, command::DeclineQuestion{});
  everyone_after_fenna_passes(s);
  ASSERT_EQ(s.turn(), D::fenna);
  // Other case, spacing or punctuation do not make it another question.
  EXPECT_EQ(s.refused(D::fenna, command::AskQuestion{"waarom ben je  zo bang voor hem"}),
            RefusalCode::question_declined_before);
  EXPECT_EQ(s.refused(D::fenna, command::AskQuestion{"Waarom ben je zo bang voor hem?"}),
            RefusalCode::question_declined_before);
  s.ok(D::fenna, command::AskQuestion{"Wat zou er gebeuren als je nee zegt?"});
}

TEST(QuestionRounds, ADeclinedQuestionBindsOnlyItsAsker) {
  SessionDriver s = at_questions();
  s.ok(D::fenna, command::AskQuestion{"Waarom ben je zo bang voor hem?"});
  s.ok(D::pieter, command::DeclineQuestion{});
  // The boundary was set to Fenna's question; Anna may still try her own.
  s.ok(D::anna, command::AskQuestion{"Waarom ben je zo bang voor hem?"});
}

TEST(QuestionRounds, QuestionsBelongToTheQuestionRounds) {
  SessionDriver s("balint", 4);
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  EXPECT_EQ(s.refused(D::fenna, command::AskQuestion{"Wat is er?"}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(D::pieter, command::AnswerQuestion{}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(D::pieter, command::DeclineQuestion{}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(D::fenna, command::CloseRounds{}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(D::fenna, command::Pass{}), RefusalCode::wrong_step);
}

TEST(QuestionRounds, AWrittenQuestionNeedsTextASpokenOneDoesNot) {
  SessionDriver written = at_questions("fresh-questioning");
  EXPECT_EQ(written.refused(D::fenna, command::AskQuestion{" "}), RefusalCode::text_empty);
  SessionDriver spoken = at_questions("incident");
  spoken.ok(D::fenna, command::AskQuestion{" "});
  EXPECT_EQ(spoken.state().questions.back().text, "");
}

TEST(QuestionRounds, InBalintThePresenterAnswersAtOnce) {
  SessionDriver s = at_questions("balint");
  EXPECT_EQ(s.state().current_step()->answer_mode, AnswerMode::answer);
  EXPECT_FALSE(s.state().current_step()->open_questions); // need not be open in Balint
  s.ok(D::fenna, command::AskQuestion{"Is het je leidinggevende?"});
  EXPECT_EQ(s.refused(D::pieter, command::RateQuestion{std::nullopt, Rating::warm}),
            RefusalCode::wrong_step);
  s.ok(D::pieter, command::AnswerQuestion{});
  EXPECT_EQ(s.turn(), D::anna);
}

TEST(QuestionRounds, RatingBelongsToFreshQuestioning) {
  SessionDriver s = at_questions("incident");
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  EXPECT_EQ(s.refused(D::pieter, command::RateQuestion{std::nullopt, Rating::warm}),
            RefusalCode::wrong_step);
}

TEST(QuestionRounds, InFreshQuestioningThePresenterRatesInsteadOfAnswering) {
  SessionDriver s = at_questions("fresh-questioning");
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  EXPECT_EQ(s.refused(D::pieter, command::AnswerQuestion{}), RefusalCode::wrong_step);
  s.ok(D::pieter, command::RateQuestion{std::nullopt, Rating::warm});
  const Question& rated = s.state().questions[0];
  EXPECT_EQ(rated.outcome, QuestionOutcome::rated);
  EXPECT_EQ(rated.rating, Rating::warm);
  EXPECT_FALSE(rated.rating_recorded_by.has_value());
  EXPECT_EQ(s.turn(), D::anna);
}

TEST(QuestionRounds, AQuestionIsRatedWarmLukewarmOrCold) {
  SessionDriver s = at_questions("fresh-questioning");
  const Rating ratings[] = {Rating::warm, Rating::lukewarm, Rating::cold};
  const ParticipantId askers[] = {D::fenna, D::anna, D::bram};
  for (int i = 0; i < 3; ++i) {
    s.ok(askers[i], command::AskQuestion{"Vraag " + std::to_string(i)});
    s.ok(D::pieter, command::RateQuestion{std::nullopt, ratings[i]});
  }
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(s.state().questions[static_cast<std::size_t>(i)].rating, ratings[i]);
}

TEST(QuestionRounds, ARatingIsAwaitedBeforeTheNextTurn) {
  SessionDriver s = at_questions("fresh-questioning");
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  EXPECT_EQ(s.refused(D::fenna, command::Pass{}), RefusalCode::answer_pending);
  EXPECT_EQ(s.refused(D::anna, command::AskQuestion{"Wie nog meer?"}), RefusalCode::not_your_turn);
}

TEST(QuestionRounds, OnlyThePresenterOrTheScribeRates) {
  SessionDriver s = at_questions("fresh-questioning");
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  EXPECT_EQ(s.refused(D::bram, command::RateQuestion{std::nullopt, Rating::cold}),
            RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::fenna, command::RateQuestion{std::nullopt, Rating::cold}),
            RefusalCode::not_allowed_for_role);
}

TEST(QuestionRounds, TheScribeRecordsTheQuestionOfTheTurnHolder) {
  SessionDriver s = at_questions("fresh-questioning");
  ASSERT_EQ(s.state().scribe, D::anna);
  s.ok(D::anna, command::AskQuestion{"Wat maakt het lastig?", D::fenna});
  const Question& recorded = s.state().questions[0];
  EXPECT_EQ(recorded.asker, D::fenna);
  EXPECT_EQ(recorded.recorded_by, D::anna);
}

TEST(QuestionRounds, TheScribeRecordsTheRating) {
  SessionDriver s = at_questions("fresh-questioning");
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  s.ok(D::anna, command::RateQuestion{std::nullopt, Rating::lukewarm});
  const Question& rated = s.state().questions[0];
  EXPECT_EQ(rated.rating, Rating::lukewarm);
  EXPECT_EQ(rated.rating_recorded_by, D::anna);
  EXPECT_EQ(s.turn(), D::anna);
}

TEST(QuestionRounds, TheScribeRecordsAPassOfTheTurnHolder) {
  SessionDriver s = at_questions("fresh-questioning");
  const Events passed = s.ok(D::anna, command::Pass{D::fenna});
  ASSERT_EQ(passed.size(), 1u);
  EXPECT_EQ(std::get<event::TurnPassed>(passed[0].body).participant, D::fenna);
  EXPECT_EQ(std::get<event::TurnPassed>(passed[0].body).recorded_by, D::anna);
  EXPECT_EQ(s.turn(), D::anna);
}

TEST(QuestionRounds, TheScribeRecordsOnlyForTheTurnHolder) {
  SessionDriver s = at_questions("fresh-questioning");
  EXPECT_EQ(s.refused(D::anna, command::AskQuestion{"Wie nog meer?", D::bram}),
            RefusalCode::not_their_turn);
  EXPECT_EQ(s.refused(D::anna, command::Pass{D::bram}), RefusalCode::not_their_turn);
  EXPECT_EQ(s.refused(D::anna, command::AskQuestion{"Wie nog meer?", ParticipantId{12}}),
            RefusalCode::unknown_participant);
  EXPECT_EQ(s.refused(D::anna, command::AskQuestion{"Wie nog meer?", D::pieter}),
            RefusalCode::not_allowed_for_role);
}

TEST(QuestionRounds, OnlyTheScribeOrTheFacilitatorRecordsForSomeoneElse) {
  SessionDriver fresh = at_questions("fresh-questioning");
  EXPECT_EQ(fresh.refused(D::bram, command::AskQuestion{"Wat is er?", D::fenna}),
            RefusalCode::not_allowed_to_record);
  SessionDriver incident = at_questions("incident");
  EXPECT_EQ(incident.refused(D::anna, command::AskQuestion{"Wat is er?", D::fenna}),
            RefusalCode::not_allowed_to_record);
  // Outside the scribe's flip chart, nobody types for someone who has a device of their own.
  EXPECT_EQ(incident.refused(D::fenna, command::Pass{D::anna}), RefusalCode::has_own_device);
}

TEST(QuestionRounds, TheScribeMayCorrectAnEarlierRating) {
  SessionDriver s = at_questions("fresh-questioning");
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  s.ok(D::pieter, command::RateQuestion{std::nullopt, Rating::warm});
  s.ok(D::anna, command::AskQuestion{"Wie helpt je?"});
  s.ok(D::anna, command::RateQuestion{QuestionId{1}, Rating::cold});
  EXPECT_EQ(s.state().questions[0].rating, Rating::cold);
  // Correcting an earlier rating does not settle the question on the table.
  EXPECT_EQ(s.state().step.turns.awaiting, QuestionId{2});
}

TEST(QuestionRounds, ADeclinedQuestionGetsNoRating) {
  SessionDriver s = at_questions("fresh-questioning");
  s.ok(D::fenna, command::AskQuestion{"Waarom doe je zo?"});
  s.ok(D::pieter, command::DeclineQuestion{});
  EXPECT_EQ(s.state().questions[0].outcome, QuestionOutcome::declined);
  EXPECT_EQ(s.refused(D::pieter, command::RateQuestion{QuestionId{1}, Rating::cold}),
            RefusalCode::question_declined);
}

TEST(QuestionRounds, OnlyAskedQuestionsAreRated) {
  SessionDriver s = at_questions("fresh-questioning");
  EXPECT_EQ(s.refused(D::pieter, command::RateQuestion{std::nullopt, Rating::warm}),
            RefusalCode::no_question_pending);
  EXPECT_EQ(s.refused(D::pieter, command::RateQuestion{QuestionId{7}, Rating::warm}),
            RefusalCode::unknown_question);
  EXPECT_EQ(s.refused(D::pieter, command::RateQuestion{QuestionId{0}, Rating::warm}),
            RefusalCode::unknown_question);
}

} // namespace
} // namespace intervisie::core::testing
