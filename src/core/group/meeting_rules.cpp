// SPDX-License-Identifier: EUPL-1.2
// Meetings: scheduling, calling off (by who scheduled it or facilitates it), signing up (signing
// up is taking part) and cancelling.
#include "core/group/decision.hpp"

#include <cctype>

namespace intervisie::core::group::rules {
namespace {

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size())
    return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i])
      return false;
  return true;
}

// A link people click from their calendar: http(s), something after the scheme, no spaces.
bool is_web_link(std::string_view link) {
  std::string_view rest;
  if (starts_with_ignoring_case(link, "https://"))
    rest = link.substr(8);
  else if (starts_with_ignoring_case(link, "http://"))
    rest = link.substr(7);
  else
    return false;
  return !rest.empty() && rest.front() != '/' &&
         rest.find_first_of(" \t\r\n") == std::string_view::npos;
}

// Signing up and cancelling are for a meeting that has not started.
std::expected<const Meeting*, GroupRefusal> meeting_ahead(const Context& context,
                                                          const MeetingId& id) {
  auto meeting = open_meeting(context.state, id);
  if (meeting && (*meeting)->starts_at <= context.now)
    return refuse(Code::meeting_started);
  return meeting;
}

} // namespace

std::expected<const Meeting*, GroupRefusal> open_meeting(const GroupState& state,
                                                         const MeetingId& id) {
  const Meeting* meeting = state.find_meeting(id);
  if (!meeting)
    return refuse(Code::meeting_unknown);
  if (meeting->status == MeetingStatus::called_off)
    return refuse(Code::meeting_called_off);
  return meeting;
}

Decision decide(const Context& context, const cmd::ScheduleMeeting& command) {
  if (!usable_id(command.meeting_id))
    return refuse(Code::bad_id, "meeting_id");
  if (context.state.find_meeting(command.meeting_id))
    return refuse(Code::duplicate_meeting);
  if (command.starts_at <= context.now)
    return refuse(Code::in_the_past, "starts_at");
  if (command.minutes < min_meeting_minutes || command.minutes > max_meeting_minutes)
    return refuse(Code::bad_length, "minutes");
  auto place = optional_text(command.place, max_place_chars, "place");
  if (!place)
    return std::unexpected(place.error());
  auto link = optional_text(command.video_link, max_link_chars, "video_link");
  if (!link)
    return std::unexpected(link.error());
  if (place->empty() && link->empty())
    return refuse(Code::no_place, "place");
  if (!link->empty() && !is_web_link(*link))
    return refuse(Code::bad_link, "video_link");
  return GroupEvents{
      context.event(event::MeetingScheduled{command.meeting_id, command.starts_at, command.minutes,
                                            std::move(*place), std::move(*link)})};
}

Decision decide(const Context& context, const cmd::CallOff& command) {
  auto meeting = open_meeting(context.state, command.meeting_id);
  if (!meeting)
    return std::unexpected(meeting.error());
  if (!(*meeting)->may_call_off(context.actor))
    return refuse(Code::not_scheduler_or_facilitator);
  // A meeting waiting for a new date has not been held, whatever its old date.
  if ((*meeting)->status == MeetingStatus::scheduled && (*meeting)->starts_at <= context.now)
    return refuse(Code::meeting_started);
  return GroupEvents{context.event(event::MeetingCalledOff{command.meeting_id})};
}

Decision decide(const Context& context, const cmd::SignUp& command) {
  auto meeting = meeting_ahead(context, command.meeting_id);
  if (!meeting)
    return std::unexpected(meeting.error());
  if ((*meeting)->is_signed_up(context.actor))
    return refuse(Code::already_signed_up);
  // Signing up after cancelling takes the cancellation back.
  if ((*meeting)->has_cancelled(context.actor))
    return decide(context, cmd::WithdrawCancellation{command.meeting_id});
  return GroupEvents{context.event(event::SignedUp{command.meeting_id})};
}

Decision decide(const Context& context, const cmd::Cancel& command) {
  auto meeting = meeting_ahead(context, command.meeting_id);
  if (!meeting)
    return std::unexpected(meeting.error());
  if ((*meeting)->has_cancelled(context.actor))
    return refuse(Code::already_cancelled);
  auto reason = optional_text(command.reason, max_reason_chars, "reason");
  if (!reason)
    return std::unexpected(reason.error());
  GroupEvents events{context.event(event::Cancelled{command.meeting_id, std::move(*reason)})};
  // The second to cancel arranges the new appointment.
  if ((*meeting)->status == MeetingStatus::scheduled && (*meeting)->cancellations.size() + 1 >= 2)
    events.push_back(context.event(event::NewDateNeeded{command.meeting_id, context.actor}));
  return events;
}

Decision decide(const Context& context, const cmd::WithdrawCancellation& command) {
  auto meeting = meeting_ahead(context, command.meeting_id);
  if (!meeting)
    return std::unexpected(meeting.error());
  if (!(*meeting)->has_cancelled(context.actor))
    return refuse(Code::not_cancelled);
  GroupEvents events{context.event(event::CancellationWithdrawn{command.meeting_id})};
  if (auto next = after_cancellation_removed(**meeting, context.actor))
    events.push_back(context.event(std::move(*next)));
  return events;
}

} // namespace intervisie::core::group::rules
