// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/group_json.hpp"

#include "core/group/follow_up.hpp"
#include "core/group/ground_rules.hpp"
#include "core/group/participation.hpp"
#include "core/group/rotation.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace intervisie::server {

namespace group = core::group;
namespace json = boost::json;

namespace {

std::int64_t millis(core::Instant instant) {
  return instant.time_since_epoch().count();
}

// Someone as a member sees them: id and name (also for people who left or were erased).
json::value person(const group::GroupState& state, const std::optional<group::AccountId>& id) {
  if (!id)
    return nullptr;
  return json::object{{"id", *id}, {"display_name", state.display_name(*id).value_or("")}};
}

std::string_view status_name(group::MeetingStatus status) {
  switch (status) {
  case group::MeetingStatus::scheduled:
    return "scheduled";
  case group::MeetingStatus::needs_new_date:
    return "needs_new_date";
  case group::MeetingStatus::called_off:
    return "called_off";
  }
  return "scheduled";
}

std::string_view invitation_status_name(group::InvitationStatus status) {
  switch (status) {
  case group::InvitationStatus::open:
    return "open";
  case group::InvitationStatus::used:
    return "used";
  case group::InvitationStatus::revoked:
    return "revoked";
  case group::InvitationStatus::expired:
    return "expired";
  }
  return "open";
}

json::array names(const group::GroupState& state, const std::vector<group::AccountId>& ids) {
  json::array list;
  for (const auto& id : ids)
    list.push_back(person(state, id));
  return list;
}

// A case as a member sees it: the facts for everyone; the follow-up note only for its presenter.
json::object case_json(const group::GroupState& state, const group::Case& treated,
                       const group::AccountId& viewer) {
  const bool mine = treated.presenter && *treated.presenter == viewer;
  json::value follow_up = nullptr;
  if (treated.follow_up) {
    json::object done{{"at", millis(treated.follow_up->at)}};
    if (mine)
      done["note"] = treated.follow_up->note;
    follow_up = std::move(done);
  }
  const group::Meeting* meeting = state.find_meeting(treated.meeting);
  return json::object{{"session_id", treated.session},
                      {"meeting_id", treated.meeting},
                      {"date", millis(meeting ? meeting->starts_at : treated.started_at)},
                      {"method", treated.method},
                      {"presenter", person(state, treated.presenter)},
                      {"facilitator", person(state, treated.facilitator)},
                      {"mine", mine},
                      {"follow_up", std::move(follow_up)}};
}

// A case in a view: its facts, and whether members can take their place in it now.
json::object case_in_view(const group::GroupState& state, const group::Case& treated,
                          const group::AccountId& viewer,
                          const std::set<std::string>& live_sessions) {
  json::object seen = case_json(state, treated, viewer);
  seen["live"] = live_sessions.contains(treated.session);
  return seen;
}

json::object meeting_summary(const group::GroupState& state, const group::Meeting& meeting,
                             const group::AccountId& viewer) {
  std::string_view yours = "none";
  if (meeting.is_signed_up(viewer))
    yours = "signed_up";
  else if (meeting.has_cancelled(viewer))
    yours = "cancelled";
  return json::object{{"id", meeting.id},
                      {"starts_at", millis(meeting.starts_at)},
                      {"minutes", meeting.minutes},
                      {"place", meeting.place},
                      {"video_link", meeting.video_link},
                      {"status", status_name(meeting.status)},
                      {"signed_up", meeting.signed_up.size()},
                      {"cancelled", meeting.cancellations.size()},
                      {"facilitator", person(state, meeting.facilitator)},
                      {"rescheduler", person(state, meeting.rescheduler)},
                      {"yours", yours}};
}

json::array key_list(auto keys) {
  json::array list;
  for (std::string_view key : keys)
    list.push_back(json::string(key));
  return list;
}

} // namespace

json::object group_summary(const std::string& group_id, const group::GroupState& state) {
  return json::object{{"id", group_id},
                      {"name", state.name},
                      {"members", state.members.size()},
                      {"notice", group::is_small(state) ? json::value("small_group") : nullptr}};
}

json::object group_view(const std::string& group_id, const group::GroupState& state,
                        const group::AccountId& viewer, core::Instant now,
                        const std::set<std::string>& live_sessions) {
  json::object view = group_summary(group_id, state);
  json::array members;
  for (const group::Member& member : state.members)
    members.push_back(json::object{{"id", member.account},
                                   {"display_name", member.display_name},
                                   {"joined_at", millis(member.joined_at)},
                                   {"rules_accepted_at", millis(member.rules_accepted_at)},
                                   {"is_me", member.account == viewer}});
  view["members"] = std::move(members);
  view["member_count"] = state.members.size();
  view["max_members"] = group::max_members;
  view["created_at"] = millis(state.created_at);
  view["ground_rules"] =
      json::object{{"keys", key_list(group::ground_rules)},
                   {"own", json::array(state.own_rules.begin(), state.own_rules.end())}};
  view["conditions"] = key_list(group::conditions);

  json::array invitations;
  for (const group::Invitation& invitation : state.invitations)
    invitations.push_back(json::object{{"id", invitation.id},
                                       {"invited_by", person(state, invitation.invited_by)},
                                       {"created_at", millis(invitation.created_at)},
                                       {"expires_at", millis(invitation.expires_at)},
                                       {"status", invitation_status_name(invitation.status(now))}});
  view["invitations"] = std::move(invitations);

  json::array meetings;
  for (const group::Meeting& meeting : state.meetings)
    meetings.push_back(meeting_summary(state, meeting, viewer));
  view["meetings"] = std::move(meetings);

  json::array cases;
  for (const group::Case& treated : state.cases)
    cases.push_back(case_in_view(state, treated, viewer, live_sessions));
  view["cases"] = std::move(cases);

  json::array load;
  for (const group::MemberParticipation& share : group::participation(state, now))
    load.push_back(json::object{{"member", person(state, share.member)},
                                {"cases_presented", share.cases_presented},
                                {"meetings_facilitated", share.meetings_facilitated},
                                {"attended", share.attended},
                                {"held_since_joining", share.held_since_joining}});
  view["participation"] = std::move(load);
  return view;
}

