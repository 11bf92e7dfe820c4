// SPDX-License-Identifier: EUPL-1.2
// The facilitator rotation the app suggests, so that everyone facilitates in turn.
#pragma once

#include "core/group/group_state.hpp"

#include <optional>

namespace intervisie::core::group {

// Among the members signed up for `meeting`: the one who facilitated least (any other meeting
// not called off counts); ties go to the one who facilitated longest ago (never counts as
// longest ago), then to whoever joined the group first. None when nobody is signed up.
std::optional<AccountId> suggest_facilitator(const GroupState& state, const MeetingId& meeting);

} // namespace intervisie::core::group
