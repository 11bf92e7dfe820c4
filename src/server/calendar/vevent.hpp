// SPDX-License-Identifier: EUPL-1.2
// One meeting as a VEVENT component: the part that a single .ics and a feed share.
#pragma once

#include "server/calendar/calendar_event.hpp"
#include "server/calendar/ical_ptr.hpp"

namespace intervisie::server::calendar {

// Times in UTC; DTEND is the start plus the length; empty texts are left out.
ComponentPtr vevent(const CalendarEvent& event);

} // namespace intervisie::server::calendar
