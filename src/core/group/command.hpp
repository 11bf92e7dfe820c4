// SPDX-License-Identifier: EUPL-1.2
// What a member (or someone with an invitation) asks of a group. A command is a wish:
// decide() turns it into events or a refusal. Who asks travels beside the command.
#pragma once

#include "core/group/ids.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace intervisie::core::group::cmd {

// --- membership -------------------------------------------------------------------------------
// Decided against an empty state: the creator becomes the first member and accepts the ground
// rules by creating the group.
struct CreateGroup {
  std::string name;
  std::vector<std::string> own_rules; // the group's own additions to the ground rules
  std::string display_name;           // the creator's name in this group
};
struct CreateInvitation {
  InvitationId invitation_id;
  std::optional<Instant> expires_at; // none: in default_invitation_life
};
struct RevokeInvitation {
  InvitationId invitation_id;
};
struct AcceptInvitation {
  InvitationId invitation_id;
  std::string display_name;
  bool accept_ground_rules = false; // joining is voluntary and explicit
};
struct Leave {};

// --- meetings ---------------------------------------------------------------------------------
struct ScheduleMeeting {
  MeetingId meeting_id;
  Instant starts_at;
  int minutes = 0;
  std::string place;      // place and/or video link
  std::string video_link; // http(s)
};
struct CallOff {
  MeetingId meeting_id;
};
struct SignUp {
  MeetingId meeting_id;
};
struct Cancel {
  MeetingId meeting_id;
  std::string reason; // optional
};
struct WithdrawCancellation {
  MeetingId meeting_id;
};

// --- a new date, arranged by the second to cancel ----------------------------------------------
struct ProposeDates {
  MeetingId meeting_id;
  std::vector<Instant> dates;
};
struct AnswerDates {
  MeetingId meeting_id;
  std::vector<bool> suits; // one per proposed date, in the proposal's order
};
struct ChooseDate {
  MeetingId meeting_id;
  std::size_t index = 0; // into the proposal's dates
};

// --- facilitator and cases --------------------------------------------------------------------
struct SetFacilitator {
  MeetingId meeting_id;
  AccountId member;
};
struct StartCase {
  MeetingId meeting_id;
  SessionId session_id;
  MethodId method_id;
};
struct RecordPresenter {
  SessionId session_id;
  AccountId presenter;
};
struct RecordFollowUp {
  MeetingId meeting_id; // the meeting at which the round is held: the one after the case's own
  SessionId session_id; // the earlier case whose presenter told what they did with the advice
  std::string note;     // optional; only the presenter sees it
};

// --- the group's own settings -----------------------------------------------------------------
// How many days after a meeting the content of its cases is erased; 0: the server's default.
struct SetRetention {
  int days = 0;
};

} // namespace intervisie::core::group::cmd

namespace intervisie::core::group {

using GroupCommand =
    std::variant<cmd::CreateGroup, cmd::CreateInvitation, cmd::RevokeInvitation,
                 cmd::AcceptInvitation, cmd::Leave, cmd::ScheduleMeeting, cmd::CallOff, cmd::SignUp,
                 cmd::Cancel, cmd::WithdrawCancellation, cmd::ProposeDates, cmd::AnswerDates,
                 cmd::ChooseDate, cmd::SetFacilitator, cmd::StartCase, cmd::RecordPresenter,
                 cmd::RecordFollowUp, cmd::SetRetention>;

} // namespace intervisie::core::group
