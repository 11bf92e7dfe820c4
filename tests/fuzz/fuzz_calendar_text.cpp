// SPDX-License-Identifier: EUPL-1.2
// Texts that people typed (a group's name, a meeting's place, a cancellation's reason) in a
// calendar file. The input is a meeting's summary, description, location and link, separated by
// NUL bytes; texts are well-formed UTF-8, as the group engine lets through.
//   - calendar_text leaves no control character but line break and tab, no blank at either end,
//     and cleans its own output to itself; calendar_link leaves no blank or control character.
//   - Round trip: the meeting's .ics, read back by libical's parser, shows exactly the cleaned
//     texts (what a calendar shows is what we meant).
#include "core/text/typed_text.hpp"
#include "server/calendar/calendar_text.hpp"
#include "server/calendar/ics.hpp"
#include "support/fuzz_support.hpp"

#include <libical/ical.h>

#include <algorithm>

namespace {

using namespace intervisie;
using namespace intervisie::server::calendar;

bool is_control(unsigned char byte) {
  return byte < 0x20 || byte == 0x7F;
}

void check_text(std::string_view text) {
  const std::string clean = calendar_text(text);
  fuzz::require(std::ranges::none_of(clean,
                                     [](char c) {
                                       const auto byte = static_cast<unsigned char>(c);
                                       return is_control(byte) && c != '\n' && c != '\t';
                                     }),
                "calendar_text leaves only line breaks and tabs", clean);
  if (!clean.empty())
    fuzz::require(std::string_view(" \t\r\n").find(clean.front()) == std::string_view::npos &&
                      std::string_view(" \t\r\n").find(clean.back()) == std::string_view::npos,
                  "calendar_text trims", clean);
  fuzz::require(calendar_text(clean) == clean, "calendar_text cleans to itself", clean);
}

void check_link(std::string_view url) {
  const std::string link = calendar_link(url);
  fuzz::require(std::ranges::none_of(link,
                                     [](char c) {
                                       const auto byte = static_cast<unsigned char>(c);
                                       return c == ' ' || is_control(byte);
                                     }),
                "calendar_link leaves no blank or control character", link);
}

// The value of the first property of `kind` in the .ics's event, or "" when it has none.
std::string read_back(icalcomponent* event, icalproperty_kind kind) {
  icalproperty* property = icalcomponent_get_first_property(event, kind);
  if (property == nullptr)
    return {};
  const char* value = icalvalue_get_text(icalproperty_get_value(property));
  return value == nullptr ? std::string() : std::string(value);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parts = fuzz::split(fuzz::text_of(data, size), '\0');
  for (const std::string_view part : parts) {
    if (!core::typed_length(part))
      return 0; // not UTF-8: the engine refuses it before it reaches a calendar
    check_text(part);
    check_link(part);
  }
  const auto part = [&](std::size_t i) {
    return i < parts.size() ? std::string(parts[i]) : std::string();
  };
  CalendarEvent meeting{.uid = "meeting-m-1@intervisie",
                        .sequence = 1,
                        .starts_at = core::Instant{std::chrono::milliseconds(1'767'261'600'000)},
                        .length = std::chrono::minutes(90),
                        .summary = part(0),
                        .description = part(1),
                        .location = part(2),
                        .url = part(3)};
  const std::string ics = meeting_ics(meeting);
  icalcomponent* calendar = icalparser_parse_string(ics.c_str());
  fuzz::require(calendar != nullptr, "a meeting's .ics parses", ics);
  icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
  fuzz::require(event != nullptr, "a meeting's .ics has its event", ics);
  fuzz::require(read_back(event, ICAL_SUMMARY_PROPERTY) == calendar_text(meeting.summary),
                "the summary reads back as cleaned", ics);
  fuzz::require(read_back(event, ICAL_DESCRIPTION_PROPERTY) == calendar_text(meeting.description),
                "the description reads back as cleaned", ics);
  fuzz::require(read_back(event, ICAL_LOCATION_PROPERTY) == calendar_text(meeting.location),
                "the location reads back as cleaned", ics);
  if (const std::string link = calendar_link(meeting.url); !link.empty()) {
    icalproperty* url = icalcomponent_get_first_property(event, ICAL_URL_PROPERTY);
    fuzz::require(url != nullptr && icalproperty_get_url(url) != nullptr &&
                      icalproperty_get_url(url) == link,
                  "the link reads back as written", ics);
  }
  icalcomponent_free(calendar);
  return 0;
}
