// SPDX-License-Identifier: EUPL-1.2
// A new appointment, arranged by the second to cancel: who is responsible, proposing dates,
// answering them, choosing one.
#include "core/group/decision.hpp"

#include <algorithm>
#include <set>

namespace intervisie::core::group::rules {
namespace {

// A meeting that waits for a new date, and (where `rescheduler_only`) the actor arranges it.
std::expected<const Meeting*, GroupRefusal>
needing_new_date(const Context& context, const MeetingId& id, bool rescheduler_only) {
  auto meeting = open_meeting(context.state, id);
  if (!meeting)
    return meeting;
  if ((*meeting)->status != MeetingStatus::needs_new_date)
    return refuse(Code::not_needing_new_date);
  if (rescheduler_only && (*meeting)->rescheduler != context.actor)
    return refuse(Code::not_rescheduler);
  return meeting;
}

} // namespace

std::optional<GroupEventBody> after_cancellation_removed(const Meeting& meeting,
                                                         const AccountId& member) {
  if (meeting.status != MeetingStatus::needs_new_date)
    return std::nullopt;
  std::vector<AccountId> remaining;
  for (const Cancellation& cancellation : meeting.cancellations)
    if (cancellation.member != member)
      remaining.push_back(cancellation.member);
  if (remaining.size() < 2)
    return event::RescheduleDropped{meeting.id};
  if (meeting.rescheduler == member)
    return event::ReschedulerChanged{meeting.id, remaining[1]};
  return std::nullopt;
}

Decision decide(const Context& context, const cmd::ProposeDates& command) {
  auto meeting = needing_new_date(context, command.meeting_id, true);
  if (!meeting)
    return std::unexpected(meeting.error());
  const std::set<Instant> distinct(command.dates.begin(), command.dates.end());
  if (command.dates.empty() || command.dates.size() > max_proposed_dates ||
      distinct.size() != command.dates.size() || *distinct.begin() <= context.now)
    return refuse(Code::bad_dates, "dates");
  return GroupEvents{context.event(event::DatesProposed{command.meeting_id, command.dates})};
}

Decision decide(const Context& context, const cmd::AnswerDates& command) {
  auto meeting = needing_new_date(context, command.meeting_id, false);
  if (!meeting)
    return std::unexpected(meeting.error());
  const auto& proposal = (*meeting)->proposal;
  if (!proposal)
    return refuse(Code::no_proposal);
  if (command.suits.size() != proposal->dates.size())
    return refuse(Code::bad_answers, "suits");
  return GroupEvents{context.event(event::DatesAnswered{command.meeting_id, command.suits})};
}

Decision decide(const Context& context, const cmd::ChooseDate& command) {
  auto meeting = needing_new_date(context, command.meeting_id, true);
  if (!meeting)
    return std::unexpected(meeting.error());
  const auto& proposal = (*meeting)->proposal;
  if (!proposal)
    return refuse(Code::no_proposal);
  if (command.index >= proposal->dates.size())
    return refuse(Code::bad_choice, "index");
  const Instant chosen = proposal->dates[command.index];
  if (chosen <= context.now)
    return refuse(Code::in_the_past, "index");
  // Those for whom the chosen date suits are signed up, in the order they joined the group.
  std::vector<AccountId> signed_up;
  for (const Member& member : context.state.members) {
    const auto answer = proposal->answers.find(member.account);
    if (answer != proposal->answers.end() && answer->second[command.index])
      signed_up.push_back(member.account);
  }
  return GroupEvents{
      context.event(event::MeetingMoved{command.meeting_id, chosen, std::move(signed_up)})};
}

} // namespace intervisie::core::group::rules
