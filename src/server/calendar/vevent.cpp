// SPDX-License-Identifier: EUPL-1.2
#include "server/calendar/vevent.hpp"

#include "server/calendar/calendar_text.hpp"

#include <algorithm>
#include <limits>

namespace intervisie::server::calendar {

namespace {

// libical loads its zone table on the first call; a magic static makes that happen once, even
// when two threads write their first calendar at the same moment.
const icaltimezone* utc_zone() {
  static const icaltimezone* const zone = icaltimezone_get_utc_timezone();
  return zone;
}

// The calendar fields come from std::chrono, which keeps libical's time_t and time-zone
// conversions (not all thread-safe in libical 3.0) out of the server's path.
icaltimetype utc_time(core::Instant instant) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(instant);
  const auto day = std::chrono::floor<std::chrono::days>(seconds);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{seconds - day};
  icaltimetype result = icaltime_null_time();
  result.year = static_cast<int>(date.year());
  result.month = static_cast<int>(static_cast<unsigned>(date.month()));
  result.day = static_cast<int>(static_cast<unsigned>(date.day()));
  result.hour = static_cast<int>(time.hours().count());
  result.minute = static_cast<int>(time.minutes().count());
  result.second = static_cast<int>(time.seconds().count());
  result.zone = utc_zone();
  return result;
}

icalproperty_status ical_status(EventStatus status) {
  switch (status) {
  case EventStatus::confirmed:
    return ICAL_STATUS_CONFIRMED;
  case EventStatus::tentative:
    return ICAL_STATUS_TENTATIVE;
  case EventStatus::cancelled:
    return ICAL_STATUS_CANCELLED;
  }
  return ICAL_STATUS_CONFIRMED;
}

// An empty value would come back from a parser as no value at all, so it is left out.
void add_text(icalcomponent* event, icalproperty* (*make)(const char*), std::string_view text) {
  const std::string clean = calendar_text(text);
  if (!clean.empty())
    icalcomponent_add_property(event, make(clean.c_str()));
}

} // namespace

ComponentPtr vevent(const CalendarEvent& event) {
  ComponentPtr component(icalcomponent_new(ICAL_VEVENT_COMPONENT));
  icalcomponent* e = component.get();
  icalcomponent_add_property(e, icalproperty_new_uid(event.uid.c_str()));
  // SEQUENCE is an INTEGER in libical; a meeting changes far fewer than 2^31 times.
  const auto max_sequence = static_cast<std::uint32_t>(std::numeric_limits<int>::max());
  icalcomponent_add_property(
      e, icalproperty_new_sequence(static_cast<int>(std::min(event.sequence, max_sequence))));
  icalcomponent_add_property(e, icalproperty_new_dtstamp(utc_time(event.stamp)));
  icalcomponent_add_property(e, icalproperty_new_lastmodified(utc_time(event.stamp)));
  icalcomponent_add_property(e, icalproperty_new_dtstart(utc_time(event.starts_at)));
  icalcomponent_add_property(e, icalproperty_new_dtend(utc_time(event.starts_at + event.length)));
  add_text(e, icalproperty_new_summary, event.summary);
  add_text(e, icalproperty_new_description, event.description);
  add_text(e, icalproperty_new_location, event.location);
  const std::string link = calendar_link(event.url);
  if (!link.empty())
    icalcomponent_add_property(e, icalproperty_new_url(link.c_str()));
  icalcomponent_add_property(e, icalproperty_new_status(ical_status(event.status)));
  return component;
}

} // namespace intervisie::server::calendar
