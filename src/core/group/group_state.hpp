// SPDX-License-Identifier: EUPL-1.2
// The state of one intervision group: its members, invitations, meetings and cases.
// Only apply() writes it; everything here is a fold of the group's events.
#pragma once

#include "core/group/ids.hpp"
#include "core/group/limits.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace intervisie::core::group {

struct Member {
  AccountId account;
  std::string display_name;
  Instant joined_at;
  Instant rules_accepted_at;
  std::optional<InvitationId> invitation; // none for the group's creator
  bool operator==(const Member&) const = default;
};

// Someone who left; kept so the history can still say who presented and who facilitated.
struct FormerMember {
  AccountId account;
  std::string display_name;
  Instant joined_at;
  Instant left_at;
  bool operator==(const FormerMember&) const = default;
};

enum class InvitationStatus { open, used, revoked, expired };

struct Invitation {
  InvitationId id;
  AccountId invited_by;
  Instant created_at;
  Instant expires_at;
  bool revoked = false;
  std::optional<AccountId> used_by;

  // Expiry is a matter of time, so the status is asked at a moment.
  InvitationStatus status(Instant now) const;
  bool operator==(const Invitation&) const = default;
};

enum class MeetingStatus { scheduled, needs_new_date, called_off };

struct Cancellation {
  AccountId member;
  std::string reason;
  Instant at;
  bool operator==(const Cancellation&) const = default;
};

struct DateProposal {
  std::vector<Instant> dates;
  Instant proposed_at;
  std::map<AccountId, std::vector<bool>> answers; // per member, one per date
  bool operator==(const DateProposal&) const = default;
};

struct Meeting {
  MeetingId id;
  AccountId scheduled_by;
  Instant starts_at;
  int minutes = 0;
  std::string place;
  std::string video_link;
  MeetingStatus status = MeetingStatus::scheduled;
  // The calendar's SEQUENCE: raised by every change a calendar shows (time, place, status).
  std::uint32_t sequence = 0;
  std::vector<AccountId> signed_up;        // in order of signing up
  std::vector<Cancellation> cancellations; // in order of cancelling, since the last new date
  std::optional<AccountId> rescheduler;    // while it needs a new date: the second to cancel
  std::optional<DateProposal> proposal;    // the rescheduler's latest
  std::optional<AccountId> facilitator;

  Instant ends_at() const { return starts_at + std::chrono::minutes{minutes}; }
  bool is_signed_up(const AccountId& member) const;
  bool has_cancelled(const AccountId& member) const;
  // Calling it off is for whoever scheduled it and for its facilitator, nobody else.
  bool may_call_off(const AccountId& member) const;
  // Not called off, and its date is still ahead or not fixed yet.
  bool to_come(Instant now) const;
  // Took place: started, and neither called off nor waiting for a new date.
  bool held(Instant now) const;
  bool operator==(const Meeting&) const = default;
};

struct FollowUp {
  Instant at;
  AccountId recorded_by;
  std::string note; // only the presenter sees it
  bool operator==(const FollowUp&) const = default;
};

// One case treated at a meeting, in a live session. Its content stays in the session.
struct Case {
  SessionId session;
  MeetingId meeting;
  MethodId method;
  AccountId facilitator;
  std::optional<AccountId> presenter; // once the session knows it
  Instant started_at;
  std::optional<FollowUp> follow_up;
  bool operator==(const Case&) const = default;
};

struct GroupState {
  bool created = false;
  std::string name;
  std::vector<std::string> own_rules;
  AccountId created_by;
  Instant created_at;
  std::uint64_t version = 0; // events folded so far

  std::vector<Member> members; // current, in order of joining
  std::vector<FormerMember> former_members;
  std::vector<Invitation> invitations;
  std::vector<Meeting> meetings; // in order of scheduling
  std::vector<Case> cases;       // in order of starting
  // Days after which the content of the group's cases is erased; none: the server's default.
  std::optional<int> retention_days;

  bool is_member(const AccountId& account) const { return find_member(account) != nullptr; }
  const Member* find_member(const AccountId& account) const;
  const FormerMember* find_former_member(const AccountId& account) const;
  // The name to show for anyone who is or was a member.
  std::optional<std::string> display_name(const AccountId& account) const;
  const Invitation* find_invitation(const InvitationId& id) const;
  const Meeting* find_meeting(const MeetingId& id) const;
  const Case* find_case(const SessionId& id) const;
  std::vector<const Case*> cases_of(const MeetingId& meeting) const;

  bool operator==(const GroupState&) const = default;
};

// Fewer than 5 members: the group's view carries the notice that intervision works best with 5-8.
inline bool is_small(const GroupState& state) {
  return state.members.size() < recommended_min_members;
}

} // namespace intervisie::core::group
