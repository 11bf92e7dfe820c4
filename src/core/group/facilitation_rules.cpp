// SPDX-License-Identifier: EUPL-1.2
// The facilitator of a meeting, the cases it holds, their presenters and their follow-up.
#include "core/group/decision.hpp"

#include "core/group/follow_up.hpp"

#include <algorithm>

namespace intervisie::core::group::rules {
Decision decide(const Context& context, const cmd::SetFacilitator& command) {
  auto meeting = open_meeting(context.state, command.meeting_id);
  if (!meeting)
    return std::unexpected(meeting.error());
  if (!context.state.is_member(command.member))
    return refuse(Code::member_unknown, "member");
  if ((*meeting)->facilitator == command.member)
    return refuse(Code::already_facilitator);
  return GroupEvents{context.event(event::FacilitatorSet{command.meeting_id, command.member})};
}

Decision decide(const Context& context, const cmd::StartCase& command) {
  auto found = open_meeting(context.state, command.meeting_id);
  if (!found)
    return std::unexpected(found.error());
  const Meeting& meeting = **found;
  if (meeting.status == MeetingStatus::needs_new_date)
    return refuse(Code::awaiting_new_date);
  if (!usable_id(command.session_id))
    return refuse(Code::bad_id, "session_id");
  if (!usable_id(command.method_id))
    return refuse(Code::bad_id, "method_id");
  if (context.state.find_case(command.session_id))
    return refuse(Code::duplicate_case);
  if (context.now < meeting.starts_at - case_window ||
      context.now > meeting.ends_at() + case_window)
    return refuse(Code::not_meeting_time);
  if (meeting.facilitator && *meeting.facilitator != context.actor)
    return refuse(Code::not_facilitator);
  GroupEvents events;
  // There is always a facilitator: whoever starts the first case, unless one was chosen.
  if (!meeting.facilitator)
    events.push_back(context.event(event::FacilitatorSet{meeting.id, context.actor}));
  events.push_back(context.event(
      event::CaseStarted{meeting.id, command.session_id, command.method_id, context.actor}));
  return events;
}

Decision decide(const Context& context, const cmd::RecordPresenter& command) {
  const Case* treated = context.state.find_case(command.session_id);
  if (!treated)
    return refuse(Code::case_unknown);
  if (!context.state.display_name(command.presenter))
    return refuse(Code::member_unknown, "presenter");
  if (treated->presenter)
    return refuse(Code::presenter_already_recorded);
  return GroupEvents{
      context.event(event::PresenterRecorded{command.session_id, command.presenter})};
}

Decision decide(const Context& context, const cmd::RecordFollowUp& command) {
  const Case* treated = context.state.find_case(command.session_id);
  if (!treated)
    return refuse(Code::case_unknown);
  if (treated->follow_up)
    return refuse(Code::follow_up_already_recorded);
  // Due at the meeting after the case's own, and marked done by that meeting's facilitator.
  const Meeting* next = next_meeting(context.state, treated->meeting);
  const auto due = next ? follow_ups_due(context.state, next->id) : std::vector<Case>{};
  if (next == nullptr || next->id != command.meeting_id ||
      std::ranges::find(due, command.session_id, &Case::session) == due.end())
    return refuse(Code::follow_up_not_due);
  if (next->facilitator != context.actor)
    return refuse(Code::not_facilitator);
  auto note = optional_text(command.note, max_follow_up_note_chars, "note");
  if (!note)
    return std::unexpected(note.error());
  return GroupEvents{context.event(event::FollowUpRecorded{command.session_id, std::move(*note)})};
}

} // namespace intervisie::core::group::rules
