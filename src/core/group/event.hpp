// SPDX-License-Identifier: EUPL-1.2
// What happened in a group. Events are facts: apply() folds them without judging them, and
// the state is only ever a fold of its events. Each event says what its actor did; a command
// may lead to several (the second cancellation is also the need of a new date).
#pragma once

#include "core/group/ids.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace intervisie::core::group::event {

// --- membership -------------------------------------------------------------------------------
struct GroupCreated {
  std::string name;
  std::vector<std::string> own_rules;
  bool operator==(const GroupCreated&) const = default;
};
// The creator joins without an invitation; everyone accepts the ground rules as they join.
struct MemberJoined {
  AccountId member;
  std::string display_name;
  std::optional<InvitationId> invitation;
  Instant rules_accepted_at;
  bool operator==(const MemberJoined&) const = default;
};
// Leaving takes the member's sign-ups, cancellations, date answers and facilitation out of the
// meetings still to come, named here; what that means for a new date follows as events of its own.
struct MemberLeft {
  AccountId member;
  std::vector<MeetingId> meetings_left;
  bool operator==(const MemberLeft&) const = default;
};
struct InvitationCreated {
  InvitationId invitation;
  Instant expires_at;
  bool operator==(const InvitationCreated&) const = default;
};
struct InvitationRevoked {
  InvitationId invitation;
  bool operator==(const InvitationRevoked&) const = default;
};

// --- meetings (the actor signs up, cancels, withdraws, answers) --------------------------------
struct MeetingScheduled {
  MeetingId meeting;
  Instant starts_at;
  int minutes = 0;
  std::string place;
  std::string video_link;
  bool operator==(const MeetingScheduled&) const = default;
};
struct MeetingCalledOff {
  MeetingId meeting;
  bool operator==(const MeetingCalledOff&) const = default;
};
struct SignedUp {
  MeetingId meeting;
  bool operator==(const SignedUp&) const = default;
};
struct Cancelled {
  MeetingId meeting;
  std::string reason;
  bool operator==(const Cancelled&) const = default;
};
// The actor takes back their cancellation, and so is signed up again.
struct CancellationWithdrawn {
  MeetingId meeting;
  bool operator==(const CancellationWithdrawn&) const = default;
};

// --- a new date -------------------------------------------------------------------------------
struct NewDateNeeded {
  MeetingId meeting;
  AccountId rescheduler; // the second to cancel
  bool operator==(const NewDateNeeded&) const = default;
};
struct ReschedulerChanged {
  MeetingId meeting;
  AccountId rescheduler;
  bool operator==(const ReschedulerChanged&) const = default;
};
// Fewer than two cancellations remain: the meeting keeps its date after all.
struct RescheduleDropped {
  MeetingId meeting;
  bool operator==(const RescheduleDropped&) const = default;
};
struct DatesProposed {
  MeetingId meeting;
  std::vector<Instant> dates;
  bool operator==(const DatesProposed&) const = default;
};
struct DatesAnswered {
  MeetingId meeting;
  std::vector<bool> suits;
  bool operator==(const DatesAnswered&) const = default;
};
// The same meeting at its new date; exactly these members are signed up for it.
struct MeetingMoved {
  MeetingId meeting;
  Instant starts_at;
  std::vector<AccountId> signed_up;
  bool operator==(const MeetingMoved&) const = default;
};

// --- facilitator and cases --------------------------------------------------------------------
struct FacilitatorSet {
  MeetingId meeting;
  AccountId member;
  bool operator==(const FacilitatorSet&) const = default;
};
struct CaseStarted {
  MeetingId meeting;
  SessionId session;
  MethodId method;
  AccountId facilitator;
  bool operator==(const CaseStarted&) const = default;
};
struct PresenterRecorded {
  SessionId session;
  AccountId presenter;
  bool operator==(const PresenterRecorded&) const = default;
};
struct FollowUpRecorded {
  SessionId session;
  std::string note;
  bool operator==(const FollowUpRecorded&) const = default;
};

// --- the group's own settings -----------------------------------------------------------------
struct RetentionSet {
  int days = 0; // 0: the server's default
  bool operator==(const RetentionSet&) const = default;
};

} // namespace intervisie::core::group::event

namespace intervisie::core::group {

using GroupEventBody =
    std::variant<event::GroupCreated, event::MemberJoined, event::MemberLeft,
                 event::InvitationCreated, event::InvitationRevoked, event::MeetingScheduled,
                 event::MeetingCalledOff, event::SignedUp, event::Cancelled,
                 event::CancellationWithdrawn, event::NewDateNeeded, event::ReschedulerChanged,
                 event::RescheduleDropped, event::DatesProposed, event::DatesAnswered,
                 event::MeetingMoved, event::FacilitatorSet, event::CaseStarted,
                 event::PresenterRecorded, event::FollowUpRecorded, event::RetentionSet>;

struct GroupEvent {
  Instant at;
  AccountId actor; // who did it
  GroupEventBody body;
  bool operator==(const GroupEvent&) const = default;
};

// The wire name of an event kind, e.g. "new_date_needed".
std::string_view kind_name(const GroupEventBody& body);
// Every kind's wire name, in the order of GroupEventBody's alternatives.
std::span<const std::string_view> kind_names();

} // namespace intervisie::core::group
