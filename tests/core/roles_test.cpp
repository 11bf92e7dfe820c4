// SPDX-License-Identifier: EUPL-1.2
// Roles: one facilitator, one presenter, advisers (and in Fresh Questioning a scribe);
// 2 to 8 people, never more; fewer than 5 is allowed but reported.
#include "session_driver.hpp"

#include <algorithm>

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

bool has_role(const SessionState& state, ParticipantId who, Role role) {
  const std::vector<Role> roles = state.roles_of(who);
  return std::ranges::find(roles, role) != roles.end();
}

// A Balint session with Pieter presenting, started.
void start_balint(SessionDriver& s) {
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
}

TEST(Roles, TheFirstPersonIsTheFacilitator) {
  SessionDriver s("balint", 1);
  ASSERT_EQ(s.state().participants.size(), 1u);
  EXPECT_EQ(s.state().participants.front().name, "Fenna");
  EXPECT_EQ(s.state().facilitator, D::fenna);
  EXPECT_TRUE(has_role(s.state(), D::fenna, Role::facilitator));
}

TEST(Roles, EightPeopleFitInOneSession) {
  SessionDriver s("balint", 8);
  EXPECT_EQ(s.state().participants.size(), 8u);
  EXPECT_EQ(s.state().participants.back().id, D::gijs);
}

TEST(Roles, NinthPersonFindsTheGroupFull) {
  SessionDriver s("balint", 8);
  EXPECT_EQ(s.refused(std::nullopt, command::Join{"Iris"}), RefusalCode::group_full);
  EXPECT_EQ(s.state().participants.size(), 8u);
}

TEST(Roles, NinthPersonFindsTheGroupFullAlsoOnceStarted) {
  SessionDriver s("balint", 8);
  start_balint(s);
  EXPECT_EQ(s.refused(std::nullopt, command::Join{"Iris"}), RefusalCode::group_full);
}

TEST(Roles, OnePersonCannotStartASession) {
  SessionDriver s("incident", 1);
  EXPECT_EQ(s.refused(D::fenna, command::Start{}), RefusalCode::too_few_participants);
}

TEST(Roles, TwoPeopleAreEnoughToStart) {
  SessionDriver s("balint", 2);
  start_balint(s);
  EXPECT_EQ(s.state().phase, Phase::running);
  EXPECT_EQ(s.state().turn_order(), std::vector<ParticipantId>{D::fenna});
}

TEST(Roles, FewerThanFiveIsAllowedButReportedAsASmallGroup) {
  SessionDriver s("balint", 4);
  EXPECT_TRUE(s.state().small_group());
  start_balint(s);
  EXPECT_EQ(s.state().phase, Phase::running);
  EXPECT_TRUE(s.state().small_group());
  s.join("Eva");
  EXPECT_FALSE(s.state().small_group());
}

TEST(Roles, FiveToEightIsNotASmallGroup) {
  for (std::size_t people = 5; people <= 8; ++people) {
    SessionDriver s("balint", people);
    EXPECT_FALSE(s.state().small_group()) << people << " people";
  }
  for (std::size_t people = 1; people < 5; ++people) {
    SessionDriver s("balint", people);
    EXPECT_TRUE(s.state().small_group()) << people << " people";
  }
}

TEST(Roles, EveryNameIsUsedOnceInASession) {
  SessionDriver s("balint", 3);
  EXPECT_EQ(s.refused(std::nullopt, command::Join{"Anna"}), RefusalCode::name_taken);
  // Case, spacing and punctuation do not make another name.
  EXPECT_EQ(s.refused(std::nullopt, command::Join{"  fenna!"}), RefusalCode::name_taken);
  s.join("Anna-Lena");
}

