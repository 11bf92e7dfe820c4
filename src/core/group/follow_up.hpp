// SPDX-License-Identifier: EUPL-1.2
// Follow-up: at the next meeting, the previous meeting's presenters tell what they did with the
// advice. Meetings follow each other by start (and, at the same start, by when they were
// scheduled); called-off meetings and those waiting for a new date do not count.
#pragma once

#include "core/group/group_state.hpp"

#include <vector>

namespace intervisie::core::group {

// The meeting before / after `meeting` in that order; nullptr when there is none.
const Meeting* previous_meeting(const GroupState& state, const MeetingId& meeting);
const Meeting* next_meeting(const GroupState& state, const MeetingId& meeting);

// At `meeting`: the cases of the previous meeting whose presenter is known and still a member,
// and whose follow-up has not been recorded.
std::vector<Case> follow_ups_due(const GroupState& state, const MeetingId& meeting);

} // namespace intervisie::core::group
