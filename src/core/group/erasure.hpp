// SPDX-License-Identifier: EUPL-1.2
// Erasing a member from a group's history when they delete their account (GDPR / AVG).
#pragma once

#include "core/group/event.hpp"

#include <string_view>
#include <vector>

namespace intervisie::core::group {

// What the history calls someone who deleted their account.
inline constexpr std::string_view erased_name = "oud-lid";

// The same history with `member`'s display name replaced by erased_name and their free texts
// emptied: their cancellation reasons, and the follow-up notes about the cases they presented.
// The history still replays; facts (who signed up, presented, facilitated) stay, nameless.
std::vector<GroupEvent> erase_member(std::vector<GroupEvent> events, const AccountId& member);

} // namespace intervisie::core::group
