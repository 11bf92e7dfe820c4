// SPDX-License-Identifier: EUPL-1.2
#include "core/group/rotation.hpp"

#include <cstddef>
#include <tuple>

namespace intervisie::core::group {

std::optional<AccountId> suggest_facilitator(const GroupState& state, const MeetingId& meeting) {
  const Meeting* target = state.find_meeting(meeting);
  if (!target)
    return std::nullopt;
  // Smallest first: how often, when last (never is earliest of all), place in the group.
  using Rank = std::tuple<std::size_t, Instant, std::size_t>;
  std::optional<Rank> best_rank;
  std::optional<AccountId> best;
  for (std::size_t position = 0; position < state.members.size(); ++position) {
    const AccountId& candidate = state.members[position].account;
    if (!target->is_signed_up(candidate))
      continue;
    std::size_t times = 0;
    Instant last = Instant::min();
    for (const Meeting& other : state.meetings) {
      if (other.id == meeting || other.status == MeetingStatus::called_off ||
          other.facilitator != candidate)
        continue;
      ++times;
      last = std::max(last, other.starts_at);
    }
    const Rank rank{times, last, position};
    if (!best_rank || rank < *best_rank) {
      best_rank = rank;
      best = candidate;
    }
  }
  return best;
}

} // namespace intervisie::core::group