TEST(Roles, ALookAlikeOfANameInTheSessionIsThatName) {
  SessionDriver s("balint", 3);
  EXPECT_EQ(s.refused(std::nullopt, command::Join{"\xD0\x90nna"}), RefusalCode::name_taken)
      << "a Cyrillic A";
  EXPECT_EQ(s.refused(std::nullopt, command::Join{"\xEF\xBC\xA1NNA"}), RefusalCode::name_taken)
      << "full-width";
  EXPECT_EQ(s.refused(std::nullopt, command::Join{"Ann\xE2\x80\x8B"
                                                  "a"}),
            RefusalCode::invalid_text)
      << "an invisible character is never part of a name";
  EXPECT_EQ(s.refused(std::nullopt, command::Join{"\xE2\x80\xAE"
                                                  "annA"}),
            RefusalCode::invalid_text)
      << "nor a right-to-left override";
}

TEST(Roles, ANameIsAtMostSixtyCharacters) {
  SessionDriver s("balint", 1);
  EXPECT_EQ(s.refused(std::nullopt, command::Join{std::string(61, 'a')}),
            RefusalCode::name_too_long);
  s.join(std::string(60, 'a'));
  // Characters, not bytes: sixty times "é" is 120 bytes and fits.
  std::string accented;
  for (int i = 0; i < 60; ++i)
    accented += "é";
  s.join(accented);
}

TEST(Roles, ANameIsRequired) {
  SessionDriver s("balint", 1);
  EXPECT_EQ(s.refused(std::nullopt, command::Join{"   "}), RefusalCode::text_empty);
}

TEST(Roles, StrangersCannotAct) {
  SessionDriver s("balint", 3);
  EXPECT_EQ(s.refused(ParticipantId{42}, command::Start{}), RefusalCode::unknown_participant);
  EXPECT_EQ(s.refused(std::nullopt, command::Start{}), RefusalCode::unknown_participant);
  start_balint(s);
  EXPECT_EQ(s.refused(ParticipantId{0}, command::RaiseDisturbance{"Hallo?"}),
            RefusalCode::unknown_participant);
}

TEST(Roles, OnlyTheFacilitatorAssignsRoles) {
  SessionDriver s("fresh-questioning", 4);
  EXPECT_EQ(s.refused(D::anna, command::AssignPresenter{D::pieter}),
            RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::anna, command::AssignScribe{D::bram}), RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::anna, command::HandOverFacilitator{D::anna}),
            RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::anna, command::Start{}), RefusalCode::not_allowed_for_role);
}

TEST(Roles, RolesGoOnlyToParticipants) {
  SessionDriver s("fresh-questioning", 4);
  EXPECT_EQ(s.refused(D::fenna, command::AssignPresenter{ParticipantId{9}}),
            RefusalCode::unknown_participant);
  EXPECT_EQ(s.refused(D::fenna, command::AssignScribe{ParticipantId{9}}),
            RefusalCode::unknown_participant);
  EXPECT_EQ(s.refused(D::fenna, command::HandOverFacilitator{ParticipantId{9}}),
            RefusalCode::unknown_participant);
}

TEST(Roles, TheFacilitatorCannotPresent) {
  SessionDriver s("balint", 4);
  EXPECT_EQ(s.refused(D::fenna, command::AssignPresenter{D::fenna}),
            RefusalCode::facilitator_cannot_present);
}

TEST(Roles, ThePresenterCannotTakeOverTheFacilitation) {
  SessionDriver s("balint", 4);
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  EXPECT_EQ(s.refused(D::fenna, command::HandOverFacilitator{D::pieter}),
            RefusalCode::facilitator_cannot_present);
}

TEST(Roles, TheScribeCannotPresent) {
  SessionDriver s("fresh-questioning", 4);
  s.ok(D::fenna, command::AssignScribe{D::anna});
  EXPECT_EQ(s.refused(D::fenna, command::AssignPresenter{D::anna}),
            RefusalCode::scribe_cannot_present);
}

TEST(Roles, ThePresenterCannotBeTheScribe) {
  SessionDriver s("fresh-questioning", 4);
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  EXPECT_EQ(s.refused(D::fenna, command::AssignScribe{D::pieter}),
            RefusalCode::scribe_cannot_present);
}

