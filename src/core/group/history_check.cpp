// SPDX-License-Identifier: EUPL-1.2
#include "core/group/history_check.hpp"

#include "core/group/limits.hpp"
#include "core/overloaded.hpp"

#include <algorithm>

namespace intervisie::core::group {
namespace {

using Fit = std::expected<void, std::string>;

Fit misfit(std::string reason) {
  return std::unexpected(std::move(reason));
}

std::string named(std::string_view what, const std::string& id) {
  return std::string(what) + " \"" + id + "\"";
}

Fit meeting(const GroupState& state, const MeetingId& id) {
  if (state.find_meeting(id) == nullptr)
    return misfit(named("meeting", id) + " does not exist");
  return {};
}

Fit treated(const GroupState& state, const SessionId& id) {
  if (state.find_case(id) == nullptr)
    return misfit(named("case", id) + " does not exist");
  return {};
}

Fit invitation(const GroupState& state, const InvitationId& id) {
  if (state.find_invitation(id) == nullptr)
    return misfit(named("invitation", id) + " does not exist");
  return {};
}

// A new item's id: not empty, and not one the group has already.
Fit fresh(std::string_view what, const std::string& id, bool taken) {
  if (id.empty())
    return misfit(std::string(what) + " without an id");
  if (taken)
    return misfit(named(what, id) + " exists already");
  return {};
}

Fit joining(const GroupState& state, const event::MemberJoined& e) {
  if (auto fit = fresh("member", e.member, state.is_member(e.member)); !fit)
    return fit;
  return e.invitation ? invitation(state, *e.invitation) : Fit{};
}

Fit leaving(const GroupState& state, const event::MemberLeft& e) {
  if (!state.is_member(e.member))
    return misfit(named("member", e.member) + " is not a member");
  for (const MeetingId& left : e.meetings_left)
    if (auto fit = meeting(state, left); !fit)
      return fit;
  return {};
}

// Answers are to the meeting's proposal, one for each date it proposes.
Fit answering(const GroupState& state, const event::DatesAnswered& e) {
  const Meeting* asked = state.find_meeting(e.meeting);
  if (asked == nullptr)
    return meeting(state, e.meeting);
  if (!asked->proposal)
    return misfit(named("meeting", e.meeting) + " has no dates proposed to answer");
  if (e.suits.size() != asked->proposal->dates.size())
    return misfit(std::to_string(e.suits.size()) + " answers to " +
                  std::to_string(asked->proposal->dates.size()) + " proposed dates");
  return {};
}

Fit starting(const GroupState& state, const event::CaseStarted& e) {
  if (auto fit = fresh("case", e.session, state.find_case(e.session) != nullptr); !fit)
    return fit;
  return meeting(state, e.meeting);
}

} // namespace

Fit fits(const GroupState& state, const GroupEvent& event) {
  const bool creation = std::holds_alternative<event::GroupCreated>(event.body);
  if (!state.created)
    return creation ? Fit{} : misfit("a group's history starts with group_created");
  return std::visit(
      Overloaded{
          [](const event::GroupCreated&) { return misfit("the group was created already"); },
          [&](const event::MemberJoined& e) { return joining(state, e); },
          [&](const event::MemberLeft& e) { return leaving(state, e); },
          [&](const event::InvitationCreated& e) {
            return fresh("invitation", e.invitation,
                         state.find_invitation(e.invitation) != nullptr);
          },
          [&](const event::InvitationRevoked& e) { return invitation(state, e.invitation); },
          [&](const event::MeetingScheduled& e) {
            return fresh("meeting", e.meeting, state.find_meeting(e.meeting) != nullptr);
          },
          [&](const event::MeetingCalledOff& e) { return meeting(state, e.meeting); },
          [&](const event::SignedUp& e) { return meeting(state, e.meeting); },
          [&](const event::Cancelled& e) { return meeting(state, e.meeting); },
          [&](const event::CancellationWithdrawn& e) { return meeting(state, e.meeting); },
          [&](const event::NewDateNeeded& e) { return meeting(state, e.meeting); },
          [&](const event::ReschedulerChanged& e) { return meeting(state, e.meeting); },
          [&](const event::RescheduleDropped& e) { return meeting(state, e.meeting); },
          [&](const event::DatesProposed& e) { return meeting(state, e.meeting); },
          [&](const event::DatesAnswered& e) { return answering(state, e); },
          [&](const event::MeetingMoved& e) { return meeting(state, e.meeting); },
          [&](const event::FacilitatorSet& e) { return meeting(state, e.meeting); },
          [&](const event::CaseStarted& e) { return starting(state, e); },
          [&](const event::PresenterRecorded& e) { return treated(state, e.session); },
          [&](const event::FollowUpRecorded& e) { return treated(state, e.session); },
          [](const event::RetentionSet& e) -> Fit {
            if (e.days != 0 && (e.days < min_retention_days || e.days > max_retention_days))
              return misfit("a retention of " + std::to_string(e.days) + " days");
            return {};
          },
      },
      event.body);
}

} // namespace intervisie::core::group
