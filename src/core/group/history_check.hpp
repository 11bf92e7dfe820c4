// SPDX-License-Identifier: EUPL-1.2
// Whether a stored group history can be folded. apply() takes every event as decide() made it:
// the group is created once and first, a new member, invitation, meeting or case has an id of
// its own, what an event names exists, date answers answer the proposal's dates. A history the
// engine wrote always fits; a store damaged or edited by hand may not, and loading it must
// refuse it with a reason rather than fold it into a group that contradicts itself (a member
// twice, two meetings under one id, answers to dates that were never proposed).
#pragma once

#include "core/group/engine.hpp"

#include <expected>
#include <string>

namespace intervisie::core::group {

// Why `event` cannot follow `state`, or nothing when it can.
std::expected<void, std::string> fits(const GroupState& state, const GroupEvent& event);

} // namespace intervisie::core::group