TEST(Roles, OnlyFreshQuestioningHasAScribe) {
  SessionDriver incident("incident", 4);
  EXPECT_EQ(incident.refused(D::fenna, command::AssignScribe{D::anna}),
            RefusalCode::no_scribe_in_method);
  SessionDriver balint("balint", 4);
  EXPECT_EQ(balint.refused(D::fenna, command::AssignScribe{D::anna}),
            RefusalCode::no_scribe_in_method);
}

TEST(Roles, FreshQuestioningDoesNotStartWithoutAScribe) {
  SessionDriver s("fresh-questioning", 4);
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  EXPECT_EQ(s.refused(D::fenna, command::Start{}), RefusalCode::scribe_required);
  s.ok(D::fenna, command::AssignScribe{D::anna});
  s.ok(D::fenna, command::Start{});
}

TEST(Roles, TheScribeIsOneOfTheAdvisers) {
  SessionDriver s("fresh-questioning", 4);
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::AssignScribe{D::anna});
  EXPECT_TRUE(has_role(s.state(), D::anna, Role::scribe));
  EXPECT_TRUE(has_role(s.state(), D::anna, Role::adviser));
  EXPECT_TRUE(has_role(s.state(), D::pieter, Role::presenter));
  EXPECT_FALSE(has_role(s.state(), D::pieter, Role::adviser));
  s.ok(D::fenna, command::Start{});
  const auto& order = s.state().turn_order();
  EXPECT_NE(std::ranges::find(order, D::anna), order.end());
}

TEST(Roles, WithoutAnInventoryTheFacilitatorAssignsThePresenterBeforeTheStart) {
  SessionDriver s("balint", 4);
  EXPECT_EQ(s.refused(D::fenna, command::Start{}), RefusalCode::presenter_required);
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  EXPECT_EQ(s.state().presenter, D::pieter);
  // Until the start the choice may change.
  s.ok(D::fenna, command::AssignPresenter{D::anna});
  EXPECT_EQ(s.state().presenter, D::anna);
  s.ok(D::fenna, command::Start{});
}

TEST(Roles, ThePresenterIsFixedOnceTheSessionStarted) {
  SessionDriver s("balint", 4);
  start_balint(s);
  EXPECT_EQ(s.refused(D::fenna, command::AssignPresenter{D::anna}),
            RefusalCode::presenter_already_chosen);
}

TEST(Roles, InTheIncidentMethodTheInventoryChoosesThePresenter) {
  SessionDriver s("incident", 4);
  EXPECT_EQ(s.refused(D::fenna, command::AssignPresenter{D::pieter}), RefusalCode::wrong_step);
  // The session starts without a presenter: the inventory comes first.
  s.ok(D::fenna, command::Start{});
  EXPECT_FALSE(s.state().presenter.has_value());
}

TEST(Roles, SomeoneMustBeLeftToAskQuestions) {
  // An external facilitator takes no turns: with only a presenter beside them, nobody asks.
  SessionDriver s("balint", 2, false);
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  EXPECT_EQ(s.refused(D::fenna, command::Start{}), RefusalCode::no_advisers);
  s.join("Anna");
  s.ok(D::fenna, command::Start{});
}

TEST(Roles, AnExternalFacilitatorTakesNoTurns) {
  SessionDriver s("balint", 5, false);
  start_balint(s);
  EXPECT_FALSE(s.state().is_adviser(D::fenna));
  EXPECT_FALSE(has_role(s.state(), D::fenna, Role::adviser));
  EXPECT_EQ(s.state().turn_order(), (std::vector<ParticipantId>{D::anna, D::bram, D::carla}));
}

TEST(Roles, AnInternalFacilitatorTakesTurnsLikeTheAdvisers) {
  SessionDriver s("balint", 5);
  start_balint(s);
  EXPECT_TRUE(has_role(s.state(), D::fenna, Role::facilitator));
  EXPECT_TRUE(has_role(s.state(), D::fenna, Role::adviser));
  EXPECT_EQ(s.state().turn_order(),
            (std::vector<ParticipantId>{D::fenna, D::anna, D::bram, D::carla}));
}

