// SPDX-License-Identifier: EUPL-1.2
// One laptop is enough: the facilitator adds people by name; for them the facilitator or the
// scribe records what they say, only while they have no device of their own, and only what they
// may do now. Someone without a device can pick one up later and take over their own place.
// Contributions in spoken steps need no text; anyone but the presenter notes key points.
#include "core/report/presenter_record.hpp"
#include "core/session/view.hpp"
#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

// Fenna facilitates (on the beamer laptop), Pieter presents, Anna has a phone, and Bram, Carla
// and Daan are in the room without a device. Incident method, in the question rounds.
// Fenna adds `name` to the group, without a device; their new id.
ParticipantId add_without_device(SessionDriver& s, const std::string& name) {
  const Events events = s.ok(D::fenna, command::AddParticipant{name});
  return events.empty() ? ParticipantId{}
                        : std::get<event::ParticipantAdded>(events.front().body).participant;
}

struct OneLaptop {
  SessionDriver s{"incident", 3};
  ParticipantId bram, carla, daan;

  OneLaptop() {
    bram = add("Bram");
    carla = add("Carla");
    daan = add("Daan");
    s.ok(D::fenna, command::Start{});
    s.ok(D::pieter, command::ProposeIssue{"Ik zeg te vaak ja."});
    s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
    s.next();
    s.ok(D::pieter, command::SetStatement{"Ik wil vaker nee zeggen."});
    s.next();
  }

  ParticipantId add(const std::string& name) { return add_without_device(s, name); }

  // Turns pass until `who` holds it.
  void until_turn_of(ParticipantId who) {
    for (int guard = 0; s.turn() != who && guard < 8; ++guard) {
      const ParticipantId holder = *s.turn();
      const auto* person = s.state().find_participant(holder);
      s.ok(person->has_device ? holder : D::fenna,
           command::Pass{person->has_device ? std::nullopt : std::optional(holder)});
    }
  }
};

TEST(WithoutDevice, TheFacilitatorAddsPeopleByNameAndTheyTakeTurnsLikeEveryoneElse) {
  OneLaptop room;
  const SessionState& state = room.s.state();
  EXPECT_FALSE(state.find_participant(room.bram)->has_device);
  EXPECT_TRUE(state.find_participant(D::anna)->has_device);
  EXPECT_EQ(state.step.turns.order,
            (std::vector<ParticipantId>{D::fenna, D::anna, room.bram, room.carla, room.daan}));
}

TEST(WithoutDevice, OnlyTheFacilitatorAddsPeopleAndTheGroupStaysWithinEight) {
  SessionDriver s("incident", 7);
  EXPECT_EQ(s.refused(D::anna, command::AddParticipant{"Eva"}), RefusalCode::not_allowed_for_role);
  EXPECT_EQ(s.refused(D::fenna, command::AddParticipant{"anna"}), RefusalCode::name_taken);
  s.ok(D::fenna, command::AddParticipant{"Hanna"});
  EXPECT_EQ(s.refused(D::fenna, command::AddParticipant{"Ilse"}), RefusalCode::group_full);
}

TEST(WithoutDevice, TheFacilitatorRecordsAQuestionOnTheirTurnAndTheRecordSaysWhoTypedIt) {
  OneLaptop room;
  room.until_turn_of(room.bram);
  room.s.ok(D::fenna, command::AskQuestion{"Wanneer zeg je ja?", room.bram});
  const Question& question = room.s.state().questions.back();
  EXPECT_EQ(question.asker, room.bram);
  EXPECT_EQ(question.recorded_by, D::fenna);
}

TEST(WithoutDevice, OnlyTheFacilitatorOrTheScribeRecordsForSomeoneElse) {
  OneLaptop room;
  room.until_turn_of(room.bram);
  EXPECT_EQ(room.s.refused(D::anna, command::AskQuestion{"Wat wil je?", room.bram}),
            RefusalCode::not_allowed_to_record);
  EXPECT_EQ(room.s.refused(D::pieter, command::Pass{room.bram}),
            RefusalCode::not_allowed_to_record);
}

TEST(WithoutDevice, NobodyRecordsForSomeoneWithTheirOwnDevice) {
  OneLaptop room;
  room.until_turn_of(D::anna);
  EXPECT_EQ(room.s.refused(D::fenna, command::AskQuestion{"Wat wil je?", D::anna}),
            RefusalCode::has_own_device);
  EXPECT_EQ(room.s.refused(D::fenna, command::Pass{ParticipantId{42}}),
            RefusalCode::unknown_participant);
}

