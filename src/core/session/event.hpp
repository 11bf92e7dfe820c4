// SPDX-License-Identifier: EUPL-1.2
// What happened in a session. Events are facts: apply() folds them without judging them,
// and the state is only ever a fold of its events.
#pragma once

#include "core/method/method.hpp"
#include "core/session/command.hpp"
#include "core/session/ids.hpp"

#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace intervisie::core {

enum class RoundsClosedReason { everyone_passed, facilitator };

namespace event {

// The method travels with the session, so a case once started runs to its end by the steps
// it started with, even if the method file changes in between.
struct SessionCreated {
  std::shared_ptr<const Method> method;
  std::string title;
  bool facilitator_takes_turns = true;
  bool operator==(const SessionCreated& other) const {
    return *method == *other.method && title == other.title &&
           facilitator_takes_turns == other.facilitator_takes_turns;
  }
};
struct ParticipantJoined {
  ParticipantId participant;
  std::string name;
  bool operator==(const ParticipantJoined&) const = default;
};
struct PresenterAssigned {
  ParticipantId participant;
  bool operator==(const PresenterAssigned&) const = default;
};
struct ScribeAssigned {
  ParticipantId participant;
  bool operator==(const ScribeAssigned&) const = default;
};
struct FacilitatorHandedOver {
  ParticipantId participant;
  bool operator==(const FacilitatorHandedOver&) const = default;
};

struct SessionStarted {
  bool operator==(const SessionStarted&) const = default;
};
struct StepStarted {
  std::size_t step = 0;
  bool operator==(const StepStarted&) const = default;
};
struct SessionFinished {
  bool operator==(const SessionFinished&) const = default;
};
struct TimeAdjusted {
  int seconds = 0;
  bool operator==(const TimeAdjusted&) const = default;
};
struct DisturbanceRaised {
  std::string text;
  bool operator==(const DisturbanceRaised&) const = default;
};
struct DisturbanceResolved {
  bool operator==(const DisturbanceResolved&) const = default;
};
struct Paused {
  bool operator==(const Paused&) const = default;
};
struct Resumed {
  bool operator==(const Resumed&) const = default;
};

struct IssueProposed {
  CandidateId candidate;
  ParticipantId owner;
  std::string text;
  std::optional<ParticipantId> recorded_by; // who typed it for the owner
  bool operator==(const IssueProposed&) const = default;
};
struct IssueWithdrawn {
  CandidateId candidate;
  bool operator==(const IssueWithdrawn&) const = default;
};
struct VoteCast {
  ParticipantId voter;
  CandidateId candidate;
  bool operator==(const VoteCast&) const = default;
};
struct IssueChosen {
  CandidateId candidate;
  ParticipantId presenter;
  bool operator==(const IssueChosen&) const = default;
};

struct StatementSet {
  std::string text;
  bool operator==(const StatementSet&) const = default;
};
struct PreparationStarted {
  bool operator==(const PreparationStarted&) const = default;
};
struct PreparationEnded {
  bool operator==(const PreparationEnded&) const = default;
};

struct QuestionAsked {
  QuestionId question;
  ParticipantId asker;
  std::optional<ParticipantId> recorded_by; // the scribe, when they wrote it for the asker
  std::string text;
  bool operator==(const QuestionAsked&) const = default;
};
struct TurnPassed {
  ParticipantId participant;
  std::optional<ParticipantId> recorded_by;
  bool operator==(const TurnPassed&) const = default;
};
struct QuestionAnswered {
  QuestionId question;
  std::string note;
  bool operator==(const QuestionAnswered&) const = default;
};
struct QuestionDeclined {
  QuestionId question;
  bool operator==(const QuestionDeclined&) const = default;
};
struct QuestionRated {
  QuestionId question;
  Rating rating{};
  std::optional<ParticipantId> recorded_by;
  bool operator==(const QuestionRated&) const = default;
};
struct RoundsClosed {
  RoundsClosedReason reason{};
  bool operator==(const RoundsClosed&) const = default;
};

struct ObservationAdded {
  ParticipantId author;
  std::string text;
  std::optional<ParticipantId> recorded_by;
  bool operator==(const ObservationAdded&) const = default;
};
struct GossipClosed {
  bool operator==(const GossipClosed&) const = default;
};
struct ReflectionGiven {
  std::string text;
  bool operator==(const ReflectionGiven&) const = default;
};

struct StatementReframed {
  std::string text;
  bool operator==(const StatementReframed&) const = default;
};
struct StatementKept {
  bool operator==(const StatementKept&) const = default;
};

struct AdviceGiven {
  ParticipantId adviser;
  std::string text; // empty: given out loud
  std::optional<ParticipantId> recorded_by;
  bool operator==(const AdviceGiven&) const = default;
};
struct DraftWritten {
  ParticipantId author;
  std::string text;
  bool operator==(const DraftWritten&) const = default;
};
struct AdviceShared {
  ParticipantId adviser;
  std::string draft;
  std::string essence;
  bool operator==(const AdviceShared&) const = default;
};

struct ReactionGiven {
  std::string tomorrow;
  std::string think_over;
  bool operator==(const ReactionGiven&) const = default;
};
struct ClosingRemarkMade {
  ParticipantId author;
  std::string text;
  std::optional<ParticipantId> recorded_by;
  bool operator==(const ClosingRemarkMade&) const = default;
};
struct PrivateNoteWritten {
  std::string text;
  bool operator==(const PrivateNoteWritten&) const = default;
};
struct CoachHintsSet {
  bool on = true;
  bool operator==(const CoachHintsSet&) const = default;
};
struct ParticipantAdded {
  ParticipantId participant;
  std::string name;
  bool operator==(const ParticipantAdded&) const = default;
}; // without a device, by the facilitator
// Someone added without a device joined on their own device. Stored histories hold it; nothing
// produces it any more (a return request does that now).
struct PlaceClaimed {
  ParticipantId participant;
  bool operator==(const PlaceClaimed&) const = default;
};
struct NoteAdded {
  ParticipantId author;
  std::string text;
  bool operator==(const NoteAdded&) const = default;
};
struct ContributionsSet {
  std::optional<Contributions> mode;
  bool operator==(const ContributionsSet&) const = default;
};
// Exactly one of question and advice; a later key point replaces the earlier.
struct KeyPointNoted {
  std::optional<QuestionId> question;
  std::optional<AdviceId> advice;
  std::string text;
  std::optional<ParticipantId> recorded_by; // none: the speaker noted it
  bool operator==(const KeyPointNoted&) const = default;
};
// Returns: a newer request for the same participant replaces a pending one; an admission gives
// the place to the new device (has_device = true).
struct ReturnRequested {
  ReturnId request;
  ParticipantId participant;
  bool operator==(const ReturnRequested&) const = default;
};
struct ReturnAdmitted {
  ReturnId request;
  ParticipantId participant;
  bool operator==(const ReturnAdmitted&) const = default;
};
struct ReturnDeclined {
  ReturnId request;
  bool operator==(const ReturnDeclined&) const = default;
};

} // namespace event