TEST(Roles, TheFacilitatorCanHandTheRoleToAnother) {
  SessionDriver s("balint", 4);
  start_balint(s);
  s.ok(D::fenna, command::HandOverFacilitator{D::anna});
  EXPECT_EQ(s.state().facilitator, D::anna);
  EXPECT_FALSE(has_role(s.state(), D::fenna, Role::facilitator));
  // There is still exactly one facilitator: the old one no longer guides the steps.
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{true}), RefusalCode::not_allowed_for_role);
  s.ok(D::pieter, command::SetStatement{"Ik wil rustiger blijven."});
  s.ok(D::anna, command::NextStep{});
}

TEST(Roles, HandingTheRoleToTheFacilitatorThemselvesIsRefused) {
  SessionDriver s("balint", 4);
  EXPECT_EQ(s.refused(D::fenna, command::HandOverFacilitator{D::fenna}),
            RefusalCode::already_facilitator);
}

TEST(Roles, ALatecomerJoinsTheTurnOrderAtTheEnd) {
  SessionDriver s("balint", 4);
  start_balint(s);
  s.ok(D::pieter, command::SetStatement{"Ik wil rustiger blijven."});
  s.next();
  ASSERT_EQ(s.state().current_step()->kind, StepKind::question_rounds);
  const ParticipantId carla = s.join("Carla");
  EXPECT_EQ(s.state().step.turns.order,
            (std::vector<ParticipantId>{D::fenna, D::anna, D::bram, carla}));
}

// A turn is always held by someone who may take it. An external facilitator takes no turns;
// handing the facilitation over would take someone out of the turn order (and put the old
// facilitator in), so with an external facilitator that waits until the rounds are over.
TEST(Roles, AnExternalFacilitatorHandsOverOnlyBetweenRounds) {
  SessionDriver s("balint", 5, false);
  start_balint(s);
  s.ok(D::pieter, command::SetStatement{"Ik wil rustiger blijven."});
  s.next();
  ASSERT_EQ(s.turn(), D::anna);
  EXPECT_EQ(s.refused(D::fenna, command::HandOverFacilitator{D::anna}),
            RefusalCode::rounds_in_progress);
  EXPECT_EQ(s.refused(D::fenna, command::HandOverFacilitator{D::bram}),
            RefusalCode::rounds_in_progress);
  s.ok(D::fenna, command::CloseRounds{});
  s.ok(D::fenna, command::HandOverFacilitator{D::anna});
  EXPECT_EQ(s.state().facilitator, D::anna);
  EXPECT_FALSE(s.state().is_adviser(D::anna));
  EXPECT_TRUE(s.state().is_adviser(D::fenna));
  // The next step's order follows the new roles.
  s.ok(D::anna, command::NextStep{});
  for (ParticipantId adviser : s.state().turn_order())
    s.ok(adviser, command::WriteDraft{"Iets."});
  s.ok(D::anna, command::NextStep{});
  EXPECT_EQ(s.state().step.turns.order, (std::vector<ParticipantId>{D::fenna, D::bram, D::carla}));
  EXPECT_EQ(s.refused(D::anna, command::HandOverFacilitator{D::fenna}),
            RefusalCode::rounds_in_progress);
}

TEST(Roles, AnInternalFacilitatorHandsOverAtAnyTime) {
  SessionDriver s("balint", 5);
  start_balint(s);
  s.ok(D::pieter, command::SetStatement{"Ik wil rustiger blijven."});
  s.next();
  ASSERT_EQ(s.turn(), D::fenna);
  s.ok(D::fenna, command::HandOverFacilitator{D::anna});
  // Both take turns either way, so the order stays as it was.
  EXPECT_EQ(s.turn(), D::fenna);
  s.ok(D::fenna, command::AskQuestion{"Wat gebeurt er dan met je?"});
}

} // namespace
} // namespace intervisie::core::testing
