// SPDX-License-Identifier: EUPL-1.2
#include "core/group/erasure.hpp"

#include <set>

namespace intervisie::core::group {

std::vector<GroupEvent> erase_member(std::vector<GroupEvent> events, const AccountId& member) {
  std::set<SessionId> presented;
  for (const GroupEvent& e : events)
    if (const auto* recorded = std::get_if<event::PresenterRecorded>(&e.body))
      if (recorded->presenter == member)
        presented.insert(recorded->session);
  for (GroupEvent& e : events) {
    if (auto* joined = std::get_if<event::MemberJoined>(&e.body);
        joined && joined->member == member)
      joined->display_name = erased_name;
    if (auto* cancelled = std::get_if<event::Cancelled>(&e.body); cancelled && e.actor == member)
      cancelled->reason.clear();
    if (auto* follow_up = std::get_if<event::FollowUpRecorded>(&e.body);
        follow_up && presented.contains(follow_up->session))
      follow_up->note.clear();
  }
  return events;
}

} // namespace intervisie::core::group
