// SPDX-License-Identifier: EUPL-1.2
// The calendar files a member downloads or subscribes to, read back with libical as a calendar
// app would read them: the same meeting keeps its UID, every change raises its SEQUENCE, and
// Dutch text with commas, semicolons and line breaks arrives as it was written.
#include "server/calendar/ical_ptr.hpp"
#include "server/calendar/ics.hpp"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <optional>
#include <vector>

namespace intervisie::server::calendar {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

CalendarEvent tuesday_meeting() {
  CalendarEvent event;
  event.uid = "meeting-17@intervisie";
  event.starts_at = sys_days{2026y / March / 10} + 19h + 30min;
  event.length = 120min;
  event.summary = "Intervisie Dinsdaggroep";
  event.description = "Werkvorm: incidentmethode.";
  event.location = "Buurthuis De Linde, Utrecht";
  event.url = "https://intervisie.example/groepen/7/bijeenkomsten/17";
  event.stamp = sys_days{2026y / February / 1} + 9h;
  return event;
}

ComponentPtr parse(const std::string& text) {
  ComponentPtr calendar(icalparser_parse_string(text.c_str()));
  EXPECT_NE(calendar, nullptr) << text;
  if (calendar) {
    EXPECT_EQ(icalcomponent_isa(calendar.get()), ICAL_VCALENDAR_COMPONENT);
    EXPECT_EQ(icalcomponent_count_errors(calendar.get()), 0) << text;
  }
  return calendar;
}

std::vector<icalcomponent*> events_of(icalcomponent* calendar) {
  std::vector<icalcomponent*> events;
  for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
       e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT))
    events.push_back(e);
  return events;
}

icalcomponent* only_event(icalcomponent* calendar) {
  const std::vector<icalcomponent*> events = events_of(calendar);
  EXPECT_EQ(events.size(), 1u);
  return events.empty() ? nullptr : events.front();
}

// A one-meeting file read back: the calendar, and its one event (null when it has not one).
struct ReadBack {
  ComponentPtr calendar;
  icalcomponent* event = nullptr;
};

ReadBack read_meeting(const std::string& ics) {
  ReadBack read{parse(ics)};
  if (read.calendar)
    read.event = only_event(read.calendar.get());
  return read;
}

// The text of a TEXT property as an app shows it (unescaped, unfolded); nullopt when absent.
std::optional<std::string> text_of(icalcomponent* component, icalproperty_kind kind) {
  icalproperty* property = icalcomponent_get_first_property(component, kind);
  if (!property)
    return std::nullopt;
  const char* text = icalvalue_get_text(icalproperty_get_value(property));
  return text ? std::optional<std::string>(text) : std::nullopt;
}

std::string url_of(icalcomponent* event) {
  icalproperty* url = icalcomponent_get_first_property(event, ICAL_URL_PROPERTY);
  return url ? icalproperty_get_url(url) : "";
}

std::optional<std::string> x_property(icalcomponent* component, std::string_view name) {
  for (icalproperty* p = icalcomponent_get_first_property(component, ICAL_X_PROPERTY); p;
       p = icalcomponent_get_next_property(component, ICAL_X_PROPERTY))
    if (icalproperty_get_x_name(p) == name)
      return icalproperty_get_x(p);
  return std::nullopt;
}

// Read from the fields, so the test does not lean on libical's own time conversions.
core::Instant instant_of(icaltimetype time) {
  EXPECT_TRUE(icaltime_is_utc(time));
  const sys_days day = year{time.year} / time.month / time.day;
  return day + hours{time.hour} + minutes{time.minute} + seconds{time.second};
}

core::Instant start_of(icalcomponent* event) {
  return instant_of(icalcomponent_get_dtstart(event));
}
core::Instant end_of(icalcomponent* event) {
  return instant_of(icalcomponent_get_dtend(event));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t from = 0;
  for (std::size_t end; (end = text.find("\r\n", from)) != std::string::npos; from = end + 2)
    lines.push_back(text.substr(from, end - from));
  return lines;
}

