// SPDX-License-Identifier: EUPL-1.2
#include "core/group/follow_up.hpp"

#include <cstddef>
#include <optional>
#include <utility>

namespace intervisie::core::group {
namespace {

// A meeting's place in time; equal starts keep the order of scheduling.
using Order = std::pair<Instant, std::size_t>;

std::optional<Order> order_of(const GroupState& state, const MeetingId& id) {
  for (std::size_t i = 0; i < state.meetings.size(); ++i)
    if (state.meetings[i].id == id)
      return Order{state.meetings[i].starts_at, i};
  return std::nullopt;
}

// The counting meeting closest to `meeting` on one side: before it when `before`, else after.
const Meeting* neighbour(const GroupState& state, const MeetingId& meeting, bool before) {
  const auto here = order_of(state, meeting);
  if (!here)
    return nullptr;
  const Meeting* best = nullptr;
  Order best_order{};
  for (std::size_t i = 0; i < state.meetings.size(); ++i) {
    const Meeting& other = state.meetings[i];
    if (other.status != MeetingStatus::scheduled)
      continue;
    const Order order{other.starts_at, i};
    const bool on_side = before ? order < *here : order > *here;
    const bool closer = best == nullptr || (before ? order > best_order : order < best_order);
    if (on_side && closer) {
      best = &other;
      best_order = order;
    }
  }
  return best;
}

} // namespace

const Meeting* previous_meeting(const GroupState& state, const MeetingId& meeting) {
  return neighbour(state, meeting, true);
}

const Meeting* next_meeting(const GroupState& state, const MeetingId& meeting) {
  return neighbour(state, meeting, false);
}

std::vector<Case> follow_ups_due(const GroupState& state, const MeetingId& meeting) {
  std::vector<Case> due;
  const Meeting* previous = previous_meeting(state, meeting);
  if (!previous)
    return due;
  for (const Case& treated : state.cases)
    if (treated.meeting == previous->id && treated.presenter && !treated.follow_up &&
        state.is_member(*treated.presenter))
      due.push_back(treated);
  return due;
}

} // namespace intervisie::core::group