TEST(WithoutDevice, ARecordingIsOnlyForWhatThatPersonMayDoNow) {
  OneLaptop room;
  room.until_turn_of(room.bram);
  EXPECT_EQ(room.s.refused(D::fenna, command::AskQuestion{"Wat wil je?", room.carla}),
            RefusalCode::not_their_turn);
  EXPECT_EQ(room.s.refused(D::fenna, command::AddObservation{"Viel me op.", room.bram}),
            RefusalCode::wrong_step);
  room.s.ok(D::fenna, command::AskQuestion{"Wat wil je?", room.bram});
  EXPECT_EQ(room.s.refused(D::fenna, command::Pass{room.bram}), RefusalCode::answer_pending)
      << "Bram's question waits for Pieter's answer";
}

TEST(WithoutDevice, ObservationsAdviceAndClosingRemarksCanBeRecordedToo) {
  OneLaptop room;
  SessionDriver& s = room.s;
  s.ok(D::fenna, command::CloseRounds{});
  s.next(true); // the gossip round
  s.ok(D::fenna, command::AddObservation{"Hij aarzelde bij elke vraag.", room.carla});
  EXPECT_EQ(s.state().observations.back().author, room.carla);
  EXPECT_EQ(s.state().observations.back().recorded_by, D::fenna);
  s.next(true); // the reframe
  s.ok(D::pieter, command::KeepStatement{});
  s.next(); // the advice
  s.ok(D::fenna, command::EndPreparation{});
  room.until_turn_of(room.daan);
  s.ok(D::fenna, command::GiveAdvice{"zou ik het eerst opschrijven.", room.daan});
  EXPECT_EQ(s.state().advice.back().adviser, room.daan);
  EXPECT_EQ(s.state().advice.back().recorded_by, D::fenna);
  EXPECT_TRUE(s.state().advice.back().text.starts_with("Als ik in jouw schoenen stond"));
  s.next(true); // the reaction
  s.next(true); // the closing round
  s.ok(D::fenna, command::ClosingRemark{"Fijn gesprek.", room.bram});
  EXPECT_EQ(s.state().closing_remarks.back().recorded_by, D::fenna);
}

TEST(WithoutDevice, ThePresenterOnlyListensInTheGossipRoundAlsoWhenRecordedFor) {
  SessionDriver s("incident", 2);
  const ParticipantId bram = add_without_device(s, "Bram");
  s.ok(D::fenna, command::Start{});
  s.ok(D::fenna, command::ProposeIssue{"Ik twijfel over mijn rol.", bram});
  EXPECT_EQ(s.state().candidates.back().owner, bram);
  s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
  EXPECT_EQ(s.state().presenter, bram);
  s.next();
  s.ok(D::fenna, command::SetStatement{"Ik twijfel over mijn rol."});
  s.next(true);
  s.ok(D::fenna, command::CloseRounds{});
  s.next(true);
  EXPECT_EQ(s.refused(D::fenna, command::AddObservation{"Ik zag twijfel.", bram}),
            RefusalCode::presenter_listens);
}

TEST(WithoutDevice, TheFacilitatorTypesForAPresenterWithoutADeviceOnly) {
  SessionDriver s("incident", 2);
  const ParticipantId bram = add_without_device(s, "Bram");
  s.ok(D::fenna, command::Start{});
  s.ok(D::fenna, command::ProposeIssue{"Ik twijfel over mijn rol.", bram});
  s.ok(D::pieter, command::ProposeIssue{"Ik zeg te vaak ja."});
  s.ok(D::fenna, command::ChooseIssue{CandidateId{2}});
  s.next();
  EXPECT_EQ(s.refused(D::fenna, command::SetStatement{"Ik wil vaker nee zeggen."}),
            RefusalCode::not_allowed_for_role)
      << "Pieter has his own phone and types for himself";
  s.ok(D::pieter, command::SetStatement{"Ik wil vaker nee zeggen."});
}

TEST(WithoutDevice, SomeoneWithoutADeviceTakesOverTheirOwnPlaceOnAPhoneOnceAdmitted) {
  OneLaptop room;
  EXPECT_EQ(room.s.refused(std::nullopt, command::Join{"bram"}), RefusalCode::place_without_device);
  const auto place = place_to_claim(room.s.state(), "bram");
  ASSERT_EQ(place, room.bram);
  const Events asked = room.s.ok(std::nullopt, command::RequestReturn{*place});
  const ReturnId request = std::get<event::ReturnRequested>(asked.front().body).request;
  EXPECT_FALSE(room.s.state().find_participant(room.bram)->has_device)
      << "typing a name is not enough: the facilitator confirms";
  room.s.ok(D::fenna, command::AdmitReturn{request});
  EXPECT_TRUE(room.s.state().find_participant(room.bram)->has_device);
  EXPECT_EQ(room.s.state().participants.size(), 6u) << "the same place, not a new one";
  room.until_turn_of(room.bram);
  EXPECT_EQ(room.s.refused(D::fenna, command::Pass{room.bram}), RefusalCode::has_own_device);
  room.s.ok(room.bram, command::Pass{});
  EXPECT_EQ(place_to_claim(room.s.state(), "Bram").error().code, RefusalCode::no_place_to_claim);
}

