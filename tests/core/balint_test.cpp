// SPDX-License-Identifier: EUPL-1.2
// Balint: each adviser writes advice privately (nobody else sees it until it is shared), then
// in turn shares its essence and hands it to the presenter, without discussion.
#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

const std::vector<ParticipantId> advisers{D::fenna, D::anna, D::bram, D::carla, D::daan};
const std::vector<ParticipantId> everyone{D::fenna, D::pieter, D::anna, D::bram, D::carla, D::daan};

// A Balint session at its written advice, Pieter presenting.
SessionDriver writing(std::size_t people = 6, bool facilitator_takes_turns = true) {
  SessionDriver s("balint", people, facilitator_takes_turns);
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::SetStatement{"Ik wil beter omgaan met een boze ouder."});
  s.next();
  s.ok(*s.turn(), command::AskQuestion{"Is dat vaker gebeurd?"});
  s.ok(D::pieter, command::AnswerQuestion{});
  s.ok(D::fenna, command::CloseRounds{});
  s.next();
  EXPECT_EQ(s.state().current_step()->kind, StepKind::written_advice);
  return s;
}

// Everyone wrote a draft; the sharing step has begun.
SessionDriver sharing() {
  SessionDriver s = writing();
  for (ParticipantId adviser : advisers)
    s.ok(adviser, command::WriteDraft{"Advies van " + std::to_string(adviser.value)});
  s.next();
  EXPECT_EQ(s.state().current_step()->kind, StepKind::share_advice);
  return s;
}

bool sees_draft_of(const SessionState& state, ParticipantId viewer, ParticipantId author) {
  return view(state, viewer).find_draft(author) != nullptr;
}

TEST(Balint, TheAdvisersHaveFifteenToTwentyMinutesToWrite) {
  SessionDriver s = writing();
  const int planned = s.state().current_step()->minutes;
  EXPECT_GE(planned, 15);
  EXPECT_LE(planned, 20);
  EXPECT_EQ(s.state().time_left(s.now), std::chrono::minutes{planned});
}

TEST(Balint, ADraftIsSeenOnlyByItsAuthorUntilShared) {
  SessionDriver s = writing();
  s.ok(D::anna, command::WriteDraft{"Ik zou de ouder eerst laten uitrazen."});
  ASSERT_NE(s.state().find_draft(D::anna), nullptr);
  EXPECT_TRUE(sees_draft_of(s.state(), D::anna, D::anna));
  for (ParticipantId other : {D::fenna, D::pieter, D::bram, D::carla, D::daan})
    EXPECT_FALSE(sees_draft_of(s.state(), other, D::anna)) << "participant " << other.value;
}

TEST(Balint, ADraftIsDeliveredOnlyToItsAuthor) {
  SessionDriver s = writing();
  const SessionState before = s.state();
  const Events written = s.ok(D::anna, command::WriteDraft{"Ik zou de ouder laten uitrazen."});
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(view(written[0], before, D::anna), written[0]);
  for (ParticipantId other : {D::fenna, D::pieter, D::bram, D::carla, D::daan})
    EXPECT_FALSE(view(written[0], before, other).has_value()) << "participant " << other.value;
}

TEST(Balint, AnAdviserMayRewriteTheirDraft) {
  SessionDriver s = writing();
  s.ok(D::anna, command::WriteDraft{"Eerste versie."});
  s.ok(D::anna, command::WriteDraft{"Tweede versie."});
  EXPECT_EQ(s.state().drafts.size(), 1u);
  EXPECT_EQ(s.state().find_draft(D::anna)->text, "Tweede versie.");
}

TEST(Balint, ThePresenterWritesNoAdvice) {
  SessionDriver s = writing();
  EXPECT_EQ(s.refused(D::pieter, command::WriteDraft{"Ik zou..."}),
            RefusalCode::not_allowed_for_role);
}

TEST(Balint, AnExternalFacilitatorWritesNoAdvice) {
  SessionDriver s = writing(5, false);
  EXPECT_EQ(s.refused(D::fenna, command::WriteDraft{"Ik zou..."}),
            RefusalCode::not_allowed_for_role);
}

TEST(Balint, ADraftNeedsText) {
  SessionDriver s = writing();
  EXPECT_EQ(s.refused(D::anna, command::WriteDraft{""}), RefusalCode::text_empty);
}

TEST(Balint, MovingOnBeforeEveryoneWroteNeedsConfirmation) {
  SessionDriver s = writing();
  s.ok(D::anna, command::WriteDraft{"Iets."});
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{}), RefusalCode::step_rule_not_met);
  for (ParticipantId adviser : {D::fenna, D::bram, D::carla, D::daan})
    s.ok(adviser, command::WriteDraft{"Iets."});
  s.next();
  EXPECT_EQ(s.state().current_step()->kind, StepKind::share_advice);
}

