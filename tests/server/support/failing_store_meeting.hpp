// SPDX-License-Identifier: EUPL-1.2
// What the tests of a store that fails under a running meeting (a full disk, a read-only file
// system, a sync that fails) share: long issues that fill a store fast, and the checks that
// nothing acknowledged is lost and nothing refused is seen.
#pragma once

#include "live_meeting.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace intervisie::server::testing {

// The error every command gets that the store could not keep (docs/protocol.md 4.5).
inline constexpr std::string_view storage_failed_message =
    "The server could not store this; nothing of it was kept. Try again in a moment.";

// An issue of about 4,000 characters, with a marker that a test can look for anywhere.
std::string long_issue(const std::string& marker);

struct Proposals {
  std::map<std::uint64_t, std::string> acknowledged; // seq → marker
  std::vector<std::string> refused;                  // markers
};

// Long issues from `who` until the store has refused `in_a_row` of them one after another.
// Each must get exactly one answer: an ack, or `storage_failed` with the documented text.
Proposals propose_until_refused(LiveMeeting& m, Member& who, int in_a_row);

// Whether `text` occurs anywhere in `json`.
bool contains_text(const Json& json, const std::string& text);

// Every event the session has durably, by seq, as a fresh connection with since=0 replays them.
std::map<std::uint64_t, Json> stored_history(const LiveMeeting& m, const Member& who);

// An incident session of "Fenna", "Pieter", "Anna", … from its inventory (Pieter's issue is
// candidate 1) to the finish; the seq of the finish.
std::uint64_t finish_from_inventory(LiveMeeting& m);

} // namespace intervisie::server::testing
