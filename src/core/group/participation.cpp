// SPDX-License-Identifier: EUPL-1.2
#include "core/group/participation.hpp"

#include <algorithm>

namespace intervisie::core::group {

Participation participation(const GroupState& state, Instant now) {
  Participation result;
  for (const Member& member : state.members) {
    MemberParticipation row{member.account};
    row.cases_presented = static_cast<std::size_t>(std::ranges::count(
        state.cases, std::optional<AccountId>{member.account}, &Case::presenter));
    for (const Meeting& meeting : state.meetings) {
      if (!meeting.held(now))
        continue;
      if (meeting.facilitator == member.account)
        ++row.meetings_facilitated;
      if (meeting.starts_at < member.joined_at)
        continue;
      ++row.held_since_joining;
      if (meeting.is_signed_up(member.account))
        ++row.attended;
    }
    result.push_back(std::move(row));
  }
  return result;
}

} // namespace intervisie::core::group
