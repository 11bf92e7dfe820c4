// SPDX-License-Identifier: EUPL-1.2
// Coming back on another device: a person takes back their own place only when someone in the
// group vouches for them. The facilitator admits anyone but themself; anyone admits the
// facilitator; a logged-in member's account is proof enough.
#include "session_driver.hpp"

#include "core/session/view.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

ReturnId request_of(const Events& events) {
  return std::get<event::ReturnRequested>(events.front().body).request;
}

TEST(Returns, AStrangerWithTheLinkWaitsForTheFacilitator) {
  SessionDriver s("incident");
  const Events asked = s.ok(std::nullopt, command::RequestReturn{D::anna});
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_FALSE(asked.front().actor.has_value()) << "the new device has no id yet";
  const ReturnId request = request_of(asked);
  EXPECT_EQ(request, ReturnId{1});
  ASSERT_EQ(s.state().returns.size(), 1u);
  EXPECT_EQ(s.state().returns.front().participant, D::anna);
  EXPECT_EQ(s.state().returns.front().at, s.now);
  EXPECT_EQ(s.state().return_outcomes.front(), ReturnOutcome::waiting);
  EXPECT_EQ(s.refused(D::bram, command::AdmitReturn{request}), RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::anna, command::AdmitReturn{request}), RefusalCode::not_allowed_for_role)
      << "the old phone cannot vouch for the new one";
  const Events admitted = s.ok(D::fenna, command::AdmitReturn{request});
  EXPECT_EQ(std::get<event::ReturnAdmitted>(admitted.front().body).participant, D::anna);
  EXPECT_TRUE(s.state().returns.empty());
  EXPECT_EQ(s.state().return_outcomes.front(), ReturnOutcome::admitted);
  EXPECT_EQ(s.refused(D::fenna, command::AdmitReturn{request}), RefusalCode::unknown_request)
      << "decided once";
}

TEST(Returns, TheFacilitatorDeclinesAStrangerAndNothingChangesForAnna) {
  SessionDriver s("incident");
  const ReturnId request = request_of(s.ok(std::nullopt, command::RequestReturn{D::anna}));
  s.ok(D::fenna, command::DeclineReturn{request});
  EXPECT_TRUE(s.state().returns.empty());
  EXPECT_EQ(s.state().return_outcomes.front(), ReturnOutcome::declined);
  EXPECT_EQ(s.refused(D::fenna, command::DeclineReturn{request}), RefusalCode::unknown_request);
  EXPECT_EQ(s.refused(D::fenna, command::AdmitReturn{ReturnId{7}}), RefusalCode::unknown_request);
}

TEST(Returns, ANewerRequestForTheSamePlaceReplacesThePendingOne) {
  SessionDriver s("incident");
  const ReturnId first = request_of(s.ok(std::nullopt, command::RequestReturn{D::anna}));
  s.ok(std::nullopt, command::RequestReturn{D::bram});
  const ReturnId second = request_of(s.ok(std::nullopt, command::RequestReturn{D::anna}));
  EXPECT_EQ(second, ReturnId{3});
  ASSERT_EQ(s.state().returns.size(), 2u);
  EXPECT_EQ(s.state().return_outcomes[0], ReturnOutcome::replaced);
  EXPECT_EQ(s.refused(D::fenna, command::AdmitReturn{first}), RefusalCode::unknown_request);
  s.ok(D::fenna, command::AdmitReturn{second});
}

TEST(Returns, AnyoneVouchesForTheFacilitatorButNotTheFacilitatorThemself) {
  SessionDriver s("incident");
  const ReturnId request = request_of(s.ok(std::nullopt, command::RequestReturn{D::fenna}));
  EXPECT_EQ(s.refused(D::fenna, command::AdmitReturn{request}), RefusalCode::not_allowed_for_role);
  s.ok(D::carla, command::AdmitReturn{request});
  EXPECT_EQ(s.state().return_outcomes.front(), ReturnOutcome::admitted);
}

TEST(Returns, AProvenReturnIsAdmittedAtOnce) {
  SessionDriver s("incident");
  const Events events = s.ok(std::nullopt, command::RequestReturn{D::anna, true});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<event::ReturnAdmitted>(events.back().body));
  EXPECT_FALSE(events.back().actor.has_value());
  EXPECT_TRUE(s.state().returns.empty());
}

