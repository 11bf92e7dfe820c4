// SPDX-License-Identifier: EUPL-1.2
// Folding group events into the state. No judgement here: decide() already judged. An event
// that names something the state does not hold (a damaged history) changes nothing.
#include "core/group/engine.hpp"
#include "core/overloaded.hpp"

#include <algorithm>

namespace intervisie::core::group {
namespace {

template <class T, class Key, class Projection>
T* find_in(std::vector<T>& items, const Key& key, Projection projection) {
  const auto found = std::ranges::find(items, key, projection);
  return found == items.end() ? nullptr : &*found;
}

template <class Change> void change_meeting(GroupState& state, const MeetingId& id, Change change) {
  if (Meeting* meeting = find_in(state.meetings, id, &Meeting::id))
    change(*meeting);
}

template <class Change> void change_case(GroupState& state, const SessionId& id, Change change) {
  if (Case* treated = find_in(state.cases, id, &Case::session))
    change(*treated);
}

void sign_up(Meeting& meeting, const AccountId& member) {
  if (!meeting.is_signed_up(member))
    meeting.signed_up.push_back(member);
}

// Out of a meeting still to come: no sign-up, cancellation, answer or facilitation left.
void withdraw_from(Meeting& meeting, const AccountId& member) {
  std::erase(meeting.signed_up, member);
  std::erase_if(meeting.cancellations,
                [&](const Cancellation& cancellation) { return cancellation.member == member; });
  if (meeting.proposal)
    meeting.proposal->answers.erase(member);
  if (meeting.facilitator == member)
    meeting.facilitator.reset();
}

// Back to an ordinary meeting at a fixed date, with nobody arranging another.
void settle(Meeting& meeting) {
  meeting.status = MeetingStatus::scheduled;
  meeting.rescheduler.reset();
  meeting.proposal.reset();
  ++meeting.sequence;
}

} // namespace

void apply(GroupState& state, const GroupEvent& event) {
  const Instant at = event.at;
  const AccountId& actor = event.actor;
  std::visit(
      Overloaded{
          [&](const event::GroupCreated& e) {
            state.created = true;
            state.name = e.name;
            state.own_rules = e.own_rules;
            state.created_by = actor;
            state.created_at = at;
          },
          [&](const event::MemberJoined& e) {
            std::erase_if(state.former_members,
                          [&](const FormerMember& former) { return former.account == e.member; });
            state.members.push_back(
                Member{e.member, e.display_name, at, e.rules_accepted_at, e.invitation});
            if (e.invitation)
              if (Invitation* used = find_in(state.invitations, *e.invitation, &Invitation::id))
                used->used_by = e.member;
          },
          [&](const event::MemberLeft& e) {
            const auto leaving = std::ranges::find(state.members, e.member, &Member::account);
            if (leaving == state.members.end())
              return;
            state.former_members.push_back(
                FormerMember{leaving->account, leaving->display_name, leaving->joined_at, at});
            state.members.erase(leaving);
            for (const MeetingId& id : e.meetings_left)
              change_meeting(state, id,
                             [&](Meeting& meeting) { withdraw_from(meeting, e.member); });
          },
          [&](const event::InvitationCreated& e) {
            state.invitations.push_back(Invitation{e.invitation, actor, at, e.expires_at});
          },
          [&](const event::InvitationRevoked& e) {
            if (Invitation* revoked = find_in(state.invitations, e.invitation, &Invitation::id))
              revoked->revoked = true;
          },
          [&](const event::MeetingScheduled& e) {
            state.meetings.push_back(Meeting{.id = e.meeting,
                                             .scheduled_by = actor,
                                             .starts_at = e.starts_at,
                                             .minutes = e.minutes,
                                             .place = e.place,
                                             .video_link = e.video_link,
                                             .signed_up = {actor}});
          },
          [&](const event::MeetingCalledOff& e) {
            change_meeting(state, e.meeting, [](Meeting& meeting) {
              meeting.status = MeetingStatus::called_off;
              ++meeting.sequence;
            });
          },
          [&](const event::SignedUp& e) {
            change_meeting(state, e.meeting, [&](Meeting& meeting) { sign_up(meeting, actor); });
          },
          [&](const event::Cancelled& e) {
            change_meeting(state, e.meeting, [&](Meeting& meeting) {
              std::erase(meeting.signed_up, actor);
              meeting.cancellations.push_back(Cancellation{actor, e.reason, at});
            });
          },
          [&](const event::CancellationWithdrawn& e) {
            change_meeting(state, e.meeting, [&](Meeting& meeting) {
              std::erase_if(meeting.cancellations, [&](const Cancellation& cancellation) {
                return cancellation.member == actor;
              });
              sign_up(meeting, actor);
            });
          },
          [&](const event::NewDateNeeded& e) {
            change_meeting(state, e.meeting, [&](Meeting& meeting) {
              meeting.status = MeetingStatus::needs_new_date;
              meeting.rescheduler = e.rescheduler;
              ++meeting.sequence;
            });
          },
          [&](const event::ReschedulerChanged& e) {
            change_meeting(state, e.meeting,
                           [&](Meeting& meeting) { meeting.rescheduler = e.rescheduler; });
          },
          [&](const event::RescheduleDropped& e) { change_meeting(state, e.meeting, settle); },
          [&](const event::DatesProposed& e) {
            change_meeting(state, e.meeting, [&](Meeting& meeting) {
              meeting.proposal = DateProposal{e.dates, at, {}};
            });
          },
          [&](const event::DatesAnswered& e) {
            change_meeting(state, e.meeting, [&](Meeting& meeting) {
              if (meeting.proposal)
                meeting.proposal->answers[actor] = e.suits;
            });
          },
          [&](const event::MeetingMoved& e) {
            change_meeting(state, e.meeting, [&](Meeting& meeting) {
              settle(meeting);
              meeting.starts_at = e.starts_at;
              meeting.cancellations.clear(); // the count starts again from the new date
              meeting.signed_up = e.signed_up;
            });
          },
          [&](const event::FacilitatorSet& e) {
            change_meeting(state, e.meeting,
                           [&](Meeting& meeting) { meeting.facilitator = e.member; });
          },
          [&](const event::CaseStarted& e) {
            state.cases.push_back(Case{e.session, e.meeting, e.method, e.facilitator, std::nullopt,
                                       at, std::nullopt});
          },
          [&](const event::PresenterRecorded& e) {
            change_case(state, e.session, [&](Case& treated) { treated.presenter = e.presenter; });
          },
          [&](const event::FollowUpRecorded& e) {
            change_case(state, e.session, [&](Case& treated) {
              treated.follow_up = FollowUp{at, actor, e.note};
            });
          },
          [&](const event::RetentionSet& e) {
            state.retention_days = e.days > 0 ? std::optional{e.days} : std::nullopt;
          },
      },
      event.body);
  ++state.version;
}

GroupState replay(const std::vector<GroupEvent>& events) {
  GroupState state;
  for (const GroupEvent& event : events)
    apply(state, event);
  return state;
}

} // namespace intervisie::core::group
