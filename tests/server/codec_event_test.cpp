// SPDX-License-Identifier: EUPL-1.2
// Events to JSON and back: the store keeps events as this text, so the round trip is exact.
#include "server/codec/event_json.hpp"

#include "../core/session_driver.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace intervisie::server {
namespace {

namespace ev = core::event;
using core::CandidateId;
using core::ParticipantId;
using core::QuestionId;
using D = core::testing::SessionDriver;

core::Instant at_second(int second) {
  return core::testing::at_minute(0) + std::chrono::seconds{second};
}

core::Event event(core::EventBody body, std::optional<ParticipantId> actor = ParticipantId{2}) {
  static int second = 0;
  return core::Event{at_second(++second), actor, std::move(body)};
}

// One event of every kind, with optional fields both filled and empty.
std::vector<core::Event> every_event() {
  return {
      event(ev::SessionCreated{core::testing::shipped_method("incident"), "Dinsdaggroep", true},
            std::nullopt),
      event(ev::SessionCreated{core::testing::shipped_method("balint"), "Extern", false},
            std::nullopt),
      event(ev::ParticipantJoined{ParticipantId{2}, "Pieter"}),
      event(ev::PresenterAssigned{ParticipantId{2}}, ParticipantId{1}),
      event(ev::ScribeAssigned{ParticipantId{3}}, ParticipantId{1}),
      event(ev::FacilitatorHandedOver{ParticipantId{4}}, ParticipantId{1}),
      event(ev::SessionStarted{}),
      event(ev::StepStarted{0}, std::nullopt),
      event(ev::StepStarted{8}),
      event(ev::SessionFinished{}),
      event(ev::TimeAdjusted{300}),
      event(ev::TimeAdjusted{-120}),
      event(ev::DisturbanceRaised{"De brandweer."}),
      event(ev::DisturbanceRaised{""}),
      event(ev::DisturbanceResolved{}),
      event(ev::Paused{}),
      event(ev::Resumed{}),
      event(ev::IssueProposed{CandidateId{1}, ParticipantId{2}, "Ik wil minder overwerken."}),
      event(ev::IssueWithdrawn{CandidateId{1}}),
      event(ev::VoteCast{ParticipantId{3}, CandidateId{2}}),
      event(ev::IssueChosen{CandidateId{2}, ParticipantId{5}}),
      event(ev::StatementSet{"Ik weet niet hoe ik het zeg."}),
      event(ev::PreparationStarted{}),
      event(ev::PreparationEnded{}),
      event(ev::QuestionAsked{QuestionId{1}, ParticipantId{3}, std::nullopt,
                              "Wat maakt het lastig?"}),
      event(ev::QuestionAsked{QuestionId{2}, ParticipantId{4}, ParticipantId{3}, "Wie weet het?"}),
      event(ev::TurnPassed{ParticipantId{3}, std::nullopt}),
      event(ev::TurnPassed{ParticipantId{4}, ParticipantId{3}}),
      event(ev::QuestionAnswered{QuestionId{1}, ""}),
      event(ev::QuestionAnswered{QuestionId{2}, "Mijn notitie."}),
      event(ev::QuestionDeclined{QuestionId{3}}),
      event(ev::QuestionRated{QuestionId{1}, core::Rating::warm, std::nullopt}),
      event(ev::QuestionRated{QuestionId{2}, core::Rating::lukewarm, ParticipantId{3}}),
      event(ev::QuestionRated{QuestionId{3}, core::Rating::cold, ParticipantId{3}}),
      event(ev::RoundsClosed{core::RoundsClosedReason::everyone_passed}, std::nullopt),
      event(ev::RoundsClosed{core::RoundsClosedReason::facilitator}),
      event(ev::ObservationAdded{ParticipantId{3}, "Het bleef stil."}),
      event(ev::GossipClosed{}),
      event(ev::ReflectionGiven{"Dat klopt."}),
      event(ev::ReflectionGiven{""}),
      event(ev::StatementReframed{"Ik wil grenzen stellen."}),
      event(ev::StatementKept{}),
      event(ev::AdviceGiven{ParticipantId{3}, "Als ik in jouw schoenen stond, dan zou ik bellen."}),
      event(ev::DraftWritten{ParticipantId{4}, "Samen sta je sterker."}),
      event(ev::AdviceShared{ParticipantId{4}, "Samen sta je sterker.", "Vraag hulp."}),
      event(ev::ReactionGiven{"Morgen bel ik.", ""}),
      event(ev::ClosingRemarkMade{ParticipantId{5}, "Fijn gedaan."}),
      event(ev::PrivateNoteWritten{"Niet vergeten."}),
      event(ev::CoachHintsSet{false}),
      event(ev::ParticipantAdded{ParticipantId{7}, "Bram"}),
      event(ev::PlaceClaimed{ParticipantId{7}}),
      event(ev::NoteAdded{ParticipantId{3}, "Patroon: vrijdag."}),
      event(ev::ContributionsSet{core::Contributions::spoken}),
      event(ev::ContributionsSet{std::nullopt}),
      event(ev::ObservationAdded{ParticipantId{7}, "Stil bij thuis.", ParticipantId{1}}),
      event(ev::AdviceGiven{ParticipantId{7}, "", ParticipantId{1}}),
      event(ev::KeyPointNoted{QuestionId{2}, std::nullopt, "Wat ja zeggen kost.", std::nullopt}),
      event(ev::KeyPointNoted{std::nullopt, core::AdviceId{1}, "Bel haar.", ParticipantId{1}}),
      event(ev::ReturnRequested{core::ReturnId{1}, ParticipantId{3}}, std::nullopt),
      event(ev::ReturnAdmitted{core::ReturnId{1}, ParticipantId{3}}),
      event(ev::ReturnDeclined{core::ReturnId{2}}),
  };
}

// Through text, as the store keeps it.
std::expected<core::Event, CodecError> through_text(const core::Event& event) {
  return event_from_json(boost::json::parse(boost::json::serialize(event_to_json(event))));
}

CodecError error_of(std::string_view text) {
  const auto event = event_from_json(boost::json::parse(text));
  EXPECT_FALSE(event.has_value()) << text << " was accepted";
  return event ? CodecError{} : event.error();
}

TEST(CodecEvent, EveryKindRoundTripsExactly) {
  std::set<std::size_t> kinds;
  for (const core::Event& original : every_event()) {
    kinds.insert(original.body.index());
    const auto back = through_text(original);
    ASSERT_TRUE(back.has_value()) << core::kind_name(original.body) << ": " << back.error().message;
    EXPECT_EQ(*back, original) << boost::json::serialize(event_to_json(original));
  }
  EXPECT_EQ(kinds.size(), std::variant_size_v<core::EventBody>) << "a kind has no sample";
  EXPECT_EQ(event_kind_names().size(), std::variant_size_v<core::EventBody>);
}

TEST(CodecEvent, Shape) {
  const core::Event asked{
      core::Instant{core::Duration{1767261600000}}, ParticipantId{3},
      ev::QuestionAsked{QuestionId{1}, ParticipantId{3}, std::nullopt, "Wat maakt het lastig?"}};
  EXPECT_EQ(boost::json::serialize(event_to_json(asked)),
            R"({"kind":"question_asked","at":1767261600000,"actor":3,"question":1,"asker":3,)"
            R"("recorded_by":null,"text":"Wat maakt het lastig?"})");
  const core::Event closed{core::Instant{core::Duration{5}}, std::nullopt,
                           ev::RoundsClosed{core::RoundsClosedReason::everyone_passed}};
  EXPECT_EQ(boost::json::serialize(event_to_json(closed)),
            R"({"kind":"rounds_closed","at":5,"actor":null,"reason":"everyone_passed"})");
}

TEST(CodecEvent, SessionCreatedEmbedsTheWholeMethod) {
  const auto method = core::testing::shipped_method("fresh-questioning");
  const core::Event created{at_second(0), std::nullopt, ev::SessionCreated{method, "Groep", true}};
  const boost::json::object json = event_to_json(created);
  EXPECT_EQ(json.at("method").at("id").as_string(), "fresh-questioning");
  EXPECT_EQ(json.at("method").at("steps").as_array().size(), method->steps.size());
  const auto back = through_text(created);
  ASSERT_TRUE(back.has_value());
  const auto& restored = std::get<ev::SessionCreated>(back->body);
  EXPECT_NE(restored.method, method); // its own copy, independent of the catalogue
  EXPECT_EQ(*restored.method, *method);
}

// Whole sessions, as the engine writes them: stored, read back, replayed to the same state.
void expect_history_round_trips(const D& driver) {
  std::vector<core::Event> restored;
  for (const core::Event& original : driver.history()) {
    auto back = through_text(original);
    ASSERT_TRUE(back.has_value()) << back.error().message;
    EXPECT_EQ(*back, original);
    restored.push_back(std::move(*back));
  }
  EXPECT_EQ(core::replay(restored), driver.state());
}

TEST(CodecEvent, AnIncidentSessionIsRestoredFromItsJson) {
  D s("incident");
  s.ok(D::fenna, core::command::Start{});
  s.ok(D::pieter, core::command::ProposeIssue{"Ik weet niet hoe ik een collega aanspreek."});
  s.ok(D::anna, core::command::ProposeIssue{"Ik wil minder overwerken."});
  s.ok(D::bram, core::command::Vote{CandidateId{1}});
  s.ok(D::fenna, core::command::ChooseIssue{});
  s.ok(D::anna, core::command::RaiseDisturbance{"Er wordt gebeld."});
  s.ok(D::fenna, core::command::ResolveDisturbance{});
  s.ok(D::fenna, core::command::Pause{});
  s.ok(D::fenna, core::command::Resume{});
  s.ok(D::fenna, core::command::AdjustTime{120});
  s.next();
  s.ok(D::pieter, core::command::SetStatement{"Ik weet niet hoe ik hem aanspreek."});
  s.ok(D::pieter, core::command::StartPreparation{});
  s.next();
  const auto holder = s.turn();
  ASSERT_TRUE(holder);
  s.ok(*holder, core::command::AskQuestion{"Wat maakt het lastig?"});
  s.ok(D::pieter, core::command::AnswerQuestion{"Mijn eigen notitie."});
  expect_history_round_trips(s);
}

TEST(CodecEvent, AFreshQuestioningSessionIsRestoredFromItsJson) {
  D s("fresh-questioning");
  s.ok(D::fenna, core::command::AssignPresenter{D::pieter});
  s.ok(D::fenna, core::command::AssignScribe{D::anna});
  s.ok(D::fenna, core::command::Start{});
  s.ok(D::pieter, core::command::SetStatement{"Ik zeg altijd ja."});
  s.next();
  for (int i = 0; i < 3; ++i) {
    const auto holder = s.turn();
    ASSERT_TRUE(holder);
    s.ok(*holder, core::command::AskQuestion{"Wanneer zei je nee?"});
    s.ok(D::pieter, core::command::RateQuestion{std::nullopt, core::Rating::warm});
  }
  expect_history_round_trips(s);
}

TEST(CodecEvent, ABalintSessionIsRestoredFromItsJson) {
  D s("balint");
  s.ok(D::fenna, core::command::AssignPresenter{D::pieter});
  s.ok(D::fenna, core::command::Start{});
  s.ok(D::pieter, core::command::SetStatement{"Ik wil beter omgaan met een boze ouder."});
  s.next();
  for (ParticipantId adviser : s.state().step.turns.order) {
    s.ok(adviser, core::command::AskQuestion{"Wat doet het met je?"});
    s.ok(D::pieter, core::command::AnswerQuestion{});
  }
  for (ParticipantId adviser : s.state().step.turns.order)
    s.ok(adviser, core::command::Pass{});
  s.next();
  for (ParticipantId adviser : s.state().turn_order())
    s.ok(adviser, core::command::WriteDraft{"Ik zou het gesprek samen voeren."});
  s.next();
  for (ParticipantId adviser : s.state().step.turns.order)
    s.ok(adviser, core::command::ShareAdvice{"Samen sta je sterker."});
  s.next();
  s.ok(D::pieter, core::command::React{"Ik vraag Anna mee.", ""});
  s.next();
  EXPECT_EQ(s.state().phase, core::Phase::finished);
  expect_history_round_trips(s);
}

TEST(CodecEvent, TextsTheEngineLengthenedAreReadBack) {
  // Advice gets its opener prepended, so a stored text may exceed the limit on client texts.
  const core::Event advice = event(ev::AdviceGiven{
      ParticipantId{3}, "Als ik in jouw schoenen stond, dan " + std::string(4000, 'a')});
  const auto back = through_text(advice);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, advice);
}