// What a reader sees before it unescapes: the folded lines joined again (RFC 5545 3.1).
std::string unfolded(const std::string& text) {
  std::string result;
  for (const std::string& line : lines_of(text)) {
    if (!line.empty() && line.front() == ' ')
      result += line.substr(1);
    else
      result += (result.empty() ? "" : "\r\n") + line;
  }
  return result + "\r\n";
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(CalendarMeeting, AMeetingIsOneEventPublishedByIntervisie) {
  const std::string ics = meeting_ics(tuesday_meeting());
  const ComponentPtr calendar = parse(ics);
  ASSERT_NE(calendar, nullptr);
  icalcomponent* c = calendar.get();
  EXPECT_EQ(text_of(c, ICAL_PRODID_PROPERTY), "-//Intervisie//Intervisie//NL");
  EXPECT_EQ(text_of(c, ICAL_VERSION_PROPERTY), "2.0");
  EXPECT_EQ(text_of(c, ICAL_CALSCALE_PROPERTY), "GREGORIAN");
  EXPECT_EQ(icalcomponent_get_method(c), ICAL_METHOD_PUBLISH);

  icalcomponent* event = only_event(c);
  ASSERT_NE(event, nullptr);
  EXPECT_STREQ(icalcomponent_get_uid(event), "meeting-17@intervisie");
  EXPECT_EQ(icalcomponent_get_sequence(event), 0);
  EXPECT_EQ(icalcomponent_get_status(event), ICAL_STATUS_CONFIRMED);
  EXPECT_EQ(text_of(event, ICAL_SUMMARY_PROPERTY), "Intervisie Dinsdaggroep");
  EXPECT_EQ(text_of(event, ICAL_DESCRIPTION_PROPERTY), "Werkvorm: incidentmethode.");
  EXPECT_EQ(text_of(event, ICAL_LOCATION_PROPERTY), "Buurthuis De Linde, Utrecht");
  EXPECT_EQ(url_of(event), "https://intervisie.example/groepen/7/bijeenkomsten/17");
}

TEST(CalendarMeeting, TimesAreUtcAndTheEndIsTheStartPlusTheLength) {
  CalendarEvent late = tuesday_meeting();
  late.starts_at = sys_days{2026y / December / 31} + 23h + 15min + 999ms;
  late.length = 90min;
  const std::string ics = meeting_ics(late);
  EXPECT_TRUE(contains(ics, "\r\nDTSTART:20261231T231500Z\r\n")) << ics;
  EXPECT_TRUE(contains(ics, "\r\nDTEND:20270101T004500Z\r\n")) << ics;
  EXPECT_TRUE(contains(ics, "\r\nDTSTAMP:20260201T090000Z\r\n")) << ics;
  EXPECT_TRUE(contains(ics, "\r\nLAST-MODIFIED:20260201T090000Z\r\n")) << ics;

  const ReadBack read = read_meeting(ics);
  ASSERT_NE(read.event, nullptr);
  icalcomponent* event = read.event;
  const core::Instant start = sys_days{2026y / December / 31} + 23h + 15min;
  EXPECT_EQ(start_of(event), start);
  EXPECT_EQ(end_of(event), start + 90min);
  EXPECT_EQ(instant_of(icalcomponent_get_dtstamp(event)), late.stamp);
}

TEST(CalendarMeeting, AMovedMeetingKeepsItsUidAndRaisesItsSequence) {
  const CalendarEvent planned = tuesday_meeting();
  CalendarEvent moved = planned;
  moved.sequence = planned.sequence + 1;
  moved.starts_at = planned.starts_at + days{7};
  moved.stamp = planned.stamp + days{3};

  const ReadBack before = read_meeting(meeting_ics(planned));
  const ReadBack after = read_meeting(meeting_ics(moved));
  ASSERT_NE(before.event, nullptr);
  ASSERT_NE(after.event, nullptr);
  EXPECT_STREQ(icalcomponent_get_uid(after.event), icalcomponent_get_uid(before.event));
  EXPECT_GT(icalcomponent_get_sequence(after.event), icalcomponent_get_sequence(before.event));
  EXPECT_EQ(start_of(after.event), planned.starts_at + days{7});
  EXPECT_EQ(end_of(after.event), planned.starts_at + days{7} + 120min);
  EXPECT_EQ(instant_of(icalcomponent_get_dtstamp(after.event)), moved.stamp);
}

TEST(CalendarMeeting, ACalledOffMeetingIsCancelledUnderTheSameUid) {
  CalendarEvent called_off = tuesday_meeting();
  called_off.sequence = 2;
  called_off.status = EventStatus::cancelled;
  const std::string ics = meeting_ics(called_off);
  EXPECT_TRUE(contains(ics, "\r\nSTATUS:CANCELLED\r\n")) << ics;
  EXPECT_TRUE(contains(ics, "\r\nMETHOD:PUBLISH\r\n")) << ics;

  const ReadBack read = read_meeting(ics);
  ASSERT_NE(read.event, nullptr);
  icalcomponent* event = read.event;
  EXPECT_STREQ(icalcomponent_get_uid(event), "meeting-17@intervisie");
  EXPECT_EQ(icalcomponent_get_sequence(event), 2);
  EXPECT_EQ(icalcomponent_get_status(event), ICAL_STATUS_CANCELLED);
}

TEST(CalendarMeeting, AMeetingWaitingForANewDateIsTentative) {
  CalendarEvent waiting = tuesday_meeting();
  waiting.status = EventStatus::tentative;
  const ReadBack read = read_meeting(meeting_ics(waiting));
  ASSERT_NE(read.event, nullptr);
  icalcomponent* event = read.event;
  EXPECT_EQ(icalcomponent_get_status(event), ICAL_STATUS_TENTATIVE);
}

TEST(CalendarText, CommasSemicolonsBackslashesAndLineBreaksAreEscapedAndComeBackIntact) {
  CalendarEvent meeting = tuesday_meeting();
  meeting.summary = "Casus van Eëlco: ja, nee; of \\ misschien";
  meeting.description = "Eerste regel, met een komma.\nTweede regel; met een puntkomma.\n"
                        "Derde regel: ideeën en café\\terras.";
  meeting.location = "Lokaal 3; gebouw B, Utrecht";
  const std::string ics = meeting_ics(meeting);
  const std::string plain = unfolded(ics);
  EXPECT_TRUE(contains(plain, "\r\nSUMMARY:Casus van Eëlco: ja\\, nee\\; of \\\\ misschien\r\n"))
      << ics;
  EXPECT_TRUE(contains(plain, "\r\nDESCRIPTION:Eerste regel\\, met een komma.\\nTweede regel\\; "
                              "met een puntkomma.\\nDerde regel: ideeën en café\\\\terras.\r\n"))
      << ics;
  EXPECT_TRUE(contains(plain, "\r\nLOCATION:Lokaal 3\\; gebouw B\\, Utrecht\r\n")) << ics;

  const ReadBack read = read_meeting(ics);
  ASSERT_NE(read.event, nullptr);
  icalcomponent* event = read.event;
  EXPECT_EQ(text_of(event, ICAL_SUMMARY_PROPERTY), meeting.summary);
  EXPECT_EQ(text_of(event, ICAL_DESCRIPTION_PROPERTY), meeting.description);
  EXPECT_EQ(text_of(event, ICAL_LOCATION_PROPERTY), meeting.location);
}

TEST(CalendarText, LongLinesAreFoldedAt75OctetsBetweenWholeCharacters) {
  CalendarEvent meeting = tuesday_meeting();
  meeting.description.clear();
  for (int i = 0; i < 30; ++i)
    meeting.description += "Beëindiging van het traject, €50; ";
  meeting.description += "einde.";
  meeting.summary = std::string(200, 'x');
  const std::string ics = meeting_ics(meeting);

  int folds = 0;
  for (const std::string& line : lines_of(ics)) {
    EXPECT_LE(line.size(), 75u) << line;
    if (line.empty() || line.front() != ' ')
      continue;
    ++folds;
    ASSERT_GT(line.size(), 1u);
    const auto first = static_cast<unsigned char>(line[1]);
    EXPECT_NE(first & 0xC0u, 0x80u) << "a fold split a character: " << line;
  }
  // The description alone is longer than fourteen full lines.
  EXPECT_GE(folds, static_cast<int>(meeting.description.size() / 75));

  const ReadBack read = read_meeting(ics);
  ASSERT_NE(read.event, nullptr);
  icalcomponent* event = read.event;
  EXPECT_EQ(text_of(event, ICAL_DESCRIPTION_PROPERTY), meeting.description);
  EXPECT_EQ(text_of(event, ICAL_SUMMARY_PROPERTY), meeting.summary);
}

TEST(CalendarText, EveryLineEndsInCrlf) {
  CalendarEvent meeting = tuesday_meeting();
  meeting.description = "Regel een\nRegel twee\n" + std::string(300, 'y');
  const std::vector<CalendarEvent> meetings = {meeting, meeting};
  for (const std::string& file : {meeting_ics(meeting), calendar_feed("Dinsdaggroep", meetings)}) {
    ASSERT_GE(file.size(), 2u);
    EXPECT_TRUE(file.starts_with("BEGIN:VCALENDAR\r\n"));
    EXPECT_TRUE(file.ends_with("END:VCALENDAR\r\n"));
    for (std::size_t i = 0; i < file.size(); ++i) {
      if (file[i] == '\n') {
        EXPECT_TRUE(i > 0 && file[i - 1] == '\r') << "a bare LF at " << i;
      }
      if (file[i] == '\r') {
        EXPECT_TRUE(i + 1 < file.size() && file[i + 1] == '\n') << "a bare CR at " << i;
      }
    }
  }
}

TEST(CalendarText, WindowsLineBreaksAndControlCharactersCannotBreakTheFile) {
  CalendarEvent meeting = tuesday_meeting();
  meeting.summary = "  Intervisie\tDinsdaggroep \n";
  meeting.description = "Regel een\r\nRegel twee\rRegel drie\a";
  meeting.url = " https://intervisie.example/a b\n";
  const std::string ics = meeting_ics(meeting);
  const ReadBack read = read_meeting(ics);
  ASSERT_NE(read.event, nullptr);
  icalcomponent* event = read.event;
  EXPECT_EQ(text_of(event, ICAL_SUMMARY_PROPERTY), "Intervisie\tDinsdaggroep");
  EXPECT_EQ(text_of(event, ICAL_DESCRIPTION_PROPERTY), "Regel een\nRegel twee\nRegel drie");
  EXPECT_EQ(url_of(event), "https://intervisie.example/a%20b");
}

TEST(CalendarText, AnEmptyPlaceOrLinkIsLeftOut) {
  CalendarEvent online = tuesday_meeting();
  online.location = "";
  online.description = " \n ";
  CalendarEvent in_a_room = tuesday_meeting();
  in_a_room.url = "";
  const ReadBack with_link = read_meeting(meeting_ics(online));
  const ReadBack with_place = read_meeting(meeting_ics(in_a_room));
  ASSERT_NE(with_link.event, nullptr);
  ASSERT_NE(with_place.event, nullptr);
  EXPECT_EQ(icalcomponent_get_first_property(with_link.event, ICAL_LOCATION_PROPERTY), nullptr);
  EXPECT_EQ(icalcomponent_get_first_property(with_link.event, ICAL_DESCRIPTION_PROPERTY), nullptr);
  EXPECT_NE(icalcomponent_get_first_property(with_link.event, ICAL_URL_PROPERTY), nullptr);
  EXPECT_EQ(icalcomponent_get_first_property(with_place.event, ICAL_URL_PROPERTY), nullptr);
  EXPECT_NE(icalcomponent_get_first_property(with_place.event, ICAL_LOCATION_PROPERTY), nullptr);
}

TEST(CalendarFeed, AnEmptyFeedIsANamedCalendarWithARefreshHint) {
  const std::string feed = calendar_feed("Intervisie Dinsdaggroep", {});
  EXPECT_TRUE(contains(feed, "\r\nX-WR-CALNAME:Intervisie Dinsdaggroep\r\n")) << feed;
  EXPECT_TRUE(contains(feed, "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n")) << feed;
  EXPECT_TRUE(contains(feed, "\r\nX-PUBLISHED-TTL:PT1H\r\n")) << feed;

  const ComponentPtr calendar = parse(feed);
  ASSERT_NE(calendar, nullptr);
  icalcomponent* c = calendar.get();
  EXPECT_TRUE(events_of(c).empty());
  EXPECT_EQ(text_of(c, ICAL_PRODID_PROPERTY), "-//Intervisie//Intervisie//NL");
  EXPECT_EQ(text_of(c, ICAL_VERSION_PROPERTY), "2.0");
  EXPECT_EQ(text_of(c, ICAL_CALSCALE_PROPERTY), "GREGORIAN");
  EXPECT_EQ(icalcomponent_get_method(c), ICAL_METHOD_PUBLISH);
  EXPECT_EQ(x_property(c, "X-WR-CALNAME"), "Intervisie Dinsdaggroep");
  EXPECT_EQ(text_of(c, ICAL_NAME_PROPERTY), "Intervisie Dinsdaggroep");
  icalproperty* refresh = icalcomponent_get_first_property(c, ICAL_REFRESHINTERVAL_PROPERTY);
  ASSERT_NE(refresh, nullptr);
  EXPECT_EQ(icaldurationtype_as_int(icalproperty_get_refreshinterval(refresh)), 3600);
}

TEST(CalendarFeed, AFeedHoldsEachOfAMembersMeetingsOnceInTheOrderGiven) {
  std::vector<CalendarEvent> meetings(3, tuesday_meeting());
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    meetings[i].uid = "meeting-" + std::to_string(20 + i) + "@intervisie";
    meetings[i].starts_at += weeks{3} * static_cast<int>(i);
  }
  meetings[1].sequence = 4;
  meetings[1].status = EventStatus::cancelled;

  const ComponentPtr calendar = parse(calendar_feed("Dinsdaggroep", meetings));
  ASSERT_NE(calendar, nullptr);
  const std::vector<icalcomponent*> events = events_of(calendar.get());
  ASSERT_EQ(events.size(), 3u);
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(icalcomponent_get_uid(events[i]), meetings[i].uid);
    EXPECT_EQ(start_of(events[i]), meetings[i].starts_at);
    EXPECT_EQ(end_of(events[i]), meetings[i].starts_at + 120min);
  }
  EXPECT_EQ(icalcomponent_get_status(events[0]), ICAL_STATUS_CONFIRMED);
  EXPECT_EQ(icalcomponent_get_status(events[1]), ICAL_STATUS_CANCELLED);
  EXPECT_EQ(icalcomponent_get_sequence(events[1]), 4);
  EXPECT_EQ(icalcomponent_get_status(events[2]), ICAL_STATUS_CONFIRMED);
}

TEST(CalendarFeed, TheCalendarNameMayHoldCommasSemicolonsAndDutchLetters) {
  const std::string name = "Intervisie, groep Noord; ideeën";
  const std::string feed = calendar_feed(name, {});
  EXPECT_TRUE(contains(feed, "\r\nNAME:Intervisie\\, groep Noord\\; ideeën\r\n")) << feed;
  const ComponentPtr calendar = parse(feed);
  ASSERT_NE(calendar, nullptr);
  EXPECT_EQ(x_property(calendar.get(), "X-WR-CALNAME"), name);
  EXPECT_EQ(text_of(calendar.get(), ICAL_NAME_PROPERTY), name);
}

} // namespace
} // namespace intervisie::server::calendar