using EventBody = std::variant<
    event::SessionCreated, event::ParticipantJoined, event::PresenterAssigned,
    event::ScribeAssigned, event::FacilitatorHandedOver, event::SessionStarted, event::StepStarted,
    event::SessionFinished, event::TimeAdjusted, event::DisturbanceRaised,
    event::DisturbanceResolved, event::Paused, event::Resumed, event::IssueProposed,
    event::IssueWithdrawn, event::VoteCast, event::IssueChosen, event::StatementSet,
    event::PreparationStarted, event::PreparationEnded, event::QuestionAsked, event::TurnPassed,
    event::QuestionAnswered, event::QuestionDeclined, event::QuestionRated, event::RoundsClosed,
    event::ObservationAdded, event::GossipClosed, event::ReflectionGiven, event::StatementReframed,
    event::StatementKept, event::AdviceGiven, event::DraftWritten, event::AdviceShared,
    event::ReactionGiven, event::ClosingRemarkMade, event::PrivateNoteWritten, event::CoachHintsSet,
    event::ParticipantAdded, event::PlaceClaimed, event::NoteAdded, event::ContributionsSet,
    event::KeyPointNoted, event::ReturnRequested, event::ReturnAdmitted, event::ReturnDeclined>;

struct Event {
  Instant at;
  std::optional<ParticipantId> actor; // who did it; none for what the server did
  EventBody body;
  bool operator==(const Event&) const = default;
};

// The wire name of an event kind, e.g. "question_asked".
std::string_view kind_name(const EventBody& body);

} // namespace intervisie::core