TEST(WithoutDevice, BalintAdviceIsWrittenAndSharedForThemAndStaysPrivateToWhoTypesIt) {
  SessionDriver s("balint", 3);
  const ParticipantId bram = std::get<event::ParticipantAdded>(
                                 s.ok(D::fenna, command::AddParticipant{"Bram"}).front().body)
                                 .participant;
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::SetStatement{"Ik wil vaker nee zeggen."});
  s.next(true);
  s.ok(D::fenna, command::CloseRounds{});
  s.next(true); // written advice
  s.ok(D::fenna, command::WriteDraft{"Ik zou een week bijhouden wanneer ik ja zeg.", bram});
  EXPECT_EQ(s.refused(D::anna, command::WriteDraft{"Iets.", bram}),
            RefusalCode::not_allowed_to_record);
  EXPECT_EQ(view(s.state(), D::fenna).drafts.size(), 1u) << "the facilitator typed it";
  EXPECT_TRUE(view(s.state(), D::anna).drafts.empty());
  EXPECT_TRUE(view(s.state(), D::pieter).drafts.empty());
  s.next(true); // sharing, in turn
  while (s.turn() != bram)
    s.ok(*s.turn(), command::Pass{});
  s.ok(D::fenna, command::ShareAdvice{"Bijhouden wanneer.", bram});
  EXPECT_TRUE(s.state().drafts.back().shared);
}

TEST(WithoutDevice, APresenterWithoutADeviceReadsTheRecordOnTheFacilitatorsScreen) {
  SessionDriver s("balint", 3);
  const ParticipantId bram = std::get<event::ParticipantAdded>(
                                 s.ok(D::fenna, command::AddParticipant{"Bram"}).front().body)
                                 .participant;
  s.ok(D::fenna, command::AssignPresenter{bram});
  s.ok(D::fenna, command::Start{});
  s.ok(D::fenna, command::SetStatement{"Ik wil vaker nee zeggen."});
  while (s.state().phase != Phase::finished)
    s.next(true);
  EXPECT_TRUE(presenter_record(s.state(), D::fenna).has_value());
  EXPECT_FALSE(presenter_record(s.state(), D::anna).has_value());
}

TEST(Contributions, ASpokenQuestionNeedsNoTextAndAWrittenOneDoes) {
  OneLaptop room;
  EXPECT_EQ(room.s.state().contributions(), Contributions::spoken);
  room.s.ok(D::fenna, command::AskQuestion{""});
  EXPECT_EQ(room.s.state().questions.back().text, "");
  room.s.ok(D::pieter, command::AnswerQuestion{});
  room.s.ok(D::fenna, command::SetContributions{Contributions::written});
  EXPECT_EQ(room.s.state().contributions(), Contributions::written);
  EXPECT_EQ(room.s.refused(D::anna, command::AskQuestion{"  "}), RefusalCode::text_empty);
  EXPECT_EQ(room.s.refused(D::fenna, command::SetContributions{Contributions::written}),
            RefusalCode::setting_unchanged);
  EXPECT_EQ(room.s.refused(D::anna, command::SetContributions{std::nullopt}),
            RefusalCode::not_allowed_for_role);
  room.s.ok(D::fenna, command::SetContributions{std::nullopt});
  EXPECT_EQ(room.s.state().contributions(), Contributions::spoken);
}

TEST(Contributions, SpokenAdviceIsRecordedWithoutTextOrOpener) {
  OneLaptop room;
  SessionDriver& s = room.s;
  s.ok(D::fenna, command::CloseRounds{});
  s.next(true);
  s.next(true);
  s.ok(D::pieter, command::KeepStatement{});
  s.next();
  s.ok(D::fenna, command::EndPreparation{});
  s.ok(D::fenna, command::GiveAdvice{""});
  EXPECT_EQ(s.state().advice.back().text, "");
}

TEST(Notes, AnyoneButThePresenterNotesKeyPointsInTheGossipAndTheAdvice) {
  OneLaptop room;
  SessionDriver& s = room.s;
  EXPECT_EQ(s.refused(D::anna, command::AddNote{"Te vroeg."}), RefusalCode::wrong_step);
  s.ok(D::fenna, command::CloseRounds{});
  s.next(true);
  s.ok(D::anna, command::AddNote{"Hij zegt ja uit angst om iemand teleur te stellen."});
  s.ok(D::fenna, command::AddNote{"Patroon: vrijdagmiddag."});
  EXPECT_EQ(s.refused(D::pieter, command::AddNote{"Ik hoor het."}), RefusalCode::presenter_listens);
  EXPECT_EQ(s.refused(D::anna, command::AddNote{" "}), RefusalCode::text_empty);
  ASSERT_EQ(s.state().notes.size(), 2u);
  EXPECT_EQ(s.state().notes[0].author, D::anna);
}

} // namespace
} // namespace intervisie::core::testing
