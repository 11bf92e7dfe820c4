// SPDX-License-Identifier: EUPL-1.2
// The request bodies of the group routes (docs/api.md), read strictly with ObjectReader: every
// value checked for its type and range, a field nobody asked for refused, the first problem
// reported. Each decoder takes the body as it came (empty is `{}`) and gives the core's command,
// or what the route needs to make one, or the CodecError that says what is wrong.
#pragma once

#include "core/group/command.hpp"
#include "server/codec/codec_error.hpp"

#include <expected>
#include <string>
#include <string_view>

namespace intervisie::server {

// POST /api/groups
std::expected<core::group::cmd::CreateGroup, CodecError> new_group_from_json(std::string_view body);

// POST /api/groups/{id}/retention: the days; `null` is 0, back to the server's default.
std::expected<core::group::cmd::SetRetention, CodecError>
retention_from_json(std::string_view body);

// POST /api/groups/{id}/invitations: days until the invitation expires; 0 when not given.
std::expected<int, CodecError> invitation_days_from_json(std::string_view body);

// POST /api/invitations/{token}/accept
std::expected<core::group::cmd::AcceptInvitation, CodecError>
acceptance_from_json(std::string_view body, const core::group::InvitationId& invitation_id);

// POST /api/groups/{id}/meetings: the meeting, without its id (the route gives it one).
std::expected<core::group::cmd::ScheduleMeeting, CodecError>
new_meeting_from_json(std::string_view body);

// POST /api/meetings/{id}/cancel, proposals, answers, choice, facilitator and follow-ups.
std::expected<core::group::cmd::Cancel, CodecError>
cancellation_from_json(std::string_view body, const core::group::MeetingId& meeting_id);
std::expected<core::group::cmd::ProposeDates, CodecError>
proposal_from_json(std::string_view body, const core::group::MeetingId& meeting_id);
std::expected<core::group::cmd::AnswerDates, CodecError>
answers_from_json(std::string_view body, const core::group::MeetingId& meeting_id);
std::expected<core::group::cmd::ChooseDate, CodecError>
choice_from_json(std::string_view body, const core::group::MeetingId& meeting_id);
std::expected<core::group::cmd::SetFacilitator, CodecError>
facilitator_from_json(std::string_view body, const core::group::MeetingId& meeting_id);
std::expected<core::group::cmd::RecordFollowUp, CodecError>
follow_up_from_json(std::string_view body, const core::group::MeetingId& meeting_id);

// POST /api/meetings/{id}/cases: a case in a new live session.
struct NewCase {
  std::string method;
  std::string title; // empty: the group's name
  bool facilitator_takes_turns = true;
  bool operator==(const NewCase&) const = default;
};
std::expected<NewCase, CodecError> new_case_from_json(std::string_view body);

} // namespace intervisie::server