TEST(Returns, PassEveryGateButTheEnd) {
  SessionDriver s("balint");
  s.ok(D::anna, command::RaiseDisturbance{"Mijn telefoon is leeg."});
  s.ok(D::fenna,
       command::AdmitReturn{request_of(s.ok(std::nullopt, command::RequestReturn{D::anna}))});
  s.ok(D::fenna, command::ResolveDisturbance{});
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  s.ok(D::fenna, command::Pause{});
  const ReturnId paused = request_of(s.ok(std::nullopt, command::RequestReturn{D::bram}));
  s.ok(D::fenna, command::DeclineReturn{paused});
  s.ok(D::fenna, command::Resume{});
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  const ReturnId late = request_of(s.ok(std::nullopt, command::RequestReturn{D::carla}));
  while (s.state().phase != Phase::finished)
    s.next(true);
  EXPECT_EQ(s.refused(std::nullopt, command::RequestReturn{D::carla}),
            RefusalCode::session_finished);
  EXPECT_EQ(s.refused(D::fenna, command::AdmitReturn{late}), RefusalCode::session_finished);
}

TEST(Returns, AnUnknownPlaceCannotBeAskedFor) {
  SessionDriver s("incident");
  EXPECT_EQ(s.refused(std::nullopt, command::RequestReturn{ParticipantId{42}}),
            RefusalCode::unknown_participant);
  EXPECT_EQ(s.refused(std::nullopt, command::RequestReturn{ParticipantId{0}}),
            RefusalCode::unknown_participant);
}

TEST(Returns, SomeoneWithoutADeviceComesBackToTheirPlaceOnAPhone) {
  SessionDriver s("incident", 3);
  const Events added = s.ok(D::fenna, command::AddParticipant{"Bram"});
  const ParticipantId bram = std::get<event::ParticipantAdded>(added.front().body).participant;
  EXPECT_EQ(s.refused(std::nullopt, command::Join{"bram"}), RefusalCode::place_without_device);
  EXPECT_EQ(place_to_claim(s.state(), "bram."), bram) << "the same name, as joining compares";
  EXPECT_EQ(place_to_claim(s.state(), "Anna").error().code, RefusalCode::no_place_to_claim)
      << "Anna has her own phone";
  EXPECT_EQ(place_to_claim(s.state(), "Zoë").error().code, RefusalCode::no_place_to_claim);
  EXPECT_EQ(place_to_claim(s.state(), "").error().code, RefusalCode::text_empty);
  const ReturnId request = request_of(s.ok(std::nullopt, command::RequestReturn{bram}));
  EXPECT_FALSE(s.state().find_participant(bram)->has_device) << "not before it is admitted";
  s.ok(D::fenna, command::AdmitReturn{request});
  EXPECT_TRUE(s.state().find_participant(bram)->has_device);
  EXPECT_EQ(s.state().participants.size(), 4u) << "the same place, not a new one";
  EXPECT_EQ(place_to_claim(s.state(), "Bram").error().code, RefusalCode::no_place_to_claim);
}

TEST(Returns, AStoredClaimOfAPlaceStillFolds) {
  SessionDriver s("incident", 3);
  s.ok(D::fenna, command::AddParticipant{"Bram"});
  std::vector<Event> history = s.history();
  history.push_back(Event{s.now, D::bram, event::PlaceClaimed{D::bram}});
  EXPECT_TRUE(replay(history).find_participant(D::bram)->has_device);
}

TEST(Returns, TheWallDoesNotShowWhoAsksToComeBack) {
  SessionDriver s("incident");
  const Events asked = s.ok(std::nullopt, command::RequestReturn{D::anna});
  EXPECT_EQ(view(s.state(), D::bram).returns.size(), 1u);
  EXPECT_TRUE(view(s.state(), ParticipantId{0}).returns.empty());
  const SessionState before =
      replay(std::vector<Event>(s.history().begin(), s.history().end() - 1));
  EXPECT_TRUE(view(asked.front(), before, D::bram).has_value());
  EXPECT_FALSE(view(asked.front(), before, ParticipantId{0}).has_value());
}

} // namespace
} // namespace intervisie::core::testing