TEST(CodecEvent, Errors) {
  EXPECT_EQ(error_of(R"({"kind":"question_exploded","at":1,"actor":null})").code,
            CodecErrorCode::unknown_kind);
  EXPECT_EQ(error_of(R"({"at":1,"actor":null})").code, CodecErrorCode::missing_field);

  const CodecError no_at = error_of(R"({"kind":"paused","actor":null})");
  EXPECT_EQ(no_at.code, CodecErrorCode::missing_field);
  EXPECT_EQ(no_at.message, R"(event paused: "at" is missing)");

  // Every field is written, so a missing optional one is a damaged record.
  EXPECT_EQ(error_of(R"({"kind":"turn_passed","at":1,"actor":2,"participant":2})").field,
            "recorded_by");

  const CodecError extra = error_of(R"({"kind":"paused","at":1,"actor":null,"why":"koffie"})");
  EXPECT_EQ(extra.code, CodecErrorCode::unknown_field);
  EXPECT_EQ(extra.field, "why");

  EXPECT_EQ(error_of(R"({"kind":"question_rated","at":1,"actor":2,"question":1,)"
                     R"("rating":"hot","recorded_by":null})")
                .code,
            CodecErrorCode::bad_value);
  EXPECT_EQ(error_of(R"({"kind":"paused","at":"yesterday","actor":null})").code,
            CodecErrorCode::wrong_type);

  boost::json::object created = event_to_json(event(
      ev::SessionCreated{core::testing::shipped_method("incident"), "Groep", true}, std::nullopt));
  created["method"].as_object()["steps"].as_array()[0].as_object().erase("kind");
  const auto damaged = event_from_json(created);
  ASSERT_FALSE(damaged.has_value());
  EXPECT_EQ(damaged.error().code, CodecErrorCode::missing_field);
  EXPECT_EQ(damaged.error().field, "method.steps[0].kind");

  const auto not_an_object = event_from_json(boost::json::value(3));
  ASSERT_FALSE(not_an_object.has_value());
  EXPECT_EQ(not_an_object.error().code, CodecErrorCode::wrong_type);
}

} // namespace
} // namespace intervisie::server
