// SPDX-License-Identifier: EUPL-1.2
// A meeting as a calendar event: one UID for its whole life, so a move or a call-off updates
// the entry people already have instead of adding a second one.
#pragma once

#include "core/group/group_state.hpp"
#include "server/calendar/calendar_event.hpp"

namespace intervisie::server {

calendar::CalendarEvent meeting_event(const core::group::GroupState& state,
                                      const core::group::Meeting& meeting,
                                      std::string_view meeting_url, core::Instant now);

} // namespace intervisie::server
