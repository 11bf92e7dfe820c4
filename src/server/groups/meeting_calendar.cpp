// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/meeting_calendar.hpp"

namespace intervisie::server {

namespace group = core::group;

calendar::CalendarEvent meeting_event(const group::GroupState& state, const group::Meeting& meeting,
                                      std::string_view meeting_url, core::Instant now) {
  calendar::CalendarEvent event;
  event.uid = "meeting-" + meeting.id + "@intervisie";
  event.sequence = meeting.sequence;
  event.starts_at = meeting.starts_at;
  event.length = std::chrono::minutes{meeting.minutes};
  event.summary = "Intervisie: " + state.name;
  event.location = meeting.place.empty() ? meeting.video_link : meeting.place;
  event.url = std::string{meeting_url};
  std::string description = "Bijeenkomst van " + state.name + ".";
  switch (meeting.status) {
  case group::MeetingStatus::scheduled:
    event.status = calendar::EventStatus::confirmed;
    break;
  case group::MeetingStatus::needs_new_date:
    event.status = calendar::EventStatus::tentative;
    description += " Deze datum gaat niet door: er wordt een nieuwe datum gezocht.";
    break;
  case group::MeetingStatus::called_off:
    event.status = calendar::EventStatus::cancelled;
    description += " Deze bijeenkomst is afgelast.";
    break;
  }
  if (!meeting.video_link.empty())
    description += "\nVideo: " + meeting.video_link;
  description += "\n" + std::string{meeting_url};
  event.description = std::move(description);
  // The core keeps no time of the last change; a calendar needs only a DTSTAMP that does not
  // go backwards between versions, and SEQUENCE decides which version wins.
  event.stamp = now;
  return event;
}

} // namespace intervisie::server
