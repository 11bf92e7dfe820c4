// SPDX-License-Identifier: EUPL-1.2
// Participation at a glance, so the group can see it shares the load.
#pragma once

#include "core/group/group_state.hpp"

#include <cstddef>
#include <vector>

namespace intervisie::core::group {

struct MemberParticipation {
  AccountId member;
  std::size_t cases_presented = 0;
  std::size_t meetings_facilitated = 0; // of the meetings held
  std::size_t attended = 0;             // held since joining, and signed up for
  std::size_t held_since_joining = 0;
  bool operator==(const MemberParticipation&) const = default;
};

using Participation = std::vector<MemberParticipation>;

// Per current member, in order of joining. A meeting is held once it has started at its date
// (not called off, not waiting for a new one): sign-ups close at the start.
Participation participation(const GroupState& state, Instant now);

} // namespace intervisie::core::group