TEST(Balint, SharingGoesInTurn) {
  SessionDriver s = sharing();
  EXPECT_EQ(s.state().step.turns.order, advisers);
  EXPECT_EQ(s.refused(D::anna, command::ShareAdvice{"Laat hem uitrazen."}),
            RefusalCode::not_your_turn);
  for (ParticipantId adviser : advisers) {
    EXPECT_EQ(s.turn(), adviser);
    s.ok(adviser, command::ShareAdvice{"De kern."});
  }
  EXPECT_TRUE(s.state().step.turns.closed);
  EXPECT_EQ(s.refused(D::fenna, command::ShareAdvice{"Nog iets."}), RefusalCode::rounds_closed);
}

TEST(Balint, SharingHandsTheAdviceToThePresenter) {
  SessionDriver s = sharing();
  EXPECT_FALSE(sees_draft_of(s.state(), D::pieter, D::fenna));
  s.ok(D::fenna, command::ShareAdvice{"Neem iemand mee naar het gesprek."});
  const Draft* shared = s.state().find_draft(D::fenna);
  ASSERT_NE(shared, nullptr);
  EXPECT_TRUE(shared->shared);
  EXPECT_EQ(shared->essence, "Neem iemand mee naar het gesprek.");
  for (ParticipantId viewer : everyone)
    EXPECT_TRUE(sees_draft_of(s.state(), viewer, D::fenna)) << "participant " << viewer.value;
  // Those not yet shared stay private.
  EXPECT_FALSE(sees_draft_of(s.state(), D::pieter, D::anna));
}

TEST(Balint, ASharedAdviceCannotBeRewritten) {
  SessionDriver s = sharing();
  s.ok(D::fenna, command::ShareAdvice{"De kern."});
  EXPECT_EQ(s.refused(D::fenna, command::WriteDraft{"Toch anders."}), RefusalCode::already_shared);
}

TEST(Balint, ADraftMayBeFinishedUntilItIsShared) {
  SessionDriver s = sharing();
  s.ok(D::daan, command::WriteDraft{"Bijgewerkt advies."});
  EXPECT_EQ(s.state().find_draft(D::daan)->text, "Bijgewerkt advies.");
}

TEST(Balint, WithNothingWrittenTheAdviserSharesAnEssenceOrPasses) {
  SessionDriver s = writing();
  s.ok(D::anna, command::WriteDraft{"Iets."});
  s.next(true);
  ASSERT_EQ(s.turn(), D::fenna);
  EXPECT_EQ(s.refused(D::fenna, command::ShareAdvice{""}), RefusalCode::nothing_to_share);
  s.ok(D::fenna, command::ShareAdvice{"Alleen de kern, gezegd."});
  EXPECT_TRUE(s.state().find_draft(D::fenna)->shared);
  EXPECT_EQ(s.turn(), D::anna);
  s.ok(D::anna, command::ShareAdvice{""}); // the draft itself is the advice
  ASSERT_EQ(s.turn(), D::bram);
  s.ok(D::bram, command::Pass{});
  EXPECT_EQ(s.turn(), D::carla);
}

TEST(Balint, ThePresenterDoesNotDiscussTheAdvice) {
  SessionDriver s = sharing();
  s.ok(D::fenna, command::ShareAdvice{"De kern."});
  EXPECT_EQ(s.refused(D::pieter, command::ShareAdvice{"Dat gaat niet."}),
            RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::pieter, command::AnswerQuestion{"Dat gaat niet."}),
            RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(D::pieter, command::React{"Dat gaat niet.", ""}), RefusalCode::wrong_step);
}

TEST(Balint, MovingOnBeforeEveryoneSharedNeedsConfirmation) {
  SessionDriver s = sharing();
  s.ok(D::fenna, command::ShareAdvice{"De kern."});
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{}), RefusalCode::step_rule_not_met);
  s.next(true);
  EXPECT_EQ(s.state().current_step()->kind, StepKind::presenter_reaction);
}

TEST(Balint, AdviceIsWrittenAndSharedOnlyInItsSteps) {
  SessionDriver s = writing();
  EXPECT_EQ(s.refused(D::fenna, command::ShareAdvice{"De kern."}), RefusalCode::wrong_step);
  SessionDriver early("balint", 4);
  early.ok(D::fenna, command::AssignPresenter{D::pieter});
  early.ok(D::fenna, command::Start{});
  EXPECT_EQ(early.refused(D::anna, command::WriteDraft{"Iets."}), RefusalCode::wrong_step);
  EXPECT_EQ(early.refused(D::anna, command::ShareAdvice{"Iets."}), RefusalCode::wrong_step);
}

TEST(Balint, ThePresenterReactsLast) {
  SessionDriver s = sharing();
  for (ParticipantId adviser : advisers)
    s.ok(adviser, command::ShareAdvice{"De kern."});
  s.next();
  EXPECT_EQ(s.state().current_step()->kind, StepKind::presenter_reaction);
  s.ok(D::pieter, command::React{"Ik neem een collega mee.", "Hoe ik rustig blijf."});
  s.next();
  EXPECT_EQ(s.state().phase, Phase::finished);
}

} // namespace
} // namespace intervisie::core::testing
