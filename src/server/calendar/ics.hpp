// SPDX-License-Identifier: EUPL-1.2
// Meetings as calendar files (RFC 5545): one meeting to download, or a member's feed to
// subscribe to. libical builds the components, so escaping, folding and UTF-8 are its job.
#pragma once

#include "server/calendar/calendar_event.hpp"

#include <chrono>
#include <span>
#include <string>
#include <string_view>

namespace intervisie::server::calendar {

inline constexpr std::string_view product_id = "-//Intervisie//Intervisie//NL";

// How often a subscribed calendar is asked to look again: a called-off meeting should reach
// people in time (most calendar apps take this as a hint at best).
inline constexpr std::chrono::hours feed_refresh_interval{1};

// One meeting as a downloadable .ics (METHOD:PUBLISH; a cancelled event carries STATUS:CANCELLED).
std::string meeting_ics(const CalendarEvent& event);

// A subscribable feed: all of a member's meetings in one VCALENDAR, with X-WR-CALNAME and a
// refresh hint (REFRESH-INTERVAL and X-PUBLISHED-TTL).
std::string calendar_feed(std::string_view calendar_name, std::span<const CalendarEvent> events);

} // namespace intervisie::server::calendar
