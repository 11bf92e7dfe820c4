// SPDX-License-Identifier: EUPL-1.2
#include "server/calendar/ics.hpp"

#include "server/calendar/calendar_text.hpp"
#include "server/calendar/ical_ptr.hpp"
#include "server/calendar/vevent.hpp"

#include <new>

namespace intervisie::server::calendar {

namespace {

ComponentPtr published_calendar() {
  ComponentPtr calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent* c = calendar.get();
  icalcomponent_add_property(c, icalproperty_new_prodid(std::string(product_id).c_str()));
  icalcomponent_add_property(c, icalproperty_new_version("2.0"));
  icalcomponent_add_property(c, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(c, icalproperty_new_method(ICAL_METHOD_PUBLISH));
  return calendar;
}

void add_x(icalcomponent* calendar, const char* name, const std::string& value) {
  icalproperty* property = icalproperty_new_x(value.c_str());
  icalproperty_set_x_name(property, name);
  icalcomponent_add_property(calendar, property);
}

// libical writes lines ending in CRLF, folded at 75 octets between whole UTF-8 characters.
std::string as_text(icalcomponent* calendar) {
  const BufferPtr text(icalcomponent_as_ical_string_r(calendar));
  if (!text)
    throw std::bad_alloc();
  return text.get();
}

} // namespace

std::string meeting_ics(const CalendarEvent& event) {
  const ComponentPtr calendar = published_calendar();
  icalcomponent_add_component(calendar.get(), vevent(event).release());
  return as_text(calendar.get());
}

std::string calendar_feed(std::string_view calendar_name, std::span<const CalendarEvent> events) {
  const ComponentPtr calendar = published_calendar();
  icalcomponent* c = calendar.get();
  const std::string name = calendar_text(calendar_name);
  if (!name.empty()) {
    // NAME is the standard (RFC 7986); X-WR-CALNAME is what most calendar apps read.
    icalcomponent_add_property(c, icalproperty_new_name(name.c_str()));
    add_x(c, "X-WR-CALNAME", name);
  }
  icaldurationtype refresh = icaldurationtype_null_duration();
  refresh.hours = static_cast<unsigned>(feed_refresh_interval.count());
  icalcomponent_add_property(c, icalproperty_new_refreshinterval(refresh));
  add_x(c, "X-PUBLISHED-TTL", "PT" + std::to_string(feed_refresh_interval.count()) + "H");
  for (const CalendarEvent& event : events)
    icalcomponent_add_component(c, vevent(event).release());
  return as_text(c);
}

} // namespace intervisie::server::calendar