json::object meeting_view(const std::string& group_id, const group::GroupState& state,
                          const group::Meeting& meeting, const group::AccountId& viewer,
                          core::Instant now, const std::set<std::string>& live_sessions) {
  json::object view = meeting_summary(state, meeting, viewer);
  view["group"] = json::object{{"id", group_id}, {"name", state.name}};
  view["ends_at"] = millis(meeting.ends_at());
  view["sequence"] = meeting.sequence;
  view["scheduled_by"] = person(state, meeting.scheduled_by);
  view["signed_up"] = names(state, meeting.signed_up);
  json::array cancellations;
  for (const group::Cancellation& cancellation : meeting.cancellations)
    cancellations.push_back(json::object{{"member", person(state, cancellation.member)},
                                         {"reason", cancellation.reason},
                                         {"at", millis(cancellation.at)}});
  view["cancellations"] = std::move(cancellations);
  view["you_arrange_new_date"] = meeting.rescheduler && *meeting.rescheduler == viewer;
  view["you_may_call_off"] = meeting.may_call_off(viewer);

  json::value proposal = nullptr;
  if (meeting.proposal) {
    json::array dates;
    for (std::size_t i = 0; i < meeting.proposal->dates.size(); ++i) {
      json::array suits;
      for (const auto& [member, answers] : meeting.proposal->answers)
        if (i < answers.size() && answers[i])
          suits.push_back(person(state, member));
      dates.push_back(json::object{{"index", i},
                                   {"starts_at", millis(meeting.proposal->dates[i])},
                                   {"suits", std::move(suits)}});
    }
    json::array answered;
    for (const auto& [member, answers] : meeting.proposal->answers)
      answered.push_back(person(state, member));
    json::value yours = nullptr;
    if (const auto mine = meeting.proposal->answers.find(viewer);
        mine != meeting.proposal->answers.end())
      yours = json::value_from(mine->second);
    proposal = json::object{{"proposed_at", millis(meeting.proposal->proposed_at)},
                            {"dates", std::move(dates)},
                            {"answered", std::move(answered)},
                            {"your_answers", std::move(yours)}};
  }
  view["proposal"] = std::move(proposal);
  view["suggested_facilitator"] = person(state, group::suggest_facilitator(state, meeting.id));

  json::array cases;
  for (const group::Case* treated : state.cases_of(meeting.id))
    cases.push_back(case_in_view(state, *treated, viewer, live_sessions));
  view["cases"] = std::move(cases);
  json::array due;
  for (const group::Case& treated : group::follow_ups_due(state, meeting.id))
    due.push_back(json::object{{"session_id", treated.session},
                               {"method", treated.method},
                               {"presenter", person(state, treated.presenter)}});
  view["follow_ups_due"] = std::move(due);
  view["to_come"] = meeting.to_come(now);
  return view;
}

json::object member_export(const std::string& group_id, const group::GroupState& state,
                           const group::AccountId& member) {
  json::object exported{{"group", json::object{{"id", group_id}, {"name", state.name}}}};
  if (const group::Member* current = state.find_member(member))
    exported["membership"] =
        json::object{{"display_name", current->display_name},
                     {"joined_at", millis(current->joined_at)},
                     {"rules_accepted_at", millis(current->rules_accepted_at)}};
  else if (const group::FormerMember* former = state.find_former_member(member))
    exported["membership"] = json::object{{"display_name", former->display_name},
                                          {"joined_at", millis(former->joined_at)},
                                          {"left_at", millis(former->left_at)}};
  json::array meetings;
  for (const group::Meeting& meeting : state.meetings) {
    json::object mine{{"meeting_id", meeting.id},
                      {"starts_at", millis(meeting.starts_at)},
                      {"signed_up", meeting.is_signed_up(member)}};
    for (const group::Cancellation& cancellation : meeting.cancellations)
      if (cancellation.member == member)
        mine["cancellation"] =
            json::object{{"reason", cancellation.reason}, {"at", millis(cancellation.at)}};
    if (meeting.proposal)
      if (const auto answers = meeting.proposal->answers.find(member);
          answers != meeting.proposal->answers.end())
        mine["date_answers"] = json::value_from(answers->second);
    if (mine.size() > 3 || meeting.is_signed_up(member))
      meetings.push_back(std::move(mine));
  }
  exported["meetings"] = std::move(meetings);
  json::array cases;
  for (const group::Case& treated : state.cases)
    if (treated.presenter && *treated.presenter == member)
      cases.push_back(case_json(state, treated, member));
  exported["cases_presented"] = std::move(cases);
  return exported;
}

} // namespace intervisie::server
