// SPDX-License-Identifier: EUPL-1.2
// The group engine: decide what a command means, and fold what happened. docs/groups.md states
// the rules it enforces.
#pragma once

#include "core/group/command.hpp"
#include "core/group/event.hpp"
#include "core/group/group_state.hpp"
#include "core/group/refusal.hpp"

#include <expected>
#include <vector>

namespace intervisie::core::group {

using GroupEvents = std::vector<GroupEvent>;

// The events a command by `actor` leads to, or why it is refused. Never changes the state.
// CreateGroup is decided against an empty state; AcceptInvitation is asked by someone who is
// not a member yet; everything else only by a member.
std::expected<GroupEvents, GroupRefusal>
decide(const GroupState& state, const GroupCommand& command, const AccountId& actor, Instant now);

// Folds one event into the state.
void apply(GroupState& state, const GroupEvent& event);

// Folds a whole history.
GroupState replay(const std::vector<GroupEvent>& events);

} // namespace intervisie::core::group
