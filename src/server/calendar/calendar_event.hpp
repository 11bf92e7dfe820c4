// SPDX-License-Identifier: EUPL-1.2
// One meeting as a calendar sees it: plain data, no knowledge of groups. The group layer fills
// it in; the calendar files are made from it.
#pragma once

#include "core/session/ids.hpp"

#include <chrono>
#include <cstdint>
#include <string>

namespace intervisie::server::calendar {

enum class EventStatus { confirmed, tentative, cancelled };

struct CalendarEvent {
  std::string uid;            // stable per meeting, e.g. "meeting-<id>@intervisie"
  std::uint32_t sequence = 0; // higher on every change a calendar shows (RFC 5545 SEQUENCE)
  core::Instant starts_at;    // UTC
  std::chrono::minutes length{0};
  std::string summary, description, location, url; // Dutch text, any UTF-8
  EventStatus status = EventStatus::confirmed;
  core::Instant stamp; // DTSTAMP and LAST-MODIFIED: when the meeting last changed
};

} // namespace intervisie::server::calendar
